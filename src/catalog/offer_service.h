// The rules for offers: validation against the reference data, saving with
// the search outbox row in the same transaction, and listing.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "catalog/offer.h"
#include "catalog/offer_store.h"
#include "common/errors.h"
#include "common/save_outcome.h"
#include "db/sqlite.h"
#include "search/index.h"
#include "search/outbox.h"

namespace techmarket::catalog {

struct OfferPage {
  std::vector<Offer> items;
  std::optional<std::int64_t> next_after_id;  // set when more offers follow
};

// Reads and validates one whole offer from `body`, including the checks that
// need the database. Returns the errors instead of throwing, so an importer
// can collect them for every row.
std::vector<FieldError> validate_offer(db::Connection& connection, const nlohmann::json& body,
                                       Offer& offer);

// Inserts `offer`, or updates the stored offer with the same external_id,
// inside the caller's write transaction, and queues the index update.
SaveOutcome upsert_offer(db::Connection& connection, Offer& offer);

// Builds the search document of an offer (for search::Indexer).
std::optional<search::SearchDocument> offer_search_document(db::Connection& connection,
                                                            std::int64_t id);

class OfferService {
 public:
  OfferService(db::Pool& pool, search::Indexer& indexer) : pool_(pool), indexer_(indexer) {}

  // Each method throws ValidationError, NotFoundError or ConflictError for
  // expected failures and changes nothing then.
  Offer create(const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field) to the offer.
  Offer update(std::int64_t id, const nlohmann::json& patch);
  Offer get(std::int64_t id);
  Offer archive(std::int64_t id);
  OfferPage list(const OfferFilter& filter);

 private:
  Offer save(std::optional<std::int64_t> id, const nlohmann::json& body);

  db::Pool& pool_;
  search::Indexer& indexer_;
};

}  // namespace techmarket::catalog
