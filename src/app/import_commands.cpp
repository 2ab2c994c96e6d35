#include "app/import_commands.h"

#include <stdexcept>

namespace techmarket::app {

int run_import(const std::string&, ImportKind, const std::string&) {
  throw std::runtime_error("import is being wired up");
}

}  // namespace techmarket::app
