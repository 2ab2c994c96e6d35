#include "imports/cell_values.h"

#include <gtest/gtest.h>

#include "imports/nasa_portfolio.h"

namespace techmarket::imports {
namespace {

struct AmountCase {
  const char* cell;
  std::optional<std::int64_t> expected;
};

class ImportAmount : public ::testing::TestWithParam<AmountCase> {};

TEST_P(ImportAmount, ParsesWholeDong) {
  EXPECT_EQ(parse_amount_vnd(GetParam().cell), GetParam().expected) << GetParam().cell;
}

INSTANTIATE_TEST_SUITE_P(
    ImportTable, ImportAmount,
    ::testing::Values(AmountCase{"1234567", 1234567}, AmountCase{"1.234.567", 1234567},
                      AmountCase{"4.300 ₫", 4300}, AmountCase{"4300 VND", 4300},
                      AmountCase{"4300 vnđ", 4300}, AmountCase{"4.300đ", 4300},
                      AmountCase{"VND 4.300", 4300}, AmountCase{"200.000.000 đồng", 200000000},
                      AmountCase{"4.300 đo\xCC\x82\xCC\x80ng", 4300},
                      AmountCase{"1 234 567", 1234567},
                      AmountCase{"1\xC2\xA0"
                                 "234\xC2\xA0"
                                 "567",
                                 1234567},
                      AmountCase{"4.300\xC2\xA0₫", 4300}, AmountCase{"1.234.567,00", 1234567},
                      AmountCase{" 0 ", 0}, AmountCase{"9,5", std::nullopt},
                      AmountCase{"1,234,567", std::nullopt}, AmountCase{"1.2345", std::nullopt},
                      AmountCase{"12.34", std::nullopt}, AmountCase{"1.234 567", std::nullopt},
                      AmountCase{"-100", std::nullopt}, AmountCase{"₫", std::nullopt},
                      AmountCase{"mười nghìn", std::nullopt},
                      AmountCase{"99999999999999999999", std::nullopt},
                      AmountCase{"=1+1", std::nullopt}));

struct DateCase {
  const char* cell;
  std::optional<std::string> expected;
};

class ImportDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(ImportDate, ReadsDayFirst) {
  EXPECT_EQ(parse_date(GetParam().cell), GetParam().expected) << GetParam().cell;
}

INSTANTIATE_TEST_SUITE_P(
    ImportTable, ImportDate,
    ::testing::Values(DateCase{"2024-03-05", "2024-03-05"}, DateCase{"05/03/2024", "2024-03-05"},
                      DateCase{"02/01/2024", "2024-01-02"}, DateCase{"5/3/2024", "2024-03-05"},
                      DateCase{"05-03-2024", "2024-03-05"}, DateCase{"05.03.2024", "2024-03-05"},
                      DateCase{"29/02/2024", "2024-02-29"},
                      DateCase{"ngày 05 tháng 03 năm 2024", "2024-03-05"},
                      DateCase{"Ngày 5 tháng 3 năm 2024", "2024-03-05"},
                      DateCase{"nga\xCC\x80y 05 tha\xCC\x81ng 03 na\xCC\x86m 2024", "2024-03-05"},
                      DateCase{"31/02/2024", std::nullopt}, DateCase{"29/02/2023", std::nullopt},
                      DateCase{"13/13/2024", std::nullopt}, DateCase{"05/03-2024", std::nullopt},
                      DateCase{"05/03/24", std::nullopt}, DateCase{"45321", std::nullopt},
                      DateCase{"2024-02-30", std::nullopt}, DateCase{"", std::nullopt}));

struct BooleanCase {
  const char* cell;
  std::optional<bool> expected;
};

class ImportBoolean : public ::testing::TestWithParam<BooleanCase> {};

TEST_P(ImportBoolean, ReadsYesAndNo) {
  EXPECT_EQ(parse_boolean(GetParam().cell), GetParam().expected) << GetParam().cell;
}

INSTANTIATE_TEST_SUITE_P(ImportTable, ImportBoolean,
                         ::testing::Values(BooleanCase{"true", true}, BooleanCase{"TRUE", true},
                                           BooleanCase{"1", true}, BooleanCase{"có", true},
                                           BooleanCase{"Có", true}, BooleanCase{"co\xCC\x81", true},
                                           BooleanCase{"false", false}, BooleanCase{"0", false},
                                           BooleanCase{"không", false}, BooleanCase{"KHÔNG", false},
                                           BooleanCase{"yes", std::nullopt},
                                           BooleanCase{"2", std::nullopt},
                                           BooleanCase{"cô", std::nullopt}));

TEST(ImportList, SplitsAtSemicolons) {
  EXPECT_EQ(split_list(" sấy ;nông sản;; "), (std::vector<std::string>{"sấy", "nông sản"}));
  EXPECT_TRUE(split_list(" ; ").empty());
}

TEST(ImportWholeNumber, AcceptsDigitsOnly) {
  EXPECT_EQ(parse_whole_number(" 7 "), 7);
  EXPECT_EQ(parse_whole_number("7.0"), std::nullopt);
  EXPECT_EQ(parse_whole_number("-7"), std::nullopt);
}

TEST(ImportNasaText, CutsAtWordBoundary) {
  EXPECT_EQ(cut_at_word("short  title", 20), "short title");
  EXPECT_EQ(cut_at_word("alpha beta gamma", 12), "alpha beta…");
  EXPECT_EQ(cut_at_word("alpha beta, gamma", 13), "alpha beta…");
  EXPECT_EQ(cut_at_word("abcdefghij", 5), "abcd…");
  EXPECT_EQ(cut_at_word("đường điện ánh", 12), "đường điện…");
}

TEST(ImportNasaText, SummaryKeepsWholeSentences) {
  std::string description =
      "SpaceCube was built by Century Computing, Inc. for the U.S. Navy. It flies on the ISS. "
      "The third sentence is long enough to pass the limit of this summary by a few words.";
  EXPECT_EQ(
      first_sentences(description, 100),
      "SpaceCube was built by Century Computing, Inc. for the U.S. Navy. It flies on the ISS.");
  EXPECT_EQ(first_sentences("One sentence only.", 100), "One sentence only.");
  EXPECT_EQ(first_sentences("A first sentence that is far too long for the limit. Next.", 20),
            "A first sentence…");
}

}  // namespace
}  // namespace techmarket::imports
