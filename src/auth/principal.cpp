#include "auth/principal.h"

#include <algorithm>

namespace techmarket::auth {

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

Principal Principal::system() {
  Principal principal;
  principal.kind = Kind::kSystem;
  return principal;
}

bool Principal::has_scope(std::string_view scope) const {
  return kind == Kind::kApiToken && std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

bool Principal::is_reviewer() const {
  return kind == Kind::kSystem || has_role(Role::kAdmin) || has_role(Role::kStaff);
}

bool Principal::belongs_to(std::optional<std::int64_t> organization) const {
  return organization && organization_id && *organization == *organization_id;
}

std::string Principal::describe() const {
  switch (kind) {
    case Kind::kUser:
      return "user:" + std::to_string(id);
    case Kind::kApiToken:
      return "api_token:" + std::to_string(id);
    case Kind::kSystem:
      return "system";
    case Kind::kVisitor:
      break;
  }
  return "visitor";
}

}  // namespace techmarket::auth
