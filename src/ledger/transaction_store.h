// SQL for the transactions table and its per-year aggregates. Callers run
// these inside their own write transaction, so a ledger row and the
// aggregates that summarise it always commit together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "ledger/transaction.h"

namespace techmarket::ledger {

struct TransactionFilter {
  std::optional<int> year;             // signing year
  std::vector<int> years;              // any of these signing years (used by drill-downs)
  std::optional<std::string> type;
  std::optional<std::string> group;    // group of the type, such as "ip"
  std::optional<bool> verified;
  std::optional<std::string> kind;
  std::int64_t after_id = 0;
  std::size_t limit = 20;
};

std::int64_t insert_transaction(db::Connection& connection, const Transaction& transaction);
void update_transaction(db::Connection& connection, const Transaction& transaction);
std::optional<Transaction> find_transaction(db::Connection& connection, std::int64_t id);
// Returns the transactions that match `filter`, by id.
std::vector<Transaction> list_transactions(db::Connection& connection,
                                           const TransactionFilter& filter);

// Moves the aggregates from what `before` counted to what `after` counts.
// Either may be null (a new record has no `before`); transactions that are
// not counted (MoUs, unverified) contribute nothing. Throws ValidationError
// on "value_vnd" when a yearly sum would overflow int64.
void apply_to_aggregates(db::Connection& connection, const Transaction* before,
                         const Transaction* after);

// One row of the aggregates: verified contracts of one type signed in one year.
struct AggregateRow {
  int year = 0;
  std::string type;
  std::string group;
  std::int64_t transaction_count = 0;
  std::int64_t value_vnd = 0;
};

// Returns the aggregate rows of the years `from`..`to`, inclusive.
std::vector<AggregateRow> read_aggregates(db::Connection& connection, int from, int to);

// Rebuilds every aggregate from the ledger; a repair and a check for tests.
void rebuild_aggregates(db::Connection& connection);

// Returns true when `code` is in the controlled list of transaction types.
bool transaction_type_exists(db::Connection& connection, const std::string& code);

}  // namespace techmarket::ledger
