// The ledger, plan and organization routes: validation with one error per
// field, roles, verification, and the aggregates following every write.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "auth/audit_log.h"
#include "auth/clock.h"
#include "ledger/transaction_store.h"
#include "ledger_fixture.h"

namespace techmarket::ledger {
namespace {

class LedgerApi : public LedgerFixture {
 protected:
  // Returns the fields named by a problem+json reply.
  static std::set<std::string> error_fields(const http::Response& response) {
    std::set<std::string> fields;
    auto problem = nlohmann::json::parse(response.body);
    for (const auto& error : problem.value("errors", nlohmann::json::array())) {
      fields.insert(error.at("field").get<std::string>());
    }
    return fields;
  }

  std::int64_t transaction_count() {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT count(*) FROM transactions");
    query.step();
    return query.column_int64(0);
  }

  // The aggregate of `year` summed over all types: {count, value}.
  std::pair<std::int64_t, std::int64_t> aggregate(int year) {
    auto connection = platform_.pool().acquire();
    std::pair<std::int64_t, std::int64_t> total{0, 0};
    for (const auto& row : read_aggregates(*connection, year, year)) {
      total.first += row.transaction_count;
      total.second += row.value_vnd;
    }
    return total;
  }
};

TEST_F(LedgerApi, CreateReturnsContractShape) {
  auto body = contract("patent_licence", 125'000'000, "2025-03-04");
  body["payment_status"] = "partly_paid";
  body["contract_number"] = "12/2025/HĐ-CGCN";
  body["evidence_file"] = "hop-dong-12.pdf";
  body["buyer_province_code"] = "80";
  auto response = call("POST", "/api/v1/transactions", body.dump());
  ASSERT_EQ(response.status, 201) << response.body;
  auto created = nlohmann::json::parse(response.body);
  for (const char* field :
       {"id", "kind", "type", "title", "value_vnd", "signed_on", "payment_status",
        "contract_number", "registration_number", "evidence_file", "source", "deal_id",
        "buyer_organization_id", "seller_organization_id", "intermediary_organization_id",
        "buyer_province_code", "seller_province_code", "verified", "verified_by", "verified_at",
        "created_at", "updated_at"}) {
    EXPECT_TRUE(created.contains(field)) << field;
  }
  EXPECT_EQ(created.at("value_vnd"), 125'000'000);
  EXPECT_EQ(created.at("verified"), false);
  EXPECT_EQ(created.at("contract_number"), "12/2025/HĐ-CGCN");
  EXPECT_EQ(aggregate(2025).first, 0);  // unverified: not counted yet
}

TEST_F(LedgerApi, InvalidFieldsAreNamedAndNothingIsSaved) {
  auto response = call("POST", "/api/v1/transactions",
                       R"({"kind":"loan","type":"patent_sale","title":"",
                           "value_vnd":-5,"signed_on":"2025-02-30",
                           "payment_status":"later","source":"rumour",
                           "buyer_organization_id":999,"seller_province_code":"99",
                           "evidence_file":"../etc/passwd","verified":true,"colour":"red"})");
  EXPECT_EQ(response.status, 422) << response.body;
  auto fields = error_fields(response);
  for (const char* field : {"kind", "type", "title", "value_vnd", "signed_on", "payment_status",
                            "source", "buyer_organization_id", "seller_province_code",
                            "evidence_file", "colour"}) {
    EXPECT_TRUE(fields.count(field)) << field << " not named in " << response.body;
  }
  EXPECT_FALSE(fields.count("verified")) << response.body;
  EXPECT_EQ(transaction_count(), 0);
}

TEST_F(LedgerApi, MissingRequiredFieldsAreNamed) {
  auto response = call("POST", "/api/v1/transactions", "{}");
  EXPECT_EQ(response.status, 422);
  auto fields = error_fields(response);
  EXPECT_EQ(fields, (std::set<std::string>{"type", "title", "value_vnd", "signed_on"}))
      << response.body;
}

TEST_F(LedgerApi, FutureSigningDateIsRejected) {
  auto tomorrow = auth::format_date(*auth::parse_time(auth::vietnam_today() + "T00:00:00Z") +
                                    std::chrono::days(1));
  auto response =
      call("POST", "/api/v1/transactions", contract("other", 1'000'000, tomorrow).dump());
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(error_fields(response).count("signed_on")) << response.body;
  EXPECT_NE(response.body.find("after today"), std::string::npos) << response.body;

  auto today = call("POST", "/api/v1/transactions",
                    contract("other", 1'000'000, auth::vietnam_today()).dump());
  EXPECT_EQ(today.status, 201) << today.body;
}

TEST_F(LedgerApi, ValueAboveLimitIsRejected) {
  auto response = call("POST", "/api/v1/transactions",
                       contract("other", kMaxValueVnd + 1, "2025-01-01").dump());
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(error_fields(response).count("value_vnd")) << response.body;
}

TEST_F(LedgerApi, VerifyCountsOnceAndRecordsWho) {
  auto id = call_json("POST", "/api/v1/transactions",
                      contract("technology_licence", 700'000'000, "2024-12-31").dump())
                .at("id")
                .get<std::int64_t>();
  auto path = "/api/v1/transactions/" + std::to_string(id);
  auto verified = call_json("POST", path + "/verify");
  EXPECT_EQ(verified.at("verified"), true);
  EXPECT_EQ(verified.at("verified_by"), staff_.user_id);
  EXPECT_TRUE(verified.at("verified_at").is_string());
  EXPECT_EQ(aggregate(2024), std::make_pair(std::int64_t{1}, std::int64_t{700'000'000}));

  EXPECT_EQ(call("POST", path + "/verify").status, 409);
  EXPECT_EQ(aggregate(2024).first, 1);
}

TEST_F(LedgerApi, EditMovesVerifiedContractBetweenYears) {
  auto id = record_verified(contract("rnd_contract", 300'000'000, "2024-12-31"));
  auto path = "/api/v1/transactions/" + std::to_string(id);
  auto edited = call_json("PATCH", path, R"({"signed_on":"2025-01-01","value_vnd":350000000})");
  EXPECT_EQ(edited.at("verified"), true);
  EXPECT_EQ(aggregate(2024), std::make_pair(std::int64_t{0}, std::int64_t{0}));
  EXPECT_EQ(aggregate(2025), std::make_pair(std::int64_t{1}, std::int64_t{350'000'000}));

  // Turning it into an MoU takes it out of the figures.
  call_json("PATCH", path, R"({"kind":"mou"})");
  EXPECT_EQ(aggregate(2025).first, 0);
}

TEST_F(LedgerApi, PatchCannotVerify) {
  auto id = record_unverified(contract("other", 1, "2025-01-01"));
  auto response = call("PATCH", "/api/v1/transactions/" + std::to_string(id),
                       R"({"verified":true})");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(error_fields(response).count("verified"));
  EXPECT_EQ(aggregate(2025).first, 0);
}

TEST_F(LedgerApi, InvalidPatchChangesNothing) {
  auto id = record_verified(contract("consulting", 100, "2023-01-01"));
  auto response = call("PATCH", "/api/v1/transactions/" + std::to_string(id),
                       R"({"value_vnd":-1})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(platform_.ledger().get(id).value_vnd, 100);
  EXPECT_EQ(aggregate(2023).second, 100);
}

TEST_F(LedgerApi, ListFiltersByYearGroupAndVerification) {
  record_verified(contract("patent_licence", 1, "2025-01-01"));
  record_verified(contract("consulting", 2, "2025-01-01"));
  record_unverified(contract("patent_assignment", 3, "2025-01-01"));
  record_verified(contract("patent_licence", 4, "2024-01-01"));
  record_verified(contract("patent_licence", 5, "2025-06-01", "mou"));

  auto values = [&](const std::string& query) {
    std::vector<std::int64_t> found;
    auto body = call_json("GET", "/api/v1/transactions" + query);
    for (const auto& item : body.at("items")) {
      found.push_back(item.at("value_vnd"));
    }
    return found;
  };
  EXPECT_EQ(values("?year=2025"), (std::vector<std::int64_t>{1, 2, 3, 5}));
  EXPECT_EQ(values("?year=2025&group=ip"), (std::vector<std::int64_t>{1, 3, 5}));
  EXPECT_EQ(values("?year=2025&group=ip&verified=true"), (std::vector<std::int64_t>{1, 5}));
  EXPECT_EQ(values("?verified=false"), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(values("?kind=mou"), (std::vector<std::int64_t>{5}));
  EXPECT_EQ(values("?type=patent_licence&kind=contract"), (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(call("GET", "/api/v1/transactions?group=nothing").status, 400);
  EXPECT_EQ(call("GET", "/api/v1/transactions?indicator=transaction_value").status, 400);
  EXPECT_EQ(call("GET", "/api/v1/transactions?indicator=intermediaries_connected&year=2025").status,
            400);
}

TEST_F(LedgerApi, OfficerReadsButCannotWrite) {
  auto organization =
      platform_.organizations().create(system_, {{"kind", "government_agency"}, {"name", "Sở"}});
  auto officer = testing::signed_in_user(platform_, "officer@example.vn", auth::Role::kOfficer,
                                         organization.id);
  auto id = record_unverified(contract("other", 10, "2025-01-01"));
  auto request = testing::make_request("GET", "/api/v1/transactions/" + std::to_string(id));
  testing::authenticate(request, officer);
  EXPECT_EQ(platform_.router().dispatch(request).status, 200);
  auto verify = testing::make_request("POST", "/api/v1/transactions/" + std::to_string(id) +
                                                  "/verify");
  testing::authenticate(verify, officer);
  EXPECT_EQ(platform_.router().dispatch(verify).status, 403);
  EXPECT_FALSE(platform_.ledger().get(id).verified);
}

TEST_F(LedgerApi, TransactionTypesAreOpen) {
  auto request = testing::make_request("GET", "/api/v1/transaction-types");
  auto response = platform_.router().dispatch(request);
  ASSERT_EQ(response.status, 200);
  auto items = nlohmann::json::parse(response.body).at("items");
  ASSERT_EQ(items.size(), kTransactionTypes.size());
  std::map<std::string, int> groups;
  for (const auto& item : items) {
    ++groups[item.at("group").get<std::string>()];
    EXPECT_FALSE(item.at("name_vi").get<std::string>().empty());
  }
  EXPECT_EQ(groups["ip"], 10);
  EXPECT_EQ(groups["technology"], 3);
  EXPECT_EQ(groups["service"], 5);
}

TEST_F(LedgerApi, PlansAreSeeded) {
  auto plans = call_json("GET", "/api/v1/plans").at("items");
  ASSERT_EQ(plans.size(), 2u);
  auto plan = call_json("GET", "/api/v1/plans/tay-ninh-5008");
  EXPECT_EQ(plan.at("issued_on"), "2021-12-30");
  EXPECT_EQ(plan.at("targets").size(), 9u);
  auto national = call_json("GET", "/api/v1/plans/national-1158");
  EXPECT_EQ(national.at("issued_on"), "2021-07-13");
  EXPECT_EQ(national.at("targets").size(), 6u);
  EXPECT_EQ(call("GET", "/api/v1/plans/unknown").status, 404);
}

TEST_F(LedgerApi, AdminReplacesTargetsWithAudit) {
  auto admin = testing::signed_in_user(platform_, "admin@example.vn", auth::Role::kAdmin);
  auto put = [&](const std::string& body) {
    auto request = testing::make_request("PUT", "/api/v1/plans/tay-ninh-5008/targets", body);
    testing::authenticate(request, admin);
    return platform_.router().dispatch(request);
  };

  auto bad = put(R"({"targets":[{"indicator":"happiness","year":2025,"comparison":"above",
                                  "value":5},
                                 {"indicator":"ip_share_value","year":2025,"comparison":"within",
                                  "low":10,"high":5}]})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  auto fields = error_fields(bad);
  EXPECT_TRUE(fields.count("targets[0].indicator")) << bad.body;
  EXPECT_TRUE(fields.count("targets[1].high")) << bad.body;
  EXPECT_EQ(call_json("GET", "/api/v1/plans/tay-ninh-5008").at("targets").size(), 9u);

  auto good = put(R"({"targets":[{"indicator":"ip_share_value","year":2025,
                                  "comparison":"above","value":7.5}]})");
  ASSERT_EQ(good.status, 200) << good.body;
  auto targets = call_json("GET", "/api/v1/plans/tay-ninh-5008").at("targets");
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].at("value"), 7.5);

  auto connection = platform_.pool().acquire();
  auth::AuditFilter filter;
  filter.action = "replace_targets";
  auto entries = auth::list_audit(*connection, filter);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].before.at("targets").size(), 9u);
  EXPECT_EQ(entries[0].after.at("targets").size(), 1u);

  // Staff cannot change targets.
  auto request = testing::make_request("PUT", "/api/v1/plans/tay-ninh-5008/targets",
                                       R"({"targets":[]})");
  testing::authenticate(request, staff_);
  EXPECT_EQ(platform_.router().dispatch(request).status, 403);
}

TEST_F(LedgerApi, OnlyIntermediariesHaveNetworkDate) {
  auto response = call("POST", "/api/v1/organizations",
                       R"({"kind":"enterprise","name":"Công ty",
                           "national_network_connected_on":"2025-01-01"})");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(error_fields(response).count("national_network_connected_on")) << response.body;

  auto created = call_json("POST", "/api/v1/organizations",
                           R"({"kind":"intermediary","name":"Trung tâm",
                               "national_network_connected_on":"2025-01-01"})");
  EXPECT_EQ(created.at("national_network_connected_on"), "2025-01-01");
  auto path = "/api/v1/organizations/" + std::to_string(created.at("id").get<std::int64_t>());
  auto cleared = call_json("PATCH", path, R"({"national_network_connected_on":null})");
  EXPECT_TRUE(cleared.at("national_network_connected_on").is_null());
}

TEST_F(LedgerApi, IndicatorQueryIsChecked) {
  EXPECT_EQ(call("GET", "/api/v1/indicators?from=2026&to=2020").status, 400);
  EXPECT_EQ(call("GET", "/api/v1/indicators?plan=nope").status, 400);
  EXPECT_EQ(call("GET", "/api/v1/indicators?from=1990&to=2100").status, 400);
  auto empty = call_json("GET", "/api/v1/indicators?from=2025&to=2026");
  for (const auto& series : empty.at("indicators")) {
    for (const auto& figure : series.at("by_year")) {
      bool ledger_based = series.at("unit") != "count";
      EXPECT_EQ(figure.at("status"), ledger_based ? "missing" : "ok") << series.at("code");
    }
  }
}

TEST_F(LedgerApi, DealContractIsRecordedUnverified) {
  auto connection = platform_.pool().acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto recorded = record_deal_contract(*connection, system_, 42,
                                       contract("technology_licence", 90, "2026-05-05"));
  transaction.commit();
  EXPECT_EQ(recorded.source, "deal");
  EXPECT_EQ(recorded.deal_id, 42);
  EXPECT_FALSE(recorded.verified);

  db::Transaction second(*connection, db::Transaction::Mode::kWrite);
  try {
    record_deal_contract(*connection, system_, 42, {{"title", "Thiếu giá trị"}});
    ADD_FAILURE() << "a contract without type, value and date was accepted";
  } catch (const ValidationError& error) {
    std::set<std::string> fields;
    for (const auto& field_error : error.errors()) fields.insert(field_error.field);
    EXPECT_TRUE(fields.count("value_vnd")) << "no error names value_vnd";
    EXPECT_TRUE(fields.count("signed_on")) << "no error names signed_on";
  }
}

TEST_F(LedgerApi, DealContractIsRecordedOnce) {
  auto connection = platform_.pool().acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  record_deal_contract(*connection, system_, 7, contract("technology_licence", 90, "2026-05-05"));
  transaction.commit();

  auto again = contract("technology_licence", 90, "2026-05-05");
  again["deal_id"] = 7;
  auto response = call("POST", "/api/v1/transactions", again.dump());
  ASSERT_EQ(response.status, 422) << response.body;
  auto reply = nlohmann::json::parse(response.body);
  EXPECT_EQ(reply["errors"][0]["field"], "deal_id") << response.body;

  auto count = connection->prepare("SELECT count(*) FROM transactions WHERE deal_id = 7");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int64(0), 1);
}

}  // namespace
}  // namespace techmarket::ledger
