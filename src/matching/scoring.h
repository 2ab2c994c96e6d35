// The score of one offer for one need, with the reasons shown to users, from
// what the two records say and from the words they share. Pure functions:
// the text similarity comes from the search index (see MatchService), the
// names from the reference tables, and every weight from weights.h.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace techmarket::matching {

// One reason for a match, in Vietnamese and English.
struct MatchReason {
  std::string code;  // "same_field", "shared_words", "price_within_budget", ...
  std::string text_vi;
  std::string text_en;
};

nlohmann::json to_json(const MatchReason& reason);
MatchReason reason_from_json(const nlohmann::json& json);

// What matching reads of a need.
struct NeedProfile {
  std::int64_t id = 0;
  std::string title;
  std::string status;
  std::optional<std::int64_t> owner_organization_id;
  std::optional<std::string> st_field;
  std::optional<std::string> industry_section;
  std::string industry_version = "2025";
  // The need's ipc_codes or, when it has none, its keywords that are IPC
  // symbols ("A23B").
  std::vector<std::string> ipc_codes;
  // The lowest TRL the need accepts. When absent, a deadline within
  // kReadyNeededWithinDays counts as a request for TRL kReadyTrl or more.
  std::optional<int> trl_min;
  std::optional<std::int64_t> budget_min_vnd;
  std::optional<std::int64_t> budget_max_vnd;
  std::optional<std::string> deadline;  // YYYY-MM-DD
  std::optional<std::string> province_code;
};

// What matching reads of an offer.
struct OfferProfile {
  std::int64_t id = 0;
  std::string title;
  std::string status;
  std::optional<std::int64_t> owner_organization_id;
  std::optional<std::string> st_field;
  std::optional<std::string> industry_section;
  std::string industry_version = "2025";
  std::vector<std::string> ipc_codes;
  std::optional<int> trl;
  std::optional<std::int64_t> price_vnd;
  bool price_negotiable = false;
  std::optional<std::string> province_code;
  // True when the owner organization is registered outside Vietnam.
  bool foreign = false;
  std::string date;  // YYYY-MM-DD of publication, or of the last update
};

// Words shared by the two records' texts, from search::SearchIndex::similar.
struct TextSimilarity {
  double need_in_offer = 0;  // share of the need's word weight found in the offer
  double offer_in_need = 0;  // share of the offer's word weight found in the need
  std::vector<std::string> shared_words;  // as written in the records, heaviest first
};

// Vietnamese and English names of codes, for reasons.
struct NameTables {
  using Names = std::map<std::string, std::pair<std::string, std::string>>;
  Names st_fields;         // code -> (name_vi, name_en)
  Names industry_sections; // "2025:C" -> names
  Names ipc;               // code -> (title, title), English only in the IPC table
  Names provinces;         // code -> names, edition 2025
};

struct PairScore {
  double score = 0;  // 0 to 1
  std::vector<MatchReason> reasons;
};

// Scores `offer` for `need` on `today` (YYYY-MM-DD). Returns std::nullopt when
// the texts share too little (kMinTextSimilarity) or the score is below
// kMinScore. Missing data on either side earns nothing: it is not agreement.
std::optional<PairScore> score_pair(const NeedProfile& need, const OfferProfile& offer,
                                    const TextSimilarity& text, const NameTables& names,
                                    std::string_view today);

// Returns "1.234.567 ₫" and "1,234,567 VND" for 1234567 đồng.
std::string format_vnd_vi(std::int64_t amount);
std::string format_vnd_en(std::int64_t amount);

// Returns the days from `from` to `to` (both YYYY-MM-DD), or std::nullopt
// when either is not a valid date.
std::optional<int> days_between(std::string_view from, std::string_view to);

}  // namespace techmarket::matching
