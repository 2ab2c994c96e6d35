#include "auth/record_access.h"

#include <fmt/format.h>

#include "common/errors.h"

namespace techmarket::auth {

bool can_see_record(const Principal& principal, std::optional<std::int64_t> owner,
                    std::string_view status) {
  if (status == "published" || principal.is_reviewer()) return true;
  if (!principal.belongs_to(owner)) return false;
  if (principal.kind == Principal::Kind::kApiToken) {
    return principal.has_scope("catalog:read") || principal.has_scope("catalog:write");
  }
  return principal.kind == Principal::Kind::kUser;
}

void require_editor(const Principal& principal, std::optional<std::int64_t> owner,
                    std::string_view status, const std::string& not_found) {
  if (!can_see_record(principal, owner, status)) throw NotFoundError(not_found);
  if (principal.is_reviewer() || principal.belongs_to(owner)) return;
  throw ForbiddenError("only the owner organization, staff and administrators can change it");
}

std::int64_t owner_for_new_record(const Principal& principal,
                                  std::optional<std::int64_t> requested) {
  if (!principal.organization_id) {
    throw ForbiddenError(
        "the caller belongs to no organization, so it cannot own records; ask an administrator "
        "to set one");
  }
  if (requested && *requested != *principal.organization_id) {
    throw ForbiddenError(
        fmt::format("records can be created only for the caller's own organization (id {})",
                    *principal.organization_id));
  }
  return *principal.organization_id;
}

}  // namespace techmarket::auth
