#include "organizations/lookup.h"

namespace techmarket::organizations {

bool organization_exists(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare("SELECT 1 FROM organizations WHERE id = ?");
  query.bind(1, id);
  return query.step();
}

std::optional<std::string> find_organization_kind(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare("SELECT kind FROM organizations WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return query.column_text(0);
}

std::optional<std::int64_t> find_organization_id(db::Connection& connection,
                                                 const std::string& external_id) {
  auto query = connection.prepare("SELECT id FROM organizations WHERE external_id = ?");
  query.bind(1, external_id);
  if (!query.step()) return std::nullopt;
  return query.column_int64(0);
}

}  // namespace techmarket::organizations
