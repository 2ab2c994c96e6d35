// SQL for offers. Functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/offer.h"
#include "db/sqlite.h"

namespace techmarket::catalog {

struct OfferFilter {
  std::optional<std::string> kind;
  std::optional<std::string> status;  // when absent, every status but archived
  std::optional<std::string> st_field;
  std::optional<int> trl;
  std::optional<std::int64_t> owner_organization_id;
  std::optional<std::string> province_code;
  // Set for callers who are not reviewers: only published offers, plus every
  // offer of viewer_organization_id when it is set.
  bool published_only = false;
  std::optional<std::int64_t> viewer_organization_id;
  std::int64_t after_id = 0;  // keyset cursor: only ids greater than this
  std::size_t limit = 20;
};

// Inserts `offer` with its created_at and updated_at and returns the new id.
std::int64_t insert_offer(db::Connection& connection, const Offer& offer);
void update_offer(db::Connection& connection, const Offer& offer);
std::optional<Offer> find_offer(db::Connection& connection, std::int64_t id);
std::optional<std::int64_t> find_offer_id(db::Connection& connection,
                                          const std::string& external_id);
// Returns up to filter.limit offers in id order after filter.after_id.
std::vector<Offer> list_offers(db::Connection& connection, const OfferFilter& filter);
// Returns the published offers whose expires_on is before `today` (YYYY-MM-DD).
std::vector<std::int64_t> list_offer_ids_due_to_expire(db::Connection& connection,
                                                       const std::string& today);

}  // namespace techmarket::catalog
