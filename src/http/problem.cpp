#include "http/problem.h"

#include <spdlog/spdlog.h>

#include "db/sqlite.h"

namespace techmarket::http {

Response problem_response(int status, const std::string& title, const std::string& detail,
                          const std::vector<FieldError>& errors) {
  nlohmann::json body = {{"type", "about:blank"}, {"title", title}, {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  if (!errors.empty()) {
    auto& list = body["errors"] = nlohmann::json::array();
    for (const auto& error : errors) {
      list.push_back({{"field", error.field}, {"message", error.message}});
    }
  }
  Response response = json_response(status, body);
  response.content_type = "application/problem+json";
  return response;
}

Response response_for_exception(std::exception_ptr error, const std::string& request_id) {
  try {
    std::rethrow_exception(error);
  } catch (const ValidationError& e) {
    return problem_response(422, "Invalid fields",
                            "One or more fields are invalid; nothing was saved.", e.errors());
  } catch (const BadRequestError& e) {
    return problem_response(400, "Bad request", e.what());
  } catch (const NotFoundError& e) {
    return problem_response(404, "Not found", e.what());
  } catch (const ConflictError& e) {
    return problem_response(409, "Conflict", e.what());
  } catch (const PayloadTooLargeError& e) {
    return problem_response(413, "Payload too large", e.what());
  } catch (const UnauthorizedError& e) {
    auto response = problem_response(401, "Unauthorized", e.what());
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"techmarket\"");
    return response;
  } catch (const ForbiddenError& e) {
    return problem_response(403, "Forbidden", e.what());
  } catch (const TooManyRequestsError& e) {
    auto response = problem_response(429, "Too many requests", e.what());
    response.headers.emplace_back("Retry-After", std::to_string(e.retry_after_seconds()));
    return response;
  } catch (const db::Error& e) {
    spdlog::error("event=database_error request_id={} error=\"{}\"", request_id, e.what());
    return problem_response(500, "Internal error",
                            "The database failed; the request was not completed.");
  } catch (const std::exception& e) {
    spdlog::error("event=unhandled_error request_id={} error=\"{}\"", request_id, e.what());
    return problem_response(500, "Internal error", "The request was not completed.");
  }
}

}  // namespace techmarket::http
