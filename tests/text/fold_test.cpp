#include "text/fold.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace techmarket::text {
namespace {

std::string to_nfd(const std::string& input) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(input), status).toUTF8String(out);
  return out;
}

struct FoldCase {
  const char* input;
  const char* expected;
};

void PrintTo(const FoldCase& fold_case, std::ostream* out) {
  *out << fold_case.input << " -> " << fold_case.expected;
}

class FoldTable : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTable, FoldsComposedInput) {
  EXPECT_EQ(fold(GetParam().input), GetParam().expected) << "input: " << GetParam().input;
}

TEST_P(FoldTable, FoldsDecomposedInputAlike) {
  std::string decomposed = to_nfd(GetParam().input);
  EXPECT_EQ(fold(decomposed), GetParam().expected) << "input: " << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, FoldTable,
    ::testing::Values(
        FoldCase{"công nghệ sấy", "cong nghe say"}, FoldCase{"Điện", "dien"},
        FoldCase{"ĐẠI HỌC", "dai hoc"}, FoldCase{"tôi được đi học", "toi duoc di hoc"},
        FoldCase{"Năng lượng mặt trời", "nang luong mat troi"}, FoldCase{"hoà", "hoa"},
        FoldCase{"hòa", "hoa"}, FoldCase{"thuỷ", "thuy"}, FoldCase{"thủy", "thuy"},
        FoldCase{"khoẻ", "khoe"}, FoldCase{"ặ ệ ổ ữ", "a e o u"}, FoldCase{"Tây Ninh", "tay ninh"},
        FoldCase{"Gear Bearings", "gear bearings"}, FoldCase{"nông\u00A0sản", "nong san"},
        FoldCase{"sấy\u200Bkhô", "saykho"}, FoldCase{"công\u00ADnghệ", "congnghe"},
        FoldCase{"ＩＳＯ　９００１", "iso 9001"}, FoldCase{"CO₂", "co2"}, FoldCase{"", ""}));

TEST(Utf8Validation, AcceptsVietnameseText) { EXPECT_TRUE(is_valid_utf8("công nghệ")); }

TEST(Utf8Validation, RejectsTruncatedSequence) { EXPECT_FALSE(is_valid_utf8("c\xC3")); }

TEST(Utf8Validation, RejectsOverlongEncoding) { EXPECT_FALSE(is_valid_utf8("\xC0\xAF")); }

TEST(Utf8Validation, RejectsEncodedSurrogate) { EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80")); }

TEST(Nfc, ComposesDecomposedLetters) { EXPECT_EQ(to_nfc(to_nfd("Việt Nam")), "Việt Nam"); }

TEST(UpperCase, KeepsVietnameseMarks) {
  EXPECT_EQ(to_upper_vi("tổng hợp đề xuất"), "TỔNG HỢP ĐỀ XUẤT");
}

}  // namespace
}  // namespace techmarket::text
