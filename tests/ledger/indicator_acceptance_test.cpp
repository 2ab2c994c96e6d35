// The acceptance test of the indicators: a hand-made ledger of 36
// transactions over 2020-2026, with MoUs, unverified entries and entries
// corrected after verification, and every indicator of every year checked
// against figures worked out by hand below. M is one million đồng.
//
// Verified contracts as finally recorded (types: T technology group, I IP
// group, S service, R R&D, O other):
//   2020  technology_licence 400 T, patent_licence 100 I, consulting 300 S,
//         rnd_contract 200 R                     -> 4 contracts, 1,000 M
//   2021  equipment_with_technology 600 T, trademark_licence 150 I,
//         brokering 50 S, technology_assignment 300 T (entered as 900, then
//         corrected), valuation 100 S            -> 5 contracts, 1,200 M
//   2022  technology_licence 0 T, other 0 O      -> 2 contracts, 0 đồng
//   2023  patent_assignment 800 I, technology_licence 1,200 T, appraisal 400 S,
//         plant_variety_licence 200 I (entered as consulting, then corrected)
//                                                -> 4 contracts, 2,600 M
//   2024  none: its verified contract was moved to 2025, the rest are an MoU
//         and an unverified contract             -> missing
//   2025  technology_licence 500 T (moved from 2024-12-31), industrial_design_
//         licence 250 I, rnd_contract 1,000 R, assessment 250 S,
//         utility_solution_assignment 500 I, trademark_assignment 100 I; a
//         trademark_licence of 400 was turned into an MoU -> 6 contracts, 2,600 M
//   2026  patent_licence 250 I (moved from 2021), technology_licence 1,000 T,
//         equipment_with_technology 750 T, rnd_contract 1,000 R, consulting
//         250 S, plant_variety_assignment 500 I, brokering 250 S
//                                                -> 7 contracts, 4,000 M
// Not counted: MoUs in 2020 (5,000 M), 2024 (2,000 M) and 2026; unverified
// contracts in 2020 (700 M), 2022 (500 M), 2024 (300 M) and 2026 (9,000 M).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>

#include "auth/audit_log.h"
#include "ledger/transaction_store.h"
#include "ledger_fixture.h"

namespace techmarket::ledger {
namespace {

constexpr std::int64_t M = 1'000'000;

struct Expected {
  std::optional<double> value;  // nullopt when the status is not "ok"
  const char* status;
  std::int64_t transaction_count;
};
const Expected kMissing = {std::nullopt, "missing", 0};

class IndicatorAcceptance : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    load_ledger();
    load_organizations_and_offers();
  }

  void load_ledger() {
    // 2020
    record_verified(contract("technology_licence", 400 * M, "2020-03-15"));
    record_verified(contract("patent_licence", 100 * M, "2020-06-01"));
    record_verified(contract("consulting", 300 * M, "2020-09-09"));
    record_verified(contract("rnd_contract", 200 * M, "2020-12-31"));
    record_verified(contract("technology_licence", 5000 * M, "2020-05-05", "mou"));
    record_unverified(contract("patent_assignment", 700 * M, "2020-07-07"));

    // 2021, with a value corrected after verification and a contract that
    // later turns out to be signed in 2026.
    record_verified(contract("equipment_with_technology", 600 * M, "2021-01-01"));
    record_verified(contract("trademark_licence", 150 * M, "2021-02-02"));
    record_verified(contract("brokering", 50 * M, "2021-03-03"));
    corrected_value_id_ = record_verified(contract("technology_assignment", 900 * M, "2021-04-04"));
    platform_.ledger().update(system_, corrected_value_id_, {{"value_vnd", 300 * M}});
    record_verified(contract("valuation", 100 * M, "2021-05-05"));
    auto moved_to_2026 = record_verified(contract("patent_licence", 250 * M, "2021-05-05"));
    platform_.ledger().update(system_, moved_to_2026, {{"signed_on", "2026-02-10"}});

    // 2022: free licences only, so the value is zero but the year is not missing.
    record_verified(contract("technology_licence", 0, "2022-04-01"));
    record_verified(contract("other", 0, "2022-08-01"));
    record_unverified(contract("consulting", 500 * M, "2022-10-10"));

    // 2023, with a type corrected after verification (service to IP group).
    record_verified(contract("patent_assignment", 800 * M, "2023-02-14"));
    record_verified(contract("technology_licence", 1200 * M, "2023-05-20"));
    record_verified(contract("appraisal", 400 * M, "2023-07-01"));
    auto retyped = record_verified(contract("consulting", 200 * M, "2023-11-11"));
    platform_.ledger().update(system_, retyped, {{"type", "plant_variety_licence"}});

    // 2024: what remains is not counted.
    record_verified(contract("technology_assignment", 2000 * M, "2024-06-06", "mou"));
    record_unverified(contract("trademark_assignment", 300 * M, "2024-08-08"));
    auto moved_to_2025 = record_verified(contract("technology_licence", 500 * M, "2024-12-31"));
    platform_.ledger().update(system_, moved_to_2025, {{"signed_on", "2025-01-02"}});

    // 2025, with a contract that was really only an MoU.
    record_verified(contract("industrial_design_licence", 250 * M, "2025-02-01"));
    record_verified(contract("rnd_contract", 1000 * M, "2025-03-01"));
    record_verified(contract("assessment", 250 * M, "2025-04-01"));
    record_verified(contract("utility_solution_assignment", 500 * M, "2025-05-01"));
    record_verified(contract("trademark_assignment", 100 * M, "2025-06-01"));
    auto became_mou = record_verified(contract("trademark_licence", 400 * M, "2025-07-01"));
    platform_.ledger().update(system_, became_mou, {{"kind", "mou"}});

    // 2026
    record_verified(contract("technology_licence", 1000 * M, "2026-01-15"));
    record_verified(contract("equipment_with_technology", 750 * M, "2026-03-15"));
    record_verified(contract("rnd_contract", 1000 * M, "2026-04-15"));
    record_verified(contract("consulting", 250 * M, "2026-05-15"));
    record_verified(contract("plant_variety_assignment", 500 * M, "2026-06-15"));
    record_verified(contract("brokering", 250 * M, "2026-07-15"));
    record_unverified(contract("technology_licence", 9000 * M, "2026-08-15"));
    record_unverified(contract("rnd_contract", 3000 * M, "2026-09-15", "mou"));
  }

  // Intermediaries connected on 2023-06-15, 2025-12-31 and 2026-01-01, one
  // never connected; published research results created on 2022-01-01 00:30
  // and 2024-03-01 07:00 in Vietnam, plus a draft one and a published
  // technology that do not count.
  void load_organizations_and_offers() {
    auto& organizations = platform_.organizations();
    for (const char* date : {"2023-06-15", "2025-12-31", "2026-01-01"}) {
      organizations.create(system_, {{"kind", "intermediary"},
                                     {"name", std::string("Trung tâm kết nối ") + date},
                                     {"national_network_connected_on", date}});
    }
    organizations.create(system_, {{"kind", "intermediary"}, {"name", "Sàn chưa kết nối"}});

    auto offer = [&](const char* kind, const char* status, const char* created_at) {
      auto id = platform_.offers()
                    .create(system_, {{"kind", kind},
                                      {"title", std::string("Kết quả ") + created_at},
                                      {"summary", "Tóm tắt."},
                                      {"status", status}})
                    .id;
      auto connection = platform_.pool().acquire();
      connection->prepare("UPDATE offers SET created_at = ? WHERE id = ?")
          .bind(1, created_at)
          .bind(2, id)
          .run();
    };
    offer("research_result", "published", "2021-12-31T17:30:00Z");
    offer("research_result", "published", "2024-03-01T00:00:00Z");
    offer("research_result", "draft", "2020-01-01T00:00:00Z");
    offer("technology", "published", "2020-01-01T00:00:00Z");
  }

  nlohmann::json indicators(const std::string& query = "") {
    return call_json("GET", "/api/v1/indicators" + query);
  }

  static const nlohmann::json& series(const nlohmann::json& report, const std::string& code) {
    for (const auto& item : report.at("indicators")) {
      if (item.at("code") == code) return item;
    }
    ADD_FAILURE() << "no indicator " << code;
    static const nlohmann::json empty;
    return empty;
  }

  void expect_series(const nlohmann::json& report, const std::string& code,
                     const std::map<int, Expected>& expected) {
    const auto& by_year = series(report, code).at("by_year");
    ASSERT_EQ(by_year.size(), 7u) << code;
    for (const auto& figure : by_year) {
      int year = figure.at("year");
      const auto& want = expected.at(year);
      auto context = code + " " + std::to_string(year) + ": " + figure.dump();
      EXPECT_EQ(figure.at("status"), want.status) << context;
      EXPECT_EQ(figure.at("transaction_count"), want.transaction_count) << context;
      if (want.value) {
        ASSERT_TRUE(figure.at("value").is_number()) << context;
        EXPECT_NEAR(figure.at("value").get<double>(), *want.value, 1e-9) << context;
        EXPECT_TRUE(figure.at("note_vi").is_null()) << context;
      } else {
        EXPECT_TRUE(figure.at("value").is_null()) << context;
        EXPECT_TRUE(figure.at("note_vi").is_string()) << context;
        EXPECT_TRUE(figure.at("note_en").is_string()) << context;
      }
    }
  }

  std::int64_t corrected_value_id_ = 0;
};

TEST_F(IndicatorAcceptance, TransactionValueByYear) {
  auto report = indicators();
  EXPECT_EQ(report.at("plan").at("code"), "tay-ninh-5008");
  EXPECT_EQ(report.at("from"), 2020);
  EXPECT_EQ(report.at("to"), 2026);
  EXPECT_EQ(report.at("current_year"), 2026);
  expect_series(report, "transaction_value",
                {{2020, {1000.0 * M, "ok", 4}},  // 400 + 100 + 300 + 200
                 {2021, {1200.0 * M, "ok", 5}},  // 600 + 150 + 50 + 300 + 100
                 {2022, {0.0, "ok", 2}},         // 0 + 0
                 {2023, {2600.0 * M, "ok", 4}},  // 800 + 1,200 + 400 + 200
                 {2024, kMissing},
                 {2025, {2600.0 * M, "ok", 6}},  // 500 + 250 + 1,000 + 250 + 500 + 100
                 {2026, {4000.0 * M, "ok", 7}}});  // 250 + 1,000 + 750 + 1,000 + 250 + 500 + 250
  // Đồng are sent as integers, not as floating point.
  EXPECT_TRUE(series(report, "transaction_value").at("by_year")[0].at("value").is_number_integer());
}

TEST_F(IndicatorAcceptance, GrowthByYear) {
  expect_series(indicators(), "transaction_value_growth",
                {{2020, kMissing},                       // 2019 has no contracts
                 {2021, {20.0, "ok", 9}},                // (1,200 − 1,000) / 1,000
                 {2022, {-100.0, "ok", 7}},              // (0 − 1,200) / 1,200
                 {2023, {std::nullopt, "undefined", 0}}, // 2022 is zero
                 {2024, kMissing},                       // 2024 itself is missing
                 {2025, kMissing},                       // the year before is missing
                 {2026, {1400.0 / 26.0, "ok", 13}}});    // (4,000 − 2,600) / 2,600 = 53.846...
}

TEST_F(IndicatorAcceptance, SharesByYear) {
  auto report = indicators();
  expect_series(report, "ip_share_value",
                {{2020, {10.0, "ok", 1}},                  // 100 / 1,000
                 {2021, {12.5, "ok", 1}},                  // 150 / 1,200
                 {2022, {std::nullopt, "undefined", 0}},   // total value is zero
                 {2023, {1000.0 / 26.0, "ok", 2}},         // (800 + 200) / 2,600 = 38.46...
                 {2024, kMissing},
                 {2025, {850.0 / 26.0, "ok", 3}},          // (250 + 500 + 100) / 2,600 = 32.69...
                 {2026, {18.75, "ok", 2}}});               // (250 + 500) / 4,000
  expect_series(report, "ip_share_count",
                {{2020, {25.0, "ok", 1}},  // 1 / 4
                 {2021, {20.0, "ok", 1}},  // 1 / 5
                 {2022, {0.0, "ok", 0}},   // 0 / 2
                 {2023, {50.0, "ok", 2}},  // 2 / 4
                 {2024, kMissing},
                 {2025, {50.0, "ok", 3}},            // 3 / 6
                 {2026, {200.0 / 7.0, "ok", 2}}});   // 2 / 7 = 28.57...
  expect_series(report, "technology_share_value",
                {{2020, {40.0, "ok", 1}},                 // 400 / 1,000
                 {2021, {75.0, "ok", 2}},                 // (600 + 300) / 1,200
                 {2022, {std::nullopt, "undefined", 1}},  // total value is zero
                 {2023, {1200.0 / 26.0, "ok", 1}},        // 1,200 / 2,600 = 46.15...
                 {2024, kMissing},
                 {2025, {500.0 / 26.0, "ok", 1}},         // 500 / 2,600 = 19.23...
                 {2026, {43.75, "ok", 2}}});              // (1,000 + 750) / 4,000
  expect_series(report, "technology_share_count",
                {{2020, {25.0, "ok", 1}},  // 1 / 4
                 {2021, {40.0, "ok", 2}},  // 2 / 5
                 {2022, {50.0, "ok", 1}},  // 1 / 2
                 {2023, {25.0, "ok", 1}},  // 1 / 4
                 {2024, kMissing},
                 {2025, {100.0 / 6.0, "ok", 1}},     // 1 / 6 = 16.67...
                 {2026, {200.0 / 7.0, "ok", 2}}});   // 2 / 7 = 28.57...
}

TEST_F(IndicatorAcceptance, OrganizationAndOfferCounts) {
  auto report = indicators();
  // Connected on 2023-06-15, 2025-12-31 (counts in 2025) and 2026-01-01.
  expect_series(report, "intermediaries_connected",
                {{2020, {0, "ok", 0}},
                 {2021, {0, "ok", 0}},
                 {2022, {0, "ok", 0}},
                 {2023, {1, "ok", 0}},
                 {2024, {1, "ok", 0}},
                 {2025, {2, "ok", 0}},
                 {2026, {3, "ok", 0}}});
  // Created 2021-12-31T17:30Z, which is 2022-01-01 in Vietnam, and 2024-03-01.
  expect_series(report, "digitized_research_results",
                {{2020, {0, "ok", 0}},
                 {2021, {0, "ok", 0}},
                 {2022, {1, "ok", 0}},
                 {2023, {1, "ok", 0}},
                 {2024, {2, "ok", 0}},
                 {2025, {2, "ok", 0}},
                 {2026, {2, "ok", 0}}});
}

TEST_F(IndicatorAcceptance, PeriodGrowth) {
  auto period = indicators().at("period");
  EXPECT_EQ(period.at("from"), 2020);
  EXPECT_EQ(period.at("to"), 2026);
  // (4,000 / 1,000)^(1/6) − 1 = 2^(1/3) − 1
  EXPECT_NEAR(period.at("compound_growth").get<double>(), (std::cbrt(2.0) - 1) * 100, 1e-9);
  // Mean of the rates of 2021, 2022 and 2026: (20 − 100 + 53.846...) / 3 = −8.717...
  EXPECT_NEAR(period.at("mean_yearly_growth").get<double>(), (20.0 - 100.0 + 1400.0 / 26.0) / 3,
              1e-9);
  EXPECT_NE(period.at("note_en").get<std::string>().find("2023, 2024, 2025"), std::string::npos)
      << period.at("note_en");

  // From 2022 the start value is zero, so there is no compound rate.
  auto from_zero = indicators("?from=2022&to=2026").at("period");
  EXPECT_TRUE(from_zero.at("compound_growth").is_null());
  // Rates of 2026 only: 53.846...
  EXPECT_NEAR(from_zero.at("mean_yearly_growth").get<double>(), 1400.0 / 26.0, 1e-9);
}

TEST_F(IndicatorAcceptance, TayNinhTargets) {
  auto report = indicators();
  auto targets = [&](const std::string& code) { return series(report, code).at("targets"); };

  // Base year 2020: (2,600 / 1,000)^(1/5) − 1 = 21.058...% >= 5%.
  auto growth = targets("transaction_value_growth");
  ASSERT_EQ(growth.size(), 2u);
  EXPECT_EQ(growth[0].at("year"), 2025);
  EXPECT_NEAR(growth[0].at("figure").get<double>(), (std::pow(2.6, 0.2) - 1) * 100, 1e-9);
  EXPECT_EQ(growth[0].at("met"), true);
  EXPECT_EQ(growth[1].at("year"), 2030);
  EXPECT_TRUE(growth[1].at("met").is_null());

  // 32.69...% above 5%.
  auto ip = targets("ip_share_value");
  ASSERT_EQ(ip.size(), 2u);
  EXPECT_EQ(ip[0].at("comparison"), "above");
  EXPECT_EQ(ip[0].at("met"), true);
  EXPECT_TRUE(ip[1].at("met").is_null());

  // 19.23...% is not within 5-10%.
  auto technology = targets("technology_share_value");
  ASSERT_EQ(technology.size(), 2u);
  EXPECT_EQ(technology[0].at("low"), 5.0);
  EXPECT_EQ(technology[0].at("high"), 10.0);
  EXPECT_EQ(technology[0].at("met"), false);

  // 2 connected by the end of 2025, at least 1.
  auto intermediaries = targets("intermediaries_connected");
  ASSERT_EQ(intermediaries.size(), 2u);
  EXPECT_EQ(intermediaries[0].at("figure"), 2.0);
  EXPECT_EQ(intermediaries[0].at("met"), true);

  auto digitized = targets("digitized_research_results");
  ASSERT_EQ(digitized.size(), 1u);
  EXPECT_EQ(digitized[0].at("year"), 2030);
  EXPECT_TRUE(digitized[0].at("met").is_null());
}

TEST_F(IndicatorAcceptance, NationalTargets) {
  auto report = indicators("?plan=national-1158");
  EXPECT_EQ(report.at("plan").at("code"), "national-1158");
  auto first = [&](const std::string& code) { return series(report, code).at("targets")[0]; };
  EXPECT_EQ(first("transaction_value_growth").at("met"), false);  // 21.06% < 25%
  EXPECT_EQ(first("ip_share_value").at("met"), true);             // 32.69% > 15%
  EXPECT_EQ(first("intermediaries_connected").at("met"), false);   // 2 < 80
  EXPECT_TRUE(series(report, "technology_share_value").at("targets").empty());
}

// Pages through a drill-down and returns the sum of its values and its size.
std::pair<std::int64_t, std::int64_t> drill(LedgerFixture& fixture,
                                            const std::function<nlohmann::json(std::string)>& get,
                                            const std::string& link) {
  std::int64_t sum = 0;
  std::int64_t count = 0;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    auto body = get(link + "&limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : body.at("items")) {
      EXPECT_EQ(item.at("verified"), true) << item;
      EXPECT_EQ(item.at("kind"), "contract") << item;
      sum += item.at("value_vnd").get<std::int64_t>();
      ++count;
    }
    if (body.at("next_cursor").is_null()) break;
    cursor = body.at("next_cursor");
  }
  (void)fixture;
  return {sum, count};
}

TEST_F(IndicatorAcceptance, DrilldownAddsUpToFigures) {
  auto report = indicators();
  auto get = [&](std::string path) { return call_json("GET", path); };
  const auto& totals = series(report, "transaction_value").at("by_year");
  for (const auto& figure : totals) {
    auto [sum, count] = drill(*this, get, figure.at("drilldown"));
    auto context = figure.dump();
    EXPECT_EQ(count, figure.at("transaction_count").get<std::int64_t>()) << context;
    EXPECT_EQ(sum, figure.at("value").is_null() ? 0 : figure.at("value").get<std::int64_t>())
        << context;
  }
  for (const char* code : {"ip_share_value", "technology_share_value"}) {
    const auto& shares = series(report, code).at("by_year");
    for (std::size_t i = 0; i < shares.size(); ++i) {
      auto [sum, count] = drill(*this, get, shares[i].at("drilldown"));
      auto context = std::string(code) + " " + shares[i].dump();
      EXPECT_EQ(count, shares[i].at("transaction_count").get<std::int64_t>()) << context;
      if (shares[i].at("status") != "ok") continue;
      double total = totals[i].at("value").get<double>();
      EXPECT_NEAR(static_cast<double>(sum) / total * 100, shares[i].at("value").get<double>(),
                  1e-9)
          << context;
    }
  }
  // Growth lists the contracts of both years: 2021 has 5 and 2020 has 4.
  auto [sum, count] = drill(*this, get, "/api/v1/transactions?indicator=transaction_value_growth"
                                        "&year=2021");
  EXPECT_EQ(count, 9);
  EXPECT_EQ(sum, 2200 * M);
}

TEST_F(IndicatorAcceptance, AggregatesMatchALedgerRebuild) {
  auto connection = platform_.pool().acquire();
  auto kept = read_aggregates(*connection, 2000, 2100);
  rebuild_aggregates(*connection);
  auto rebuilt = read_aggregates(*connection, 2000, 2100);
  ASSERT_EQ(kept.size(), rebuilt.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(kept[i].year, rebuilt[i].year);
    EXPECT_EQ(kept[i].type, rebuilt[i].type);
    EXPECT_EQ(kept[i].transaction_count, rebuilt[i].transaction_count) << kept[i].type;
    EXPECT_EQ(kept[i].value_vnd, rebuilt[i].value_vnd) << kept[i].type;
  }
}

TEST_F(IndicatorAcceptance, CorrectionLeavesAuditEntryWithBothValues) {
  auto connection = platform_.pool().acquire();
  auth::AuditFilter filter;
  filter.record_type = "transaction";
  filter.record_id = corrected_value_id_;
  auto entries = auth::list_audit(*connection, filter);
  ASSERT_EQ(entries.size(), 3u);  // newest first: update, verify, create
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(entries[0].before.at("value_vnd"), 900 * M);
  EXPECT_EQ(entries[0].before.at("verified"), true);
  EXPECT_EQ(entries[0].after.at("value_vnd"), 300 * M);
  EXPECT_EQ(entries[0].after.at("verified"), true);
  EXPECT_EQ(entries[1].action, "verify");
  EXPECT_EQ(entries[2].action, "create");
}

}  // namespace
}  // namespace techmarket::ledger
