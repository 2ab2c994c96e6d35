#include "reference/routes.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "db/migrations.h"
#include "reference/importer.h"
#include "support/temp_dir.h"

namespace techmarket::reference {
namespace {

using nlohmann::json;

// The routes only read, so the suite imports the reference data once into a
// database of its own instead of once per test.
class ReferenceRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = std::make_unique<testing::TempDir>();
    pool_ = std::make_unique<db::Pool>(temp_->path() / "techmarket.sqlite3", 2);
    {
      auto connection = pool_->acquire();
      db::migrate(*connection);
      import_reference(*connection, TECHMARKET_SHARED_DATA);
    }
    router_ = std::make_unique<http::Router>();
    add_reference_routes(*router_, *pool_);
  }

  static void TearDownTestSuite() {
    router_.reset();
    pool_.reset();
    temp_.reset();
  }

  // Dispatches GET `path` with the query parameters in `query`.
  http::Response get(const std::string& path, std::multimap<std::string, std::string> query = {}) {
    http::Request request;
    request.method = "GET";
    request.path = path;
    request.query = std::move(query);
    request.request_id = "test";
    return router_->dispatch(request);
  }

  // Dispatches GET `path` and returns the JSON body, expecting status 200.
  json get_json(const std::string& path, std::multimap<std::string, std::string> query = {}) {
    auto response = get(path, std::move(query));
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    EXPECT_EQ(response.content_type, "application/json");
    return json::parse(response.body);
  }

  static inline std::unique_ptr<testing::TempDir> temp_;
  static inline std::unique_ptr<db::Pool> pool_;
  static inline std::unique_ptr<http::Router> router_;
};

TEST_F(ReferenceRoutes, ListsProvincesOfCurrentEditionByDefault) {
  auto body = get_json("/api/v1/provinces");

  const auto& items = body["items"];
  ASSERT_EQ(items.size(), 34u);
  EXPECT_EQ(items[0]["code"], "01");
  EXPECT_EQ(items[0]["name"], "Hà Nội");
  EXPECT_EQ(items[0]["full_name_en"], "Hanoi City");
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]["edition"], "2025");
    if (i > 0) {
      EXPECT_LT(items[i - 1]["code"], items[i]["code"]);
    }
  }
}

TEST_F(ReferenceRoutes, ListsProvincesOfFormerEdition) {
  auto body = get_json("/api/v1/provinces", {{"edition", "2021"}});

  ASSERT_EQ(body["items"].size(), 63u);
  EXPECT_EQ(body["items"][0]["edition"], "2021");
}

TEST_F(ReferenceRoutes, RejectsUnknownEdition) {
  for (const char* path : {"/api/v1/provinces", "/api/v1/provinces/80",
                           "/api/v1/provinces/80/communes", "/api/v1/communes/25459"}) {
    auto response = get(path, {{"edition", "2019"}});
    EXPECT_EQ(response.status, 400) << path;
    EXPECT_EQ(response.content_type, "application/problem+json") << path;
  }
}

TEST_F(ReferenceRoutes, ReturnsProvinceOfEachEdition) {
  auto current = get_json("/api/v1/provinces/80");
  auto former = get_json("/api/v1/provinces/80", {{"edition", "2021"}});

  EXPECT_EQ(current["name"], "Tây Ninh");
  EXPECT_EQ(current["edition"], "2025");
  EXPECT_EQ(former["name"], "Long An");
  EXPECT_EQ(former["edition"], "2021");
}

TEST_F(ReferenceRoutes, ReturnsNotFoundProblemForProvince99) {
  auto response = get("/api/v1/provinces/99");

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = json::parse(response.body);
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["detail"], "province 99 not found in the 2025 edition");
}

TEST_F(ReferenceRoutes, ListsNinetySixCommunesOfTayNinh) {
  auto body = get_json("/api/v1/provinces/80/communes");

  EXPECT_EQ(body["total"], 96);
  const auto& items = body["items"];
  ASSERT_EQ(items.size(), 96u);
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]["province_code"], "80");
    EXPECT_TRUE(items[i]["district_code"].is_null());
    EXPECT_EQ(items[i]["edition"], "2025");
    if (i > 0) {
      EXPECT_LT(items[i - 1]["code"], items[i]["code"]);
    }
  }
}

TEST_F(ReferenceRoutes, ListsCommunesOfFormerTayNinh) {
  auto body = get_json("/api/v1/provinces/72/communes", {{"edition", "2021"}});

  EXPECT_EQ(body["total"], 94);
  ASSERT_EQ(body["items"].size(), 94u);
  EXPECT_TRUE(body["items"][0]["district_code"].is_string());
  EXPECT_EQ(body["items"][0]["province_code"], "72");
}

TEST_F(ReferenceRoutes, CommunesOfUnknownProvinceAreNotFound) {
  EXPECT_EQ(get("/api/v1/provinces/99/communes").status, 404);
  // Code 72 (old Tây Ninh) exists only in the 2021 edition.
  EXPECT_EQ(get("/api/v1/provinces/72/communes").status, 404);
}

TEST_F(ReferenceRoutes, ShowsFormerCommunesOfNewCommune) {
  auto body = get_json("/api/v1/communes/00004");

  EXPECT_EQ(body["full_name"], "Phường Ba Đình");
  EXPECT_EQ(body["province_code"], "01");
  const auto& former = body["former_communes"];
  ASSERT_FALSE(former.empty());
  EXPECT_EQ(former[0]["code"], "00004");
  EXPECT_EQ(former[0]["full_name"], "Phường Trúc Bạch");
  EXPECT_EQ(former[0]["merge_type"], "full");
  EXPECT_FALSE(body.contains("current_communes"));
}

TEST_F(ReferenceRoutes, NamesIslandDistrictAmongFormerUnits) {
  auto body = get_json("/api/v1/communes/26732");

  const auto& former = body["former_communes"];
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0]["code"], "755");
  EXPECT_EQ(former[0]["full_name"], "Huyện Côn Đảo");
}

TEST_F(ReferenceRoutes, ShowsCurrentCommunesOfOldCommune) {
  auto body = get_json("/api/v1/communes/00001", {{"edition", "2021"}});

  EXPECT_EQ(body["full_name"], "Phường Phúc Xá");
  EXPECT_EQ(body["district_code"], "001");
  const auto& current = body["current_communes"];
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0]["code"], "00097");
  EXPECT_EQ(current[0]["full_name"], "Phường Hồng Hà");
  EXPECT_FALSE(body.contains("former_communes"));
}

TEST_F(ReferenceRoutes, UnknownCommuneIsNotFound) {
  EXPECT_EQ(get("/api/v1/communes/99999").status, 404);
  // Code 00001 was merged away, so the 2025 edition has no such commune.
  EXPECT_EQ(get("/api/v1/communes/00001").status, 404);
}

TEST_F(ReferenceRoutes, ReturnsIpcEntryInAnyCase) {
  auto body = get_json("/api/v1/ipc/a01b");

  EXPECT_EQ(body["code"], "A01B");
  EXPECT_EQ(body["level"], "subclass");
  EXPECT_TRUE(body["title_en"].get<std::string>().starts_with("SOIL WORKING"));
  EXPECT_EQ(get("/api/v1/ipc/Z99").status, 404);
}

TEST_F(ReferenceRoutes, ListsIpcSectionsWithoutParent) {
  auto body = get_json("/api/v1/ipc");

  ASSERT_EQ(body["items"].size(), 8u);
  EXPECT_EQ(body["items"][0]["code"], "A");
  EXPECT_EQ(body["items"][7]["code"], "H");
}

TEST_F(ReferenceRoutes, ListsIpcChildrenOfParent) {
  auto classes = get_json("/api/v1/ipc", {{"parent", "A"}});
  auto subclasses = get_json("/api/v1/ipc", {{"parent", "A01"}});
  auto below_subclass = get_json("/api/v1/ipc", {{"parent", "A01B"}});

  ASSERT_FALSE(classes["items"].empty());
  for (const auto& item : classes["items"]) {
    EXPECT_EQ(item["level"], "class");
    EXPECT_EQ(item["code"].get<std::string>()[0], 'A');
  }
  ASSERT_FALSE(subclasses["items"].empty());
  EXPECT_EQ(subclasses["items"][0]["code"], "A01B");
  for (const auto& item : subclasses["items"]) {
    EXPECT_TRUE(item["code"].get<std::string>().starts_with("A01"));
  }
  EXPECT_TRUE(below_subclass["items"].empty());
  EXPECT_EQ(get("/api/v1/ipc", {{"parent", "Z"}}).status, 404);
}

TEST_F(ReferenceRoutes, ReturnsTreeOfStFields) {
  auto body = get_json("/api/v1/st-fields");

  const auto& top = body["items"];
  ASSERT_EQ(top.size(), 6u);
  std::size_t subfields = 0;
  for (const auto& field : top) subfields += field["children"].size();
  EXPECT_EQ(subfields, 42u);
  EXPECT_EQ(top[1]["code"], "2");
  EXPECT_EQ(top[1]["name_vi"], "Khoa học kỹ thuật và công nghệ");
  const auto& engineering = top[1]["children"];
  ASSERT_EQ(engineering.size(), 11u);
  EXPECT_EQ(engineering[1]["code"], "2.2");
  EXPECT_EQ(engineering[10]["code"], "2.11");
  EXPECT_EQ(engineering[4]["name_en"], "Materials engineering");
  EXPECT_TRUE(engineering[4]["name_vi"].is_null());
  EXPECT_EQ(engineering[4]["parent_code"], "2");
}

TEST_F(ReferenceRoutes, ListsIndustrySectionsOfVersion) {
  auto current = get_json("/api/v1/industry-sections");
  auto former = get_json("/api/v1/industry-sections", {{"version", "2018"}});

  EXPECT_EQ(current["items"].size(), 22u);
  EXPECT_EQ(current["items"][0]["version"], "2025");
  EXPECT_EQ(former["items"].size(), 21u);
  EXPECT_EQ(former["items"][0]["code"], "A");
  EXPECT_EQ(get("/api/v1/industry-sections", {{"version", "2007"}}).status, 400);
}

TEST_F(ReferenceRoutes, ListsNineTrlLevels) {
  auto body = get_json("/api/v1/trl-levels");

  ASSERT_EQ(body["items"].size(), 9u);
  EXPECT_EQ(body["items"][0]["level"], 1);
  EXPECT_EQ(body["items"][8]["level"], 9);
}

}  // namespace
}  // namespace techmarket::reference
