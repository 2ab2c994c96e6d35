// Plans of the S&T market (a province's plan, the national programme) and
// their targets: an indicator, a milestone year and a comparison.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "db/sqlite.h"

namespace techmarket::indicators {

inline constexpr std::array<std::string_view, 3> kComparisons = {"at_least", "above", "within"};
inline constexpr const char* kDefaultPlan = "tay-ninh-5008";

struct Plan {
  std::string code;
  std::string name_vi;
  std::string name_en;
  std::string issued_on;
  std::string scope;  // "province" or "national"
  int base_year = 0;  // growth targets compare with this year's value
};

struct Target {
  std::int64_t id = 0;
  std::string indicator;
  int year = 0;
  std::string comparison;  // at_least: figure >= value; above: figure > value;
                           // within: low <= figure <= high
  std::optional<double> value;
  std::optional<double> low;
  std::optional<double> high;

  // Returns whether `figure` meets the target.
  bool met_by(double figure) const;
};

nlohmann::json to_json(const Plan& plan);
nlohmann::json to_json(const Target& target);

std::vector<Plan> list_plans(db::Connection& connection);
std::optional<Plan> find_plan(db::Connection& connection, const std::string& code);
std::vector<Target> list_targets(db::Connection& connection, const std::string& plan_code);

// Reads a target list {"targets": [...]} (or a bare array), checking each
// target; throws ValidationError naming "targets[i].field" for each problem.
std::vector<Target> read_targets(const nlohmann::json& body);

class PlanService {
 public:
  explicit PlanService(db::Pool& pool) : pool_(pool) {}

  std::vector<Plan> list();
  // Returns the plan and its targets; throws NotFoundError for an unknown code.
  std::pair<Plan, std::vector<Target>> get(const std::string& code);
  // Replaces every target of the plan in one transaction with an audit entry
  // holding the old and new lists.
  std::vector<Target> replace_targets(const auth::Principal& actor, const std::string& code,
                                      const nlohmann::json& body);

 private:
  db::Pool& pool_;
};

}  // namespace techmarket::indicators
