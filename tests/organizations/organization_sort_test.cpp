#include <gtest/gtest.h>

#include "db/migrations.h"
#include "organizations/organization_routes.h"
#include "support/temp_dir.h"

namespace techmarket::organizations {
namespace {

class OrganizationSort : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = pool_.acquire();
    db::migrate(*connection);
    add_organization_routes(router_, service_);
    for (const char* name : {"Zeta Tech", "Đông Á", "Ánh Dương", "Bình Minh", "Dệt may Hòa Bình"}) {
      service_.create(auth::Principal::system(), {{"kind", "enterprise"}, {"name", name}});
    }
  }

  nlohmann::json list(std::multimap<std::string, std::string> query) {
    http::Request request;
    request.method = "GET";
    request.path = "/api/v1/organizations";
    request.query = std::move(query);
    auto response = router_.dispatch(request);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body);
  }

  static std::vector<std::string> names(const nlohmann::json& page) {
    std::vector<std::string> result;
    for (const auto& item : page["items"]) result.push_back(item["name"]);
    return result;
  }

  testing::TempDir dir_;
  db::Pool pool_{dir_.path() / "test.db", 2};
  OrganizationService service_{pool_};
  http::Router router_;
};

TEST_F(OrganizationSort, NameOrderFollowsVietnameseAlphabet) {
  auto page = list({{"sort", "name"}});
  std::vector<std::string> expected = {"Ánh Dương", "Bình Minh", "Dệt may Hòa Bình", "Đông Á",
                                       "Zeta Tech"};
  EXPECT_EQ(names(page), expected);
}

TEST_F(OrganizationSort, NameOrderPagesWithoutRepeats) {
  auto first = list({{"sort", "name"}, {"limit", "2"}});
  ASSERT_FALSE(first["next_cursor"].is_null());
  auto second = list({{"sort", "name"}, {"limit", "2"}, {"cursor", first["next_cursor"]}});
  auto third = list({{"sort", "name"}, {"limit", "2"}, {"cursor", second["next_cursor"]}});
  std::vector<std::string> all = names(first);
  for (const auto& name : names(second)) all.push_back(name);
  for (const auto& name : names(third)) all.push_back(name);
  EXPECT_EQ(all, names(list({{"sort", "name"}})));
  EXPECT_TRUE(third["next_cursor"].is_null());
}

TEST_F(OrganizationSort, DefaultOrderStaysById) {
  auto page = list({});
  EXPECT_EQ(page["items"][0]["name"], "Zeta Tech");
}

TEST_F(OrganizationSort, UnknownSortIsBadRequest) {
  http::Request request;
  request.method = "GET";
  request.path = "/api/v1/organizations";
  request.query = {{"sort", "size"}};
  EXPECT_EQ(router_.dispatch(request).status, 400);
}

}  // namespace
}  // namespace techmarket::organizations
