#include "common/pagination.h"

#include <gtest/gtest.h>

#include "common/errors.h"

namespace techmarket {
namespace {

TEST(Cursor, RoundTripsPosition) {
  for (std::int64_t position : {0LL, 1LL, 20LL, 123456789LL}) {
    EXPECT_EQ(decode_cursor(encode_cursor(position)), position);
  }
}

TEST(Cursor, RejectsForgedText) {
  for (const char* forged : {"abc", "12", "' OR 1=1 --", "cDE6LTE", "%00", ""}) {
    EXPECT_THROW(decode_cursor(forged), BadRequestError) << forged;
  }
}

TEST(Cursor, RejectsTruncatedCursor) {
  for (std::int64_t position : {0LL, 20LL, 4567LL, 123456789LL}) {
    auto cursor = encode_cursor(position);
    for (std::size_t length = 0; length < cursor.size(); ++length) {
      EXPECT_THROW(decode_cursor(cursor.substr(0, length)), BadRequestError)
          << cursor << " cut to " << length;
    }
  }
}

TEST(Cursor, RejectsChangedCharacter) {
  auto cursor = encode_cursor(40);
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    auto changed = cursor;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    EXPECT_THROW(decode_cursor(changed), BadRequestError) << changed;
  }
}

TEST(PageSize, DefaultsWhenAbsent) { EXPECT_EQ(parse_page_size(std::nullopt), kDefaultPageSize); }

TEST(PageSize, RejectsHugeAndInvalidValues) {
  for (const char* bad : {"0", "101", "1000000000", "-1", "ten", "20abc"}) {
    EXPECT_THROW(parse_page_size(std::string(bad)), BadRequestError) << bad;
  }
}

}  // namespace
}  // namespace techmarket
