#include "db/collation.h"

#include <fmt/format.h>
#include <unicode/ucol.h>

#include "db/sqlite.h"

namespace techmarket::db {
namespace {

int compare_vietnamese(void* collator, int left_size, const void* left, int right_size,
                       const void* right) {
  UErrorCode status = U_ZERO_ERROR;
  auto result = ucol_strcollUTF8(static_cast<UCollator*>(collator), static_cast<const char*>(left),
                                 left_size, static_cast<const char*>(right), right_size, &status);
  if (U_FAILURE(status)) return 0;
  return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

void close_collator(void* collator) { ucol_close(static_cast<UCollator*>(collator)); }

}  // namespace

void register_vietnamese_collation(sqlite3* handle) {
  UErrorCode status = U_ZERO_ERROR;
  UCollator* collator = ucol_open("vi", &status);
  if (U_FAILURE(status)) {
    throw Error(fmt::format("ICU has no Vietnamese collator: {}", u_errorName(status)));
  }
  // The connection owns the collator from here and closes it with close_collator.
  int result = sqlite3_create_collation_v2(handle, kVietnameseCollation, SQLITE_UTF8, collator,
                                           compare_vietnamese, close_collator);
  if (result != SQLITE_OK) {
    throw Error(fmt::format("cannot register the {} collation: {}", kVietnameseCollation,
                            sqlite3_errstr(result)));
  }
}

}  // namespace techmarket::db
