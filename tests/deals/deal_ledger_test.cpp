// A deal that reaches contract_signed records its contract in the ledger
// through the hook that Platform installs, with the deal's parties.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "deal_fixture.h"
#include "ledger/transaction.h"
#include "ledger/transaction_store.h"

namespace techmarket::deals {
namespace {

using SignedDeal = DealFixture;

std::int64_t ledger_rows(app::Platform& platform) {
  auto connection = platform.pool().acquire();
  auto query = connection->prepare("SELECT count(*) FROM transactions");
  query.step();
  return query.column_int64(0);
}

TEST_F(SignedDeal, RecordsUnverifiedContractWithParties) {
  auto id = open_interest();
  auto signed_deal = move(id, {{"stage", "contract_signed"},
                               {"contract",
                                {{"type", "technology_licence"},
                                 {"value_vnd", 350'000'000},
                                 {"signed_on", "2026-03-15"}}}});
  ASSERT_EQ(signed_deal.status, 200) << signed_deal.body;

  auto connection = platform_.pool().acquire();
  auto query = connection->prepare("SELECT id FROM transactions WHERE deal_id = ?");
  query.bind(1, id);
  ASSERT_TRUE(query.step()) << "no transaction records deal " << id;
  auto stored = ledger::find_transaction(*connection, query.column_int64(0));
  ASSERT_TRUE(stored.has_value());
  auto recorded = ledger::to_json(*stored);
  EXPECT_FALSE(query.step()) << "deal " << id << " was recorded twice";
  EXPECT_EQ(recorded["source"], "deal");
  EXPECT_EQ(recorded["kind"], "contract");
  EXPECT_EQ(recorded["verified"], false);
  EXPECT_EQ(recorded["value_vnd"], 350'000'000);
  EXPECT_EQ(recorded["title"], parse(call(staff_, "GET", deal_path(id)))["title"]);
  EXPECT_EQ(recorded["seller_organization_id"], seller_org_);
  EXPECT_EQ(recorded["buyer_organization_id"], buyer_org_);
  EXPECT_EQ(recorded["seller_province_code"], "80");
  EXPECT_EQ(recorded["buyer_province_code"], "79");
}

TEST_F(SignedDeal, OnlyStaffAbandonAfterTheContract) {
  auto id = open_interest();
  ASSERT_EQ(move(id, {{"stage", "contract_signed"},
                      {"contract", {{"type", "technology_licence"},
                                    {"value_vnd", 350'000'000},
                                    {"signed_on", "2026-03-15"}}}})
                .status,
            200);
  auto abandon = nlohmann::json{{"stage", "abandoned"}, {"abandon_reason", "Hủy hợp đồng."}};
  auto by_party = move(id, abandon);
  EXPECT_EQ(by_party.status, 403) << by_party.body;
  EXPECT_NE(by_party.body.find("staff"), std::string::npos) << by_party.body;
  EXPECT_EQ(parse(call(buyer_, "GET", deal_path(id, "")))["stage"], "contract_signed");

  EXPECT_EQ(move(id, abandon, &staff_).status, 200);
  EXPECT_EQ(ledger_rows(platform_), 1);
}

TEST_F(SignedDeal, StageChangeEmailsTheOtherParty) {
  auto id = open_interest();
  auto before = email_recipients().size();
  ASSERT_EQ(move(id, {{"stage", "negotiation"}, {"note", "Hẹn gặp thứ Hai."}}).status, 200);
  auto recipients = email_recipients();
  std::vector<std::string> added(recipients.begin() + static_cast<std::ptrdiff_t>(before),
                                 recipients.end());
  EXPECT_EQ(added, (std::vector<std::string>{"ban@vien.vn", "ban2@vien.vn"}));

  auto connection = platform_.pool().acquire();
  auto query = connection->prepare("SELECT subject, body FROM email_outbox ORDER BY id DESC");
  ASSERT_TRUE(query.step());
  EXPECT_NE(query.column_text(0).find("Đàm phán"), std::string::npos) << query.column_text(0);
  EXPECT_NE(query.column_text(1).find("Hẹn gặp thứ Hai."), std::string::npos);
}

TEST_F(SignedDeal, BadContractNamesFieldOnceAndKeepsStage) {
  auto id = open_interest();
  auto rejected = move(id, {{"stage", "contract_signed"},
                            {"contract", {{"type", "technology_licence"}, {"value_vnd", -5}}}});
  ASSERT_EQ(rejected.status, 422) << rejected.body;
  std::set<std::string> fields;
  auto reply = parse(rejected);
  for (const auto& error : reply["errors"]) fields.insert(error["field"].get<std::string>());
  EXPECT_TRUE(fields.count("contract.value_vnd")) << rejected.body;
  EXPECT_TRUE(fields.count("contract.signed_on")) << rejected.body;
  for (const auto& field : fields) {
    EXPECT_EQ(field.find("contract.contract"), std::string::npos) << field;
  }
  EXPECT_EQ(stage_of(id), "contact");
  EXPECT_EQ(ledger_rows(platform_), 0);
}

TEST_F(SignedDeal, PartiesComeFromDealNotRequest) {
  auto id = open_interest();
  auto contract = kSignedContract;
  contract["seller_organization_id"] = outside_org_;
  ASSERT_EQ(move(id, {{"stage", "contract_signed"}, {"contract", contract}}).status, 200);

  auto connection = platform_.pool().acquire();
  auto query = connection->prepare(
      "SELECT seller_organization_id, buyer_organization_id FROM transactions WHERE deal_id = ?");
  query.bind(1, id);
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int64(0), seller_org_);
  EXPECT_EQ(query.column_int64(1), buyer_org_);
}

using DealAccess = DealFixture;

TEST_F(DealAccess, OpenerWhoChangesOrganizationLosesDeal) {
  auto id = open_interest();
  ASSERT_EQ(call(buyer_, "GET", deal_path(id)).status, 200);

  platform_.users().update(auth::Principal::system(), buyer_.user_id,
                           {{"organization_id", outside_org_}});
  auto moved = testing::sign_in(platform_, "mua@hoabinh.vn");
  EXPECT_EQ(call(moved, "GET", deal_path(id)).status, 404);
}

}  // namespace
}  // namespace techmarket::deals
