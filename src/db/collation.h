// A SQLite collation that orders text as Vietnamese readers expect, by ICU's
// "vi" collator: "Ánh" sorts before "Bình" and "Đà" after "Dương".
#pragma once

#include <sqlite3.h>

namespace techmarket::db {

inline constexpr const char* kVietnameseCollation = "vietnamese";

// Registers kVietnameseCollation on `handle`, with a collator owned by the
// connection. Throws db::Error when ICU has no Vietnamese collator.
void register_vietnamese_collation(sqlite3* handle);

}  // namespace techmarket::db
