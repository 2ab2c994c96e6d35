#include "text/syllable.h"

#include <gtest/gtest.h>

#include <fstream>

#include "text/fold.h"

namespace techmarket::text {
namespace {

struct SyllableCase {
  const char* word;
  bool valid;
};

void PrintTo(const SyllableCase& syllable_case, std::ostream* out) {
  *out << syllable_case.word << (syllable_case.valid ? " is valid" : " is invalid");
}

class SyllableTable : public ::testing::TestWithParam<SyllableCase> {};

TEST_P(SyllableTable, RecognisesSpelling) {
  EXPECT_EQ(is_vietnamese_syllable(GetParam().word), GetParam().valid) << GetParam().word;
}

INSTANTIATE_TEST_SUITE_P(Words, SyllableTable,
                         ::testing::Values(SyllableCase{"công", true}, SyllableCase{"nghệ", true},
                                           SyllableCase{"đường", true}, SyllableCase{"Khuỷu", true},
                                           SyllableCase{"quốc", true}, SyllableCase{"gì", true},
                                           SyllableCase{"giếng", true}, SyllableCase{"xoong", true},
                                           SyllableCase{"thuở", true}, SyllableCase{"hoà", true},
                                           SyllableCase{"hòa", true}, SyllableCase{"tiếng", true},
                                           SyllableCase{"việt", true}, SyllableCase{"a", true},
                                           SyllableCase{"ngheej", false},
                                           SyllableCase{"tieengs", false},
                                           SyllableCase{"gear", false},
                                           SyllableCase{"bearings", false},
                                           SyllableCase{"việc̀", false}, SyllableCase{"càt", false},
                                           SyllableCase{"h01m", false}, SyllableCase{"", false}));

TEST(FoldedSyllable, AcceptsFoldedForms) {
  EXPECT_TRUE(is_folded_syllable("cong"));
  EXPECT_TRUE(is_folded_syllable("nghe"));
  EXPECT_TRUE(is_folded_syllable("duong"));
  EXPECT_TRUE(is_folded_syllable("coong"));
}

TEST(FoldedSyllable, RejectsKeystrokes) {
  EXPECT_FALSE(is_folded_syllable("ngheej"));
  EXPECT_FALSE(is_folded_syllable("nawng"));
  EXPECT_FALSE(is_folded_syllable("co6ng"));
  EXPECT_FALSE(is_folded_syllable("bearing"));
}

// Every lower-case syllable of the Vietnamese hunspell dictionary is accepted.
TEST(SyllableDictionary, AcceptsHunspellSyllables) {
  std::ifstream file(std::string(TECHMARKET_SHARED_DATA) + "/vi_text/hunspell_vi_syllables.dic");
  ASSERT_TRUE(file) << "the shared data folder is missing";
  std::string line;
  std::getline(file, line);  // the count
  std::size_t checked = 0;
  std::vector<std::string> rejected;
  while (std::getline(file, line)) {
    auto slash = line.find('/');
    std::string word = line.substr(0, slash);
    if (word.empty() || to_lower_vi(word) != word) continue;
    ++checked;
    if (!is_vietnamese_syllable(word)) rejected.push_back(word);
  }
  EXPECT_GT(checked, 6000u);
  std::string sample;
  for (std::size_t i = 0; i < rejected.size() && i < 40; ++i) sample += rejected[i] + " ";
  EXPECT_LE(rejected.size(), checked / 100) << "rejected: " << sample;
}

}  // namespace
}  // namespace techmarket::text
