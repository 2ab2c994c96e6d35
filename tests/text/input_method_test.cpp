#include "text/input_method.h"

#include <gtest/gtest.h>

namespace techmarket::text {
namespace {

struct DecodeCase {
  const char* keystrokes;
  const char* expected;  // empty when the keystrokes spell no other syllable
};

void PrintTo(const DecodeCase& decode_case, std::ostream* out) {
  *out << decode_case.keystrokes << " -> " << decode_case.expected;
}

class TelexTable : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(TelexTable, DecodesKeystrokes) {
  auto decoded = decode_telex(GetParam().keystrokes);
  if (*GetParam().expected == '\0') {
    EXPECT_FALSE(decoded.has_value()) << *decoded;
  } else {
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, GetParam().expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Keystrokes, TelexTable,
    ::testing::Values(DecodeCase{"coong", "công"}, DecodeCase{"ngheej", "nghệ"},
                      DecodeCase{"nawng", "năng"}, DecodeCase{"luwowngj", "lượng"},
                      DecodeCase{"dduwowngf", "đường"}, DecodeCase{"tieengs", "tiếng"},
                      DecodeCase{"vieetj", "việt"}, DecodeCase{"hoaf", "hoà"},
                      DecodeCase{"thuyr", "thuỷ"}, DecodeCase{"quar", "quả"},
                      DecodeCase{"tieesng", "tiếng"}, DecodeCase{"w", "ư"},
                      DecodeCase{"truwowngf", "trường"}, DecodeCase{"mawtj", "mặt"},
                      DecodeCase{"cong", ""}, DecodeCase{"gear", ""}, DecodeCase{"window", ""},
                      DecodeCase{"boss", ""}, DecodeCase{"h01m", ""}, DecodeCase{"", ""},
                      DecodeCase{"catf", ""}));

class VniTable : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(VniTable, DecodesKeystrokes) {
  auto decoded = decode_vni(GetParam().keystrokes);
  if (*GetParam().expected == '\0') {
    EXPECT_FALSE(decoded.has_value()) << *decoded;
  } else {
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, GetParam().expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Keystrokes, VniTable,
    ::testing::Values(DecodeCase{"co6ng", "công"}, DecodeCase{"nghe65", "nghệ"},
                      DecodeCase{"cong6", "công"}, DecodeCase{"na8ng", "năng"},
                      DecodeCase{"luo7ng5", "lượng"}, DecodeCase{"d9uo7ng2", "đường"},
                      DecodeCase{"tie61ng", "tiếng"}, DecodeCase{"vie65t", "việt"},
                      DecodeCase{"cong", ""}, DecodeCase{"5g", ""}, DecodeCase{"h01m", ""},
                      DecodeCase{"trl6", ""}, DecodeCase{"iso9001", ""}, DecodeCase{"ca2t", ""}));

}  // namespace
}  // namespace techmarket::text
