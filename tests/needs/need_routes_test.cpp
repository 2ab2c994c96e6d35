#include "needs/need_routes.h"

#include <gtest/gtest.h>

#include "auth/session_routes.h"
#include "needs/need_fixture.h"
#include "support/accounts.h"

namespace techmarket::needs {
namespace {

class NeedRoutes : public NeedFixture {
 protected:
  void SetUp() override {
    NeedFixture::SetUp();
    add_need_routes(router_, service_);
    router_.set_authenticator(auth::make_authenticator(sessions_));
    auth::add_session_routes(router_, sessions_);
    testing::add_user(users_, "nhanvien@skhcn.tayninh.gov.vn", auth::Role::kStaff);
    session_ = testing::sign_in(router_, "nhanvien@skhcn.tayninh.gov.vn");
  }

  http::Response call(const std::string& method, const std::string& path,
                      const std::string& body = "",
                      std::multimap<std::string, std::string> query = {}) {
    http::Request request;
    request.method = method;
    request.path = path;
    request.query = std::move(query);
    request.body = body;
    if (!body.empty()) request.headers["content-type"] = "application/json";
    testing::authenticate(request, session_);
    return router_.dispatch(request);
  }

  http::Response create(const nlohmann::json& body) {
    return call("POST", "/api/v1/needs", body.dump());
  }

  std::int64_t create_id(const nlohmann::json& body) {
    return nlohmann::json::parse(create(body).body)["id"].get<std::int64_t>();
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  auth::SessionService sessions_{pool_, testing::test_platform_options().auth};
  auth::UserService users_{pool_, auth::PasswordCost::kMinimum};
  http::Router router_;
  testing::TestSession session_;
};

TEST_F(NeedRoutes, PostCreatesWith201AndLocation) {
  auto response = create(solar_need());
  ASSERT_EQ(response.status, 201) << response.body;
  auto body = parse(response);
  auto id = body["id"].get<std::int64_t>();
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Location");
  EXPECT_EQ(response.headers[0].second, "/api/v1/needs/" + std::to_string(id));
  EXPECT_EQ(body["budget_max_vnd"], 1'500'000'000);
  EXPECT_EQ(body["industry_version"], "2025");
}

TEST_F(NeedRoutes, GetReturnsNeedOr404) {
  auto id = create_id(solar_need());
  auto read = call("GET", "/api/v1/needs/" + std::to_string(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(parse(read)["title"], "Hệ thống năng lượng mặt trời cho trang trại");

  EXPECT_EQ(call("GET", "/api/v1/needs/999").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/needs/0").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/needs/mot").status, 404);
}

TEST_F(NeedRoutes, PostRejectsInvalidFieldsWith422) {
  auto body = solar_need();
  body["budget_min_vnd"] = 2'000'000'000;
  body["owner_organization_id"] = 999;
  auto response = create(body);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto problem = parse(response);
  EXPECT_EQ(problem["status"], 422);
  ASSERT_EQ(problem["errors"].size(), 2u) << response.body;
  EXPECT_EQ(problem["errors"][0]["field"], "budget_max_vnd");
  EXPECT_EQ(problem["errors"][1]["field"], "owner_organization_id");
  EXPECT_TRUE(parse(call("GET", "/api/v1/needs"))["items"].empty());
}

TEST_F(NeedRoutes, TrlMinAndIpcCodesRoundTrip) {
  auto body = solar_need();
  body["trl_min"] = 6;
  body["ipc_codes"] = {"H02S", "F24S 20/00"};
  auto path = "/api/v1/needs/" + std::to_string(create_id(body));

  auto read = parse(call("GET", path));
  EXPECT_EQ(read["trl_min"], 6);
  EXPECT_EQ(read["ipc_codes"], nlohmann::json::array({"H02S", "F24S 20/00"}));

  auto patched = call("PATCH", path, R"({"trl_min": 8, "ipc_codes": ["H02S"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  read = parse(call("GET", path));
  EXPECT_EQ(read["trl_min"], 8);
  EXPECT_EQ(read["ipc_codes"], nlohmann::json::array({"H02S"}));
}

TEST_F(NeedRoutes, NewNeedLacksTrlMinAndIpc) {
  auto read = parse(create(solar_need()));
  EXPECT_TRUE(read["trl_min"].is_null());
  EXPECT_EQ(read["ipc_codes"], nlohmann::json::array());
}

TEST_F(NeedRoutes, BadTrlMinOrIpcCodeChangesNothing) {
  auto body = solar_need();
  body["trl_min"] = 6;
  body["ipc_codes"] = {"H02S"};
  auto path = "/api/v1/needs/" + std::to_string(create_id(body));

  auto response = call("PATCH", path, R"({"trl_min": 0, "ipc_codes": ["h02s"]})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto problem = parse(response);
  ASSERT_EQ(problem["errors"].size(), 2u) << response.body;
  EXPECT_EQ(problem["errors"][0]["field"], "trl_min");
  EXPECT_EQ(problem["errors"][1]["field"], "ipc_codes[0]");

  auto read = parse(call("GET", path));
  EXPECT_EQ(read["trl_min"], 6);
  EXPECT_EQ(read["ipc_codes"], nlohmann::json::array({"H02S"}));
}

TEST_F(NeedRoutes, PostRejectsMalformedJsonWith400) {
  EXPECT_EQ(call("POST", "/api/v1/needs", "{\"title\": ").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/needs", R"({"title":"a","title":"b"})").status, 400);
}

TEST_F(NeedRoutes, PostRejectsDuplicateExternalIdWith409) {
  auto body = solar_need();
  body["external_id"] = "nc-1";
  ASSERT_EQ(create(body).status, 201);
  EXPECT_EQ(create(body).status, 409);
}

TEST_F(NeedRoutes, PatchChangesGivenFieldsWith200) {
  auto path = "/api/v1/needs/" + std::to_string(create_id(solar_need()));
  auto patched = call("PATCH", path, R"({"status": "closed", "keywords": ["pin mặt trời"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(parse(patched)["status"], "closed");
  EXPECT_EQ(parse(patched)["keywords"], nlohmann::json::array({"pin mặt trời"}));
  EXPECT_EQ(parse(patched)["deadline"], "2026-12-31");

  auto rejected = call("PATCH", path, R"({"deadline": "31/12/2026"})");
  EXPECT_EQ(rejected.status, 422);
  EXPECT_EQ(parse(rejected)["errors"][0]["field"], "deadline");
  EXPECT_EQ(parse(call("GET", path))["deadline"], "2026-12-31");
  EXPECT_EQ(call("PATCH", "/api/v1/needs/999", R"({"title": "X"})").status, 404);
}

TEST_F(NeedRoutes, ArchiveReturns200AndHidesFromList) {
  auto id = create_id(solar_need());
  auto archived = call("POST", "/api/v1/needs/" + std::to_string(id) + "/archive");
  ASSERT_EQ(archived.status, 200);
  EXPECT_EQ(parse(archived)["status"], "archived");
  EXPECT_TRUE(parse(call("GET", "/api/v1/needs"))["items"].empty());
  EXPECT_EQ(parse(call("GET", "/api/v1/needs", "", {{"status", "archived"}}))["items"].size(), 1u);
  EXPECT_EQ(call("POST", "/api/v1/needs/999/archive").status, 404);
}

TEST_F(NeedRoutes, ListPagesWithCursor) {
  for (int i = 0; i < 25; ++i) {
    auto body = solar_need();
    body["title"] = "Nhu cầu số " + std::to_string(i);
    ASSERT_EQ(create(body).status, 201);
  }
  std::vector<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    std::multimap<std::string, std::string> query = {{"limit", "10"}};
    if (!cursor.empty()) query.emplace("cursor", cursor);
    auto response = call("GET", "/api/v1/needs", "", query);
    ASSERT_EQ(response.status, 200);
    auto page = parse(response);
    for (const auto& item : page["items"]) seen.push_back(item["id"]);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);

  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i - 1], seen[i]);
}

TEST_F(NeedRoutes, ListRejectsBadQueryWith400) {
  EXPECT_EQ(call("GET", "/api/v1/needs", "", {{"cursor", "forged"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/needs", "", {{"limit", "101"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/needs", "", {{"status", "open"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/needs", "", {{"owner_organization_id", "x"}}).status, 400);
}

TEST_F(NeedRoutes, ListFiltersByOwnerAndSector) {
  ASSERT_EQ(create(solar_need()).status, 201);
  ASSERT_EQ(create({{"title", "Giống lúa chịu mặn"}, {"problem", "Đất nhiễm mặn."}}).status, 201);
  auto owner = std::to_string(owner_id_);
  auto by_owner = parse(call("GET", "/api/v1/needs", "", {{"owner_organization_id", owner}}));
  ASSERT_EQ(by_owner["items"].size(), 1u);
  EXPECT_EQ(by_owner["items"][0]["title"], "Hệ thống năng lượng mặt trời cho trang trại");
  EXPECT_EQ(parse(call("GET", "/api/v1/needs", "", {{"st_field", "2"}}))["items"].size(), 1u);
  EXPECT_EQ(parse(call("GET", "/api/v1/needs", "", {{"status", "draft"}}))["items"].size(), 1u);
}

}  // namespace
}  // namespace techmarket::needs
