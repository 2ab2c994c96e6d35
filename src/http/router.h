// Maps a method and a path pattern such as "/api/v1/offers/{id}" to a handler,
// and checks who may call it before the handler runs.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"

namespace techmarket::http {

using Handler = std::function<Response(Request&)>;

// Resolves the caller of a request (see auth::SessionService::resolve).
// Throws UnauthorizedError for credentials that are present but invalid.
using Authenticator = std::function<auth::Principal(const Request&)>;

// Who may call a route. Writes are denied by default: a route registered
// without an Access needs a signed-in caller for POST, PUT, PATCH and DELETE
// and is open for GET and HEAD. Services still check the record itself
// (its organization and status).
struct Access {
  enum class Rule { kDefault, kPublic, kSignedIn, kRoles };

  Rule rule = Rule::kDefault;
  std::vector<auth::Role> roles;  // kRoles: the roles allowed
  // The scope an API token needs; an empty scope refuses API tokens unless
  // the route is public.
  std::string scope;

  static Access open() { return {Rule::kPublic, {}, {}}; }
  static Access signed_in(std::string scope = {}) {
    return {Rule::kSignedIn, {}, std::move(scope)};
  }
  static Access roles_only(std::vector<auth::Role> roles, std::string scope = {}) {
    return {Rule::kRoles, std::move(roles), std::move(scope)};
  }
};

class Router {
 public:
  // Registers `handler` for `method` and `pattern`. A segment "{name}" matches
  // one non-empty path segment and is passed in Request::path_params.
  void add(std::string method, std::string pattern, Handler handler);
  void add(std::string method, std::string pattern, Access access, Handler handler);

  // Sets the function that resolves Request::principal. Without one every
  // caller is a visitor, so every protected route answers 401.
  void set_authenticator(Authenticator authenticator) { authenticator_ = std::move(authenticator); }

  // Resolves the caller, checks the route's Access and the CSRF token, then
  // runs the matching handler. Domain errors and environment failures thrown
  // by the handler become problem+json responses; an unknown path is 404 and
  // a known path with another method is 405.
  Response dispatch(Request& request) const;

  // Sets the handler for GET and HEAD requests whose path no route matches,
  // such as the files of the web application. Without one such paths are 404.
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    Access access;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  Handler fallback_;
  Authenticator authenticator_;
};

// Returns true for methods that change state: POST, PUT, PATCH and DELETE.
bool is_write_method(const std::string& method);

// Throws UnauthorizedError or ForbiddenError unless `request.principal` may
// call `route`. A caller signed in by session cookie must also send the
// session's CSRF token in X-CSRF-Token with every write to a non-public route.
void check_access(const Router::Route& route, const Request& request);

}  // namespace techmarket::http
