// Measures the indicator computation on a large ledger. Generates COUNT
// transactions into a fresh SQLite file (batches of 100,000 rows, each batch
// with its aggregate changes in one transaction), then times:
//   - compute_indicators for the Tây Ninh plan, 2020-2026, 50 runs;
//   - one create (insert, aggregates, audit entry, commit) and one verify
//     through LedgerService, 100 runs each.
// Prints the median and the slowest run of each, the generation time and the
// file size.
//
//   build/ledger_indicators /tmp/ledger-bench 10000000
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/principal.h"
#include "db/migrations.h"
#include "db/sqlite.h"
#include "indicators/indicators.h"
#include "indicators/plans.h"
#include "ledger/ledger_service.h"
#include "ledger/transaction.h"

namespace {

using Clock = std::chrono::steady_clock;
using techmarket::db::Connection;
using techmarket::db::Transaction;

constexpr std::int64_t kBatch = 100'000;
constexpr int kFirstYear = 2015;
constexpr int kLastYear = 2026;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Timing {
  double median;
  double slowest;
};

Timing summarize(std::vector<double> runs) {
  std::sort(runs.begin(), runs.end());
  return {runs[runs.size() / 2], runs.back()};
}

// Inserts `count` transactions with a fixed seed: 85 % verified, 5 % MoUs,
// signing dates spread over 2015-2026, values up to 5 billion đồng.
void generate(Connection& connection, std::int64_t count) {
  std::mt19937_64 random(20261204);
  std::uniform_int_distribution<int> type_index(0, techmarket::ledger::kTransactionTypes.size() - 1);
  std::uniform_int_distribution<int> year(kFirstYear, kLastYear);
  std::uniform_int_distribution<int> day(1, 28);
  std::uniform_int_distribution<int> month(1, 12);
  std::uniform_int_distribution<std::int64_t> value(0, 5'000'000'000);
  std::uniform_int_distribution<int> percent(0, 99);

  auto now = techmarket::db::now_utc();
  for (std::int64_t done = 0; done < count;) {
    Transaction transaction(connection, Transaction::Mode::kWrite);
    auto insert = connection.prepare(
        "INSERT INTO transactions (kind, type, title, value_vnd, signed_on, payment_status, "
        "source, verified, verified_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'paid', 'registered_contract', ?, ?, ?, ?)");
    // Aggregate changes of this batch, applied before its commit.
    std::map<std::pair<int, std::string>, std::pair<std::int64_t, std::int64_t>> changes;
    std::int64_t end = std::min(count, done + kBatch);
    for (; done < end; ++done) {
      std::string type(techmarket::ledger::kTransactionTypes[type_index(random)]);
      int signed_year = year(random);
      auto signed_on = fmt::format("{:04d}-{:02d}-{:02d}", signed_year, month(random), day(random));
      bool mou = percent(random) < 5;
      bool verified = percent(random) < 85;
      auto amount = value(random);
      insert.reset();
      insert.bind(1, mou ? "mou" : "contract")
          .bind(2, type)
          .bind(3, fmt::format("Hợp đồng chuyển giao số {}", done + 1))
          .bind(4, amount)
          .bind(5, signed_on)
          .bind(6, verified ? 1 : 0)
          .bind(7, verified ? std::optional<std::string>(now) : std::nullopt)
          .bind(8, now)
          .bind(9, now);
      insert.run();
      if (verified && !mou) {
        auto& change = changes[{signed_year, type}];
        change.first += 1;
        change.second += amount;
      }
    }
    auto upsert = connection.prepare(
        "INSERT INTO ledger_aggregates (year, type, transaction_count, value_vnd) "
        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (year, type) DO UPDATE SET "
        "transaction_count = transaction_count + ?3, value_vnd = value_vnd + ?4");
    for (const auto& [key, change] : changes) {
      upsert.reset();
      upsert.bind(1, key.first).bind(2, key.second).bind(3, change.first).bind(4, change.second);
      upsert.run();
    }
    transaction.commit();
    if (done % 1'000'000 == 0) std::cerr << "generated " << done << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ledger_indicators DATA_DIR COUNT\n";
    return 2;
  }
  // The service logs one line per write; the timings need none of them.
  spdlog::set_level(spdlog::level::warn);
  std::filesystem::path dir = argv[1];
  std::int64_t count = std::stoll(argv[2]);
  std::filesystem::create_directories(dir);
  auto path = dir / "ledger.db";
  std::filesystem::remove(path);

  auto started = Clock::now();
  {
    Connection connection(path);
    techmarket::db::migrate(connection);
    generate(connection, count);
  }
  double generate_seconds = milliseconds_since(started) / 1000;

  techmarket::db::Pool pool(path, 1);
  std::vector<double> indicator_runs;
  nlohmann::json last_report;
  {
    auto connection = pool.acquire();
    auto plan = *techmarket::indicators::find_plan(*connection, "tay-ninh-5008");
    auto targets = techmarket::indicators::list_targets(*connection, plan.code);
    for (int run = 0; run < 50; ++run) {
      auto start = Clock::now();
      Transaction snapshot(*connection, Transaction::Mode::kRead);
      auto report = techmarket::indicators::compute_indicators(*connection, plan, targets, 2020,
                                                               2026, 2026);
      snapshot.commit();
      indicator_runs.push_back(milliseconds_since(start));
      if (run == 0) last_report = techmarket::indicators::to_json(report);
    }
  }

  techmarket::ledger::LedgerService ledger(pool);
  auto system = techmarket::auth::Principal::system();
  std::vector<double> create_runs;
  std::vector<double> verify_runs;
  for (int run = 0; run < 100; ++run) {
    nlohmann::json body = {{"type", "technology_licence"},
                           {"title", "Hợp đồng đo thời gian"},
                           {"value_vnd", 1'000'000},
                           {"signed_on", "2026-06-01"}};
    auto start = Clock::now();
    auto id = ledger.create(system, body).id;
    create_runs.push_back(milliseconds_since(start));
    start = Clock::now();
    ledger.verify(system, id);
    verify_runs.push_back(milliseconds_since(start));
  }

  auto indicators = summarize(indicator_runs);
  auto create = summarize(create_runs);
  auto verify = summarize(verify_runs);
  std::cout << fmt::format("transactions: {}\n", count);
  std::cout << fmt::format("generation: {:.1f} s\n", generate_seconds);
  std::cout << fmt::format("database file: {:.1f} MB\n",
                           std::filesystem::file_size(path) / 1e6);
  std::cout << fmt::format("indicators 2020-2026: median {:.3f} ms, slowest {:.3f} ms\n",
                           indicators.median, indicators.slowest);
  std::cout << fmt::format("create (insert + aggregates + audit): median {:.3f} ms, slowest "
                           "{:.3f} ms\n",
                           create.median, create.slowest);
  std::cout << fmt::format("verify (update + aggregates + audit): median {:.3f} ms, slowest "
                           "{:.3f} ms\n",
                           verify.median, verify.slowest);
  std::cout << "transaction_value 2026: "
            << last_report["indicators"][0]["by_year"][6]["value"].dump() << "\n";
  return 0;
}
