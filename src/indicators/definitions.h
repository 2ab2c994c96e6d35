// The indicators of the S&T market plans: their codes, units, names and
// definitions in Vietnamese and English, as the API and the export show them.
#pragma once

#include <array>
#include <string_view>

namespace techmarket::indicators {

struct IndicatorDefinition {
  std::string_view code;
  std::string_view unit;  // "vnd", "percent" or "count"
  std::string_view name_vi;
  std::string_view name_en;
  std::string_view definition_vi;
  std::string_view definition_en;
};

inline constexpr std::array<std::string_view, 8> kIndicatorCodes = {
    "transaction_value",      "transaction_value_growth", "ip_share_value",
    "ip_share_count",         "technology_share_value",   "technology_share_count",
    "intermediaries_connected", "digitized_research_results"};

// Returns the definitions in the order of kIndicatorCodes.
const std::array<IndicatorDefinition, 8>& indicator_definitions();

// Returns the definition of `code`, or nullptr for an unknown code.
const IndicatorDefinition* find_indicator(std::string_view code);

}  // namespace techmarket::indicators
