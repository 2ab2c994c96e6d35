// Routes of sessions and password resets:
//   POST   /api/v1/session                 sign in with {"email", "password"} (public)
//   GET    /api/v1/session                 the signed-in user and CSRF token, or 401
//   DELETE /api/v1/session                 sign out
//   DELETE /api/v1/sessions                sign out of every session of the account
//   POST   /api/v1/password-reset          send a reset token by email (public)
//   POST   /api/v1/password-reset/confirm  set a new password with {"token", "password"} (public)
#include "auth/session_routes.h"

#include "common/errors.h"
#include "common/field_reader.h"
#include "http/params.h"

namespace techmarket::auth {
namespace {

std::string cookie(const SessionService& service, std::string_view name, const std::string& value,
                   bool http_only, long long max_age) {
  auto text = std::string(name) + "=" + value +
              "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (http_only) text += "; HttpOnly";
  if (service.options().secure_cookies) text += "; Secure";
  return text;
}

void clear_cookies(const SessionService& service, http::Response& response) {
  response.headers.emplace_back("Set-Cookie", cookie(service, kSessionCookie, "", true, 0));
  response.headers.emplace_back("Set-Cookie", cookie(service, kCsrfCookie, "", false, 0));
}

// Reads a string field that must be present; passwords are not trimmed or normalised.
std::string required_string(const nlohmann::json& body, const std::string& name,
                            std::vector<FieldError>& errors) {
  if (!body.contains(name) || !body[name].is_string() || body[name].get<std::string>().empty()) {
    errors.push_back({name, "is required and must be a non-empty string"});
    return "";
  }
  return body[name].get<std::string>();
}

nlohmann::json read_object(const http::Request& request) {
  auto body = http::json_body(request);
  if (!body.is_object()) {
    throw ValidationError(std::vector<FieldError>{{"", "expected a JSON object"}});
  }
  return body;
}

}  // namespace

std::optional<std::string> cookie_value(const http::Request& request, std::string_view name) {
  auto header = request.header("cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto end = rest.find(';');
    auto pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    auto first = pair.find_first_not_of(' ');
    if (first == std::string_view::npos) continue;
    pair = pair.substr(first);
    auto equals = pair.find('=');
    if (equals == std::string_view::npos || pair.substr(0, equals) != name) continue;
    auto value = pair.substr(equals + 1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    return std::string(value);
  }
  return std::nullopt;
}

http::Authenticator make_authenticator(SessionService& service) {
  return [&service](const http::Request& request) {
    Credentials credentials;
    if (auto authorization = request.header("authorization")) {
      constexpr std::string_view kBearer = "Bearer ";
      if (authorization->rfind(kBearer, 0) != 0) {
        throw UnauthorizedError("the Authorization header must be \"Bearer <API token>\"");
      }
      credentials.bearer_token = authorization->substr(kBearer.size());
    }
    credentials.session_token = cookie_value(request, kSessionCookie);
    return service.resolve(credentials);
  };
}

void add_session_routes(http::Router& router, SessionService& service) {
  router.add("POST", "/api/v1/session", http::Access::open(), [&service](http::Request& request) {
    auto body = read_object(request);
    std::vector<FieldError> errors;
    auto email = required_string(body, "email", errors);
    auto password = required_string(body, "password", errors);
    for (const auto& [key, value] : body.items()) {
      if (key != "email" && key != "password") errors.push_back({key, "is not a known field"});
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));

    auto result = service.sign_in(email, password, request.client_address);
    auto response = http::json_response(
        200, {{"user", to_json(result.user)}, {"csrf_token", result.csrf_token}});
    auto max_age = service.options().session_lifetime.count();
    response.headers.emplace_back(
        "Set-Cookie", cookie(service, kSessionCookie, result.session_token, true, max_age));
    response.headers.emplace_back("Set-Cookie",
                                  cookie(service, kCsrfCookie, result.csrf_token, false, max_age));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  });

  router.add("GET", "/api/v1/session", [&service](http::Request& request) {
    auto user = service.current_user(request.principal);
    auto response = http::json_response(
        200, {{"user", to_json(user)}, {"csrf_token", request.principal.csrf_token}});
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  });

  router.add("DELETE", "/api/v1/session", [&service](http::Request& request) {
    service.sign_out(request.principal);
    http::Response response;
    response.status = 204;
    clear_cookies(service, response);
    return response;
  });

  router.add("DELETE", "/api/v1/sessions", [&service](http::Request& request) {
    int ended = service.sign_out_everywhere(request.principal);
    auto response = http::json_response(200, {{"sessions_ended", ended}});
    clear_cookies(service, response);
    return response;
  });

  router.add(
      "POST", "/api/v1/password-reset", http::Access::open(), [&service](http::Request& request) {
        auto body = read_object(request);
        std::vector<FieldError> errors;
        auto email = required_string(body, "email", errors);
        if (!errors.empty()) throw ValidationError(std::move(errors));
        service.request_password_reset(email);
        return http::json_response(
            202,
            {{"detail", "If the email belongs to an active account, a reset token was sent."}});
      });

  router.add("POST", "/api/v1/password-reset/confirm", http::Access::open(),
             [&service](http::Request& request) {
               auto body = read_object(request);
               std::vector<FieldError> errors;
               auto token = required_string(body, "token", errors);
               auto password = required_string(body, "password", errors);
               if (!errors.empty()) throw ValidationError(std::move(errors));
               service.reset_password(token, password);
               http::Response response;
               response.status = 204;
               return response;
             });
}

}  // namespace techmarket::auth
