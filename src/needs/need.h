// A technology need: a problem that an enterprise or another organization
// wants solved, with its sector, budget range, deadline and place.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_reader.h"

namespace techmarket::needs {

// "closed" marks a need that was met; the others are the review workflow's.
inline constexpr std::array<std::string_view, 7> kNeedStatuses = {
    "draft", "submitted", "published", "rejected", "expired", "closed", "archived"};
inline constexpr std::array<std::string_view, 2> kLanguages = {"vi", "en"};
inline constexpr std::array<std::string_view, 2> kIndustryVersions = {"2025", "2018"};
inline constexpr std::int64_t kMaxBudgetVnd = 1'000'000'000'000'000;  // one quadrillion đồng

struct Need {
  std::int64_t id = 0;
  std::optional<std::string> external_id;
  std::string title;
  std::string problem;  // the problem statement, several lines allowed
  std::optional<std::string> desired_result;
  std::string language = "vi";                  // the language of title, problem and desired_result
  std::optional<std::string> st_field;          // "2" or OECD sub-field "2.5"
  std::optional<std::string> industry_section;  // VSIC section letter
  std::optional<std::string> industry_version;  // "2025" (default) or "2018"
  std::optional<std::int64_t> budget_min_vnd;   // whole đồng
  std::optional<std::int64_t> budget_max_vnd;   // whole đồng
  // YYYY-MM-DD. The need is also its expiry date: a published need expires
  // after it, and renewing sets a later one.
  std::optional<std::string> deadline;
  // Administrative units in force since 1 July 2025 (edition "2025").
  std::optional<std::string> province_code;
  std::optional<std::string> commune_code;
  std::optional<std::int64_t> owner_organization_id;
  std::vector<std::string> keywords;
  // The lowest technology readiness level (1-9) the enterprise accepts;
  // absent means no preference.
  std::optional<int> trl_min;
  std::vector<std::string> ipc_codes;  // IPC symbols such as "A23B" or "A01B 1/00"
  std::string status = "draft";
  std::optional<std::string> rejection_reason;  // set by staff with the status "rejected"
  std::string created_at;
  std::string updated_at;
};

nlohmann::json to_json(const Need& need);

// Reads a need from its API JSON, checking types, lengths, ranges and allowed
// values. Every problem is recorded in `reader`. Checks that need the
// database (owner exists, codes exist) are the service's.
Need read_need(FieldReader& reader);

}  // namespace techmarket::needs
