#include "app/cli.h"

namespace techmarket::app {

int run_cli(int, char**) { return 0; }

}  // namespace techmarket::app
