// Accounts for tests that call routes: creates a user in a Platform, signs it
// in through POST /api/v1/session and adds its cookie and CSRF token to requests.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/platform.h"
#include "auth/clock.h"

namespace techmarket::testing {

inline constexpr const char* kTestPassword = "mật khẩu đủ dài 123";

struct TestSession {
  std::int64_t user_id = 0;
  std::string session_token;
  std::string csrf_token;
};

// Platform options for tests: argon2id at its minimum cost so that tests
// creating many accounts stay fast, and `clock` when given.
app::PlatformOptions test_platform_options(std::shared_ptr<auth::Clock> clock = nullptr);

// Creates an account with kTestPassword (as the system) and returns its id.
std::int64_t add_user(auth::UserService& users, const std::string& email, auth::Role role,
                      std::optional<std::int64_t> organization_id = std::nullopt);
std::int64_t add_user(app::Platform& platform, const std::string& email, auth::Role role,
                      std::optional<std::int64_t> organization_id = std::nullopt);

// Signs `email` in through POST /api/v1/session on `router`; fails the test
// when it does not get 200.
TestSession sign_in(const http::Router& router, const std::string& email,
                    const std::string& password = kTestPassword);
TestSession sign_in(app::Platform& platform, const std::string& email,
                    const std::string& password = kTestPassword);

// Creates an account and signs it in.
TestSession signed_in_user(app::Platform& platform, const std::string& email, auth::Role role,
                           std::optional<std::int64_t> organization_id = std::nullopt);

// Adds the session cookie and the X-CSRF-Token header to `request`.
void authenticate(http::Request& request, const TestSession& session);

// Builds a request; a non-empty body is sent as JSON.
http::Request make_request(const std::string& method, const std::string& path,
                           const std::string& body = "");

}  // namespace techmarket::testing
