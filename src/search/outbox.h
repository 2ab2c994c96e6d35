// Keeps the index in step with the database. Every change to an indexed
// record adds an outbox row in the same transaction (enqueue); the indexer
// applies pending rows to Xapian and deletes them only after Xapian commits,
// so a process killed in between replays the rows at the next start.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "db/sqlite.h"
#include "search/index.h"

namespace techmarket::search {

// Adds an outbox row for one record; call inside the writing transaction.
void enqueue(db::Connection& connection, const std::string& record_type, std::int64_t id);

// Builds the search document of one record, or std::nullopt when the record
// no longer exists or must not be searchable.
using DocumentLoader =
    std::function<std::optional<SearchDocument>(db::Connection&, std::int64_t id)>;

struct RecordSource {
  std::string table;  // the SQL table whose ids reindex() enqueues
  DocumentLoader load;
};

class Indexer {
 public:
  Indexer(db::Pool& pool, SearchIndex& index) : pool_(pool), index_(index) {}

  // Registers how to load records of `record_type` ("offer", "need").
  void add_source(const std::string& record_type, RecordSource source);

  // Applies every pending outbox row to the index, committing the index
  // after each `batch` rows, and returns how many rows were applied. Safe to
  // call from several threads; they take turns.
  std::size_t drain(std::size_t batch = kLiveBatch);

  // Empties the index and rebuilds it from every registered table, in
  // batches of kBulkBatch.
  std::size_t reindex();

  // Rows applied between two index commits. Few while the platform serves,
  // so that a change is searchable soon. Many in a rebuild, which runs before
  // the server starts, because each commit is a flush to disk.
  static constexpr std::size_t kLiveBatch = 1000;
  static constexpr std::size_t kBulkBatch = 20000;

  // Returns how many outbox rows wait to be applied.
  std::size_t pending();

  // Test hook: called after rows are read and before the index is touched.
  std::function<void()> before_apply_for_testing;

 private:
  db::Pool& pool_;
  SearchIndex& index_;
  std::map<std::string, RecordSource> sources_;
  std::mutex drain_mutex_;
};

}  // namespace techmarket::search
