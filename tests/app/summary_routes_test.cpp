#include "app/summary_routes.h"

#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::app {
namespace {

class SummaryRoutes : public ::testing::Test {
 protected:
  http::Response call(const std::string& method, const std::string& path,
                      const nlohmann::json& body = nullptr) {
    http::Request request;
    request.method = method;
    request.path = path;
    if (!body.is_null()) {
      request.body = body.dump();
      request.headers["content-type"] = "application/json";
    }
    if (method != "GET") {
      if (!staff_) {
        staff_ = testing::signed_in_user(platform_, "can-bo@so-khcn.example", auth::Role::kStaff);
      }
      testing::authenticate(request, *staff_);
    }
    return platform_.router().dispatch(request);
  }

  void create(const std::string& path, const nlohmann::json& body) {
    auto response = call("POST", path, body);
    ASSERT_EQ(response.status, 201) << response.body;
  }

  testing::TempDir dir_;
  Platform platform_{dir_.path(), testing::test_platform_options()};
  std::optional<testing::TestSession> staff_;
};

TEST_F(SummaryRoutes, CountsOnlyPublishedRecords) {
  create("/api/v1/offers", {{"kind", "technology"},
                            {"title", "Máy sấy nông sản"},
                            {"summary", "Sấy trái cây."},
                            {"status", "published"}});
  create("/api/v1/offers",
         {{"kind", "service"}, {"title", "Bản nháp"}, {"summary", "Chưa công bố."}});
  create("/api/v1/needs", {{"title", "Xử lý nước thải"},
                           {"problem", "Nước thải chế biến mủ cao su."},
                           {"status", "published"}});
  create("/api/v1/organizations", {{"kind", "enterprise"}, {"name", "Công ty Ánh Dương"}});

  auto response = call("GET", "/api/v1/summary");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["published_offers"], 1);
  EXPECT_EQ(body["published_needs"], 1);
  EXPECT_EQ(body["active_organizations"], 1);
  ASSERT_EQ(body["newest_offers"].size(), 1u);
  EXPECT_EQ(body["newest_offers"][0]["title"], "Máy sấy nông sản");
  EXPECT_EQ(body["newest_offers"][0]["kind"], "technology");
  ASSERT_EQ(body["newest_needs"].size(), 1u);
  EXPECT_TRUE(body["newest_needs"][0]["kind"].is_null());
}

TEST_F(SummaryRoutes, NewestOffersComeByPublicationDate) {
  for (int i = 1; i <= 7; ++i) {
    create("/api/v1/offers", {{"kind", "technology"},
                              {"title", "Chào bán " + std::to_string(i)},
                              {"summary", "Tóm tắt."},
                              {"status", "published"},
                              {"published_on", "2026-01-0" + std::to_string(i)}});
  }
  create("/api/v1/offers", {{"kind", "technology"},
                            {"title", "Cũ nhất"},
                            {"summary", "Tóm tắt."},
                            {"status", "published"},
                            {"published_on", "2020-05-01"}});

  auto body = nlohmann::json::parse(call("GET", "/api/v1/summary").body);
  ASSERT_EQ(body["newest_offers"].size(), 5u);
  EXPECT_EQ(body["newest_offers"][0]["title"], "Chào bán 7");
  EXPECT_EQ(body["newest_offers"][0]["published_on"], "2026-01-07");
  EXPECT_EQ(body["newest_offers"][4]["title"], "Chào bán 3");
  EXPECT_EQ(body["published_offers"], 8);
}

}  // namespace
}  // namespace techmarket::app
