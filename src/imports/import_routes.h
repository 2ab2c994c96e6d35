// HTTP routes that import an uploaded file of offers, needs or organizations.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "http/router.h"
#include "search/outbox.h"

namespace techmarket::imports {

// Uploads are limited to this many bytes; the server's body limit for
// import routes must be at least this.
inline constexpr std::size_t kMaxUploadBytes = 16 * 1024 * 1024;

// Called after a saved import and the indexer's drain with the record type
// ("offer", "need", "organization") and the ids created or updated.
using AfterImport =
    std::function<void(const std::string& record_type, const std::vector<std::int64_t>& ids)>;

// Registers the import routes. Uploaded files are stored in `upload_dir`
// (created when missing) under random names.
void add_import_routes(http::Router& router, db::Pool& pool, search::Indexer& indexer,
                       const std::filesystem::path& upload_dir, AfterImport after_import);

}  // namespace techmarket::imports
