// The SQL of each schema version. Versions are never edited once released;
// a change is a new version.
#pragma once

#include <string_view>
#include <vector>

namespace techmarket::db {

struct SchemaVersion {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<SchemaVersion>& schema_versions();

}  // namespace techmarket::db
