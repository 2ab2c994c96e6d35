// Computes the plan indicators per calendar year from the ledger's yearly
// aggregates (never from the ledger rows), the organizations table and the
// offers table, and checks each plan target against the matching figure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "indicators/definitions.h"
#include "indicators/plans.h"
#include "ledger/transaction_store.h"

namespace techmarket::indicators {

// One indicator in one year. `status` is "ok" (value set), "missing" (no
// verified contract recorded for a year the figure needs) or "undefined"
// (the figure divides by a zero value).
struct YearFigure {
  int year = 0;
  std::optional<double> value;
  std::optional<std::int64_t> exact;  // the value of "vnd" and "count" indicators, exactly
  std::string status = "ok";
  std::optional<std::string> note_vi;
  std::optional<std::string> note_en;
  std::int64_t transaction_count = 0;  // transactions behind the figure (see drilldown)
  std::optional<std::string> drilldown;
};

struct TargetCheck {
  Target target;
  std::optional<double> figure;  // the figure the target is compared with
  std::optional<bool> met;       // null until the year has ended or when the figure is unknown
};

struct IndicatorSeries {
  const IndicatorDefinition* definition = nullptr;
  std::vector<YearFigure> by_year;
  std::vector<TargetCheck> targets;
};

// Average growth of the total value over from..to, in percent.
struct PeriodGrowth {
  int from = 0;
  int to = 0;
  std::optional<double> compound_growth;     // (V_to / V_from)^(1 / (to − from)) − 1
  std::optional<double> mean_yearly_growth;  // mean of the defined yearly rates
  std::string note_vi;
  std::string note_en;
};

struct IndicatorReport {
  Plan plan;
  int current_year = 0;
  int from = 0;
  int to = 0;
  std::vector<IndicatorSeries> indicators;
  PeriodGrowth period;
};

// Computes every indicator for the years from..to (inclusive) and checks
// `targets`. `current_year` is the calendar year in Vietnam: targets of that
// year or later are not judged yet. Callers that need one consistent
// snapshot open a read transaction around the call.
IndicatorReport compute_indicators(db::Connection& connection, const Plan& plan,
                                   const std::vector<Target>& targets, int from, int to,
                                   int current_year);

nlohmann::json to_json(const IndicatorReport& report);

// Returns the ledger filter that lists exactly the transactions behind the
// figure of `indicator` in `year`: verified contracts of that year (of the
// years year−1 and year for growth, of the IP or technology group for the
// shares). Throws BadRequestError for indicators that do not come from the
// ledger.
ledger::TransactionFilter drilldown_filter(const std::string& indicator, int year);

}  // namespace techmarket::indicators
