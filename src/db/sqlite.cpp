#include "db/sqlite.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "db/collation.h"

namespace techmarket::db {

Statement::Statement(Connection& connection, std::string_view sql)
    : connection_(&connection), sql_(sql) {
  statement_ = connection.take_cached(sql_);
  if (statement_) return;
  int result = sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                                  &statement_, nullptr);
  if (result != SQLITE_OK) connection.throw_error(result, sql);
}

Statement::~Statement() {
  if (statement_) connection_->keep(std::move(sql_), statement_);
}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), statement_(other.statement_), sql_(std::move(other.sql_)) {
  other.statement_ = nullptr;
}

void Statement::check_bind(int result, int index) {
  if (result != SQLITE_OK) {
    connection_->throw_error(result, fmt::format("binding parameter {}", index));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(statement_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(statement_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  check_bind(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(statement_, index), index);
  return *this;
}

int Statement::parameter_index(std::string_view name) const {
  int index = sqlite3_bind_parameter_index(statement_, std::string(name).c_str());
  if (index == 0) throw Error(fmt::format("SQL parameter {} not found", name));
  return index;
}

bool Statement::step() {
  int result = sqlite3_step(statement_);
  if (result == SQLITE_ROW) return true;
  if (result == SQLITE_DONE) return false;
  connection_->throw_error(result, sqlite3_sql(statement_));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

double Statement::column_double(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int64(column);
}

int Statement::column_count() const { return sqlite3_column_count(statement_); }

std::string Statement::column_name(int column) const {
  return sqlite3_column_name(statement_, column);
}

Connection::Connection(const std::filesystem::path& path) {
  int result =
      sqlite3_open_v2(path.c_str(), &handle_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (result != SQLITE_OK) {
    std::string message = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(result);
    sqlite3_close(handle_);
    handle_ = nullptr;
    throw Error(fmt::format("cannot open database {}: {}", path.string(), message));
  }
  sqlite3_extended_result_codes(handle_, 1);
  sqlite3_busy_timeout(handle_, 5000);
  execute("PRAGMA journal_mode = WAL");
  execute("PRAGMA synchronous = NORMAL");
  execute("PRAGMA foreign_keys = ON");
  register_vietnamese_collation(handle_);
}

Connection::~Connection() {
  for (const auto& [sql, statement] : cached_) sqlite3_finalize(statement);
  sqlite3_close_v2(handle_);
}

sqlite3_stmt* Connection::take_cached(const std::string& sql) {
  auto found = cached_.find(sql);
  if (found == cached_.end()) return nullptr;
  sqlite3_stmt* statement = found->second;
  cached_.erase(found);
  return statement;
}

void Connection::keep(std::string sql, sqlite3_stmt* statement) {
  // A statement that failed reports its error again from reset; that error
  // was already thrown by step(), so it is ignored here.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  if (cached_.size() >= kMaxCachedStatements || cached_.count(sql)) {
    sqlite3_finalize(statement);
    return;
  }
  cached_.emplace(std::move(sql), statement);
}

void Connection::execute(std::string_view sql) {
  char* message = nullptr;
  int result = sqlite3_exec(handle_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (result != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(result);
    sqlite3_free(message);
    if ((result & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(text);
    throw Error(fmt::format("{} (while running: {:.120})", text, sql));
  }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(handle_); }

int Connection::changes() const { return sqlite3_changes(handle_); }

void Connection::throw_error(int result, std::string_view context) const {
  std::string message = sqlite3_errmsg(handle_);
  if ((result & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw Error(fmt::format("{} (while running: {:.120})", message, context));
}

Transaction::Transaction(Connection& connection, Mode mode) : connection_(connection) {
  connection_.execute(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.execute("ROLLBACK");
  } catch (const Error&) {
    // The transaction is already gone (SQLite rolls back on some errors itself).
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  open_ = false;
}

Pool::Lease::~Lease() {
  if (connection_) pool_->release(std::move(connection_));
}

Pool::Pool(std::filesystem::path path, std::size_t size) : path_(std::move(path)) {
  for (std::size_t i = 0; i < size; ++i) idle_.push_back(std::make_unique<Connection>(path_));
}

Pool::Lease Pool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

void Pool::release(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

std::string now_utc() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

}  // namespace techmarket::db
