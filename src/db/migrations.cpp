#include "db/migrations.h"

#include <spdlog/spdlog.h>

#include "db/schema.h"

namespace techmarket::db {

int latest_schema_version() { return schema_versions().back().version; }

int migrate(Connection& connection) {
  connection.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");

  int current = 0;
  {
    auto query = connection.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (query.step()) current = static_cast<int>(query.column_int64(0));
  }

  int applied = 0;
  for (const auto& step : schema_versions()) {
    if (step.version <= current) continue;
    Transaction transaction(connection, Transaction::Mode::kWrite);
    connection.execute(step.sql);
    connection.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)")
        .bind(1, step.version)
        .bind(2, step.description)
        .bind(3, now_utc())
        .run();
    transaction.commit();
    spdlog::info("event=migration version={} description=\"{}\"", step.version, step.description);
    ++applied;
  }
  return applied;
}

}  // namespace techmarket::db
