// The reply of GET /api/v1/search and /api/v1/search/suggest, through the router.
#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

class SearchRoutes : public ::testing::Test {
 protected:
  SearchRoutes() {
    create({{"kind", "technology"},
            {"title", "Công nghệ sấy lạnh thanh long"},
            {"summary", "Sấy lạnh giữ màu và vitamin."},
            {"keywords", {"sấy lạnh"}},
            {"trl", 7},
            {"transfer_modes", {"licence"}},
            {"price_vnd", 500000000},
            {"status", "published"}});
    create({{"kind", "service"},
            {"title", "Dịch vụ sấy nông sản"},
            {"summary", "Sấy thuê theo mẻ."},
            {"price_negotiable", true},
            {"status", "published"}});
  }

  http::Response get(const std::string& path, std::multimap<std::string, std::string> query) {
    http::Request request;
    request.method = "GET";
    request.path = path;
    request.query = std::move(query);
    return platform_.router().dispatch(request);
  }

  void create(const nlohmann::json& offer) {
    http::Request request;
    request.method = "POST";
    request.path = "/api/v1/offers";
    request.body = offer.dump();
    request.headers["content-type"] = "application/json";
    if (!staff_) {
      staff_ = techmarket::testing::signed_in_user(platform_, "can-bo@so-khcn.example",
                                                   auth::Role::kStaff);
    }
    techmarket::testing::authenticate(request, *staff_);
    auto response = platform_.router().dispatch(request);
    ASSERT_EQ(response.status, 201) << response.body;
  }

  techmarket::testing::TempDir dir_;
  app::Platform platform_{dir_.path(), techmarket::testing::test_platform_options()};
  std::optional<techmarket::testing::TestSession> staff_;
};

TEST_F(SearchRoutes, ReplyHasItemsFacetsSnippetsAndSuggestion) {
  auto response = get("/api/v1/search", {{"q", "say lanh"}});
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);

  ASSERT_EQ(body["items"].size(), 1u);
  const auto& item = body["items"][0];
  EXPECT_EQ(item["type"], "offer");
  EXPECT_EQ(item["kind"], "technology");
  EXPECT_EQ(item["title"], "Công nghệ sấy lạnh thanh long");
  EXPECT_TRUE(item["score"].is_number());
  const auto& title = item["snippets"]["title"];
  ASSERT_EQ(title.size(), 5u) << title.dump();
  EXPECT_EQ(title[0], nlohmann::json({{"text", "Công nghệ "}, {"match", false}}));
  EXPECT_EQ(title[1], nlohmann::json({{"text", "sấy"}, {"match", true}}));
  EXPECT_EQ(title[3], nlohmann::json({{"text", "lạnh"}, {"match", true}}));
  EXPECT_EQ(title[4], nlohmann::json({{"text", " thanh long"}, {"match", false}}));
  EXPECT_TRUE(item["snippets"]["summary"].is_array());

  EXPECT_EQ(body["total"], 1);
  EXPECT_TRUE(body["next_cursor"].is_null());
  EXPECT_TRUE(body["suggestion"].is_null());
  for (const char* facet : {"type", "kind", "st_field", "industry_section", "trl", "province",
                            "transfer_mode", "price_band"}) {
    EXPECT_TRUE(body["facets"][facet].is_array()) << facet;
  }
  EXPECT_EQ(body["facets"]["price_band"],
            nlohmann::json::parse(R"([{"value": "100m_1b", "count": 1}])"));
  EXPECT_EQ(body["facets"]["trl"], nlohmann::json::parse(R"([{"value": "7", "count": 1}])"));
}

TEST_F(SearchRoutes, SuggestionNamesTheDecodedQuery) {
  auto body = nlohmann::json::parse(get("/api/v1/search", {{"q", "saays lanhj"}}).body);
  EXPECT_EQ(body["suggestion"], "sấy lạnh");
  EXPECT_EQ(body["total"], 1);
}

TEST_F(SearchRoutes, FiltersByPriceBandAndTransferMode) {
  auto negotiable = nlohmann::json::parse(
      get("/api/v1/search", {{"q", "say"}, {"price_band", "negotiable"}}).body);
  ASSERT_EQ(negotiable["items"].size(), 1u);
  EXPECT_EQ(negotiable["items"][0]["kind"], "service");

  auto licence = nlohmann::json::parse(
      get("/api/v1/search", {{"q", "say"}, {"transfer_mode", "licence"}}).body);
  ASSERT_EQ(licence["items"].size(), 1u);
  EXPECT_EQ(licence["items"][0]["kind"], "technology");
}

TEST_F(SearchRoutes, RejectsUnknownChoices) {
  EXPECT_EQ(get("/api/v1/search", {{"price_band", "cheap"}}).status, 400);
  EXPECT_EQ(get("/api/v1/search", {{"sort", "oldest"}}).status, 400);
  EXPECT_EQ(get("/api/v1/search", {{"transfer_mode", "gift"}}).status, 400);
  EXPECT_EQ(get("/api/v1/search", {{"industry_section", "AB"}}).status, 400);
  EXPECT_EQ(get("/api/v1/search/suggest", {{"q", "s"}, {"limit", "0"}}).status, 400);
  EXPECT_EQ(get("/api/v1/search/suggest", {{"q", "s"}, {"limit", "21"}}).status, 400);
}

TEST_F(SearchRoutes, SortsByNewest) {
  auto response = get("/api/v1/search", {{"q", "say"}, {"sort", "newest"}});
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body)["items"].size(), 2u);
}

TEST_F(SearchRoutes, SuggestCompletesTitles) {
  auto response = get("/api/v1/search/suggest", {{"q", "dich v"}});
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["text"], "Dịch vụ sấy nông sản");
  EXPECT_EQ(body["items"][0]["type"], "offer");
  EXPECT_TRUE(body["items"][0]["id"].is_number_integer());
}

}  // namespace
}  // namespace techmarket::search
