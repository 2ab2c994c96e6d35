// The score of a pair from its parts: shared words, fields, readiness, price,
// place and freshness, with the reasons in Vietnamese and English.
// GCC 12 at -O2 reports maybe-uninitialized inside std::string for the
// std::optional<std::string> members these tests assign, a false positive
// of its inliner; the pragma comes first so that it covers the headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "matching/scoring.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "matching/weights.h"

namespace techmarket::matching {
namespace {

constexpr std::string_view kToday = "2026-12-04";

NameTables names() {
  NameTables tables;
  tables.st_fields["2"] = {"Khoa học kỹ thuật và công nghệ", "Engineering and technology"};
  tables.st_fields["2.5"] = {"Kỹ thuật vật liệu", "Materials engineering"};
  tables.st_fields["2.7"] = {"Kỹ thuật môi trường", "Environmental engineering"};
  tables.industry_sections["2025:A"] = {"Nông nghiệp, lâm nghiệp và thủy sản",
                                        "Agriculture, forestry and fishing"};
  tables.provinces["80"] = {"Tây Ninh", "Tay Ninh"};
  return tables;
}

TextSimilarity some_words() { return {0.4, 0.2, {"sấy", "nông sản"}}; }

const MatchReason* find_reason(const PairScore& score, const std::string& code) {
  auto found = std::find_if(score.reasons.begin(), score.reasons.end(),
                            [&](const MatchReason& reason) { return reason.code == code; });
  return found == score.reasons.end() ? nullptr : &*found;
}

TEST(MatchScoring, NoSharedWordsIsNoMatch) {
  NeedProfile need;
  need.st_field = "2.5";
  need.province_code = "80";
  OfferProfile offer;
  offer.st_field = "2.5";
  offer.province_code = "80";
  EXPECT_FALSE(score_pair(need, offer, {0, 0, {}}, names(), kToday));
}

TEST(MatchScoring, EmptyProfilesEarnOnlyTheTextWeight) {
  auto score = score_pair({}, {}, some_words(), names(), kToday);
  ASSERT_TRUE(score);
  double similarity = kNeedSideShare * 0.4 + (1 - kNeedSideShare) * 0.2;
  EXPECT_NEAR(score->score, kTextWeight * similarity / kTextSaturation, 1e-4);
  ASSERT_EQ(score->reasons.size(), 1u);
  EXPECT_EQ(score->reasons[0].code, "shared_words");
}

TEST(MatchScoring, SharedWordsReasonQuotesAccentedWords) {
  auto score = score_pair({}, {}, some_words(), names(), kToday);
  ASSERT_TRUE(score);
  EXPECT_EQ(score->reasons[0].text_vi, "Từ khóa chung: \"sấy\", \"nông sản\"");
  EXPECT_EQ(score->reasons[0].text_en, "Shared words: \"sấy\", \"nông sản\"");
}

TEST(MatchScoring, SameFieldNamesItFromTheTable) {
  NeedProfile need;
  need.st_field = "2.5";
  OfferProfile offer;
  offer.st_field = "2.5";
  auto same = score_pair(need, offer, some_words(), names(), kToday);
  auto without = score_pair({}, {}, some_words(), names(), kToday);
  ASSERT_TRUE(same);
  ASSERT_TRUE(without);
  EXPECT_NEAR(same->score - without->score, kFieldWeight, 1e-3);
  auto* reason = find_reason(*same, "same_field");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text_vi, "Cùng lĩnh vực 2.5 Kỹ thuật vật liệu");
  EXPECT_EQ(reason->text_en, "Same field 2.5 Materials engineering");
}

TEST(MatchScoring, SameTopFieldEarnsHalf) {
  NeedProfile need;
  need.st_field = "2.5";
  OfferProfile offer;
  offer.st_field = "2.7";
  auto score = score_pair(need, offer, some_words(), names(), kToday);
  auto without = score_pair({}, {}, some_words(), names(), kToday);
  ASSERT_TRUE(score);
  ASSERT_TRUE(without);
  EXPECT_NEAR(score->score - without->score, kFieldWeight / 2, 1e-3);
  ASSERT_NE(find_reason(*score, "same_top_field"), nullptr);
  EXPECT_EQ(find_reason(*score, "same_field"), nullptr);
}

TEST(MatchScoring, IpcSubclassAndSectorAgree) {
  NeedProfile need;
  need.ipc_codes = {"A23B"};
  need.industry_section = "A";
  OfferProfile offer;
  offer.ipc_codes = {"A23B 7/02"};
  offer.industry_section = "A";
  auto score = score_pair(need, offer, some_words(), names(), kToday);
  ASSERT_TRUE(score);
  ASSERT_NE(find_reason(*score, "same_ipc"), nullptr);
  auto* sector = find_reason(*score, "same_sector");
  ASSERT_NE(sector, nullptr);
  EXPECT_EQ(sector->text_vi, "Cùng ngành A Nông nghiệp, lâm nghiệp và thủy sản");
  EXPECT_EQ(sector->text_en, "Same industry A Agriculture, forestry and fishing");
}

TEST(MatchScoring, EarlyResearchScoresLowForAnUrgentNeed) {
  NeedProfile need;
  need.deadline = "2027-06-30";
  OfferProfile early;
  early.trl = 2;
  OfferProfile ready;
  ready.trl = 8;
  auto early_score = score_pair(need, early, some_words(), names(), kToday);
  auto ready_score = score_pair(need, ready, some_words(), names(), kToday);
  ASSERT_TRUE(early_score);
  ASSERT_TRUE(ready_score);
  EXPECT_LT(early_score->score * 2, ready_score->score);
  EXPECT_NE(find_reason(*early_score, "trl_early"), nullptr);
  auto* ready_reason = find_reason(*ready_score, "trl_ready");
  ASSERT_NE(ready_reason, nullptr);
  EXPECT_EQ(ready_reason->text_vi, "Sẵn sàng ứng dụng (TRL 8), kịp hạn 30/06/2027");
  EXPECT_EQ(ready_reason->text_en, "Ready to use (TRL 8) by the deadline 2027-06-30");
}

TEST(MatchScoring, ReadinessIgnoredWithoutDeadline) {
  OfferProfile early;
  early.trl = 2;
  auto with_trl = score_pair({}, early, some_words(), names(), kToday);
  auto without = score_pair({}, {}, some_words(), names(), kToday);
  ASSERT_TRUE(with_trl);
  ASSERT_TRUE(without);
  EXPECT_DOUBLE_EQ(with_trl->score, without->score);
}

TEST(MatchScoring, PriceWithinBudgetBeatsPriceAbove) {
  NeedProfile need;
  need.budget_max_vnd = 1'000'000'000;
  OfferProfile cheap;
  cheap.price_vnd = 500'000'000;
  OfferProfile dear;
  dear.price_vnd = 5'000'000'000;
  auto cheap_score = score_pair(need, cheap, some_words(), names(), kToday);
  auto dear_score = score_pair(need, dear, some_words(), names(), kToday);
  ASSERT_TRUE(cheap_score);
  ASSERT_TRUE(dear_score);
  EXPECT_GT(cheap_score->score, dear_score->score);
  auto* within = find_reason(*cheap_score, "price_within_budget");
  ASSERT_NE(within, nullptr);
  EXPECT_EQ(within->text_vi, "Giá 500.000.000 ₫ trong ngân sách (tối đa 1.000.000.000 ₫)");
  EXPECT_EQ(within->text_en,
            "Price 500,000,000 VND within the budget (at most 1,000,000,000 VND)");
  EXPECT_NE(find_reason(*dear_score, "price_above_budget"), nullptr);
}

TEST(MatchScoring, SameProvinceRanksAboveForeignAboveOther) {
  NeedProfile need;
  need.province_code = "80";
  OfferProfile same;
  same.province_code = "80";
  OfferProfile foreign;
  foreign.foreign = true;
  OfferProfile other;
  other.province_code = "79";
  auto same_score = score_pair(need, same, some_words(), names(), kToday);
  auto foreign_score = score_pair(need, foreign, some_words(), names(), kToday);
  auto other_score = score_pair(need, other, some_words(), names(), kToday);
  ASSERT_TRUE(same_score);
  ASSERT_TRUE(foreign_score);
  ASSERT_TRUE(other_score);
  EXPECT_GT(same_score->score, foreign_score->score);
  EXPECT_GT(foreign_score->score, other_score->score);
  auto* reason = find_reason(*same_score, "same_province");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text_vi, "Cùng tỉnh Tây Ninh");
  EXPECT_NE(find_reason(*foreign_score, "foreign_technology"), nullptr);
}

TEST(MatchScoring, FresherOfferScoresHigher) {
  OfferProfile fresh;
  fresh.date = "2026-11-20";
  OfferProfile old;
  old.date = "2019-01-01";
  auto fresh_score = score_pair({}, fresh, some_words(), names(), kToday);
  auto old_score = score_pair({}, old, some_words(), names(), kToday);
  ASSERT_TRUE(fresh_score);
  ASSERT_TRUE(old_score);
  EXPECT_GT(fresh_score->score, old_score->score);
  EXPECT_NE(find_reason(*fresh_score, "recent"), nullptr);
  EXPECT_EQ(find_reason(*old_score, "recent"), nullptr);
}

TEST(MatchScoring, PracticalFitCannotReplaceSharedWords) {
  NeedProfile need;
  need.deadline = "2027-06-30";
  need.budget_max_vnd = 1'000'000'000;
  need.province_code = "80";
  // Ready, within budget, in the province and new, with one minor word shared.
  OfferProfile practical;
  practical.trl = 8;
  practical.price_vnd = 500'000'000;
  practical.province_code = "80";
  practical.date = "2026-11-20";
  TextSimilarity one_minor_word{0.07, 0.04, {"máy"}};
  // Nothing practical in its favour, but a third of the need's words.
  OfferProfile topical;
  topical.trl = 5;
  topical.price_vnd = 5'000'000'000;
  topical.province_code = "79";
  topical.date = "2019-01-01";
  TextSimilarity a_third{0.3, 0.2, {"sấy", "nông sản", "máy"}};

  auto practical_score = score_pair(need, practical, one_minor_word, names(), kToday);
  auto topical_score = score_pair(need, topical, a_third, names(), kToday);
  ASSERT_TRUE(practical_score);
  ASSERT_TRUE(topical_score);
  EXPECT_LT(practical_score->score, topical_score->score);
}

TEST(MatchScoring, ScoreStaysWithinZeroAndOne) {
  NeedProfile need;
  need.st_field = "2.5";
  need.industry_section = "A";
  need.ipc_codes = {"A23B"};
  need.deadline = "2027-01-01";
  need.budget_max_vnd = 2'000'000'000;
  need.province_code = "80";
  OfferProfile offer;
  offer.st_field = "2.5";
  offer.industry_section = "A";
  offer.ipc_codes = {"A23B"};
  offer.trl = 9;
  offer.price_vnd = 1'000'000'000;
  offer.province_code = "80";
  offer.date = "2026-12-01";
  auto score = score_pair(need, offer, {1, 1, {"sấy"}}, names(), kToday);
  ASSERT_TRUE(score);
  EXPECT_NEAR(score->score, 1.0, 1e-9);
}

TEST(MatchScoring, DaysBetweenRejectsInvalidDates) {
  EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);
  EXPECT_FALSE(days_between("2026-02-30", "2026-03-01"));
  EXPECT_FALSE(days_between("", "2026-03-01"));
}

}  // namespace
}  // namespace techmarket::matching
