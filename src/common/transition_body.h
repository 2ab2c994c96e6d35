// The body of a review workflow route: a rejection needs a reason, a renewal
// a new expiry date; the other actions take an empty body or {}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/review_workflow.h"

namespace techmarket {

struct TransitionChange {
  std::optional<std::string> reason;      // kReject
  std::optional<std::string> expires_on;  // kRenew, YYYY-MM-DD after `today`
};

// Reads and checks `body` for `action`; throws ValidationError naming each
// invalid field. `date_field` names the renewal date ("expires_on" for
// offers, "deadline" for needs).
TransitionChange read_transition_body(ReviewAction action, const nlohmann::json& body,
                                      const std::string& today,
                                      const std::string& date_field = "expires_on");

}  // namespace techmarket
