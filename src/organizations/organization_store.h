// SQL for organizations. Functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "organizations/organization.h"

namespace techmarket::organizations {

struct OrganizationFilter {
  std::optional<std::string> kind;
  std::optional<std::string> status;  // when absent, every status but archived
  std::optional<std::string> province_code;
  std::int64_t after_id = 0;  // keyset cursor: only ids greater than this
  std::size_t limit = 20;
  // Orders by name with Vietnamese collation (then id) instead of by id; the
  // listing then starts after `offset` rows and ignores after_id.
  bool sort_by_name = false;
  std::size_t offset = 0;
};

// Inserts `organization` with its created_at and updated_at and returns the new id.
std::int64_t insert_organization(db::Connection& connection, const Organization& organization);
void update_organization(db::Connection& connection, const Organization& organization);
std::optional<Organization> find_organization(db::Connection& connection, std::int64_t id);
// Returns up to filter.limit organizations in id order after filter.after_id,
// or in name order after filter.offset rows when filter.sort_by_name is set.
std::vector<Organization> list_organizations(db::Connection& connection,
                                             const OrganizationFilter& filter);

// Returns the district of a commune of the map before 1 July 2025, or
// std::nullopt when the commune is unknown or has no district recorded.
std::optional<std::string> find_old_commune_district(db::Connection& connection,
                                                     const std::string& commune_code);

}  // namespace techmarket::organizations
