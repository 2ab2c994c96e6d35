// The audit log: written with each change, append-only, readable by admins.
#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::auth {
namespace {

using testing::make_request;

class AuditLog : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = testing::signed_in_user(platform_, "admin@example.vn", Role::kAdmin);
  }

  http::Response call(const std::string& method, const std::string& path,
                      const std::string& body = "",
                      std::multimap<std::string, std::string> query = {}) {
    auto request = make_request(method, path, body);
    request.query = std::move(query);
    testing::authenticate(request, admin_);
    return platform_.router().dispatch(request);
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  testing::TestSession admin_;
};

TEST_F(AuditLog, RecordsActorActionAndBeforeAfter) {
  auto created = call("POST", "/api/v1/organizations", R"({"kind":"enterprise","name":"Cũ"})");
  ASSERT_EQ(created.status, 201);
  auto id = parse(created)["id"].get<std::int64_t>();
  ASSERT_EQ(
      call("PATCH", "/api/v1/organizations/" + std::to_string(id), R"({"name":"Mới"})").status,
      200);

  auto log = parse(call("GET", "/api/v1/audit", "",
                        {{"record_type", "organization"}, {"record_id", std::to_string(id)}}));
  ASSERT_EQ(log["items"].size(), 2u) << log.dump();
  const auto& update = log["items"][0];
  const auto& create = log["items"][1];
  EXPECT_EQ(update["action"], "update");
  EXPECT_EQ(update["actor_type"], "user");
  EXPECT_EQ(update["actor_id"], admin_.user_id);
  EXPECT_EQ(update["before"]["name"], "Cũ");
  EXPECT_EQ(update["after"]["name"], "Mới");
  EXPECT_EQ(create["action"], "create");
  EXPECT_TRUE(create["before"].is_null());
  EXPECT_EQ(create["after"]["name"], "Cũ");
  EXPECT_FALSE(update["at"].get<std::string>().empty());
}

TEST_F(AuditLog, RejectedWriteLeavesNoEntry) {
  auto before = parse(call("GET", "/api/v1/audit"))["items"].size();
  EXPECT_EQ(call("POST", "/api/v1/offers", R"({"kind":"gadget"})").status, 422);
  EXPECT_EQ(parse(call("GET", "/api/v1/audit"))["items"].size(), before);
}

TEST_F(AuditLog, WorkflowStepsAreNamed) {
  auto created =
      call("POST", "/api/v1/offers", R"({"kind":"technology","title":"Máy sấy","summary":"Sấy."})");
  auto path = "/api/v1/offers/" + std::to_string(parse(created)["id"].get<std::int64_t>());
  call("POST", path + "/submit");
  call("POST", path + "/reject", R"({"reason":"Thiếu ảnh."})");
  auto log = parse(call("GET", "/api/v1/audit", "", {{"record_type", "offer"}}));
  ASSERT_EQ(log["items"].size(), 3u);
  EXPECT_EQ(log["items"][0]["action"], "reject");
  EXPECT_EQ(log["items"][0]["after"]["rejection_reason"], "Thiếu ảnh.");
  EXPECT_EQ(log["items"][0]["before"]["status"], "submitted");
  EXPECT_EQ(log["items"][1]["action"], "submit");
  EXPECT_EQ(log["items"][2]["action"], "create");
}

TEST_F(AuditLog, TableIsAppendOnly) {
  call("POST", "/api/v1/organizations", R"({"kind":"enterprise","name":"Một"})");
  auto connection = platform_.pool().acquire();
  EXPECT_THROW(connection->execute("UPDATE audit_log SET action = 'forged'"), db::Error);
  EXPECT_THROW(connection->execute("DELETE FROM audit_log"), db::Error);
  auto query = connection->prepare("SELECT count(*) FROM audit_log WHERE action = 'forged'");
  query.step();
  EXPECT_EQ(query.column_int64(0), 0);
}

TEST_F(AuditLog, PagesNewestFirstWithoutRepeats) {
  for (int i = 0; i < 7; ++i) {
    call("POST", "/api/v1/organizations",
         nlohmann::json{{"kind", "enterprise"}, {"name", "Tổ chức " + std::to_string(i)}}.dump());
  }
  std::vector<std::int64_t> ids;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    std::multimap<std::string, std::string> query = {{"record_type", "organization"},
                                                     {"limit", "3"}};
    if (!cursor.empty()) query.emplace("cursor", cursor);
    auto body = parse(call("GET", "/api/v1/audit", "", query));
    for (const auto& item : body["items"]) ids.push_back(item["id"].get<std::int64_t>());
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"].get<std::string>();
  }
  ASSERT_EQ(ids.size(), 7u);
  for (std::size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i], ids[i - 1]);
  EXPECT_EQ(call("GET", "/api/v1/audit", "", {{"since", "yesterday"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/audit", "", {{"cursor", "forged"}}).status, 400);
}

TEST_F(AuditLog, OffersNoRouteThatChangesIt) {
  for (const auto& route : platform_.router().routes()) {
    if (route.pattern.find("/audit") == std::string::npos) continue;
    EXPECT_EQ(route.method, "GET") << route.pattern;
  }
}

}  // namespace
}  // namespace techmarket::auth
