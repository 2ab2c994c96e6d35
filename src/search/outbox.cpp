#include "search/outbox.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

namespace techmarket::search {
void enqueue(db::Connection& connection, const std::string& record_type, std::int64_t id) {
  connection
      .prepare("INSERT INTO search_outbox (record_type, record_id, created_at) VALUES (?, ?, ?)")
      .bind(1, record_type)
      .bind(2, id)
      .bind(3, db::now_utc())
      .run();
}

void Indexer::add_source(const std::string& record_type, RecordSource source) {
  sources_[record_type] = std::move(source);
}

std::size_t Indexer::drain(std::size_t batch) {
  std::lock_guard lock(drain_mutex_);
  auto connection = pool_.acquire();
  std::size_t applied = 0;

  while (true) {
    std::set<std::pair<std::string, std::int64_t>> records;
    std::int64_t last_row = 0;
    {
      db::Transaction read(*connection, db::Transaction::Mode::kRead);
      auto rows = connection->prepare(
          "SELECT id, record_type, record_id FROM search_outbox ORDER BY id LIMIT ?");
      rows.bind(1, static_cast<std::int64_t>(batch));
      while (rows.step()) {
        last_row = rows.column_int64(0);
        records.emplace(rows.column_text(1), rows.column_int64(2));
      }
      if (records.empty()) break;

      if (before_apply_for_testing) before_apply_for_testing();
      for (const auto& [record_type, id] : records) {
        auto source = sources_.find(record_type);
        auto document =
            source == sources_.end() ? std::nullopt : source->second.load(*connection, id);
        if (document) {
          index_.replace(*document);
        } else {
          index_.remove(record_type, id);
        }
      }
    }
    index_.commit();

    db::Transaction write(*connection, db::Transaction::Mode::kWrite);
    connection->prepare("DELETE FROM search_outbox WHERE id <= ?").bind(1, last_row).run();
    write.commit();
    applied += records.size();
  }
  return applied;
}

std::size_t Indexer::reindex() {
  auto started = std::chrono::steady_clock::now();
  {
    auto connection = pool_.acquire();
    db::Transaction write(*connection, db::Transaction::Mode::kWrite);
    for (const auto& [record_type, source] : sources_) {
      connection
          ->prepare(
              "INSERT INTO search_outbox (record_type, record_id, created_at) SELECT ?, id, ? "
              "FROM " +
              source.table)
          .bind(1, record_type)
          .bind(2, db::now_utc())
          .run();
    }
    write.commit();
  }
  {
    std::lock_guard lock(drain_mutex_);
    index_.clear();
  }
  std::size_t applied = drain(kBulkBatch);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("event=reindex records={} seconds={:.2f}", applied, seconds);
  return applied;
}

std::size_t Indexer::pending() {
  auto connection = pool_.acquire();
  auto count = connection->prepare("SELECT count(*) FROM search_outbox");
  count.step();
  return static_cast<std::size_t>(count.column_int64(0));
}

}  // namespace techmarket::search
