// Every weight and threshold of matching, in one place. docs/MATCHING.md
// explains them; a change here needs the judged-set test run again
// (MatchingJudgedSet), because its floors were measured with these values.
#pragma once

#include <cstddef>

namespace techmarket::matching {

// The score of a pair is the weighted sum of its components, each 0 to 1,
// times the penalties below. The component weights add up to 1. Readiness,
// price, place and freshness count in proportion to the text similarity
// (up to kTextSaturation), so they cannot make a match without shared words.

// Words shared by the need and the offer, the rarer the better.
inline constexpr double kTextWeight = 0.55;
// Same S&T field: full credit for the same sub-field ("2.5"), half for the
// same top field ("2").
inline constexpr double kFieldWeight = 0.10;
// Same IPC subclass ("A23B"): full credit; same IPC class ("A23"): half.
inline constexpr double kIpcWeight = 0.05;
// Same VSIC industry section letter.
inline constexpr double kSectorWeight = 0.05;
// Technology readiness that fits the readiness the need requires.
inline constexpr double kTrlWeight = 0.10;
// Asking price within the need's budget.
inline constexpr double kPriceWeight = 0.05;
// Same province as the need, or a foreign technology.
inline constexpr double kPlaceWeight = 0.05;
// Recency of the offer's publication or last update.
inline constexpr double kFreshnessWeight = 0.05;

// Text: the share of the need's word weight found in the offer counts this
// much, and the share of the offer's word weight found in the need the rest.
// Offers are longer than needs, so the need's side is the better evidence.
inline constexpr double kNeedSideShare = 0.7;
// A text similarity of this much or more earns the whole text weight.
inline constexpr double kTextSaturation = 0.6;
// Below this text similarity there is no match, whatever the other fields
// contain, because agreement of fields alone is no evidence of a fit.
inline constexpr double kMinTextSimilarity = 0.05;

// TRL fit when the need states trl_min: an offer at or above it gets full
// credit, and one below loses this much credit per level of the gap, so a
// gap of four levels or more earns nothing.
inline constexpr double kTrlCreditLostPerLevel = 0.25;

// A need without trl_min whose deadline is this many days away or fewer
// wants a solution that is ready now (TRL at least kReadyTrl). A need with
// trl_min of kReadyTrl or more wants one too.
inline constexpr int kReadyNeededWithinDays = 730;
inline constexpr int kReadyTrl = 7;
// An offer at this TRL or lower is early research.
inline constexpr int kEarlyResearchTrl = 3;
// The score of early research for a need that wants a ready solution is
// multiplied by this, whether the need states it with trl_min or through its deadline.
inline constexpr double kEarlyResearchPenalty = 0.5;

// Place credit: same province 1, foreign technology kForeignPlaceCredit,
// another Vietnamese province kOtherProvinceCredit.
inline constexpr double kForeignPlaceCredit = 0.5;
inline constexpr double kOtherProvinceCredit = 0.2;

// Price credit: within the budget 1, negotiable kNegotiableCredit, over the
// budget by at most kPriceTolerance (a share) kNearBudgetCredit, else 0.
inline constexpr double kNegotiableCredit = 0.5;
inline constexpr double kNearBudgetCredit = 0.3;
inline constexpr double kPriceTolerance = 0.2;
// An offer priced at more than kOverBudgetFactor times the budget is
// multiplied by kOverBudgetPenalty.
inline constexpr double kOverBudgetFactor = 3.0;
inline constexpr double kOverBudgetPenalty = 0.7;

// Freshness: full credit up to kFreshDays old, then linear down to 0 at kStaleDays.
inline constexpr int kFreshDays = 365;
inline constexpr int kStaleDays = 5 * 365;
// An offer updated within this many days gets the reason "recent".
inline constexpr int kRecentDays = 90;

// Candidates read from the index for each record, and matches kept.
inline constexpr std::size_t kCandidates = 40;
inline constexpr std::size_t kKeptMatches = 20;
// Pairs scoring below this are not stored. Some relevant offers of the
// judged set score 0.058 to 0.10, and at 0.10 its recall@20 fell from 0.992
// to 0.898.
inline constexpr double kMinScore = 0.05;

}  // namespace techmarket::matching
