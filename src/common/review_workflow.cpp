#include "common/review_workflow.h"

#include <array>
#include <vector>

namespace techmarket {
namespace {

struct Transition {
  ReviewAction action;
  std::string_view name;
  std::vector<std::string_view> from;  // empty: any status but archived
  std::string_view to;
  bool reviewer_only;
};

const std::array<Transition, 6>& transitions() {
  static const std::array<Transition, 6> table = {{
      {ReviewAction::kSubmit, "submit", {"draft", "rejected"}, "submitted", false},
      {ReviewAction::kPublish, "publish", {"submitted"}, "published", true},
      {ReviewAction::kReject, "reject", {"submitted"}, "rejected", true},
      {ReviewAction::kRenew, "renew", {"published", "expired"}, "published", false},
      {ReviewAction::kArchive, "archive", {}, "archived", false},
      {ReviewAction::kExpire, "expire", {"published"}, "expired", true},
  }};
  return table;
}

const Transition& find(ReviewAction action) {
  return transitions()[static_cast<std::size_t>(action)];
}

}  // namespace

std::string_view review_action_name(ReviewAction action) { return find(action).name; }

bool needs_reviewer(ReviewAction action) { return find(action).reviewer_only; }

std::optional<std::string> next_status(ReviewAction action, std::string_view status) {
  const auto& transition = find(action);
  if (transition.from.empty()) {
    if (status == "archived") return std::nullopt;
    return std::string(transition.to);
  }
  for (auto from : transition.from) {
    if (from == status) return std::string(transition.to);
  }
  return std::nullopt;
}

std::string allowed_statuses(ReviewAction action) {
  const auto& transition = find(action);
  if (transition.from.empty()) return "any status but archived";
  std::string text;
  for (std::size_t i = 0; i < transition.from.size(); ++i) {
    if (i > 0) text += i + 1 == transition.from.size() ? " or " : ", ";
    text += transition.from[i];
  }
  return text;
}

}  // namespace techmarket
