#include "organizations/organization_routes.h"

#include <gtest/gtest.h>

#include "auth/session_routes.h"
#include "db/migrations.h"
#include "organizations/places_fixture.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::organizations {
namespace {

const nlohmann::json kInstitute = {{"kind", "research_institute"},
                                   {"name", "Viện Công nghệ Sinh học Tây Ninh"},
                                   {"email", "vien@cnsh-tayninh.vn"},
                                   {"province_code", "80"}};

class OrganizationRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = pool_.acquire();
    db::migrate(*connection);
    testing::insert_tay_ninh_places(*connection);
    add_organization_routes(router_, service_);
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
    return call("POST", "/api/v1/organizations", body.dump());
  }

  std::int64_t create_id(const nlohmann::json& body) {
    return nlohmann::json::parse(create(body).body)["id"].get<std::int64_t>();
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  testing::TempDir dir_;
  db::Pool pool_{dir_.path() / "test.db", 2};
  OrganizationService service_{pool_};
  auth::SessionService sessions_{pool_, testing::test_platform_options().auth};
  auth::UserService users_{pool_, auth::PasswordCost::kMinimum};
  http::Router router_;
  testing::TestSession session_;
};

TEST_F(OrganizationRoutes, PostCreatesWith201AndLocation) {
  auto response = create(kInstitute);
  ASSERT_EQ(response.status, 201) << response.body;
  auto id = parse(response)["id"].get<std::int64_t>();
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Location");
  EXPECT_EQ(response.headers[0].second, "/api/v1/organizations/" + std::to_string(id));
  EXPECT_EQ(parse(response)["country_code"], "VN");
}

TEST_F(OrganizationRoutes, GetReturnsOrganizationOr404) {
  auto id = create_id(kInstitute);
  auto read = call("GET", "/api/v1/organizations/" + std::to_string(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(parse(read)["name"], "Viện Công nghệ Sinh học Tây Ninh");

  EXPECT_EQ(call("GET", "/api/v1/organizations/999").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/organizations/abc").status, 404);
}

TEST_F(OrganizationRoutes, PostRejectsInvalidFieldsWith422) {
  auto body = kInstitute;
  body["tax_code"] = "12-34";
  body["commune_code"] = "25747";
  auto response = create(body);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto problem = parse(response);
  ASSERT_EQ(problem["errors"].size(), 2u) << response.body;
  EXPECT_EQ(problem["errors"][0]["field"], "tax_code");
  EXPECT_EQ(problem["errors"][1]["field"], "commune_code");
  EXPECT_TRUE(parse(call("GET", "/api/v1/organizations"))["items"].empty());
}

TEST_F(OrganizationRoutes, PostRejectsDuplicateExternalIdWith409) {
  auto body = kInstitute;
  body["external_id"] = "vien-1";
  ASSERT_EQ(create(body).status, 201);
  EXPECT_EQ(create(body).status, 409);
}

TEST_F(OrganizationRoutes, PatchChangesGivenFieldsWith200) {
  auto path = "/api/v1/organizations/" + std::to_string(create_id(kInstitute));
  auto patched = call("PATCH", path, R"({"commune_code": "25459"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(parse(patched)["commune_code"], "25459");
  EXPECT_EQ(parse(patched)["email"], "vien@cnsh-tayninh.vn");

  auto rejected = call("PATCH", path, R"({"email": "vien"})");
  EXPECT_EQ(rejected.status, 422);
  EXPECT_EQ(parse(rejected)["errors"][0]["field"], "email");
  EXPECT_EQ(call("PATCH", "/api/v1/organizations/999", R"({"name": "X"})").status, 404);
}

TEST_F(OrganizationRoutes, ArchiveReturns200AndHidesFromList) {
  auto id = create_id(kInstitute);
  auto archived = call("POST", "/api/v1/organizations/" + std::to_string(id) + "/archive");
  ASSERT_EQ(archived.status, 200);
  EXPECT_EQ(parse(archived)["status"], "archived");
  EXPECT_TRUE(parse(call("GET", "/api/v1/organizations"))["items"].empty());
  auto listed = parse(call("GET", "/api/v1/organizations", "", {{"status", "archived"}}));
  EXPECT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(call("POST", "/api/v1/organizations/999/archive").status, 404);
}

TEST_F(OrganizationRoutes, ListPagesWithCursor) {
  for (int i = 0; i < 25; ++i) {
    auto body = kInstitute;
    body["name"] = "Viện số " + std::to_string(i);
    ASSERT_EQ(create(body).status, 201);
  }
  std::vector<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    std::multimap<std::string, std::string> query = {{"limit", "10"}};
    if (!cursor.empty()) query.emplace("cursor", cursor);
    auto response = call("GET", "/api/v1/organizations", "", query);
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

TEST_F(OrganizationRoutes, ListRejectsBadQueryWith400) {
  EXPECT_EQ(call("GET", "/api/v1/organizations", "", {{"cursor", "forged"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/organizations", "", {{"limit", "0"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/organizations", "", {{"kind", "company"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/organizations", "", {{"status", "deleted"}}).status, 400);
}

TEST_F(OrganizationRoutes, ListFiltersByKindAndProvince) {
  ASSERT_EQ(create(kInstitute).status, 201);
  ASSERT_EQ(create({{"kind", "enterprise"}, {"name", "Công ty A"}}).status, 201);
  auto by_kind = parse(call("GET", "/api/v1/organizations", "", {{"kind", "enterprise"}}));
  ASSERT_EQ(by_kind["items"].size(), 1u);
  EXPECT_EQ(by_kind["items"][0]["name"], "Công ty A");
  auto by_province = parse(call("GET", "/api/v1/organizations", "", {{"province_code", "80"}}));
  ASSERT_EQ(by_province["items"].size(), 1u);
  EXPECT_EQ(by_province["items"][0]["kind"], "research_institute");
}

}  // namespace
}  // namespace techmarket::organizations
