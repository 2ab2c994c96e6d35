#include "http/router.h"

#include <algorithm>
#include <exception>

#include "auth/secrets.h"
#include "http/problem.h"

namespace techmarket::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) segments.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) segments.push_back(std::move(current));
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Router::Route& route, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) {
  if (route.segments.size() != segments.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto& expected = route.segments[i];
    if (is_parameter(expected)) {
      found[expected.substr(1, expected.size() - 2)] = segments[i];
    } else if (expected != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  add(std::move(method), std::move(pattern), Access{}, std::move(handler));
}

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  auto segments = split_path(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler),
                     std::move(access)});
}

bool is_write_method(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

void check_access(const Router::Route& route, const Request& request) {
  const auto& principal = request.principal;
  bool write = is_write_method(request.method);
  auto rule = route.access.rule;
  if (rule == Access::Rule::kDefault) {
    rule = write ? Access::Rule::kSignedIn : Access::Rule::kPublic;
  }
  if (rule == Access::Rule::kPublic) return;

  if (!principal.signed_in()) {
    throw UnauthorizedError(
        "sign in first with POST /api/v1/session, or send an API token as "
        "\"Authorization: Bearer <token>\"");
  }
  if (write && principal.session_id != 0) {
    auto sent = request.header("x-csrf-token");
    if (!sent || !auth::equal_in_constant_time(*sent, principal.csrf_token)) {
      throw ForbiddenError(
          "the X-CSRF-Token header is missing or does not match the session; send the "
          "csrf_token returned by POST /api/v1/session (also in the tm_csrf cookie)");
    }
  }

  if (principal.kind == auth::Principal::Kind::kSystem) return;
  if (principal.kind == auth::Principal::Kind::kApiToken) {
    if (route.access.scope.empty() || !principal.has_scope(route.access.scope)) {
      throw ForbiddenError(route.access.scope.empty()
                               ? request.method + " " + route.pattern +
                                     " is not open to API tokens; sign in as a user"
                               : "this API token lacks the scope \"" + route.access.scope + "\"");
    }
    return;
  }
  if (rule == Access::Rule::kRoles) {
    const auto& allowed = route.access.roles;
    bool permitted = principal.role &&
                     std::find(allowed.begin(), allowed.end(), *principal.role) != allowed.end();
    if (!permitted) {
      std::string names;
      for (auto role : allowed) {
        if (!names.empty()) names += ", ";
        names += auth::role_name(role);
      }
      throw ForbiddenError(request.method + " " + route.pattern +
                           " is only for the roles: " + names);
    }
  }
}

Response Router::dispatch(Request& request) const {
  auto segments = split_path(request.path);
  bool path_known = false;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(route, segments, params)) continue;
    path_known = true;
    bool same_method =
        route.method == request.method || (route.method == "GET" && request.method == "HEAD");
    if (!same_method) continue;

    request.path_params = std::move(params);
    try {
      if (authenticator_) request.principal = authenticator_(request);
      check_access(route, request);
      return route.handler(request);
    } catch (...) {
      return response_for_exception(std::current_exception(), request.request_id);
    }
  }
  if (path_known) {
    return problem_response(405, "Method not allowed",
                            request.method + " is not allowed on " + request.path);
  }
  if (fallback_ && (request.method == "GET" || request.method == "HEAD")) {
    try {
      return fallback_(request);
    } catch (...) {
      return response_for_exception(std::current_exception(), request.request_id);
    }
  }
  return problem_response(404, "Not found", "No resource at " + request.path);
}

}  // namespace techmarket::http
