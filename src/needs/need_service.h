// The rules for technology needs: validation against the reference data,
// saving with the search outbox row in the same transaction, and listing.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "common/errors.h"
#include "common/save_outcome.h"
#include "db/sqlite.h"
#include "needs/need.h"
#include "needs/need_store.h"
#include "search/index.h"
#include "search/outbox.h"

namespace techmarket::needs {

struct NeedPage {
  std::vector<Need> items;
  std::optional<std::int64_t> next_after_id;  // set when more needs follow
};

// Reads and validates one whole need from `body`, including the checks that
// need the database: the S&T field, the VSIC section of its version, the
// province and commune of edition "2025" and the owner organization exist.
// Returns the errors instead of throwing, so an importer can collect them for
// every row.
std::vector<FieldError> validate_need(db::Connection& connection, const nlohmann::json& body,
                                      Need& need);

// Inserts `need`, or updates the stored need with the same id or external_id,
// inside the caller's write transaction, and queues the index update.
SaveOutcome upsert_need(db::Connection& connection, Need& need);

// Builds the search document of a need for search::Indexer. Archived or
// missing needs give std::nullopt, so they leave the index.
std::optional<search::SearchDocument> need_search_document(db::Connection& connection,
                                                           std::int64_t id);

class NeedService {
 public:
  NeedService(db::Pool& pool, search::Indexer& indexer) : pool_(pool), indexer_(indexer) {}

  // Each method throws ValidationError, NotFoundError or ConflictError for
  // expected failures and changes nothing then.
  Need create(const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field) to the need.
  Need update(std::int64_t id, const nlohmann::json& patch);
  Need get(std::int64_t id);
  Need archive(std::int64_t id);
  NeedPage list(const NeedFilter& filter);

 private:
  Need save(std::optional<std::int64_t> id, const nlohmann::json& body);

  db::Pool& pool_;
  search::Indexer& indexer_;
};

}  // namespace techmarket::needs
