// The rules for technology needs: validation against the reference data,
// saving with the search outbox row in the same transaction, and listing.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/principal.h"
#include "common/errors.h"
#include "common/review_workflow.h"
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
// inside the caller's write transaction, and queues the index update and the
// audit entry of `actor`. `action` names the audit entry; empty means
// "create" or "update".
SaveOutcome upsert_need(db::Connection& connection, Need& need,
                        const auth::Principal& actor = auth::Principal::system(),
                        std::string_view action = {});

// Builds the search document of a need for search::Indexer. Archived or
// missing needs give std::nullopt, so they leave the index.
std::optional<search::SearchDocument> need_search_document(db::Connection& connection,
                                                           std::int64_t id);

class NeedService {
 public:
  NeedService(db::Pool& pool, search::Indexer& indexer) : pool_(pool), indexer_(indexer) {}

  // Each method throws ValidationError, NotFoundError, ForbiddenError or
  // ConflictError for expected failures and changes nothing then. Needs that
  // `actor` may not see (see auth::can_see_record) are NotFoundError.
  //
  // Officers, members and API tokens create needs of their own organization
  // only, as drafts, and cannot change the status by create or update; staff
  // and administrators can.
  Need create(const auth::Principal& actor, const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field) to the need.
  // When an owner edits a published need it returns to "submitted" for review.
  Need update(const auth::Principal& actor, std::int64_t id, const nlohmann::json& patch);
  Need get(const auth::Principal& viewer, std::int64_t id);
  // Moves the need through the review workflow. `body` carries "reason" for
  // kReject and the new "deadline" for kRenew.
  Need transition(const auth::Principal& actor, std::int64_t id, ReviewAction action,
                  const nlohmann::json& body = nlohmann::json::object());
  // Lists the needs `viewer` may see.
  NeedPage list(const auth::Principal& viewer, NeedFilter filter);
  // Expires every published need whose deadline is before `today`
  // (YYYY-MM-DD), as the system; returns how many.
  std::size_t expire_due(const std::string& today);

  // Sets the function called with the need's id after each create, update or
  // transition has committed and reached the search index (matching keeps
  // its matches current through it). Its exceptions are logged, not raised,
  // because the change is already committed.
  void set_after_change(std::function<void(std::int64_t id)> hook) {
    after_change_ = std::move(hook);
  }

 private:
  void notify_change(std::int64_t id);

  Need save(const auth::Principal& actor, std::optional<Need> stored, const nlohmann::json& body);

  db::Pool& pool_;
  search::Indexer& indexer_;
  std::function<void(std::int64_t id)> after_change_;
};

}  // namespace techmarket::needs
