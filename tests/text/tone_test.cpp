#include "text/tone.h"

#include <gtest/gtest.h>

#include "text/fold.h"

namespace techmarket::text {
namespace {

struct ToneCase {
  const char* older;  // tone placement of the older convention, or any input
  const char* canonical;
};

void PrintTo(const ToneCase& tone_case, std::ostream* out) {
  *out << tone_case.older << " -> " << tone_case.canonical;
}

class TonePlacement : public ::testing::TestWithParam<ToneCase> {};

TEST_P(TonePlacement, MovesToneToCanonicalVowel) {
  EXPECT_EQ(canonical_tone_placement(GetParam().older), GetParam().canonical)
      << "input: " << GetParam().older;
}

TEST_P(TonePlacement, KeepsCanonicalFormUnchanged) {
  EXPECT_EQ(canonical_tone_placement(GetParam().canonical), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, TonePlacement,
    ::testing::Values(ToneCase{"hòa", "hoà"}, ToneCase{"thúy", "thuý"}, ToneCase{"khỏe", "khoẻ"},
                      ToneCase{"thủy", "thuỷ"}, ToneCase{"qủa", "quả"}, ToneCase{"quả", "quả"},
                      ToneCase{"gìa", "già"}, ToneCase{"gìn", "gìn"}, ToneCase{"hoàng", "hoàng"},
                      ToneCase{"hòang", "hoàng"}, ToneCase{"toán", "toán"}, ToneCase{"múa", "múa"},
                      ToneCase{"mía", "mía"}, ToneCase{"cái", "cái"}, ToneCase{"người", "người"},
                      ToneCase{"ngừơi", "người"}, ToneCase{"nghệ", "nghệ"},
                      ToneCase{"thuyền", "thuyền"}, ToneCase{"khoái", "khoái"},
                      ToneCase{"khuỷu", "khuỷu"}, ToneCase{"cứu", "cứu"},
                      ToneCase{"quyết", "quyết"}, ToneCase{"sấy", "sấy"}, ToneCase{"điện", "điện"},
                      ToneCase{"a", "a"}, ToneCase{"xyz", "xyz"}));

TEST(TonePlacement, ComposesDecomposedInput) {
  EXPECT_EQ(canonical_tone_placement("ho\xCC\x80"
                                     "a"),
            "hoà");  // o + combining grave, then a
}

TEST(ToneCanonicalization, RewritesEveryWordOfText) {
  EXPECT_EQ(canonicalize_tones("hòa bình, thủy lợi và sức khỏe"), "hoà bình, thuỷ lợi và sức khoẻ");
}

TEST(ToneCanonicalization, KeepsFoldedFormUnchanged) {
  EXPECT_EQ(fold(canonicalize_tones("Thủy lợi hòa bình")), fold("Thủy lợi hòa bình"));
}

}  // namespace
}  // namespace techmarket::text
