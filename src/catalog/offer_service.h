// The rules for offers: validation against the reference data, saving with
// the search outbox row in the same transaction, and listing.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/principal.h"
#include "catalog/offer.h"
#include "catalog/offer_store.h"
#include "common/errors.h"
#include "common/review_workflow.h"
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
// inside the caller's write transaction, and queues the index update and the
// audit entry of `actor`. `action` names the audit entry; empty means
// "create" or "update".
SaveOutcome upsert_offer(db::Connection& connection, Offer& offer,
                         const auth::Principal& actor = auth::Principal::system(),
                         std::string_view action = {});

// Builds the search document of an offer (for search::Indexer).
std::optional<search::SearchDocument> offer_search_document(db::Connection& connection,
                                                            std::int64_t id);

class OfferService {
 public:
  OfferService(db::Pool& pool, search::Indexer& indexer) : pool_(pool), indexer_(indexer) {}

  // Each method throws ValidationError, NotFoundError, ForbiddenError or
  // ConflictError for expected failures and changes nothing then. Offers
  // that `actor` may not see (see auth::can_see_record) are NotFoundError.
  //
  // Officers, members and API tokens create offers of their own organization
  // only, as drafts, and cannot change the status by create or update; staff
  // and administrators can.
  Offer create(const auth::Principal& actor, const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field) to the offer.
  // When an owner edits a published offer it returns to "submitted" for review.
  Offer update(const auth::Principal& actor, std::int64_t id, const nlohmann::json& patch);
  Offer get(const auth::Principal& viewer, std::int64_t id);
  // Moves the offer through the review workflow. `body` carries "reason" for
  // kReject and "expires_on" for kRenew.
  Offer transition(const auth::Principal& actor, std::int64_t id, ReviewAction action,
                   const nlohmann::json& body = nlohmann::json::object());
  // Lists the offers `viewer` may see.
  OfferPage list(const auth::Principal& viewer, OfferFilter filter);
  // Expires every published offer whose expires_on is before `today`
  // (YYYY-MM-DD), as the system; returns how many.
  std::size_t expire_due(const std::string& today);

  // Sets the function called with the offer's id after each create, update or
  // transition has committed and reached the search index (matching keeps
  // its matches current through it). Its exceptions are logged, not raised,
  // because the change is already committed.
  void set_after_change(std::function<void(std::int64_t id)> hook) {
    after_change_ = std::move(hook);
  }

 private:
  void notify_change(std::int64_t id);

  Offer save(const auth::Principal& actor, std::optional<Offer> stored, const nlohmann::json& body);

  db::Pool& pool_;
  search::Indexer& indexer_;
  std::function<void(std::int64_t id)> after_change_;
};

}  // namespace techmarket::catalog
