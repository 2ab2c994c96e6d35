// Expiring records finds the few past their date through partial indexes
// (schema version 7) instead of reading every published record. The queries
// name their index, so they fail if it is missing.
#include <gtest/gtest.h>

#include "catalog/offer_store.h"
#include "db/migrations.h"
#include "db/sqlite.h"
#include "needs/need_store.h"
#include "support/temp_dir.h"

namespace techmarket::db {
namespace {

class ExpiryIndexes : public ::testing::Test {
 protected:
  void SetUp() override { migrate(connection_); }

  void add(const std::string& table, std::int64_t id, const std::string& status,
           const std::optional<std::string>& date) {
    std::string sql =
        table == "offers"
            ? "INSERT INTO offers (id, kind, title, summary, status, expires_on, created_at, "
              "updated_at) VALUES (?, 'technology', 't', 's', ?, ?, '2026-01-01T00:00:00Z', "
              "'2026-01-01T00:00:00Z')"
            : "INSERT INTO needs (id, title, problem, status, deadline, created_at, updated_at) "
              "VALUES (?, 't', 'p', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')";
    connection_.prepare(sql).bind(1, id).bind(2, status).bind(3, date).run();
  }

  techmarket::testing::TempDir dir_;
  Connection connection_{dir_.path() / "expiry.db"};
};

TEST_F(ExpiryIndexes, OnlyPublishedRecordsPastTheirDateAreDue) {
  for (const std::string table : {"offers", "needs"}) {
    add(table, 1, "published", "2026-01-31");
    add(table, 2, "published", "2026-12-31");
    add(table, 3, "draft", "2026-01-31");
    add(table, 4, "published", std::nullopt);
    add(table, 5, "published", "2025-06-30");
  }
  std::vector<std::int64_t> due = {1, 5};
  EXPECT_EQ(catalog::list_offer_ids_due_to_expire(connection_, "2026-02-01"), due);
  EXPECT_EQ(needs::list_need_ids_due_to_expire(connection_, "2026-02-01"), due);
  EXPECT_TRUE(catalog::list_offer_ids_due_to_expire(connection_, "2025-06-30").empty());
}

}  // namespace
}  // namespace techmarket::db
