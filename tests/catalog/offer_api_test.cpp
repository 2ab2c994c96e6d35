#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::catalog {
namespace {

class OfferApi : public ::testing::Test {
 protected:
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
    return platform_.router().dispatch(request);
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  http::Response create(nlohmann::json body) { return call("POST", "/api/v1/offers", body.dump()); }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  testing::TestSession session_ =
      testing::signed_in_user(platform_, "admin@example.vn", auth::Role::kAdmin);
};

const nlohmann::json kDryer = {{"kind", "technology"},
                               {"title", "Công nghệ sấy nông sản"},
                               {"summary", "Máy sấy dùng năng lượng mặt trời."},
                               {"trl", 7},
                               {"status", "published"}};

TEST_F(OfferApi, CreatesAndReadsOffer) {
  auto created = create(kDryer);
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = parse(created)["id"].get<std::int64_t>();
  EXPECT_GT(id, 0);

  auto read = call("GET", "/api/v1/offers/" + std::to_string(id));
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(parse(read)["title"], "Công nghệ sấy nông sản");
  EXPECT_EQ(parse(read)["trl"], 7);
}

TEST_F(OfferApi, RejectsInvalidFieldsWithProblemJson) {
  auto body = kDryer;
  body["trl"] = 11;
  body["kind"] = "gadget";
  auto response = create(body);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto problem = parse(response);
  EXPECT_EQ(problem["status"], 422);
  ASSERT_EQ(problem["errors"].size(), 2u);
  EXPECT_EQ(problem["errors"][0]["field"], "kind");
  EXPECT_EQ(problem["errors"][1]["field"], "trl");

  auto list = call("GET", "/api/v1/offers");
  EXPECT_TRUE(parse(list)["items"].empty()) << "a rejected offer must not be stored";
}

TEST_F(OfferApi, RejectsUnknownField) {
  auto body = kDryer;
  body["discount"] = 10;
  auto response = create(body);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(parse(response)["errors"][0]["field"], "discount");
}

TEST_F(OfferApi, RejectsMalformedAndDuplicateKeyJson) {
  EXPECT_EQ(call("POST", "/api/v1/offers", "{\"title\": ").status, 400);
  auto duplicate = call("POST", "/api/v1/offers", R"({"kind":"technology","kind":"service"})");
  EXPECT_EQ(duplicate.status, 400);
  EXPECT_EQ(duplicate.content_type, "application/problem+json");
}

TEST_F(OfferApi, RejectsDuplicateExternalId) {
  auto body = kDryer;
  body["external_id"] = "dup-1";
  ASSERT_EQ(create(body).status, 201);
  EXPECT_EQ(create(body).status, 409);
}

TEST_F(OfferApi, AnswersNotFoundForMissingOrMalformedId) {
  EXPECT_EQ(call("GET", "/api/v1/offers/999").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/offers/abc").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/offers/-1").status, 404);
}

TEST_F(OfferApi, PatchesGivenFieldsOnly) {
  auto id = parse(create(kDryer))["id"].get<std::int64_t>();
  auto path = "/api/v1/offers/" + std::to_string(id);
  auto patched = call("PATCH", path, R"({"trl": 8, "keywords": ["sấy"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(parse(patched)["trl"], 8);
  EXPECT_EQ(parse(patched)["title"], "Công nghệ sấy nông sản");

  auto rejected = call("PATCH", path, R"({"trl": 0})");
  EXPECT_EQ(rejected.status, 422);
  EXPECT_EQ(parse(call("GET", path))["trl"], 8) << "a rejected patch must change nothing";
}

TEST_F(OfferApi, ArchivesOfferAndHidesItFromDefaultList) {
  auto id = parse(create(kDryer))["id"].get<std::int64_t>();
  auto archived = call("POST", "/api/v1/offers/" + std::to_string(id) + "/archive");
  ASSERT_EQ(archived.status, 200);
  EXPECT_EQ(parse(archived)["status"], "archived");
  EXPECT_TRUE(parse(call("GET", "/api/v1/offers"))["items"].empty());
  EXPECT_EQ(parse(call("GET", "/api/v1/offers", "", {{"status", "archived"}}))["items"].size(), 1u);
}

TEST_F(OfferApi, PagesWithCursorWithoutRepeatsOrGaps) {
  for (int i = 0; i < 25; ++i) {
    auto body = kDryer;
    body["title"] = "Công nghệ số " + std::to_string(i);
    ASSERT_EQ(create(body).status, 201);
  }
  std::vector<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    std::multimap<std::string, std::string> query = {{"limit", "10"}};
    if (!cursor.empty()) query.emplace("cursor", cursor);
    auto page = parse(call("GET", "/api/v1/offers", "", query));
    for (const auto& item : page["items"]) seen.push_back(item["id"]);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);

  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i - 1], seen[i]);
}

TEST_F(OfferApi, RejectsForgedCursorAndHugeLimit) {
  EXPECT_EQ(call("GET", "/api/v1/offers", "", {{"cursor", "forged"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/offers", "", {{"limit", "1000000000"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/offers", "", {{"trl", "ten"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/offers", "", {{"kind", "gadget"}}).status, 400);
}

TEST_F(OfferApi, FiltersListByKindAndTrl) {
  auto service = kDryer;
  service["kind"] = "service";
  service["trl"] = 9;
  ASSERT_EQ(create(kDryer).status, 201);
  ASSERT_EQ(create(service).status, 201);
  EXPECT_EQ(parse(call("GET", "/api/v1/offers", "", {{"kind", "service"}}))["items"].size(), 1u);
  EXPECT_EQ(parse(call("GET", "/api/v1/offers", "", {{"trl", "7"}}))["items"].size(), 1u);
}

TEST_F(OfferApi, SearchFindsOfferWithAndWithoutDiacritics) {
  ASSERT_EQ(create(kDryer).status, 201);
  for (const char* text : {"công nghệ sấy", "cong nghe say", "CÔNG NGHỆ SẤY", "nong san"}) {
    auto response = call("GET", "/api/v1/search", "", {{"q", text}});
    ASSERT_EQ(response.status, 200);
    auto body = parse(response);
    EXPECT_EQ(body["total"], 1) << "query: " << text;
    ASSERT_EQ(body["items"].size(), 1u) << "query: " << text;
    EXPECT_EQ(body["items"][0]["title"], "Công nghệ sấy nông sản");
    EXPECT_EQ(body["items"][0]["kind"], "technology");
  }
}

TEST_F(OfferApi, SearchSkipsDraftsAndFiltersByKind) {
  auto draft = kDryer;
  draft["status"] = "draft";
  draft["title"] = "Bản nháp sấy";
  ASSERT_EQ(create(draft).status, 201);
  ASSERT_EQ(create(kDryer).status, 201);
  EXPECT_EQ(parse(call("GET", "/api/v1/search", "", {{"q", "say"}}))["total"], 1);
  EXPECT_EQ(parse(call("GET", "/api/v1/search", "", {{"q", "say"}, {"kind", "service"}}))["total"],
            0);
}

}  // namespace
}  // namespace techmarket::catalog

namespace techmarket::catalog {
namespace {

TEST_F(OfferApi, SearchRanksExactAccentAboveFolded) {
  auto say = kDryer;
  say["title"] = "Say mê công nghệ";
  say["summary"] = "Giới thiệu.";
  ASSERT_EQ(create(say).status, 201);
  auto say_accent = kDryer;
  say_accent["title"] = "Lò sấy công nghệ";
  say_accent["summary"] = "Giới thiệu.";
  ASSERT_EQ(create(say_accent).status, 201);

  auto accented = parse(call("GET", "/api/v1/search", "", {{"q", "sấy"}}));
  ASSERT_EQ(accented["items"].size(), 2u);
  EXPECT_EQ(accented["items"][0]["title"], "Lò sấy công nghệ");

  auto plain = parse(call("GET", "/api/v1/search", "", {{"q", "say"}}));
  EXPECT_EQ(plain["items"].size(), 2u) << "a query without marks finds both";
}

TEST_F(OfferApi, SearchTreatsBothTonePlacementsAlike) {
  auto offer = kDryer;
  offer["title"] = "Thiết bị thủy lợi hòa nhập";
  ASSERT_EQ(create(offer).status, 201);
  auto result = parse(call("GET", "/api/v1/search", "", {{"q", "thuỷ lợi hoà"}}));
  ASSERT_EQ(result["items"].size(), 1u);
  EXPECT_GT(result["items"][0]["score"].get<double>(),
            parse(call("GET", "/api/v1/search", "", {{"q", "thuy loi hoa"}}))["items"][0]["score"]
                .get<double>())
      << "the other tone placement still counts as an exact match";
}

}  // namespace
}  // namespace techmarket::catalog
