// Stored matches kept current by the offer and need services, alerts to
// followers (once per match, only for records they may see), and the routes.
#include "matching/match_service.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "app/platform.h"
#include "search/outbox.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::matching {
namespace {

using auth::Principal;
using auth::Role;

class MatchServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto system = Principal::system();
    org_a_ = platform_.organizations()
                 .create(system, {{"kind", "enterprise"}, {"name", "Công ty A"}})
                 .id;
    org_b_ = platform_.organizations()
                 .create(system, {{"kind", "enterprise"}, {"name", "Công ty B"}})
                 .id;
    // Unrelated offers, so that the words of the records under test are rare.
    add_offer("Phần mềm quản lý bệnh viện", "Hồ sơ bệnh án điện tử cho phòng khám.");
    add_offer("Vật liệu composite cho cánh quạt gió", "Sợi thủy tinh và nhựa epoxy bền.");
    add_offer("Cảm biến đo độ mặn nước sông", "Đo độ mặn liên tục, gửi số liệu qua mạng di động.");
  }

  std::int64_t add_offer(const std::string& title, const std::string& summary,
                         const std::string& status = "published",
                         std::optional<std::int64_t> owner = std::nullopt) {
    nlohmann::json body = {
        {"kind", "technology"}, {"title", title}, {"summary", summary}, {"status", status}};
    if (owner) body["owner_organization_id"] = *owner;
    return platform_.offers().create(Principal::system(), body).id;
  }

  std::int64_t add_need(const std::string& title, const std::string& problem) {
    return platform_.needs()
        .create(Principal::system(), {{"title", title},
                                      {"problem", problem},
                                      {"status", "published"},
                                      {"owner_organization_id", org_a_}})
        .id;
  }

  std::vector<std::int64_t> matched_offers(std::int64_t need_id) {
    std::vector<std::int64_t> ids;
    for (const auto& match :
         platform_.matches().need_matches(Principal::system(), need_id, 0, 20).items) {
      ids.push_back(match.offer_id);
    }
    return ids;
  }

  Principal member_of(std::int64_t organization_id, const std::string& email) {
    Principal principal;
    principal.kind = Principal::Kind::kUser;
    principal.id = testing::add_user(platform_, email, Role::kMember, organization_id);
    principal.role = Role::kMember;
    principal.organization_id = organization_id;
    return principal;
  }

  std::size_t inbox_size(const Principal& user) {
    return platform_.follows().inbox(user, 0, 100).items.size();
  }

  std::size_t emails_to(const std::string& email) {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT count(*) FROM email_outbox WHERE recipient = ?");
    query.bind(1, email);
    query.step();
    return static_cast<std::size_t>(query.column_int64(0));
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  std::int64_t org_a_ = 0;
  std::int64_t org_b_ = 0;
};

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST_F(MatchServiceTest, NewNeedFindsOfferWithReasons) {
  auto dryer = add_offer("Máy sấy nông sản bằng năng lượng mặt trời",
                         "Sấy khô nông sản như cà phê, tiêu, hạt điều.");
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");

  auto page = platform_.matches().need_matches(Principal::system(), need, 0, 20);
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items[0].offer_id, dryer);
  EXPECT_GT(page.items[0].score, 0);
  EXPECT_LE(page.items[0].score, 1);
  ASSERT_FALSE(page.items[0].reasons.empty());
  const auto& words = page.items[0].reasons[0];
  EXPECT_EQ(words.code, "shared_words");
  EXPECT_NE(words.text_vi.find("\"sấy\""), std::string::npos) << words.text_vi;
}

TEST_F(MatchServiceTest, AccentedWordsDoNotMatchEnglishLookalikes) {
  // Folded, "sấy" is "say" and "cần" is "can": English words, not a match.
  auto english = add_offer("What sensors can say about soil",
                           "Sensors can say when soil needs water; they say it early.");
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto need = add_need("Cần máy sấy", "Cần sấy cà phê.");

  auto matched = matched_offers(need);
  EXPECT_TRUE(contains(matched, dryer));
  EXPECT_FALSE(contains(matched, english));
}

TEST_F(MatchServiceTest, FunctionWordsAreNoSharedWords) {
  // Every word of the need's title is in the offer's, and rare in the catalog.
  add_offer("Cần dùng cho máy sấy", "Dùng cho máy sấy cà phê.");
  auto need = add_need("Cần dùng cho máy sấy", "Cần dùng cho máy sấy hạt điều.");

  auto page = platform_.matches().need_matches(Principal::system(), need, 0, 20);
  ASSERT_FALSE(page.items.empty());
  const auto& words = page.items[0].reasons[0].text_vi;
  EXPECT_NE(words.find("\"sấy\""), std::string::npos) << words;
  EXPECT_EQ(words.find("\"và\""), std::string::npos) << words;
  EXPECT_EQ(words.find("\"cần\""), std::string::npos) << words;
  EXPECT_EQ(words.find("\"cho\""), std::string::npos) << words;
}

TEST_F(MatchServiceTest, NewOfferReachesExistingNeed) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");
  auto before = matched_offers(need);

  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  EXPECT_EQ(matched_offers(need).size(), before.size() + 1);
  EXPECT_TRUE(contains(matched_offers(need), dryer));

  auto offer_side = platform_.matches().offer_matches(Principal::system(), dryer, 0, 20);
  ASSERT_EQ(offer_side.items.size(), 1u);
  EXPECT_EQ(offer_side.items[0].need_id, need);
}

TEST_F(MatchServiceTest, ArchivedOfferLeavesMatches) {
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");
  ASSERT_TRUE(contains(matched_offers(need), dryer));

  platform_.offers().transition(Principal::system(), dryer, ReviewAction::kArchive);
  EXPECT_FALSE(contains(matched_offers(need), dryer));
}

TEST_F(MatchServiceTest, EditedNeedReplacesOnlyItsOwnRows) {
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto sensor_need = add_need("Cần đo độ mặn", "Đo độ mặn nước sông cho trạm bơm.");
  auto dryer_need = add_need("Cần công nghệ sấy nông sản", "Sấy cà phê và hạt điều.");
  auto sensor_before = platform_.matches().need_matches(Principal::system(), sensor_need, 0, 20);
  ASSERT_FALSE(sensor_before.items.empty());
  ASSERT_TRUE(contains(matched_offers(dryer_need), dryer));

  platform_.needs().update(Principal::system(), dryer_need,
                           {{"title", "Cần phần mềm bệnh viện"},
                            {"problem", "Quản lý hồ sơ bệnh án điện tử."}});
  EXPECT_FALSE(contains(matched_offers(dryer_need), dryer));
  EXPECT_FALSE(matched_offers(dryer_need).empty());

  auto sensor_after = platform_.matches().need_matches(Principal::system(), sensor_need, 0, 20);
  ASSERT_EQ(sensor_after.items.size(), sensor_before.items.size());
  EXPECT_EQ(sensor_after.items[0].computed_at, sensor_before.items[0].computed_at);
}

TEST_F(MatchServiceTest, RecomputeRebuildsTheTable) {
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto need = add_need("Cần công nghệ sấy nông sản", "Sấy cà phê và hạt điều.");
  {
    auto connection = platform_.pool().acquire();
    delete_all_matches(*connection);
  }
  EXPECT_TRUE(matched_offers(need).empty());

  auto report = platform_.matches().recompute_all(2);
  EXPECT_EQ(report.needs, 1u);
  EXPECT_GE(report.matches, 1u);
  EXPECT_TRUE(contains(matched_offers(need), dryer));
}

TEST_F(MatchServiceTest, FollowerIsAlertedOncePerMatch) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");
  auto follower = member_of(org_a_, "theo.doi@example.vn");
  bool created = false;
  platform_.follows().follow(follower, {{"target", "need"}, {"id", need}}, created);
  EXPECT_TRUE(created);

  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  ASSERT_EQ(inbox_size(follower), 1u);
  EXPECT_EQ(emails_to("theo.doi@example.vn"), 1u);
  auto item = platform_.follows().inbox(follower, 0, 10).items[0];
  EXPECT_EQ(item.need_id, need);
  EXPECT_EQ(item.offer_id, dryer);
  EXPECT_FALSE(item.read);
  {
    // The email links the pages people read, not the API.
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT body FROM email_outbox WHERE recipient = ?");
    query.bind(1, "theo.doi@example.vn");
    ASSERT_TRUE(query.step());
    auto body = query.column_text(0);
    EXPECT_NE(body.find(fmt::format("/needs/{}\n", need)), std::string::npos) << body;
    EXPECT_EQ(body.find("/api/"), std::string::npos) << body;
  }

  // The same match found again, by an edit and by a full recompute, alerts nobody.
  platform_.offers().update(Principal::system(), dryer, {{"summary", "Sấy cà phê, hạt điều, tiêu."}});
  platform_.matches().recompute_all(2);
  EXPECT_EQ(inbox_size(follower), 1u);
  EXPECT_EQ(emails_to("theo.doi@example.vn"), 1u);
}

TEST_F(MatchServiceTest, ImportedRecordsAlertLikeEdits) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");
  auto follower = member_of(org_a_, "nhap.lieu@example.vn");
  bool created = false;
  platform_.follows().follow(follower, {{"target", "need"}, {"id", need}}, created);

  // An import writes through the store, as imports::import_offers does, and
  // reports the ids. The stored matches change only when records_imported runs.
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.", "draft");
  {
    auto connection = platform_.pool().acquire();
    connection->prepare("UPDATE offers SET status = 'published' WHERE id = ?").bind(1, dryer).run();
    search::enqueue(*connection, "offer", dryer);
  }
  platform_.indexer().drain();
  ASSERT_FALSE(contains(matched_offers(need), dryer));

  EXPECT_EQ(platform_.matches().records_imported("offer", {dryer}, 2), 1u);
  EXPECT_TRUE(contains(matched_offers(need), dryer));
  EXPECT_EQ(inbox_size(follower), 1u);
  EXPECT_EQ(platform_.matches().records_imported("organization", {org_a_}, 2), 0u);
}

TEST_F(MatchServiceTest, LargeImportRecomputesEveryNeed) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Hợp tác xã cần sấy cà phê và hạt điều.");
  auto dryer = add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  {
    auto connection = platform_.pool().acquire();
    delete_all_matches(*connection);
  }
  std::vector<std::int64_t> ids(MatchService::kImportedOneByOne + 1, dryer);
  EXPECT_EQ(platform_.matches().records_imported("offer", ids, 2), 0u);
  EXPECT_TRUE(contains(matched_offers(need), dryer));
}

TEST_F(MatchServiceTest, InboxKeyRejectsSecondAlert) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Sấy cà phê.");
  auto dryer = add_offer("Máy bơm nước", "Bơm nước tưới.");
  auto follower = member_of(org_a_, "mot.lan@example.vn");
  auto connection = platform_.pool().acquire();
  InboxItem item;
  item.user_id = follower.id;
  item.need_id = need;
  item.offer_id = dryer;
  item.title_vi = "Đề xuất";
  item.title_en = "Suggestion";
  item.created_at = "2026-12-04T00:00:00Z";
  EXPECT_TRUE(insert_inbox_item(*connection, item));
  EXPECT_FALSE(insert_inbox_item(*connection, item));
  EXPECT_EQ(list_inbox(*connection, follower.id, 0, 10).size(), 1u);
}

TEST_F(MatchServiceTest, SavedSearchAlertsOnlyForVisibleRecords) {
  auto outsider = member_of(org_b_, "ngoai@example.vn");
  auto owner = member_of(org_a_, "chu@example.vn");
  bool created = false;
  platform_.follows().follow(outsider, {{"target", "search"}, {"query", "máy sấy"}}, created);
  platform_.follows().follow(owner, {{"target", "search"}, {"query", "máy sấy"}}, created);

  auto draft = add_offer("Máy sấy lúa", "Sấy lúa sau thu hoạch.", "draft", org_a_);
  EXPECT_EQ(inbox_size(outsider), 0u);
  ASSERT_EQ(inbox_size(owner), 1u);
  EXPECT_EQ(platform_.follows().inbox(owner, 0, 10).items[0].offer_id, draft);

  platform_.offers().transition(Principal::system(), draft, ReviewAction::kSubmit);
  platform_.offers().transition(Principal::system(), draft, ReviewAction::kPublish);
  EXPECT_EQ(inbox_size(outsider), 1u);
  EXPECT_EQ(inbox_size(owner), 1u);
}

TEST_F(MatchServiceTest, CannotFollowHiddenRecord) {
  auto draft = add_offer("Máy sấy lúa", "Sấy lúa.", "draft", org_a_);
  auto outsider = member_of(org_b_, "ngoai@example.vn");
  bool created = false;
  EXPECT_THROW(platform_.follows().follow(outsider, {{"target", "offer"}, {"id", draft}}, created),
               NotFoundError);
  EXPECT_TRUE(platform_.follows().list(outsider).empty());
}

TEST_F(MatchServiceTest, FollowRejectsInvalidBody) {
  auto user = member_of(org_a_, "sai@example.vn");
  bool created = false;
  const nlohmann::json bodies[] = {
      nlohmann::json::object(),
      {{"target", "search"}},
      {{"target", "need"}},
      {{"target", "offer"}, {"id", 1}, {"query", "x"}},
      {{"target", "person"}, {"id", 1}},
      {{"target", "search"}, {"query", "x"}, {"colour", "red"}},
  };
  for (const auto& body : bodies) {
    EXPECT_THROW(platform_.follows().follow(user, body, created), ValidationError) << body.dump();
  }
  EXPECT_TRUE(platform_.follows().list(user).empty());
}

TEST_F(MatchServiceTest, MatchRoutesFollowRecordVisibility) {
  auto draft_need = platform_.needs()
                        .create(Principal::system(), {{"title", "Cần máy sấy"},
                                                      {"problem", "Sấy nông sản."},
                                                      {"owner_organization_id", org_a_}})
                        .id;
  testing::add_user(platform_, "b@example.vn", Role::kMember, org_b_);
  testing::add_user(platform_, "a@example.vn", Role::kMember, org_a_);
  auto path = "/api/v1/needs/" + std::to_string(draft_need) + "/matches";

  auto hidden = testing::make_request("GET", path);
  testing::authenticate(hidden, testing::sign_in(platform_, "b@example.vn"));
  EXPECT_EQ(platform_.router().dispatch(hidden).status, 404);

  auto own = testing::make_request("GET", path);
  testing::authenticate(own, testing::sign_in(platform_, "a@example.vn"));
  auto response = platform_.router().dispatch(own);
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_TRUE(body.at("items").is_array());
  EXPECT_TRUE(body.at("next_cursor").is_null());
}

TEST_F(MatchServiceTest, MatchRouteListsReasons) {
  add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto need = add_need("Cần công nghệ sấy nông sản", "Sấy cà phê và hạt điều.");
  auto request = testing::make_request("GET", "/api/v1/needs/" + std::to_string(need) + "/matches");
  auto response = platform_.router().dispatch(request);
  ASSERT_EQ(response.status, 200) << response.body;
  auto items = nlohmann::json::parse(response.body).at("items");
  ASSERT_FALSE(items.empty());
  EXPECT_TRUE(items[0].contains("offer_id"));
  EXPECT_TRUE(items[0].at("title").is_string());
  EXPECT_TRUE(items[0].at("score").is_number());
  EXPECT_TRUE(items[0].at("computed_at").is_string());
  ASSERT_FALSE(items[0].at("reasons").empty());
  EXPECT_TRUE(items[0].at("reasons")[0].contains("text_vi"));
  EXPECT_TRUE(items[0].at("reasons")[0].contains("text_en"));
}

TEST_F(MatchServiceTest, FollowAndInboxRoutes) {
  auto need = add_need("Cần công nghệ sấy nông sản", "Sấy cà phê và hạt điều.");
  testing::add_user(platform_, "route@example.vn", Role::kMember, org_a_);
  auto session = testing::sign_in(platform_, "route@example.vn");

  auto follow = testing::make_request("POST", "/api/v1/follows",
                                      nlohmann::json{{"target", "need"}, {"id", need}}.dump());
  testing::authenticate(follow, session);
  auto followed = platform_.router().dispatch(follow);
  ASSERT_EQ(followed.status, 201) << followed.body;
  auto follow_id = nlohmann::json::parse(followed.body).at("id").get<std::int64_t>();

  add_offer("Máy sấy nông sản", "Sấy cà phê, hạt điều.");
  auto inbox = testing::make_request("GET", "/api/v1/inbox");
  testing::authenticate(inbox, session);
  auto listed = nlohmann::json::parse(platform_.router().dispatch(inbox).body);
  ASSERT_EQ(listed.at("items").size(), 1u);
  auto item_id = listed.at("items")[0].at("id").get<std::int64_t>();
  EXPECT_EQ(listed.at("items")[0].at("kind"), "match");

  auto read = testing::make_request("POST", "/api/v1/inbox/" + std::to_string(item_id) + "/read");
  testing::authenticate(read, session);
  auto marked = platform_.router().dispatch(read);
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_TRUE(nlohmann::json::parse(marked.body).at("read").get<bool>());

  auto unfollow = testing::make_request("DELETE", "/api/v1/follows/" + std::to_string(follow_id));
  testing::authenticate(unfollow, session);
  EXPECT_EQ(platform_.router().dispatch(unfollow).status, 204);
  auto again = testing::make_request("DELETE", "/api/v1/follows/" + std::to_string(follow_id));
  testing::authenticate(again, session);
  EXPECT_EQ(platform_.router().dispatch(again).status, 404);
}

}  // namespace
}  // namespace techmarket::matching
