#include "common/transition_body.h"

#include "common/errors.h"
#include "common/field_reader.h"

namespace techmarket {

TransitionChange read_transition_body(ReviewAction action, const nlohmann::json& body,
                                      const std::string& today, const std::string& date_field) {
  TransitionChange change;
  const nlohmann::json empty = nlohmann::json::object();
  FieldReader reader(body.is_null() ? empty : body);
  if (action == ReviewAction::kReject) {
    change.reason = reader.required_text("reason", {.max_length = 2000, .multiline = true});
  }
  if (action == ReviewAction::kRenew) {
    change.expires_on = reader.date(date_field);
    if (!change.expires_on && reader.errors().empty()) {
      reader.add_error(date_field, "is required: the new expiry date, YYYY-MM-DD");
    } else if (change.expires_on && *change.expires_on <= today) {
      reader.add_error(date_field, "must be after today, " + today);
    }
  }
  reader.reject_unknown_fields();
  reader.throw_if_errors();
  return change;
}

}  // namespace techmarket
