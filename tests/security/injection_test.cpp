// SQL metacharacters, LIKE wildcards and path traversal in query parameters
// and path parameters: no error 500, no extra rows, no file contents.
#include <gtest/gtest.h>

#include <set>

#include "security/live_server.h"

namespace techmarket {
namespace {

using testing::is_problem;
using testing::url_encode;

const std::vector<std::string> kSqlValues = {
    "100%",
    "CN_01",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "1; DROP TABLE offers; --",
    "%",
    "_",
    "\\",
    "%' --",
    "') UNION SELECT * FROM needs --",
    "80' OR '1'='1",
    "*",
    "[a-z]%",
};

// Every text or number filter of every list route.
const std::vector<std::pair<std::string, std::string>> kFilters = {
    {"/api/v1/offers", "kind"},
    {"/api/v1/offers", "status"},
    {"/api/v1/offers", "st_field"},
    {"/api/v1/offers", "trl"},
    {"/api/v1/offers", "owner_organization_id"},
    {"/api/v1/offers", "province_code"},
    {"/api/v1/needs", "status"},
    {"/api/v1/needs", "st_field"},
    {"/api/v1/needs", "industry_section"},
    {"/api/v1/needs", "owner_organization_id"},
    {"/api/v1/needs", "province_code"},
    {"/api/v1/organizations", "kind"},
    {"/api/v1/organizations", "status"},
    {"/api/v1/organizations", "province_code"},
    {"/api/v1/search", "q"},
    {"/api/v1/search", "type"},
    {"/api/v1/search", "kind"},
    {"/api/v1/search", "st_field"},
    {"/api/v1/search", "trl"},
    {"/api/v1/search", "province"},
    {"/api/v1/ipc", "parent"},
    {"/api/v1/provinces", "edition"},
    {"/api/v1/industry-sections", "version"},
};

class Injection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::LiveServer();
    // Records whose text contains none of the characters of kSqlValues, so
    // any of them in a reply is an extra row.
    for (const char* title : {"Máy sấy nông sản", "Hệ thống tưới nhỏ giọt", "Bộ lọc nước"}) {
      nlohmann::json offer = {
          {"kind", "technology"}, {"title", title}, {"summary", title}, {"status", "published"}};
      server_->json("POST", "/api/v1/offers", offer, 201);
      nlohmann::json need = {{"title", title}, {"problem", title}, {"status", "published"}};
      server_->json("POST", "/api/v1/needs", need, 201);
      nlohmann::json organization = {{"kind", "enterprise"}, {"name", title}};
      server_->json("POST", "/api/v1/organizations", organization, 201);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static inline testing::LiveServer* server_ = nullptr;
};

TEST_F(Injection, SqlValuesInFiltersMatchNothing) {
  auto before = server_->counts();
  for (const auto& [path, parameter] : kFilters) {
    for (const auto& value : kSqlValues) {
      auto target = path + "?" + parameter + "=" + url_encode(value);
      auto reply = server_->request("GET", target);
      SCOPED_TRACE(target);
      ASSERT_LT(reply.status, 500) << reply.body;
      if (reply.status == 200) {
        auto items = nlohmann::json::parse(reply.body)["items"];
        EXPECT_TRUE(items.empty()) << "extra rows: " << reply.body;
      } else {
        // 404 where the value names a record, such as the IPC parent code.
        EXPECT_TRUE(is_problem(reply, reply.status == 404 ? 404 : 400));
      }
    }
  }
  EXPECT_EQ(server_->counts(), before);
}

TEST_F(Injection, LikeWildcardsMatchOnlyLiterally) {
  nlohmann::json offer = {{"kind", "technology"},
                          {"title", "Hiệu suất 100% mã CN_01"},
                          {"summary", "Ký tự đặc biệt"},
                          {"status", "published"}};
  server_->json("POST", "/api/v1/offers", offer, 201);
  for (const char* query : {"100%", "CN_01"}) {
    auto body = server_->json("GET", std::string("/api/v1/search?q=") + url_encode(query));
    for (const auto& item : body["items"]) {
      EXPECT_EQ(item["title"], "Hiệu suất 100% mã CN_01") << query << " matched too much";
    }
  }
  for (const char* code : {"8%", "_0", "%"}) {
    auto body =
        server_->json("GET", std::string("/api/v1/provinces/") + url_encode(code), nullptr, 404);
    EXPECT_EQ(body["status"], 404) << code;
  }
}

TEST_F(Injection, SqlValuesInPathParametersGiveNotFound) {
  for (const char* path : {"/api/v1/offers/", "/api/v1/needs/", "/api/v1/organizations/",
                           "/api/v1/provinces/", "/api/v1/communes/", "/api/v1/ipc/"}) {
    for (const auto& value : kSqlValues) {
      auto reply = server_->request("GET", path + url_encode(value));
      SCOPED_TRACE(path + value);
      EXPECT_TRUE(reply.status == 404 || reply.status == 400) << reply.body;
      EXPECT_TRUE(is_problem(reply, reply.status));
    }
  }
  auto listed = server_->json("GET", "/api/v1/offers?limit=100");
  EXPECT_FALSE(listed["items"].empty()) << "the offers table must still be there";
}

TEST_F(Injection, PathTraversalNeverReadsFiles) {
  const std::vector<std::string> targets = {
      "/../../etc/passwd",
      "/..%2F..%2F..%2Fetc%2Fpasswd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
      "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "/..\\..\\..\\etc\\passwd",
      "/assets/../../../../etc/passwd",
      "/index.html/..%2f..%2f..%2fetc%2fpasswd",
      "/api/v1/provinces/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/v1/communes/../../../etc/passwd",
      "/api/v1/ipc/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/api/v1/offers/1/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/v1/openapi.json/../../../../etc/passwd",
      "/%00/etc/passwd",
  };
  for (const auto& target : targets) {
    auto reply = server_->request("GET", target);
    SCOPED_TRACE(target);
    EXPECT_LT(reply.status, 500) << reply.body;
    EXPECT_NE(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << reply.body;
    EXPECT_TRUE(is_problem(reply, reply.status));
  }
}

}  // namespace
}  // namespace techmarket
