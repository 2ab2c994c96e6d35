#include "db/collation.h"

#include <gtest/gtest.h>

#include "db/sqlite.h"
#include "support/temp_dir.h"

namespace techmarket::db {
namespace {

std::vector<std::string> sorted_names(Connection& connection) {
  auto query = connection.prepare("SELECT name FROM names ORDER BY name COLLATE vietnamese, rowid");
  std::vector<std::string> names;
  while (query.step()) names.push_back(query.column_text(0));
  return names;
}

TEST(VietnameseCollation, OrdersLettersAsTheAlphabet) {
  testing::TempDir dir;
  Connection connection(dir.path() / "test.db");
  connection.execute("CREATE TABLE names (name TEXT)");
  // Byte order would give: Bình, Dương, Zung, Ánh, Ân, Đà, Ơn, Ông.
  for (const char* name : {"Zung", "Đà", "Ánh", "Dương", "Bình", "Ông", "Ân", "Ơn", "An"}) {
    auto insert = connection.prepare("INSERT INTO names VALUES (?)");
    insert.bind(1, std::string(name));
    insert.run();
  }
  std::vector<std::string> expected = {"An", "Ánh", "Ân", "Bình", "Dương",
                                       "Đà", "Ông", "Ơn", "Zung"};
  EXPECT_EQ(sorted_names(connection), expected);
}

TEST(VietnameseCollation, ComposedAndDecomposedSortTogether) {
  testing::TempDir dir;
  Connection connection(dir.path() / "test.db");
  connection.execute("CREATE TABLE names (name TEXT)");
  for (const char* name : {"Yên", "Việt\xCC\x81", "Ba"}) {  // the second ends in a combining acute
    auto insert = connection.prepare("INSERT INTO names VALUES (?)");
    insert.bind(1, std::string(name));
    insert.run();
  }
  auto names = sorted_names(connection);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], "Ba");
  EXPECT_EQ(names[2], "Yên");
}

}  // namespace
}  // namespace techmarket::db
