#include "text/tokens.h"

#include <gtest/gtest.h>

namespace techmarket::text {
namespace {

struct TokenCase {
  const char* text;
  std::vector<std::string> folded;
};

void PrintTo(const TokenCase& token_case, std::ostream* out) { *out << token_case.text; }

class TokenTable : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenTable, SplitsIntoFoldedWords) {
  std::vector<std::string> folded;
  for (const auto& token : tokenize(GetParam().text)) folded.push_back(token.folded);
  EXPECT_EQ(folded, GetParam().folded) << GetParam().text;
}

TEST_P(TokenTable, OffsetsPointAtOriginalText) {
  std::string_view text = GetParam().text;
  for (const auto& token : tokenize(text)) {
    ASSERT_LE(token.end, text.size());
    ASSERT_LT(token.begin, token.end);
    EXPECT_EQ(token.folded.empty(), false);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Texts, TokenTable,
    ::testing::Values(
        TokenCase{"Công nghệ sấy", {"cong", "nghe", "say"}},
        TokenCase{"Đường\u00A0Điện", {"duong", "dien"}}, TokenCase{"công\u00ADnghệ", {"congnghe"}},
        TokenCase{"sấy\u200Bkhô", {"saykho"}}, TokenCase{"ISO\u3000９００１", {"iso", "9001"}},
        TokenCase{"5G, CO2 và CO₂", {"5g", "co2", "va", "co2"}},
        TokenCase{"phiên bản 2.5 và v1.2.3.", {"phien", "ban", "2.5", "va", "v1.2.3"}},
        TokenCase{"A01B 1/00; H01M", {"a01b", "1/00", "h01m"}},
        TokenCase{"TRL6, TRL 6", {"trl6", "trl", "6"}}, TokenCase{"9,5 tấn", {"9,5", "tan"}},
        TokenCase{"end. Next", {"end", "next"}}, TokenCase{"", {}}));

struct CodeCase {
  const char* text;
  std::vector<std::string> codes;
};

void PrintTo(const CodeCase& code_case, std::ostream* out) { *out << code_case.text; }

class CodeTable : public ::testing::TestWithParam<CodeCase> {};

TEST_P(CodeTable, KeepsCodesWhole) {
  auto tokens = tokenize(GetParam().text);
  std::vector<std::string> terms;
  for (const auto& code : find_codes(GetParam().text, tokens)) terms.push_back(code.term);
  EXPECT_EQ(terms, GetParam().codes) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Texts, CodeTable,
                         ::testing::Values(CodeCase{"A01B 1/00", {"a01b1/00"}},
                                           CodeCase{"IPC G06F 16/3334 và H01M", {"g06f16/3334"}},
                                           CodeCase{"đạt ISO 9001:2015", {"iso9001"}},
                                           CodeCase{"TCVN\u00A05699", {"tcvn5699"}},
                                           CodeCase{"TRL 6", {"trl6"}}, CodeCase{"TRL-7", {"trl7"}},
                                           CodeCase{"ISO, 9001", {}}, CodeCase{"Z01B 1/00", {}},
                                           CodeCase{"TRL 12", {}}));

TEST(Token, ExactFormKeepsMarksInNewerPlacement) {
  auto tokens = tokenize("HÒA Thủy");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].exact, "hoà");
  EXPECT_EQ(tokens[1].exact, "thuỷ");
}

}  // namespace
}  // namespace techmarket::text
