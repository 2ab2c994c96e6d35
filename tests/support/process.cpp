#include "support/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace techmarket::testing {
namespace {

pid_t spawn(const std::vector<std::string>& arguments, int output_fd, int input_fd = -1) {
  std::vector<char*> argv;
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The test process blocks no signals we rely on, but reset the mask anyway.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (input_fd >= 0) dup2(input_fd, STDIN_FILENO);
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

CommandResult run_command(const std::vector<std::string>& arguments, const std::string& input) {
  char input_path[] = "/tmp/techmarket-input-XXXXXX";
  int input_fd = mkstemp(input_path);
  if (::write(input_fd, input.data(), input.size()) != static_cast<ssize_t>(input.size())) {
    throw std::runtime_error("cannot write the standard input of a command");
  }
  lseek(input_fd, 0, SEEK_SET);

  char path[] = "/tmp/techmarket-command-XXXXXX";
  int fd = mkstemp(path);
  pid_t pid = spawn(arguments, fd, input_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fd);
  close(input_fd);
  std::remove(input_path);

  std::ifstream output(path);
  std::stringstream text;
  text << output.rdbuf();
  std::remove(path);
  return {exit_code_of(status), text.str()};
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& arguments,
                                     std::string log_path)
    : log_path_(std::move(log_path)) {
  int fd = open(log_path_.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  pid_ = spawn(arguments, fd);
  close(fd);
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

int BackgroundProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return exit_code_of(status);
}

std::string BackgroundProcess::log() const {
  std::ifstream input(log_path_);
  std::stringstream text;
  text << input.rdbuf();
  return text.str();
}

}  // namespace techmarket::testing
