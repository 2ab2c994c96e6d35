// Sign-in, cookies, CSRF, sign-out, expiry, lockout and password reset,
// through the platform's router with an injected clock.
#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::auth {
namespace {

using testing::make_request;

class SessionApi : public ::testing::Test {
 protected:
  void SetUp() override {
    organization_id_ = platform_.organizations()
                           .create(Principal::system(),
                                   {{"kind", "enterprise"}, {"name", "Công ty Cơ khí Tây Ninh"}})
                           .id;
    member_id_ =
        testing::add_user(platform_, "thanh.vien@example.vn", Role::kMember, organization_id_);
  }

  http::Response dispatch(http::Request& request) { return platform_.router().dispatch(request); }

  http::Response sign_in(const std::string& email, const std::string& password,
                         const std::string& address = "127.0.0.1") {
    auto request = make_request("POST", "/api/v1/session",
                                nlohmann::json{{"email", email}, {"password", password}}.dump());
    request.client_address = address;
    return dispatch(request);
  }

  int session_status(const testing::TestSession& session) {
    auto request = make_request("GET", "/api/v1/session");
    testing::authenticate(request, session);
    return dispatch(request).status;
  }

  std::int64_t count_rows(const std::string& sql) {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare(sql);
    query.step();
    return query.column_int64(0);
  }

  static std::string header(const http::Response& response, const std::string& name,
                            const std::string& starts_with = "") {
    for (const auto& [key, value] : response.headers) {
      if (key == name && value.rfind(starts_with, 0) == 0) return value;
    }
    return "";
  }

  std::shared_ptr<ManualClock> clock_ =
      std::make_shared<ManualClock>(TimePoint(std::chrono::seconds(1'800'000'000)));
  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options(clock_)};
  std::int64_t organization_id_ = 0;
  std::int64_t member_id_ = 0;
};

TEST_F(SessionApi, SignInSetsCookiesAndReturnsUser) {
  auto response = sign_in("Thanh.Vien@Example.VN", testing::kTestPassword);
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["user"]["id"], member_id_);
  EXPECT_EQ(body["user"]["role"], "member");
  EXPECT_EQ(body["user"]["organization_id"], organization_id_);
  EXPECT_FALSE(body["user"].contains("password_hash"));
  auto csrf = body["csrf_token"].get<std::string>();
  EXPECT_EQ(csrf.size(), 43u);

  auto session_cookie = header(response, "Set-Cookie", "tm_session=");
  EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos) << session_cookie;
  EXPECT_NE(session_cookie.find("SameSite=Lax"), std::string::npos) << session_cookie;
  EXPECT_NE(session_cookie.find("Path=/"), std::string::npos) << session_cookie;
  EXPECT_EQ(session_cookie.find("Secure"), std::string::npos) << session_cookie;
  auto csrf_cookie = header(response, "Set-Cookie", "tm_csrf=");
  EXPECT_EQ(csrf_cookie.rfind("tm_csrf=" + csrf + ";", 0), 0u) << csrf_cookie;
  EXPECT_EQ(csrf_cookie.find("HttpOnly"), std::string::npos) << csrf_cookie;

  auto session = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto request = make_request("GET", "/api/v1/session");
  testing::authenticate(request, session);
  auto current = dispatch(request);
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(nlohmann::json::parse(current.body)["user"]["email"], "thanh.vien@example.vn");
  EXPECT_EQ(nlohmann::json::parse(current.body)["csrf_token"], session.csrf_token);
}

TEST_F(SessionApi, SecureCookiesBehindHttps) {
  testing::TempDir dir;
  auto options = testing::test_platform_options();
  options.auth.secure_cookies = true;
  app::Platform platform(dir.path(), options);
  testing::add_user(platform, "admin@example.vn", Role::kAdmin);
  auto request = make_request(
      "POST", "/api/v1/session",
      nlohmann::json{{"email", "admin@example.vn"}, {"password", testing::kTestPassword}}.dump());
  auto response = platform.router().dispatch(request);
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(header(response, "Set-Cookie", "tm_session=").find("; Secure"), std::string::npos);
  EXPECT_NE(header(response, "Set-Cookie", "tm_csrf=").find("; Secure"), std::string::npos);
}

TEST_F(SessionApi, WrongPasswordAndUnknownEmailLookAlike) {
  auto wrong = sign_in("thanh.vien@example.vn", "sai mật khẩu rồi");
  auto unknown = sign_in("khong.co@example.vn", "sai mật khẩu rồi");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.content_type, "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(wrong.body)["detail"],
            nlohmann::json::parse(unknown.body)["detail"]);
  EXPECT_EQ(header(wrong, "Set-Cookie"), "");
}

TEST_F(SessionApi, ThousandWrongPasswordsLockUntilClockPassesLock) {
  int unauthorized = 0;
  int locked = 0;
  for (int attempt = 0; attempt < 1000; ++attempt) {
    auto response = sign_in("thanh.vien@example.vn", "đoán mò số " + std::to_string(attempt));
    if (response.status == 401) ++unauthorized;
    if (response.status == 429) ++locked;
  }
  EXPECT_EQ(unauthorized, 5);
  EXPECT_EQ(locked, 995);

  auto during = sign_in("thanh.vien@example.vn", testing::kTestPassword);
  EXPECT_EQ(during.status, 429) << "the right password must wait for the lock too";
  auto retry_after = std::stoll(header(during, "Retry-After"));
  EXPECT_GT(retry_after, 0);
  EXPECT_LE(retry_after, 15 * 60);
  EXPECT_EQ(count_rows("SELECT count(*) FROM sessions"), 0);

  clock_->advance(std::chrono::seconds(retry_after - 1));
  EXPECT_EQ(sign_in("thanh.vien@example.vn", testing::kTestPassword).status, 429);
  clock_->advance(std::chrono::seconds(1));
  auto after = sign_in("thanh.vien@example.vn", testing::kTestPassword);
  EXPECT_EQ(after.status, 200) << after.body;
}

TEST_F(SessionApi, LocksAddressTryingManyAccounts) {
  int locked = 0;
  for (int attempt = 0; attempt < 60; ++attempt) {
    auto email = "nguoi" + std::to_string(attempt) + "@example.vn";
    if (sign_in(email, "đoán mò", "203.0.113.9").status == 429) ++locked;
  }
  EXPECT_EQ(locked, 10);
  EXPECT_EQ(sign_in("thanh.vien@example.vn", testing::kTestPassword, "203.0.113.9").status, 429);
  EXPECT_EQ(sign_in("thanh.vien@example.vn", testing::kTestPassword, "198.51.100.4").status, 200);
}

TEST_F(SessionApi, ForgedOrMissingCsrfTokenChangesNothing) {
  auto session = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto body = nlohmann::json{{"kind", "technology"}, {"title", "Máy sấy"}, {"summary", "Sấy."}};
  for (std::string token : {std::string(), std::string("forged"), session.csrf_token + "x"}) {
    auto request = make_request("POST", "/api/v1/offers", body.dump());
    request.headers["cookie"] = "tm_session=" + session.session_token;
    if (!token.empty()) request.headers["x-csrf-token"] = token;
    auto response = dispatch(request);
    EXPECT_EQ(response.status, 403) << token;
    EXPECT_EQ(response.content_type, "application/problem+json");
  }
  auto patch = make_request("PATCH", "/api/v1/organizations/" + std::to_string(organization_id_),
                            R"({"name": "Đổi tên"})");
  patch.headers["cookie"] = "tm_session=" + session.session_token;
  EXPECT_EQ(dispatch(patch).status, 403);
  auto sign_out = make_request("DELETE", "/api/v1/sessions");
  sign_out.headers["cookie"] = "tm_session=" + session.session_token;
  EXPECT_EQ(dispatch(sign_out).status, 403);

  EXPECT_EQ(count_rows("SELECT count(*) FROM offers"), 0);
  EXPECT_EQ(platform_.organizations().get(organization_id_).name, "Công ty Cơ khí Tây Ninh");
  EXPECT_EQ(session_status(session), 200) << "the session must survive a forged sign-out";

  auto right = make_request("POST", "/api/v1/offers", body.dump());
  testing::authenticate(right, session);
  EXPECT_EQ(dispatch(right).status, 201);
}

TEST_F(SessionApi, SignOutEndsOnlyThatSession) {
  auto first = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto second = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto request = make_request("DELETE", "/api/v1/session");
  testing::authenticate(request, first);
  auto response = dispatch(request);
  EXPECT_EQ(response.status, 204);
  EXPECT_NE(header(response, "Set-Cookie", "tm_session=").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(session_status(first), 401);
  EXPECT_EQ(session_status(second), 200);
}

TEST_F(SessionApi, SignOutEverywhereEndsEverySession) {
  auto first = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto second = testing::sign_in(platform_, "thanh.vien@example.vn");
  testing::add_user(platform_, "khac@example.vn", Role::kStaff);
  auto other = testing::sign_in(platform_, "khac@example.vn");

  auto request = make_request("DELETE", "/api/v1/sessions");
  testing::authenticate(request, second);
  auto response = dispatch(request);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(nlohmann::json::parse(response.body)["sessions_ended"], 2);
  EXPECT_EQ(session_status(first), 401);
  EXPECT_EQ(session_status(second), 401);
  EXPECT_EQ(session_status(other), 200);
}

TEST_F(SessionApi, SessionExpiresAfterLifetime) {
  auto session = testing::sign_in(platform_, "thanh.vien@example.vn");
  clock_->advance(std::chrono::hours(24 * 7) - std::chrono::seconds(1));
  EXPECT_EQ(session_status(session), 200);
  clock_->advance(std::chrono::seconds(1));
  EXPECT_EQ(session_status(session), 401);
}

TEST_F(SessionApi, StoresOnlyDigestsAndArgon2idHashes) {
  auto session = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto connection = platform_.pool().acquire();
  auto sessions = connection->prepare("SELECT token_digest FROM sessions");
  ASSERT_TRUE(sessions.step());
  EXPECT_NE(sessions.column_text(0), session.session_token);
  EXPECT_EQ(sessions.column_text(0), token_digest(session.session_token));
  auto users = connection->prepare("SELECT password_hash FROM users");
  ASSERT_TRUE(users.step());
  EXPECT_EQ(users.column_text(0).rfind("$argon2id$", 0), 0u);
}

TEST_F(SessionApi, PasswordResetTokenWorksOnceAndEndsSessions) {
  auto old_session = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto request =
      make_request("POST", "/api/v1/password-reset", R"({"email": "thanh.vien@example.vn"})");
  ASSERT_EQ(dispatch(request).status, 202);
  auto unknown = make_request("POST", "/api/v1/password-reset", R"({"email": "ai@example.vn"})");
  EXPECT_EQ(dispatch(unknown).status, 202) << "the reply must not reveal accounts";

  std::string token;
  {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT body, sent_at FROM email_outbox");
    ASSERT_TRUE(query.step());
    auto body = query.column_text(0);
    EXPECT_FALSE(query.is_null(1)) << "the message must be delivered to the log";
    auto start = body.find(": ") + 2;
    token = body.substr(start, 43);
    EXPECT_FALSE(query.step()) << "only the real account gets a message";
  }

  auto weak = make_request("POST", "/api/v1/password-reset/confirm",
                           nlohmann::json{{"token", token}, {"password", "ngắn"}}.dump());
  EXPECT_EQ(dispatch(weak).status, 422);
  auto confirm =
      make_request("POST", "/api/v1/password-reset/confirm",
                   nlohmann::json{{"token", token}, {"password", "mật khẩu mới thật dài"}}.dump());
  ASSERT_EQ(dispatch(confirm).status, 204);
  EXPECT_EQ(session_status(old_session), 401);
  EXPECT_EQ(sign_in("thanh.vien@example.vn", testing::kTestPassword).status, 401);
  EXPECT_EQ(sign_in("thanh.vien@example.vn", "mật khẩu mới thật dài").status, 200);

  auto again =
      make_request("POST", "/api/v1/password-reset/confirm",
                   nlohmann::json{{"token", token}, {"password", "mật khẩu thứ ba dài"}}.dump());
  auto reused = dispatch(again);
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(nlohmann::json::parse(reused.body)["errors"][0]["field"], "token");
}

TEST_F(SessionApi, PasswordResetTokenExpires) {
  auto request =
      make_request("POST", "/api/v1/password-reset", R"({"email": "thanh.vien@example.vn"})");
  ASSERT_EQ(dispatch(request).status, 202);
  std::string token;
  {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT body FROM email_outbox");
    ASSERT_TRUE(query.step());
    auto body = query.column_text(0);
    token = body.substr(body.find(": ") + 2, 43);
  }
  clock_->advance(std::chrono::hours(1));
  auto confirm =
      make_request("POST", "/api/v1/password-reset/confirm",
                   nlohmann::json{{"token", token}, {"password", "mật khẩu mới thật dài"}}.dump());
  EXPECT_EQ(dispatch(confirm).status, 422);
}

TEST_F(SessionApi, ApiTokenWritesForItsOrganizationUntilRevoked) {
  auto admin = testing::signed_in_user(platform_, "admin@example.vn", Role::kAdmin);
  auto create = make_request("POST", "/api/v1/api-tokens",
                             nlohmann::json{{"name", "Mạng lưới quốc gia"},
                                            {"scopes", {"catalog:write"}},
                                            {"organization_id", organization_id_}}
                                 .dump());
  testing::authenticate(create, admin);
  auto created = dispatch(create);
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = nlohmann::json::parse(created.body);
  auto token = body["token"].get<std::string>();
  auto token_id = body["id"].get<std::int64_t>();

  auto list = make_request("GET", "/api/v1/api-tokens");
  testing::authenticate(list, admin);
  auto listed = dispatch(list);
  EXPECT_EQ(listed.body.find(token), std::string::npos) << "the token is shown only once";

  auto offer = nlohmann::json{{"kind", "service"}, {"title", "Dịch vụ đo"}, {"summary", "Đo."}};
  auto write = make_request("POST", "/api/v1/offers", offer.dump());
  write.headers["authorization"] = "Bearer " + token;
  auto written = dispatch(write);
  ASSERT_EQ(written.status, 201) << written.body;
  EXPECT_EQ(nlohmann::json::parse(written.body)["owner_organization_id"], organization_id_);

  auto revoke = make_request("DELETE", "/api/v1/api-tokens/" + std::to_string(token_id));
  testing::authenticate(revoke, admin);
  EXPECT_EQ(dispatch(revoke).status, 204);
  auto after = make_request("POST", "/api/v1/offers", offer.dump());
  after.headers["authorization"] = "Bearer " + token;
  auto rejected = dispatch(after);
  EXPECT_EQ(rejected.status, 401);
  EXPECT_EQ(count_rows("SELECT count(*) FROM offers"), 1);
}

TEST_F(SessionApi, DisabledUserLosesSessions) {
  auto admin = testing::signed_in_user(platform_, "admin@example.vn", Role::kAdmin);
  auto member = testing::sign_in(platform_, "thanh.vien@example.vn");
  auto patch = make_request("PATCH", "/api/v1/users/" + std::to_string(member_id_),
                            R"({"status": "disabled"})");
  testing::authenticate(patch, admin);
  ASSERT_EQ(dispatch(patch).status, 200);
  EXPECT_EQ(session_status(member), 401);
  EXPECT_EQ(sign_in("thanh.vien@example.vn", testing::kTestPassword).status, 401);
}

TEST_F(SessionApi, CreatesUserWithClearFieldErrors) {
  auto admin = testing::signed_in_user(platform_, "admin@example.vn", Role::kAdmin);
  auto request = make_request(
      "POST", "/api/v1/users",
      R"({"email": "không phải email", "name": "", "role": "member", "password": "ngắn"})");
  testing::authenticate(request, admin);
  auto response = dispatch(request);
  ASSERT_EQ(response.status, 422);
  std::set<std::string> fields;
  auto problem = nlohmann::json::parse(response.body);
  for (const auto& error : problem["errors"]) {
    fields.insert(error["field"].get<std::string>());
  }
  EXPECT_EQ(fields, (std::set<std::string>{"email", "name", "organization_id", "password"}));

  auto duplicate = make_request("POST", "/api/v1/users",
                                nlohmann::json{{"email", "THANH.VIEN@example.vn"},
                                               {"name", "Trùng"},
                                               {"role", "staff"},
                                               {"password", testing::kTestPassword}}
                                    .dump());
  testing::authenticate(duplicate, admin);
  EXPECT_EQ(dispatch(duplicate).status, 409);
}

}  // namespace
}  // namespace techmarket::auth
