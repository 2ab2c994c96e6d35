// The `techmarket import ...` commands.
#pragma once

#include <string>

namespace techmarket::app {

enum class ImportKind { kReference, kOffers, kNeeds, kOrganizations };

// Imports `source` into the platform under `data_dir`, prints a summary on
// standard output and every rejected row on standard error, and returns the
// exit status: 0 when imported, 1 when rejected (nothing changed then).
int run_import(const std::string& data_dir, ImportKind kind, const std::string& source);

}  // namespace techmarket::app
