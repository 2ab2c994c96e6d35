#pragma once

#include "auth/session_service.h"
#include "http/router.h"

namespace techmarket::auth {

inline constexpr const char* kSessionCookie = "tm_session";
inline constexpr const char* kCsrfCookie = "tm_csrf";

void add_session_routes(http::Router& router, SessionService& service);

// Returns the router's authenticator: it reads the bearer token or the
// session cookie of a request and resolves them with `service`.
http::Authenticator make_authenticator(SessionService& service);

// Returns the value of cookie `name` in the Cookie header, if present.
std::optional<std::string> cookie_value(const http::Request& request, std::string_view name);

}  // namespace techmarket::auth
