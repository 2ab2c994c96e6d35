// SQL for deals, their parties, history, messages and documents. Functions
// run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "deals/deal.h"

namespace techmarket::deals {

struct DealFilter {
  std::optional<std::string> stage;
  // Set for callers who do not see every deal: only deals that this user
  // opened or in which viewer_organization_id is a party.
  bool involved_only = false;
  std::optional<std::int64_t> viewer_user_id;
  std::optional<std::int64_t> viewer_organization_id;
  std::int64_t after_id = 0;  // keyset cursor: only ids greater than this
  std::size_t limit = 20;
};

// Inserts the deal with its parties and returns the new id. The history is
// not written here (see insert_stage_change).
std::int64_t insert_deal(db::Connection& connection, const Deal& deal);
// Updates the stage, abandon_reason, certificate_number and updated_at.
void update_deal_stage(db::Connection& connection, const Deal& deal);
void insert_stage_change(db::Connection& connection, std::int64_t deal_id,
                         const StageChange& change);
// Returns the deal with its parties (with organization names and provinces)
// and its history.
std::optional<Deal> find_deal(db::Connection& connection, std::int64_t id);
std::vector<Deal> list_deals(db::Connection& connection, const DealFilter& filter);

std::int64_t insert_message(db::Connection& connection, const DealMessage& message);
std::optional<DealMessage> find_message(db::Connection& connection, std::int64_t id);
// Returns up to `limit` messages of the deal with ids above `after_id`, oldest first.
std::vector<DealMessage> list_messages(db::Connection& connection, std::int64_t deal_id,
                                       std::int64_t after_id, std::size_t limit);

std::int64_t insert_document(db::Connection& connection, const DealDocument& document);
std::optional<DealDocument> find_document(db::Connection& connection, std::int64_t deal_id,
                                          std::int64_t document_id);
std::vector<DealDocument> list_documents(db::Connection& connection, std::int64_t deal_id,
                                         std::int64_t after_id, std::size_t limit);

}  // namespace techmarket::deals
