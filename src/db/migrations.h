// Schema versions of the SQLite database, applied in order at start-up.
#pragma once

#include "db/sqlite.h"

namespace techmarket::db {

// Brings the database to the newest schema version in one transaction per
// version, and returns the number of versions applied.
int migrate(Connection& connection);

// Returns the newest schema version this build knows.
int latest_schema_version();

}  // namespace techmarket::db
