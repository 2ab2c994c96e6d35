// The table of allowed stage moves, the history and audit entries of each
// move, and the contract hook that runs in the stage change's transaction.
#include <gtest/gtest.h>

#include "common/errors.h"
#include "deals/deal.h"
#include "deals/deal_fixture.h"

namespace techmarket::deals {
namespace {

TEST(DealStageTable, FinalStagesHaveNoMoves) {
  EXPECT_TRUE(next_stages("completed").empty());
  EXPECT_TRUE(next_stages("abandoned").empty());
  EXPECT_TRUE(is_closed_stage("completed"));
  EXPECT_FALSE(is_closed_stage("registered"));
}

TEST(DealStageTable, EveryOpenStageCanBeAbandoned) {
  for (auto stage : kStages) {
    if (is_closed_stage(stage)) continue;
    EXPECT_TRUE(is_allowed_move(stage, "abandoned")) << stage;
    EXPECT_FALSE(next_stages(stage).empty()) << stage;
  }
}

TEST(DealStageTable, NoWayBackFromSignedContract) {
  EXPECT_FALSE(is_allowed_move("contract_signed", "negotiation"));
  EXPECT_FALSE(is_allowed_move("contract_signed", "mou"));
  EXPECT_FALSE(is_allowed_move("registered", "contract_signed"));
  EXPECT_FALSE(is_allowed_move("completed", "abandoned"));
  EXPECT_FALSE(is_allowed_move("contact", "registered"));
  EXPECT_FALSE(is_allowed_move("contact", "contact"));
  EXPECT_TRUE(is_allowed_move("mou", "negotiation"));
  EXPECT_TRUE(is_allowed_move("contract_signed", "registered"));
}

using DealStages = DealFixture;

TEST_F(DealStages, MoveAddsHistoryAndAuditEntry) {
  auto id = open_interest();
  auto response = move(id, {{"stage", "negotiation"}, {"note", "Đã gặp tại Sở."}}, &seller_);
  ASSERT_EQ(response.status, 200) << response.body;
  auto deal = parse(response);
  EXPECT_EQ(deal["stage"], "negotiation");
  ASSERT_EQ(deal["history"].size(), 2u);
  EXPECT_EQ(deal["history"][1]["stage"], "negotiation");
  EXPECT_EQ(deal["history"][1]["note"], "Đã gặp tại Sở.");
  EXPECT_EQ(deal["history"][1]["actor_user_id"], seller_.user_id);
  EXPECT_FALSE(deal["history"][1]["at"].get<std::string>().empty());

  auto audit = deal_audit(id);
  ASSERT_EQ(audit.size(), 2u);  // newest first
  EXPECT_EQ(audit[0].action, "stage_negotiation");
  EXPECT_EQ(audit[0].actor_id, seller_.user_id);
  EXPECT_EQ(audit[0].before["stage"], "contact");
  EXPECT_EQ(audit[0].after["stage"], "negotiation");
  EXPECT_EQ(audit[1].action, "create");
}

TEST_F(DealStages, ForbiddenMoveIsConflictAndChangesNothing) {
  auto id = open_interest();
  auto skip = move(id, {{"stage", "registered"}, {"certificate_number", "01/2026/GCN"}});
  ASSERT_EQ(skip.status, 409) << skip.body;
  EXPECT_NE(parse(skip)["detail"].get<std::string>().find("negotiation"), std::string::npos);
  EXPECT_EQ(stage_of(id), "contact");
  EXPECT_EQ(deal_audit(id).size(), 1u);

  ASSERT_EQ(move(id, {{"stage", "contract_signed"}, {"contract", kSignedContract}}).status, 200);
  EXPECT_EQ(move(id, {{"stage", "negotiation"}}).status, 409);
  ASSERT_EQ(move(id, {{"stage", "completed"}}).status, 200);
  auto after_end = move(id, {{"stage", "abandoned"}, {"abandon_reason", "Muộn."}});
  EXPECT_EQ(after_end.status, 409);
  EXPECT_EQ(stage_of(id), "completed");
}

TEST_F(DealStages, AbandonNeedsReason) {
  auto id = open_interest();
  auto missing = move(id, {{"stage", "abandoned"}});
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(parse(missing)["errors"][0]["field"], "abandon_reason");

  auto stray = move(id, {{"stage", "negotiation"}, {"abandon_reason", "Không hợp"}});
  ASSERT_EQ(stray.status, 422);
  EXPECT_EQ(parse(stray)["errors"][0]["field"], "abandon_reason");
  EXPECT_EQ(stage_of(id), "contact");

  auto done = move(id, {{"stage", "abandoned"}, {"abandon_reason", "Giá quá cao."}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(parse(done)["abandon_reason"], "Giá quá cao.");
  EXPECT_EQ(move(id, {{"stage", "negotiation"}}).status, 409);
}

TEST_F(DealStages, RegisteredNeedsCertificateNumber) {
  auto id = open_interest();
  ASSERT_EQ(move(id, {{"stage", "contract_signed"}, {"contract", kSignedContract}}).status, 200);
  auto missing = move(id, {{"stage", "registered"}});
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(parse(missing)["errors"][0]["field"], "certificate_number");

  auto registered =
      move(id, {{"stage", "registered"}, {"certificate_number", "15/2026/GCN-SKHCN"}});
  ASSERT_EQ(registered.status, 200) << registered.body;
  EXPECT_EQ(parse(registered)["certificate_number"], "15/2026/GCN-SKHCN");
  ASSERT_EQ(move(id, {{"stage", "completed"}}).status, 200);
  EXPECT_EQ(parse(call(buyer_, "GET", deal_path(id)))["certificate_number"],
            "15/2026/GCN-SKHCN");
}

TEST_F(DealStages, InvalidStageBodyNamesField) {
  auto id = open_interest();
  struct Case {
    nlohmann::json body;
    std::string field;
  };
  const Case cases[] = {
      {nlohmann::json::object(), "stage"},
      {{{"stage", "signed"}}, "stage"},
      {{{"stage", "negotiation"}, {"when", "mai"}}, "when"},
      {{{"stage", "negotiation"}, {"contract", {{"value_vnd", 1}}}}, "contract"},
      {{{"stage", "contract_signed"}, {"contract", "hợp đồng"}}, "contract"},
      {{{"stage", "mou"}, {"certificate_number", "1/GCN"}}, "certificate_number"},
  };
  for (const auto& one : cases) {
    auto response = move(id, one.body);
    ASSERT_EQ(response.status, 422) << one.body.dump() << ": " << response.body;
    EXPECT_EQ(parse(response)["errors"][0]["field"], one.field) << response.body;
  }
  EXPECT_EQ(stage_of(id), "contact");
}

TEST_F(DealStages, ContractSignedWorksWithoutHook) {
  platform_.deals().set_contract_hook({});
  auto id = open_interest();
  auto response =
      move(id, {{"stage", "contract_signed"}, {"contract", {{"value_vnd", 250'000'000}}}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(parse(response)["stage"], "contract_signed");
}

// A real hook on the deal's database: it writes a row to a table made for
// the test and rejects a contract without value_vnd after writing, so the
// test can check that the row and the stage change roll back together.
class DealContractHook : public DealFixture {
 protected:
  void SetUp() override {
    DealFixture::SetUp();
    {
      auto connection = platform_.pool().acquire();
      connection->execute(
          "CREATE TABLE test_ledger (deal_id INTEGER NOT NULL, stage TEXT NOT NULL,"
          " parties INTEGER NOT NULL, value_vnd INTEGER)");
    }
    platform_.deals().set_contract_hook(
        [](db::Connection& connection, const auth::Principal&, const Deal& deal,
           const nlohmann::json& contract) {
          auto value = contract.find("value_vnd");
          connection
              .prepare(
                  "INSERT INTO test_ledger (deal_id, stage, parties, value_vnd) VALUES (?, ?, ?, ?)")
              .bind(1, deal.id)
              .bind(2, deal.stage)
              .bind(3, static_cast<std::int64_t>(deal.parties.size()))
              .bind(4, value != contract.end() && value->is_number_integer()
                           ? std::optional<std::int64_t>(value->get<std::int64_t>())
                           : std::nullopt)
              .run();
          if (value == contract.end()) {
            throw ValidationError(std::vector<FieldError>{
                {"value_vnd", "is missing; give the contract value in đồng"}});
          }
        });
  }

  std::int64_t ledger_rows() {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT count(*) FROM test_ledger");
    query.step();
    return query.column_int64(0);
  }
};

TEST_F(DealContractHook, HookFailureRollsBackStageChange) {
  auto id = open_interest();
  ASSERT_EQ(move(id, {{"stage", "negotiation"}}).status, 200);

  auto rejected = move(id, {{"stage", "contract_signed"}, {"contract", {{"title", "HĐ 1"}}}});
  ASSERT_EQ(rejected.status, 422) << rejected.body;
  EXPECT_EQ(parse(rejected)["errors"][0]["field"], "contract.value_vnd");
  EXPECT_EQ(ledger_rows(), 0);
  auto deal = parse(call(buyer_, "GET", deal_path(id)));
  EXPECT_EQ(deal["stage"], "negotiation");
  EXPECT_EQ(deal["history"].size(), 2u);
  EXPECT_EQ(deal_audit(id).size(), 2u);

  auto missing_contract = move(id, {{"stage", "contract_signed"}});
  ASSERT_EQ(missing_contract.status, 422) << missing_contract.body;
  EXPECT_EQ(ledger_rows(), 0);
  EXPECT_EQ(stage_of(id), "negotiation");
}

TEST_F(DealContractHook, HookSeesSignedDealInSameTransaction) {
  auto id = open_interest();
  auto signed_deal =
      move(id, {{"stage", "contract_signed"}, {"contract", {{"value_vnd", 480'000'000}}}});
  ASSERT_EQ(signed_deal.status, 200) << signed_deal.body;
  EXPECT_EQ(parse(signed_deal)["stage"], "contract_signed");

  auto connection = platform_.pool().acquire();
  auto query = connection->prepare("SELECT deal_id, stage, parties, value_vnd FROM test_ledger");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_int64(0), id);
  EXPECT_EQ(query.column_text(1), "contract_signed");
  EXPECT_EQ(query.column_int64(2), 2);
  EXPECT_EQ(query.column_int64(3), 480'000'000);
  EXPECT_FALSE(query.step());
}

TEST_F(DealContractHook, HookRunsOnlyForContractSigned) {
  auto id = open_interest();
  ASSERT_EQ(move(id, {{"stage", "mou"}}).status, 200);
  ASSERT_EQ(move(id, {{"stage", "abandoned"}, {"abandon_reason", "Hết kinh phí."}}).status, 200);
  EXPECT_EQ(ledger_rows(), 0);
}

}  // namespace
}  // namespace techmarket::deals
