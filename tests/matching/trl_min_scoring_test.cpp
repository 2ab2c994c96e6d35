// TRL credit for a need that states trl_min: full credit at or above it,
// less per level below it, and the early-research penalty kept for a need
// that requires a ready solution.
// GCC 12 at -O2 reports maybe-uninitialized inside std::string for the
// std::optional<std::string> members these tests assign, a false positive
// of its inliner; the pragma comes first so that it covers the headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <gtest/gtest.h>

#include <algorithm>

#include "matching/scoring.h"
#include "matching/weights.h"

namespace techmarket::matching {
namespace {

constexpr std::string_view kToday = "2026-12-04";

// Similar enough (over kTextSaturation) for readiness to count in full.
TextSimilarity some_words() { return {0.8, 0.6, {"sấy", "nông sản"}}; }

const MatchReason* find_reason(const PairScore& score, const std::string& code) {
  auto found = std::find_if(score.reasons.begin(), score.reasons.end(),
                            [&](const MatchReason& reason) { return reason.code == code; });
  return found == score.reasons.end() ? nullptr : &*found;
}

// Returns the score of an offer at `trl` for a need with `trl_min`, minus
// the score of the same pair without any TRL.
double trl_gain(std::optional<int> trl_min, int trl) {
  NeedProfile need;
  need.trl_min = trl_min;
  OfferProfile offer;
  offer.trl = trl;
  auto with_trl = score_pair(need, offer, some_words(), {}, kToday);
  auto without = score_pair(need, {}, some_words(), {}, kToday);
  EXPECT_TRUE(with_trl);
  EXPECT_TRUE(without);
  if (!with_trl || !without) return -1;
  return with_trl->score - without->score;
}

TEST(MatchTrlMinimum, MetMinimumEarnsFullCredit) {
  EXPECT_NEAR(trl_gain(6, 6), kTrlWeight, 1e-3);
  EXPECT_NEAR(trl_gain(6, 9), kTrlWeight, 1e-3);
  EXPECT_NEAR(trl_gain(1, 1), kTrlWeight, 1e-3);
}

TEST(MatchTrlMinimum, MetMinimumReasonNamesBoth) {
  NeedProfile need;
  need.trl_min = 6;
  OfferProfile offer;
  offer.trl = 8;
  auto score = score_pair(need, offer, some_words(), {}, kToday);
  ASSERT_TRUE(score);
  auto* reason = find_reason(*score, "trl_meets_minimum");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text_vi, "TRL 8, đạt mức yêu cầu tối thiểu 6");
  EXPECT_EQ(reason->text_en, "TRL 8 meets the minimum of 6");
}

TEST(MatchTrlMinimum, CreditFallsWithTheGap) {
  EXPECT_NEAR(trl_gain(6, 5), kTrlWeight * (1 - kTrlCreditLostPerLevel), 1e-3);
  EXPECT_NEAR(trl_gain(6, 4), kTrlWeight * (1 - 2 * kTrlCreditLostPerLevel), 1e-3);
  EXPECT_NEAR(trl_gain(6, 3), kTrlWeight * (1 - 3 * kTrlCreditLostPerLevel), 1e-3);
  EXPECT_NEAR(trl_gain(9, 4), 0, 1e-3) << "a gap of five levels earns nothing";
  EXPECT_GT(trl_gain(6, 5), trl_gain(6, 4));
}

TEST(MatchTrlMinimum, BelowMinimumReasonNamesBoth) {
  NeedProfile need;
  need.trl_min = 6;
  OfferProfile offer;
  offer.trl = 4;
  auto score = score_pair(need, offer, some_words(), {}, kToday);
  ASSERT_TRUE(score);
  EXPECT_EQ(find_reason(*score, "trl_meets_minimum"), nullptr);
  auto* reason = find_reason(*score, "trl_below_minimum");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text_vi, "TRL 4, dưới mức yêu cầu tối thiểu 6");
  EXPECT_EQ(reason->text_en, "TRL 4 is below the minimum of 6");
}

TEST(MatchTrlMinimum, EarlyResearchKeepsPenaltyFromSeven) {
  NeedProfile need;
  need.trl_min = 7;
  OfferProfile early;
  early.trl = 2;
  auto early_score = score_pair(need, early, some_words(), {}, kToday);
  auto without = score_pair(need, {}, some_words(), {}, kToday);
  ASSERT_TRUE(early_score);
  ASSERT_TRUE(without);
  EXPECT_NEAR(early_score->score, without->score * kEarlyResearchPenalty, 1e-3);
  auto* reason = find_reason(*early_score, "trl_early");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text_vi, "Còn ở giai đoạn nghiên cứu (TRL 2), nhu cầu yêu cầu tối thiểu TRL 7");
  EXPECT_EQ(reason->text_en, "Early research (TRL 2), while the need asks for TRL 7 or higher");
}

TEST(MatchTrlMinimum, NoPenaltyBelowSeven) {
  // TRL 3 against a minimum of 6 is three levels short, but the need does
  // not ask for a ready solution, so only the credit falls.
  NeedProfile need;
  need.trl_min = 6;
  OfferProfile offer;
  offer.trl = 3;
  auto score = score_pair(need, offer, some_words(), {}, kToday);
  ASSERT_TRUE(score);
  EXPECT_EQ(find_reason(*score, "trl_early"), nullptr);
  EXPECT_NE(find_reason(*score, "trl_below_minimum"), nullptr);
  EXPECT_NEAR(trl_gain(6, 3), kTrlWeight * (1 - 3 * kTrlCreditLostPerLevel), 1e-3);
}

TEST(MatchTrlMinimum, MinimumWinsOverDeadlineGuess) {
  // A deadline within two years would ask for TRL 7; the stated minimum of
  // 4 is what counts.
  NeedProfile need;
  need.trl_min = 4;
  need.deadline = "2027-03-31";
  OfferProfile offer;
  offer.trl = 5;
  auto score = score_pair(need, offer, some_words(), {}, kToday);
  ASSERT_TRUE(score);
  EXPECT_NE(find_reason(*score, "trl_meets_minimum"), nullptr);
  EXPECT_EQ(find_reason(*score, "trl_ready"), nullptr);

  NeedProfile guessed = need;
  guessed.trl_min.reset();
  auto guessed_score = score_pair(guessed, offer, some_words(), {}, kToday);
  ASSERT_TRUE(guessed_score);
  EXPECT_GT(score->score, guessed_score->score);
}

TEST(MatchTrlMinimum, OfferWithoutTrlEarnsNothing) {
  NeedProfile need;
  need.trl_min = 5;
  auto score = score_pair(need, {}, some_words(), {}, kToday);
  ASSERT_TRUE(score);
  EXPECT_EQ(score->reasons.size(), 1u) << "only shared_words";
}

}  // namespace
}  // namespace techmarket::matching
