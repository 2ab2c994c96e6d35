// Opening deals (expressions of interest, staff, intermediaries), their
// validation, the notice email, and who may read them.
#include <gtest/gtest.h>

#include "deals/deal_fixture.h"

namespace techmarket::deals {
namespace {

using DealOpening = DealFixture;

// Returns the organization id of the party with `role`, or 0.
std::int64_t party(const nlohmann::json& deal, const std::string& role) {
  for (const auto& item : deal["parties"]) {
    if (item["role"] == role) return item["organization_id"].get<std::int64_t>();
  }
  return 0;
}

std::vector<std::string> error_fields(const nlohmann::json& problem) {
  std::vector<std::string> fields;
  for (const auto& error : problem["errors"]) fields.push_back(error["field"].get<std::string>());
  return fields;
}

TEST_F(DealOpening, InterestInOfferMakesCallerTheBuyer) {
  auto response = call(buyer_, "POST", "/api/v1/deals",
                       {{"origin", "interest"},
                        {"offer_id", offer_id_},
                        {"message", "Chúng tôi muốn mua quy trình này."}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(deal["stage"], "contact");
  EXPECT_EQ(deal["origin"], "interest");
  EXPECT_EQ(deal["offer_id"], offer_id_);
  EXPECT_TRUE(deal["need_id"].is_null());
  EXPECT_EQ(deal["title"], "Quy trình nhân giống mía sạch bệnh");
  EXPECT_EQ(party(deal, "buyer"), buyer_org_);
  EXPECT_EQ(party(deal, "seller"), seller_org_);
  ASSERT_EQ(deal["parties"].size(), 2u);
  EXPECT_EQ(deal["parties"][0]["organization_name"], "Công ty TNHH Mía đường Hòa Bình");
  EXPECT_EQ(deal["parties"][0]["province_code"], "79");
  EXPECT_EQ(deal["parties"][1]["province_code"], "80");
  ASSERT_EQ(deal["history"].size(), 1u);
  EXPECT_EQ(deal["history"][0]["stage"], "contact");
  EXPECT_EQ(deal["history"][0]["actor_user_id"], buyer_.user_id);
  auto id = deal["id"].get<std::int64_t>();
  EXPECT_EQ(response.headers.at(0).second, deal_path(id));

  auto messages = parse(call(buyer_, "GET", deal_path(id, "/messages")));
  ASSERT_EQ(messages["items"].size(), 1u);
  EXPECT_EQ(messages["items"][0]["body"], "Chúng tôi muốn mua quy trình này.");
}

TEST_F(DealOpening, InterestEmailsOtherSideOnly) {
  call(buyer_, "POST", "/api/v1/deals",
       {{"origin", "interest"}, {"offer_id", offer_id_}, {"message", "Xin báo giá."}});
  auto recipients = email_recipients();
  ASSERT_EQ(recipients.size(), 2u);
  EXPECT_EQ(recipients[0], "ban@vien.vn");
  EXPECT_EQ(recipients[1], "ban2@vien.vn");

  auto connection = platform_.pool().acquire();
  auto query = connection->prepare("SELECT subject, body FROM email_outbox ORDER BY id LIMIT 1");
  ASSERT_TRUE(query.step());
  auto subject = query.column_text(0);
  auto body = query.column_text(1);
  EXPECT_LT(subject.find("Có bên quan tâm"), subject.find("New expression of interest"));
  EXPECT_NE(body.find("Xin báo giá."), std::string::npos) << body;
}

TEST_F(DealOpening, InterestInNeedMakesCallerTheSeller) {
  auto response =
      call(seller_, "POST", "/api/v1/deals", {{"origin", "interest"}, {"need_id", need_id_}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(party(deal, "buyer"), buyer_org_);
  EXPECT_EQ(party(deal, "seller"), seller_org_);
  EXPECT_EQ(deal["title"], "Cần giống mía năng suất cao");
  EXPECT_EQ(email_recipients(), std::vector<std::string>{"mua@hoabinh.vn"});
}

TEST_F(DealOpening, MatchInterestUsesBothOwners) {
  auto response = call(buyer_, "POST", "/api/v1/deals",
                       {{"origin", "interest"},
                        {"offer_id", offer_id_},
                        {"need_id", need_id_},
                        {"title", "Ghép nối giống mía"}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(deal["title"], "Ghép nối giống mía");
  EXPECT_EQ(party(deal, "buyer"), buyer_org_);
  EXPECT_EQ(party(deal, "seller"), seller_org_);
  EXPECT_EQ(deal["parties"].size(), 2u);
  EXPECT_EQ(email_recipients().size(), 2u);  // the seller's two users

  auto third = call(outsider_, "POST", "/api/v1/deals",
                    {{"origin", "interest"}, {"offer_id", offer_id_}, {"need_id", need_id_}});
  EXPECT_EQ(third.status, 422) << third.body;
}

TEST_F(DealOpening, InterestInOwnOrHiddenOfferIsRejected) {
  auto own =
      call(seller_, "POST", "/api/v1/deals", {{"origin", "interest"}, {"offer_id", offer_id_}});
  ASSERT_EQ(own.status, 422) << own.body;
  EXPECT_EQ(error_fields(parse(own)), std::vector<std::string>{"offer_id"});

  auto draft = platform_.offers()
                   .create(auth::Principal::system(), {{"kind", "technology"},
                                                       {"title", "Bản nháp"},
                                                       {"summary", "Chưa công bố."},
                                                       {"owner_organization_id", seller_org_}})
                   .id;
  auto hidden =
      call(buyer_, "POST", "/api/v1/deals", {{"origin", "interest"}, {"offer_id", draft}});
  ASSERT_EQ(hidden.status, 422) << hidden.body;
  EXPECT_NE(parse(hidden)["errors"][0]["message"].get<std::string>().find("no offer"),
            std::string::npos);

  auto nothing = call(buyer_, "POST", "/api/v1/deals", {{"origin", "interest"}});
  EXPECT_EQ(nothing.status, 422);

  EXPECT_TRUE(parse(call(staff_, "GET", "/api/v1/deals"))["items"].empty());
  EXPECT_TRUE(email_recipients().empty());
}

TEST_F(DealOpening, InvalidBodiesNameTheirFields) {
  struct Case {
    nlohmann::json body;
    std::string field;
  };
  const Case cases[] = {
      {{{"offer_id", 1}}, "origin"},
      {{{"origin", "hội chợ"}}, "origin"},
      {{{"origin", "staff"}, {"title", "X"}, {"colour", "đỏ"}}, "colour"},
      {{{"origin", "staff"}, {"title", "X"}, {"parties", "người mua"}}, "parties"},
      {{{"origin", "staff"}, {"title", "X"}, {"parties", {{{"role", "chủ"}, {"organization_id", 1}}}}},
       "parties[0].role"},
      {{{"origin", "staff"}, {"title", "X"}, {"parties", {{{"role", "buyer"}}}}},
       "parties[0].organization_id"},
      {{{"origin", "staff"}, {"title", "X"}, {"parties", {{{"role", "buyer"}, {"organization_id", 999}}}}},
       "parties[0].organization_id"},
      {{{"origin", "staff"}, {"parties", {{{"role", "buyer"}, {"organization_id", 1}}}}}, "title"},
      {{{"origin", "staff"}, {"title", "X"}}, "parties"},
      {{{"origin", "event"}, {"title", "X"}, {"offer_id", 999}}, "offer_id"},
  };
  for (const auto& one : cases) {
    auto response = call(staff_, "POST", "/api/v1/deals", one.body);
    ASSERT_EQ(response.status, 422) << one.body.dump() << ": " << response.body;
    auto fields = error_fields(parse(response));
    EXPECT_NE(std::find(fields.begin(), fields.end(), one.field), fields.end())
        << one.body.dump() << ": " << response.body;
    auto detail = parse(response)["errors"][0]["message"].get<std::string>();
    EXPECT_FALSE(detail.empty());
  }
  EXPECT_TRUE(parse(call(staff_, "GET", "/api/v1/deals"))["items"].empty());
}

TEST_F(DealOpening, StaffRecordsEventDeal) {
  auto response = call(staff_, "POST", "/api/v1/deals",
                       {{"origin", "event"},
                        {"title", "Kết nối tại Techmart Tây Ninh 2026"},
                        {"parties",
                         {{{"role", "seller"}, {"organization_id", seller_org_}},
                          {{"role", "buyer"}, {"organization_id", buyer_org_}}}}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(party(deal, "buyer"), buyer_org_);
  EXPECT_EQ(party(deal, "seller"), seller_org_);

  auto by_member = call(buyer_, "POST", "/api/v1/deals",
                        {{"origin", "event"},
                         {"title", "Tự ghi"},
                         {"parties", {{{"role", "buyer"}, {"organization_id", buyer_org_}}}}});
  EXPECT_EQ(by_member.status, 403) << by_member.body;
}

TEST_F(DealOpening, IntermediaryJoinsAsParty) {
  auto response = call(broker_, "POST", "/api/v1/deals",
                       {{"origin", "intermediary"},
                        {"title", "Môi giới giống mía"},
                        {"parties",
                         {{{"role", "seller"}, {"organization_id", seller_org_}},
                          {{"role", "buyer"}, {"organization_id", buyer_org_}}}}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(party(deal, "intermediary"), broker_org_);
  EXPECT_EQ(deal["parties"].size(), 3u);

  auto not_broker = call(outsider_, "POST", "/api/v1/deals",
                         {{"origin", "intermediary"},
                          {"title", "Không phải môi giới"},
                          {"parties", {{{"role", "seller"}, {"organization_id", seller_org_}}}}});
  EXPECT_EQ(not_broker.status, 403) << not_broker.body;
}

TEST_F(DealOpening, OnlyInvolvedUsersOfficersAndStaffSeeDeal) {
  auto id = open_interest();
  EXPECT_EQ(call(buyer_, "GET", deal_path(id)).status, 200);
  EXPECT_EQ(call(seller_, "GET", deal_path(id)).status, 200);
  EXPECT_EQ(call(staff_, "GET", deal_path(id)).status, 200);
  EXPECT_EQ(call(officer_, "GET", deal_path(id)).status, 200);

  auto hidden = call(outsider_, "GET", deal_path(id));
  auto missing = call(outsider_, "GET", deal_path(999999));
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(parse(hidden)["detail"], "no deal has id " + std::to_string(id));
  EXPECT_EQ(call(outsider_, "GET", deal_path(id, "/messages")).status, 404);

  EXPECT_TRUE(parse(call(outsider_, "GET", "/api/v1/deals"))["items"].empty());
  EXPECT_EQ(parse(call(seller_, "GET", "/api/v1/deals"))["items"].size(), 1u);
  EXPECT_EQ(parse(call(officer_, "GET", "/api/v1/deals"))["items"].size(), 1u);

  auto officer_move = move(id, {{"stage", "negotiation"}}, &officer_);
  EXPECT_EQ(officer_move.status, 403) << officer_move.body;
  EXPECT_EQ(call(officer_, "POST", deal_path(id, "/messages"), {{"body", "Chào"}}).status, 403);
}

TEST_F(DealOpening, ListFiltersByStageAndPages) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(open_interest());
  ASSERT_EQ(move(ids[1], {{"stage", "negotiation"}}).status, 200);

  auto request = testing::make_request("GET", "/api/v1/deals");
  request.query = {{"stage", "negotiation"}};
  testing::authenticate(request, buyer_);
  auto negotiating = parse(platform_.router().dispatch(request));
  ASSERT_EQ(negotiating["items"].size(), 1u);
  EXPECT_EQ(negotiating["items"][0]["id"], ids[1]);

  request.query = {{"limit", "2"}};
  auto first = parse(platform_.router().dispatch(request));
  ASSERT_EQ(first["items"].size(), 2u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  request.query = {{"limit", "2"}, {"cursor", first["next_cursor"].get<std::string>()}};
  auto second = parse(platform_.router().dispatch(request));
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["id"], ids[2]);
  EXPECT_TRUE(second["next_cursor"].is_null());

  request.query = {{"stage", "đang làm"}};
  EXPECT_EQ(platform_.router().dispatch(request).status, 400);
}

}  // namespace
}  // namespace techmarket::deals
