// Runs the techmarket program from tests, in the foreground or as a server.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace techmarket::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and standard error together
};

// Runs `arguments` (the program first) to completion, with `input` on its
// standard input.
CommandResult run_command(const std::vector<std::string>& arguments, const std::string& input = "");

// A program started in the background whose output goes to a log file.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& arguments, std::string log_path);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // Sends `signal` and waits; returns the exit code, or -1 when a signal ended it.
  int stop(int signal);
  std::string log() const;

 private:
  pid_t pid_ = -1;
  std::string log_path_;
};

}  // namespace techmarket::testing
