// A thin RAII layer over SQLite: connections, prepared statements, transactions
// and a connection pool. Failures of the database itself throw db::Error;
// constraint violations throw db::ConstraintError so services can report them.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace techmarket::db {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A UNIQUE, CHECK, NOT NULL or FOREIGN KEY constraint rejected a write.
class ConstraintError : public Error {
 public:
  using Error::Error;
};

class Connection;

// A prepared statement. Parameters are bound by 1-based position or by
// ":name"; columns are read by 0-based index after step() returns true.
// Its connection keeps it, reset, for the next prepare of the same SQL.
class Statement {
 public:
  Statement(Connection& connection, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  template <typename T>
  Statement& bind(std::string_view name, const T& value) {
    return bind(parameter_index(name), value);
  }

  // Advances to the next row; returns false when the statement has finished.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int64(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  std::optional<std::string> column_optional_text(int column) const;
  std::optional<std::int64_t> column_optional_int64(int column) const;
  int column_count() const;
  std::string column_name(int column) const;

 private:
  int parameter_index(std::string_view name) const;
  void check_bind(int result, int index);

  Connection* connection_;
  sqlite3_stmt* statement_ = nullptr;
  std::string sql_;
};

// One SQLite connection in WAL mode with foreign keys on and a busy timeout.
// Not thread-safe: a connection is used by one thread at a time (see Pool).
class Connection {
 public:
  explicit Connection(const std::filesystem::path& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void execute(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(*this, sql); }
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return handle_; }

  // Throws Error or ConstraintError for a non-OK SQLite result code.
  [[noreturn]] void throw_error(int result, std::string_view context) const;

 private:
  friend class Statement;

  // Statements kept for reuse, idle and reset, by their SQL. Compiling a
  // short SELECT costs more than running it, and reading one offer compiles
  // several. A statement in use is out of the cache, so the same SQL can run
  // nested. Bounded, since some SQL is built from filters.
  static constexpr std::size_t kMaxCachedStatements = 256;
  sqlite3_stmt* take_cached(const std::string& sql);
  void keep(std::string sql, sqlite3_stmt* statement);

  sqlite3* handle_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cached_;
};

// A transaction that rolls back unless commit() is called. Write transactions
// start IMMEDIATE so that two writers wait on the busy timeout instead of
// failing on lock upgrade.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  Transaction(Connection& connection, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// A fixed set of connections to one database file, handed out one per thread.
class Pool {
 public:
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    ~Lease();
    Lease(Lease&& other) noexcept = default;
    Lease(const Lease&) = delete;
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  Pool(std::filesystem::path path, std::size_t size);
  Lease acquire();
  const std::filesystem::path& path() const { return path_; }

 private:
  void release(std::unique_ptr<Connection> connection);

  std::filesystem::path path_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Returns the current UTC time as ISO 8601 with seconds ("2026-12-04T14:21:06Z").
std::string now_utc();

}  // namespace techmarket::db
