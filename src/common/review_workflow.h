// The review workflow of offers and needs:
//
//   draft -> submitted -> published -> expired (at the expiry date) -> published (renewed)
//                      \-> rejected (with a reason) -> submitted
//   any status but archived -> archived
//
// Owners submit, renew and archive; staff and administrators publish and
// reject; the system expires.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace techmarket {

enum class ReviewAction { kSubmit, kPublish, kReject, kRenew, kArchive, kExpire };

// Returns "submit", "publish", ... as used in routes and the audit log.
std::string_view review_action_name(ReviewAction action);

// Returns true for actions that only reviewers (staff, admin, system) may take.
bool needs_reviewer(ReviewAction action);

// Returns the status that `action` leads to from `status`, or std::nullopt
// when the workflow does not allow it.
std::optional<std::string> next_status(ReviewAction action, std::string_view status);

// Returns the statuses from which `action` is allowed, such as "draft or rejected".
std::string allowed_statuses(ReviewAction action);

}  // namespace techmarket
