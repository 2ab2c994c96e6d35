// The command line: serve, import, reindex.
#pragma once

namespace techmarket::app {

// Parses the arguments, runs the chosen command and returns the exit status.
int run_cli(int argc, char** argv);

}  // namespace techmarket::app
