#include "imports/import_routes.h"

#include <gtest/gtest.h>

#include <set>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::imports {
namespace {

const std::string kValidOffers =
    "external_id,kind,title,summary,price_vnd\n"
    "tn-001,technology,Máy sấy nông sản,Sấy trái cây bằng năng lượng mặt trời.,1.234.567\n"
    "tn-002,service,Tư vấn chuyển giao,Tư vấn hợp đồng chuyển giao công nghệ.,\n";

class ImportRoutes : public ::testing::Test {
 protected:
  http::Response post(const std::string& path, const std::string& body,
                      std::multimap<std::string, std::string> query = {}) {
    http::Request request;
    request.method = "POST";
    request.path = path;
    request.query = std::move(query);
    request.body = body;
    if (!staff_) {
      staff_ = testing::signed_in_user(platform_, "can-bo@so-khcn.example", auth::Role::kStaff);
    }
    testing::authenticate(request, *staff_);
    return platform_.router().dispatch(request);
  }

  std::int64_t count(const std::string& table) {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT count(*) FROM " + table);
    query.step();
    return query.column_int64(0);
  }

  std::size_t stored_uploads() {
    auto directory = dir_.path() / "uploads";
    if (!std::filesystem::exists(directory)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(directory),
                                                  std::filesystem::directory_iterator()));
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  std::optional<testing::TestSession> staff_;
};

TEST_F(ImportRoutes, RejectsVisitorWithoutSaving) {
  http::Request request;
  request.method = "POST";
  request.path = "/api/v1/imports/offers";
  request.body = kValidOffers;
  EXPECT_EQ(platform_.router().dispatch(request).status, 401);
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportRoutes, ImportsCsvAndReportsCounts) {
  auto response = post("/api/v1/imports/offers", kValidOffers);
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["format"], "csv");
  EXPECT_EQ(body["rows"], 2);
  EXPECT_EQ(body["created"], 2);
  EXPECT_EQ(body["rejected"].size(), 0u);
  EXPECT_EQ(body["not_published"], 2) << "a file without a status column makes drafts";
  EXPECT_EQ(count("offers"), 2);
  EXPECT_EQ(stored_uploads(), 1u);

  auto again = nlohmann::json::parse(post("/api/v1/imports/offers", kValidOffers).body);
  EXPECT_EQ(again["unchanged"], 2);
  EXPECT_EQ(count("offers"), 2);
}

TEST_F(ImportRoutes, ImportedOffersReachTheMatchesOfNeeds) {
  auto system = auth::Principal::system();
  auto need = platform_.needs().create(system, {{"title", "Cần công nghệ sấy trái cây"},
                                                {"problem", "Sấy xoài và nhãn sau thu hoạch."},
                                                {"status", "published"}});
  ASSERT_TRUE(platform_.matches().need_matches(system, need.id, 0, 20).items.empty());

  auto response = post("/api/v1/imports/offers",
                       "external_id,kind,title,summary,status\n"
                       "tn-101,technology,Máy sấy trái cây,Sấy xoài và nhãn.,published\n"
                       "tn-102,service,Tư vấn chuyển giao,Tư vấn hợp đồng.,published\n");
  ASSERT_EQ(response.status, 200) << response.body;

  EXPECT_EQ(nlohmann::json::parse(response.body)["not_published"], 0);
  auto matches = platform_.matches().need_matches(system, need.id, 0, 20).items;
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].title, "Máy sấy trái cây");
}

TEST_F(ImportRoutes, DryRunSavesNothing) {
  auto response = post("/api/v1/imports/offers", kValidOffers, {{"dry_run", "true"}});
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["dry_run"], true);
  EXPECT_EQ(body["created"], 2);
  EXPECT_EQ(count("offers"), 0);
  EXPECT_EQ(stored_uploads(), 0u);
}

TEST_F(ImportRoutes, BadRowsGive422WithEveryRowAndSaveNothing) {
  std::string file =
      "external_id,kind,title,summary,trl\n"
      "tn-001,technology,Máy sấy,Sấy trái cây.,7\n"
      "tn-002,spaceship,Tàu,Bay.,5\n"
      "tn-003,service,,Tư vấn.,12\n";
  auto response = post("/api/v1/imports/offers", file);
  ASSERT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["rows"], 3);
  EXPECT_EQ(body["created"], 0);
  ASSERT_GE(body["rejected"].size(), 3u);
  std::set<int> lines;
  for (const auto& row : body["rejected"]) lines.insert(row["line"].get<int>());
  EXPECT_TRUE(lines.contains(3));
  EXPECT_TRUE(lines.contains(4));
  EXPECT_FALSE(lines.contains(2));
  EXPECT_EQ(body["rejected"][0]["line"], 3);
  EXPECT_EQ(body["rejected"][0]["field"], "kind");
  EXPECT_EQ(count("offers"), 0);
  EXPECT_EQ(stored_uploads(), 0u);
}

TEST_F(ImportRoutes, ImportsJsonLinesOfNeeds) {
  std::string file =
      R"({"external_id": "nc-1", "title": "Xử lý nước thải", "problem": "Nước thải chế biến mủ cao su."})"
      "\n";
  auto response = post("/api/v1/imports/needs", file);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(nlohmann::json::parse(response.body)["format"], "jsonl");
  EXPECT_EQ(count("needs"), 1);
}

TEST_F(ImportRoutes, RejectsBinaryContentWhateverItsName) {
  // The start of a 1x1 PNG: signature and IHDR chunk header, with NUL bytes inside.
  constexpr char kPngStart[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
  std::string png(kPngStart, sizeof(kPngStart) - 1);
  auto response = post("/api/v1/imports/offers", png);
  EXPECT_EQ(response.status, 415) << response.body;
  EXPECT_NE(response.body.find("image/png"), std::string::npos);
  EXPECT_EQ(stored_uploads(), 0u);
}

TEST_F(ImportRoutes, RejectsEmptyBody) {
  auto response = post("/api/v1/imports/offers", "");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("file"), std::string::npos);
}

TEST_F(ImportRoutes, UnknownRecordTypeIsNotFound) {
  EXPECT_EQ(post("/api/v1/imports/deals", kValidOffers).status, 404);
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportRoutes, StoresUploadsOutsideAnyWebRoot) {
  ASSERT_EQ(post("/api/v1/imports/offers", kValidOffers).status, 200);
  auto entry = *std::filesystem::directory_iterator(dir_.path() / "uploads");
  auto name = entry.path().stem().string();
  EXPECT_EQ(name.size(), 32u);
  EXPECT_EQ(entry.path().extension(), ".csv");
}

TEST_F(ImportRoutes, InvalidDryRunValueIsBadRequest) {
  EXPECT_EQ(post("/api/v1/imports/offers", kValidOffers, {{"dry_run", "yes"}}).status, 400);
}

}  // namespace
}  // namespace techmarket::imports
