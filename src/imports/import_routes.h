// HTTP routes that import an uploaded file of offers, needs or organizations.
#pragma once

#include <filesystem>

#include "db/sqlite.h"
#include "http/router.h"
#include "search/outbox.h"

namespace techmarket::imports {

// Uploads are limited to this many bytes; the server's body limit for
// import routes must be at least this.
inline constexpr std::size_t kMaxUploadBytes = 16 * 1024 * 1024;

// Registers the import routes. Uploaded files are stored in `upload_dir`
// (created when missing) under random names.
void add_import_routes(http::Router& router, db::Pool& pool, search::Indexer& indexer,
                       const std::filesystem::path& upload_dir);

}  // namespace techmarket::imports
