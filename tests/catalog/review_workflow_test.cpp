// The review workflow of offers and needs through the router: members draft
// and submit, staff publish or reject, dates expire, owners renew and archive.
#include <gtest/gtest.h>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::catalog {
namespace {

using testing::make_request;
using testing::TestSession;

class ReviewWorkflow : public ::testing::Test {
 protected:
  void SetUp() override {
    auto system = auth::Principal::system();
    auto& organizations = platform_.organizations();
    org_a_ = organizations.create(system, {{"kind", "enterprise"}, {"name", "Công ty A"}}).id;
    org_b_ = organizations.create(system, {{"kind", "university"}, {"name", "Trường B"}}).id;
    member_ = testing::signed_in_user(platform_, "a@example.vn", auth::Role::kMember, org_a_);
    other_ = testing::signed_in_user(platform_, "b@example.vn", auth::Role::kMember, org_b_);
    staff_ = testing::signed_in_user(platform_, "staff@example.vn", auth::Role::kStaff);
  }

  http::Response call(const std::optional<TestSession>& caller, const std::string& method,
                      const std::string& path, const std::string& body = "") {
    auto request = make_request(method, path, body);
    if (caller) testing::authenticate(request, *caller);
    return platform_.router().dispatch(request);
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  // Creates a draft as the member and returns its path, "/api/v1/offers/12".
  std::string member_draft(const std::string& collection, nlohmann::json body) {
    auto created = call(member_, "POST", "/api/v1/" + collection, body.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    return "/api/v1/" + collection + "/" + std::to_string(parse(created)["id"].get<std::int64_t>());
  }

  std::string draft_offer() {
    return member_draft("offers", {{"kind", "technology"},
                                   {"title", "Công nghệ ủ phân hữu cơ"},
                                   {"summary", "Ủ phân từ phụ phẩm nông nghiệp."}});
  }

  std::size_t search_hits(const std::string& text) {
    auto request = make_request("GET", "/api/v1/search");
    request.query = {{"q", text}};
    return parse(platform_.router().dispatch(request))["items"].size();
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  std::int64_t org_a_ = 0;
  std::int64_t org_b_ = 0;
  TestSession member_;
  TestSession other_;
  TestSession staff_;
  const std::optional<TestSession> kVisitor;
};

TEST_F(ReviewWorkflow, MemberDraftBelongsToOwnOrganization) {
  auto path = draft_offer();
  auto offer = parse(call(member_, "GET", path));
  EXPECT_EQ(offer["status"], "draft");
  EXPECT_EQ(offer["owner_organization_id"], org_a_);

  auto foreign = call(member_, "POST", "/api/v1/offers",
                      nlohmann::json{{"kind", "service"},
                                     {"title", "Của người khác"},
                                     {"summary", "Không được."},
                                     {"owner_organization_id", org_b_}}
                          .dump());
  EXPECT_EQ(foreign.status, 403);
}

TEST_F(ReviewWorkflow, MemberCannotPublishDirectly) {
  auto created = call(member_, "POST", "/api/v1/offers",
                      nlohmann::json{{"kind", "technology"},
                                     {"title", "Tự công bố"},
                                     {"summary", "Không qua duyệt."},
                                     {"status", "published"}}
                          .dump());
  EXPECT_EQ(created.status, 422);
  EXPECT_EQ(parse(created)["errors"][0]["field"], "status");

  auto path = draft_offer();
  auto patched = call(member_, "PATCH", path, R"({"status": "published"})");
  EXPECT_EQ(patched.status, 422);
  EXPECT_EQ(call(member_, "POST", path + "/publish").status, 403);
  EXPECT_EQ(parse(call(member_, "GET", path))["status"], "draft");
}

TEST_F(ReviewWorkflow, SubmitPublishShowsOfferToVisitors) {
  auto path = draft_offer();
  EXPECT_EQ(call(kVisitor, "GET", path).status, 404);
  EXPECT_EQ(call(other_, "GET", path).status, 404);
  EXPECT_EQ(search_hits("u phan huu co"), 0u);

  EXPECT_EQ(call(staff_, "POST", path + "/publish").status, 409) << "a draft is not submitted";
  auto submitted = call(member_, "POST", path + "/submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(parse(submitted)["status"], "submitted");
  EXPECT_EQ(call(kVisitor, "GET", path).status, 404);

  auto published = call(staff_, "POST", path + "/publish");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(parse(published)["status"], "published");
  EXPECT_FALSE(parse(published)["published_on"].is_null());
  EXPECT_EQ(call(kVisitor, "GET", path).status, 200);
  EXPECT_EQ(call(other_, "GET", path).status, 200);
  EXPECT_EQ(call(other_, "PATCH", path, R"({"title": "Sửa trộm"})").status, 403);
  EXPECT_EQ(search_hits("u phan huu co"), 1u);
}

TEST_F(ReviewWorkflow, RejectNeedsReasonAndAllowsResubmit) {
  auto path = draft_offer();
  ASSERT_EQ(call(member_, "POST", path + "/submit").status, 200);
  auto without_reason = call(staff_, "POST", path + "/reject", "{}");
  EXPECT_EQ(without_reason.status, 422);
  EXPECT_EQ(parse(without_reason)["errors"][0]["field"], "reason");

  auto rejected = call(staff_, "POST", path + "/reject", R"({"reason": "Thiếu mức TRL."})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(parse(rejected)["status"], "rejected");
  EXPECT_EQ(parse(call(member_, "GET", path))["rejection_reason"], "Thiếu mức TRL.");

  ASSERT_EQ(call(member_, "PATCH", path, R"({"trl": 6})").status, 200);
  auto resubmitted = call(member_, "POST", path + "/submit");
  ASSERT_EQ(resubmitted.status, 200);
  EXPECT_EQ(parse(resubmitted)["status"], "submitted");
  EXPECT_TRUE(parse(resubmitted)["rejection_reason"].is_null());
}

TEST_F(ReviewWorkflow, OwnerEditOfPublishedOfferReturnsToReview) {
  auto path = draft_offer();
  call(member_, "POST", path + "/submit");
  ASSERT_EQ(call(staff_, "POST", path + "/publish").status, 200);
  auto edited = call(member_, "PATCH", path, R"({"summary": "Tóm tắt đã sửa."})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(parse(edited)["status"], "submitted");
  EXPECT_EQ(call(kVisitor, "GET", path).status, 404);
}

TEST_F(ReviewWorkflow, ExpiresAtDateAndOwnerRenews) {
  auto path = member_draft("offers", {{"kind", "equipment"},
                                      {"title", "Máy đo độ ẩm"},
                                      {"summary", "Đo độ ẩm hạt điều."},
                                      {"expires_on", "2026-01-31"}});
  call(member_, "POST", path + "/submit");
  ASSERT_EQ(call(staff_, "POST", path + "/publish").status, 200);

  EXPECT_EQ(platform_.offers().expire_due("2026-01-31"), 0u) << "the expiry day itself counts";
  EXPECT_EQ(platform_.offers().expire_due("2026-02-01"), 1u);
  EXPECT_EQ(parse(call(member_, "GET", path))["status"], "expired");
  EXPECT_EQ(call(kVisitor, "GET", path).status, 404);

  EXPECT_EQ(call(member_, "POST", path + "/renew", R"({"expires_on": "2020-01-01"})").status, 422);
  EXPECT_EQ(call(other_, "POST", path + "/renew", R"({"expires_on": "2099-01-01"})").status, 404);
  auto renewed = call(member_, "POST", path + "/renew", R"({"expires_on": "2099-01-01"})");
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(parse(renewed)["status"], "published");
  EXPECT_EQ(parse(renewed)["expires_on"], "2099-01-01");
}

TEST_F(ReviewWorkflow, ArchiveIsFinal) {
  auto path = draft_offer();
  ASSERT_EQ(call(member_, "POST", path + "/archive").status, 200);
  EXPECT_EQ(call(member_, "POST", path + "/archive").status, 409);
  EXPECT_EQ(call(member_, "POST", path + "/submit").status, 409);
}

TEST_F(ReviewWorkflow, NeedsFollowTheSameSteps) {
  auto path = member_draft("needs", {{"title", "Cần máy bóc vỏ hạt điều"},
                                     {"problem", "Bóc tay chậm."},
                                     {"deadline", "2026-03-01"}});
  EXPECT_EQ(call(kVisitor, "GET", path).status, 404);
  ASSERT_EQ(call(member_, "POST", path + "/submit").status, 200);
  EXPECT_EQ(call(member_, "POST", path + "/publish").status, 403);
  ASSERT_EQ(call(staff_, "POST", path + "/publish").status, 200);
  EXPECT_EQ(call(kVisitor, "GET", path).status, 200);

  EXPECT_EQ(platform_.needs().expire_due("2026-03-02"), 1u);
  EXPECT_EQ(parse(call(member_, "GET", path))["status"], "expired");
  auto renewed = call(member_, "POST", path + "/renew", R"({"deadline": "2099-03-01"})");
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(parse(renewed)["deadline"], "2099-03-01");
  EXPECT_EQ(parse(renewed)["status"], "published");
}

TEST_F(ReviewWorkflow, ListsShowVisitorsOnlyPublished) {
  auto draft = draft_offer();
  auto shown = draft_offer();
  call(member_, "POST", shown + "/submit");
  call(staff_, "POST", shown + "/publish");

  auto count = [&](const std::optional<TestSession>& caller,
                   std::multimap<std::string, std::string> query) {
    auto request = make_request("GET", "/api/v1/offers");
    request.query = std::move(query);
    if (caller) testing::authenticate(request, *caller);
    return parse(platform_.router().dispatch(request))["items"].size();
  };
  EXPECT_EQ(count(kVisitor, {}), 1u);
  EXPECT_EQ(count(kVisitor, {{"status", "draft"}}), 0u);
  EXPECT_EQ(count(other_, {}), 1u);
  EXPECT_EQ(count(member_, {}), 2u);
  EXPECT_EQ(count(staff_, {{"status", "draft"}}), 1u);
}

}  // namespace
}  // namespace techmarket::catalog
