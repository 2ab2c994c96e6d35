// problem+json (RFC 9457) replies, and the one table that maps domain errors
// to HTTP status codes.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "common/errors.h"
#include "http/message.h"

namespace techmarket::http {

// Builds a problem+json reply. `errors`, when given, lists each invalid field.
Response problem_response(int status, const std::string& title, const std::string& detail,
                          const std::vector<FieldError>& errors = {});

// Maps the exception in flight (a domain error or an environment failure) to
// a reply. Environment failures give 500 without internal details.
Response response_for_exception(std::exception_ptr error, const std::string& request_id);

}  // namespace techmarket::http
