#include "support/accounts.h"

#include <gtest/gtest.h>

namespace techmarket::testing {

app::PlatformOptions test_platform_options(std::shared_ptr<auth::Clock> clock) {
  app::PlatformOptions options;
  options.auth.password_cost = auth::PasswordCost::kMinimum;
  if (clock) options.auth.clock = std::move(clock);
  return options;
}

std::int64_t add_user(app::Platform& platform, const std::string& email, auth::Role role,
                      std::optional<std::int64_t> organization_id) {
  return add_user(platform.users(), email, role, organization_id);
}

std::int64_t add_user(auth::UserService& users, const std::string& email, auth::Role role,
                      std::optional<std::int64_t> organization_id) {
  nlohmann::json body = {{"email", email},
                         {"name", "Người dùng thử"},
                         {"role", std::string(auth::role_name(role))},
                         {"password", kTestPassword}};
  if (organization_id) body["organization_id"] = *organization_id;
  return users.create(auth::Principal::system(), body).id;
}

http::Request make_request(const std::string& method, const std::string& path,
                           const std::string& body) {
  http::Request request;
  request.method = method;
  request.path = path;
  request.body = body;
  request.client_address = "127.0.0.1";
  if (!body.empty()) request.headers["content-type"] = "application/json";
  return request;
}

TestSession sign_in(app::Platform& platform, const std::string& email,
                    const std::string& password) {
  return sign_in(platform.router(), email, password);
}

TestSession sign_in(const http::Router& router, const std::string& email,
                    const std::string& password) {
  auto request = make_request("POST", "/api/v1/session",
                              nlohmann::json{{"email", email}, {"password", password}}.dump());
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 200) << response.body;
  TestSession session;
  if (response.status != 200) return session;
  auto body = nlohmann::json::parse(response.body);
  session.user_id = body["user"]["id"].get<std::int64_t>();
  session.csrf_token = body["csrf_token"].get<std::string>();
  for (const auto& [name, value] : response.headers) {
    const std::string prefix = "tm_session=";
    if (name == "Set-Cookie" && value.rfind(prefix, 0) == 0) {
      session.session_token = value.substr(prefix.size(), value.find(';') - prefix.size());
    }
  }
  return session;
}

TestSession signed_in_user(app::Platform& platform, const std::string& email, auth::Role role,
                           std::optional<std::int64_t> organization_id) {
  add_user(platform, email, role, organization_id);
  return sign_in(platform, email);
}

void authenticate(http::Request& request, const TestSession& session) {
  request.headers["cookie"] = "tm_session=" + session.session_token;
  request.headers["x-csrf-token"] = session.csrf_token;
}

}  // namespace techmarket::testing
