#include "ledger/transaction_store.h"

#include <fmt/format.h>

#include "common/errors.h"

namespace techmarket::ledger {
namespace {

constexpr const char* kColumns =
    "t.id, t.kind, t.type, t.title, t.value_vnd, t.signed_on, t.payment_status, "
    "t.contract_number, t.registration_number, t.evidence_file, t.source, t.deal_id, "
    "t.buyer_organization_id, t.seller_organization_id, t.intermediary_organization_id, "
    "t.buyer_province_code, t.seller_province_code, t.verified, t.verified_by, t.verified_at, "
    "t.created_at, t.updated_at";

Transaction read_row(const db::Statement& row) {
  Transaction transaction;
  transaction.id = row.column_int64(0);
  transaction.kind = row.column_text(1);
  transaction.type = row.column_text(2);
  transaction.title = row.column_text(3);
  transaction.value_vnd = row.column_int64(4);
  transaction.signed_on = row.column_text(5);
  transaction.payment_status = row.column_text(6);
  transaction.contract_number = row.column_optional_text(7);
  transaction.registration_number = row.column_optional_text(8);
  transaction.evidence_file = row.column_optional_text(9);
  transaction.source = row.column_text(10);
  transaction.deal_id = row.column_optional_int64(11);
  transaction.buyer_organization_id = row.column_optional_int64(12);
  transaction.seller_organization_id = row.column_optional_int64(13);
  transaction.intermediary_organization_id = row.column_optional_int64(14);
  transaction.buyer_province_code = row.column_optional_text(15);
  transaction.seller_province_code = row.column_optional_text(16);
  transaction.verified = row.column_int64(17) != 0;
  transaction.verified_by = row.column_optional_int64(18);
  transaction.verified_at = row.column_optional_text(19);
  transaction.created_at = row.column_text(20);
  transaction.updated_at = row.column_text(21);
  return transaction;
}

// Binds every column but id, created_at and updated_at, from 1 in kColumns order.
void bind_fields(db::Statement& statement, const Transaction& transaction) {
  statement.bind(1, transaction.kind)
      .bind(2, transaction.type)
      .bind(3, transaction.title)
      .bind(4, transaction.value_vnd)
      .bind(5, transaction.signed_on)
      .bind(6, transaction.payment_status)
      .bind(7, transaction.contract_number)
      .bind(8, transaction.registration_number)
      .bind(9, transaction.evidence_file)
      .bind(10, transaction.source)
      .bind(11, transaction.deal_id)
      .bind(12, transaction.buyer_organization_id)
      .bind(13, transaction.seller_organization_id)
      .bind(14, transaction.intermediary_organization_id)
      .bind(15, transaction.buyer_province_code)
      .bind(16, transaction.seller_province_code)
      .bind(17, transaction.verified ? 1 : 0)
      .bind(18, transaction.verified_by)
      .bind(19, transaction.verified_at);
}

// Adds `count` and `value` (either may be negative) to the aggregate of
// `year` and `type`, checking the sum for overflow.
void add_to_aggregate(db::Connection& connection, int year, const std::string& type,
                      std::int64_t count, std::int64_t value) {
  std::int64_t stored_count = 0;
  std::int64_t stored_value = 0;
  {
    auto query = connection.prepare(
        "SELECT transaction_count, value_vnd FROM ledger_aggregates WHERE year = ? AND type = ?");
    query.bind(1, year).bind(2, type);
    if (query.step()) {
      stored_count = query.column_int64(0);
      stored_value = query.column_int64(1);
    }
  }
  std::int64_t new_value = 0;
  if (__builtin_add_overflow(stored_value, value, &new_value)) {
    throw ValidationError(std::vector<FieldError>{
        {"value_vnd", fmt::format("the total of {} transactions of type {} would exceed {} đồng; "
                                  "check the value",
                                  year, type, INT64_MAX)}});
  }
  std::int64_t new_count = stored_count + count;
  if (new_count == 0) {
    connection.prepare("DELETE FROM ledger_aggregates WHERE year = ? AND type = ?")
        .bind(1, year)
        .bind(2, type)
        .run();
    return;
  }
  connection
      .prepare(
          "INSERT INTO ledger_aggregates (year, type, transaction_count, value_vnd) "
          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (year, type) DO UPDATE SET "
          "transaction_count = ?3, value_vnd = ?4")
      .bind(1, year)
      .bind(2, type)
      .bind(3, new_count)
      .bind(4, new_value)
      .run();
}

}  // namespace

std::int64_t insert_transaction(db::Connection& connection, const Transaction& transaction) {
  auto statement = connection.prepare(
      "INSERT INTO transactions (kind, type, title, value_vnd, signed_on, payment_status, "
      "contract_number, registration_number, evidence_file, source, deal_id, "
      "buyer_organization_id, seller_organization_id, intermediary_organization_id, "
      "buyer_province_code, seller_province_code, verified, verified_by, verified_at, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
      "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)");
  bind_fields(statement, transaction);
  statement.bind(20, db::now_utc());
  statement.run();
  return connection.last_insert_id();
}

void update_transaction(db::Connection& connection, const Transaction& transaction) {
  auto statement = connection.prepare(
      "UPDATE transactions SET kind = ?1, type = ?2, title = ?3, value_vnd = ?4, "
      "signed_on = ?5, payment_status = ?6, contract_number = ?7, registration_number = ?8, "
      "evidence_file = ?9, source = ?10, deal_id = ?11, buyer_organization_id = ?12, "
      "seller_organization_id = ?13, intermediary_organization_id = ?14, "
      "buyer_province_code = ?15, seller_province_code = ?16, verified = ?17, "
      "verified_by = ?18, verified_at = ?19, updated_at = ?20 WHERE id = ?21");
  bind_fields(statement, transaction);
  statement.bind(20, db::now_utc()).bind(21, transaction.id);
  statement.run();
}

std::optional<Transaction> find_transaction(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(std::string("SELECT ") + kColumns +
                                  " FROM transactions t WHERE t.id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_row(query);
}

std::vector<Transaction> list_transactions(db::Connection& connection,
                                           const TransactionFilter& filter) {
  std::string years;
  for (int year : filter.years) {
    years += (years.empty() ? "" : ", ") + fmt::format("'{:04d}'", year);
  }
  // Each condition is switched off when its parameter is NULL, so one
  // statement serves every combination of filters. The year list is built
  // from integers only, so it cannot inject SQL.
  auto query = connection.prepare(
      std::string("SELECT ") + kColumns +
      " FROM transactions t JOIN transaction_types ty ON ty.code = t.type"
      " WHERE t.id > :after"
      " AND (:year IS NULL OR substr(t.signed_on, 1, 4) = :year)" +
      (years.empty() ? "" : " AND substr(t.signed_on, 1, 4) IN (" + years + ")") +
      " AND (:type IS NULL OR t.type = :type)"
      " AND (:group IS NULL OR ty.group_code = :group)"
      " AND (:verified IS NULL OR t.verified = :verified)"
      " AND (:kind IS NULL OR t.kind = :kind)"
      " ORDER BY t.id LIMIT :limit");
  std::optional<std::string> year;
  if (filter.year) year = fmt::format("{:04d}", *filter.year);
  std::optional<std::int64_t> verified;
  if (filter.verified) verified = *filter.verified ? 1 : 0;
  query.bind(":after", filter.after_id)
      .bind(":year", year)
      .bind(":type", filter.type)
      .bind(":group", filter.group)
      .bind(":verified", verified)
      .bind(":kind", filter.kind)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<Transaction> transactions;
  while (query.step()) transactions.push_back(read_row(query));
  return transactions;
}

void apply_to_aggregates(db::Connection& connection, const Transaction* before,
                         const Transaction* after) {
  if (before && before->counted()) {
    add_to_aggregate(connection, before->year(), before->type, -1, -before->value_vnd);
  }
  if (after && after->counted()) {
    add_to_aggregate(connection, after->year(), after->type, 1, after->value_vnd);
  }
}

std::vector<AggregateRow> read_aggregates(db::Connection& connection, int from, int to) {
  auto query = connection.prepare(
      "SELECT a.year, a.type, ty.group_code, a.transaction_count, a.value_vnd "
      "FROM ledger_aggregates a JOIN transaction_types ty ON ty.code = a.type "
      "WHERE a.year BETWEEN ? AND ? ORDER BY a.year, a.type");
  query.bind(1, from).bind(2, to);
  std::vector<AggregateRow> rows;
  while (query.step()) {
    rows.push_back({static_cast<int>(query.column_int64(0)), query.column_text(1),
                    query.column_text(2), query.column_int64(3), query.column_int64(4)});
  }
  return rows;
}

void rebuild_aggregates(db::Connection& connection) {
  connection.execute("DELETE FROM ledger_aggregates");
  connection.execute(
      "INSERT INTO ledger_aggregates (year, type, transaction_count, value_vnd) "
      "SELECT CAST(substr(signed_on, 1, 4) AS INTEGER), type, count(*), sum(value_vnd) "
      "FROM transactions WHERE verified = 1 AND kind = 'contract' GROUP BY 1, 2");
}

bool transaction_type_exists(db::Connection& connection, const std::string& code) {
  auto query = connection.prepare("SELECT 1 FROM transaction_types WHERE code = ?");
  query.bind(1, code);
  return query.step();
}

}  // namespace techmarket::ledger
