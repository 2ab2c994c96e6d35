// SQL for needs. Functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "needs/need.h"

namespace techmarket::needs {

struct NeedFilter {
  std::optional<std::string> status;    // when absent, every status but archived
  std::optional<std::string> st_field;  // also matches its sub-fields: "2" matches "2.5"
  std::optional<std::string> industry_section;
  std::optional<std::int64_t> owner_organization_id;
  std::optional<std::string> province_code;
  // Set for callers who are not reviewers: only published needs, plus every
  // need of viewer_organization_id when it is set.
  bool published_only = false;
  std::optional<std::int64_t> viewer_organization_id;
  std::int64_t after_id = 0;  // keyset cursor: only ids greater than this
  std::size_t limit = 20;
};

// Inserts `need` with its created_at and updated_at and returns the new id.
std::int64_t insert_need(db::Connection& connection, const Need& need);
void update_need(db::Connection& connection, const Need& need);
std::optional<Need> find_need(db::Connection& connection, std::int64_t id);
std::optional<std::int64_t> find_need_id(db::Connection& connection,
                                         const std::string& external_id);
// Returns up to filter.limit needs in id order after filter.after_id.
std::vector<Need> list_needs(db::Connection& connection, const NeedFilter& filter);

// Returns the published needs whose deadline is before `today` (YYYY-MM-DD).
std::vector<std::int64_t> list_need_ids_due_to_expire(db::Connection& connection,
                                                      const std::string& today);

}  // namespace techmarket::needs
