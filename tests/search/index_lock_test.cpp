// A second writer of the same index (a command run while the server runs)
// gets a std::runtime_error naming the fix, not a Xapian exception that ends
// the program.
#include <gtest/gtest.h>

#include "search/index.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

TEST(IndexLock, SecondWriterGetsAPlainError) {
  testing::TempDir dir;
  SearchIndex first(dir.path() / "index");
  try {
    SearchIndex second(dir.path() / "index");
    FAIL() << "a second writer opened the index";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("stop it first"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace techmarket::search
