// Who may see and change an offer or a need, from its owner organization and
// status. Published records are public. An unpublished record is visible
// only to reviewers and to its own organization; anyone else gets
// NotFoundError, so the ids of unpublished records do not leak.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"

namespace techmarket::auth {

bool can_see_record(const Principal& principal, std::optional<std::int64_t> owner,
                    std::string_view status);

// Throws NotFoundError(`not_found`) when the caller cannot see the record, or
// ForbiddenError when it can see it but is neither a reviewer nor a member
// of the owner organization.
void require_editor(const Principal& principal, std::optional<std::int64_t> owner,
                    std::string_view status, const std::string& not_found);

// Returns the organization whose records a non-reviewer creates. Throws
// ForbiddenError when `requested` names another organization or the caller
// has none.
std::int64_t owner_for_new_record(const Principal& principal,
                                  std::optional<std::int64_t> requested);

}  // namespace techmarket::auth
