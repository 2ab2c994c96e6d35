#include "indicators/indicators.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "common/errors.h"

namespace techmarket::indicators {
namespace {

// Verified contracts of one signing year, in total and for the two groups
// that the shares count.
struct YearTotals {
  std::int64_t count = 0;
  std::int64_t value = 0;
  std::int64_t ip_count = 0;
  std::int64_t ip_value = 0;
  std::int64_t technology_count = 0;
  std::int64_t technology_value = 0;
};

// Everything the figures are computed from, read once per report.
struct Inputs {
  std::map<int, YearTotals> years;
  std::vector<std::string> connection_dates;  // sorted YYYY-MM-DD
  std::map<int, std::int64_t> research_results_created;  // per year, Vietnam time
  int current_year = 0;
  int base_year = 0;
};

YearTotals totals_of(const Inputs& inputs, int year) {
  auto found = inputs.years.find(year);
  return found == inputs.years.end() ? YearTotals{} : found->second;
}

std::string drilldown_link(std::string_view code, int year) {
  return fmt::format("/api/v1/transactions?indicator={}&year={}", code, year);
}

YearFigure missing(int year, int missing_year) {
  YearFigure figure;
  figure.year = year;
  figure.status = "missing";
  figure.note_vi = fmt::format("Chưa có hợp đồng đã xác minh nào được ghi nhận trong năm {}.",
                               missing_year);
  figure.note_en = fmt::format("No verified contract has been recorded for {}.", missing_year);
  return figure;
}

YearFigure undefined(int year, std::string note_vi, std::string note_en) {
  YearFigure figure;
  figure.year = year;
  figure.status = "undefined";
  figure.note_vi = std::move(note_vi);
  figure.note_en = std::move(note_en);
  return figure;
}

YearFigure value_figure(const Inputs& inputs, int year) {
  auto totals = totals_of(inputs, year);
  if (totals.count == 0) return missing(year, year);
  YearFigure figure;
  figure.year = year;
  figure.exact = totals.value;
  figure.value = static_cast<double>(totals.value);
  figure.transaction_count = totals.count;
  return figure;
}

std::optional<double> growth_rate(std::int64_t before, std::int64_t after) {
  if (before == 0) return std::nullopt;
  return (static_cast<double>(after) - static_cast<double>(before)) /
         static_cast<double>(before) * 100.0;
}

YearFigure growth_figure(const Inputs& inputs, int year) {
  auto current = totals_of(inputs, year);
  auto previous = totals_of(inputs, year - 1);
  if (current.count == 0) return missing(year, year);
  if (previous.count == 0) return missing(year, year - 1);
  auto rate = growth_rate(previous.value, current.value);
  if (!rate) {
    return undefined(year,
                     fmt::format("Giá trị giao dịch năm {} bằng 0 nên không tính được tốc độ tăng.",
                                 year - 1),
                     fmt::format("The transaction value of {} is zero, so growth is undefined.",
                                 year - 1));
  }
  YearFigure figure;
  figure.year = year;
  figure.value = rate;
  figure.transaction_count = current.count + previous.count;
  return figure;
}

// The share of a group in the year, by value or by count.
YearFigure share_figure(const Inputs& inputs, int year, bool ip, bool by_value) {
  auto totals = totals_of(inputs, year);
  if (totals.count == 0) return missing(year, year);
  std::int64_t part_count = ip ? totals.ip_count : totals.technology_count;
  std::int64_t part_value = ip ? totals.ip_value : totals.technology_value;
  std::int64_t part = by_value ? part_value : part_count;
  std::int64_t whole = by_value ? totals.value : totals.count;
  if (whole == 0) {
    auto result =
        undefined(year,
                  fmt::format("Tổng giá trị giao dịch năm {} bằng 0 nên không tính được tỷ trọng.",
                              year),
                  fmt::format("The total transaction value of {} is zero, so the share is "
                              "undefined.",
                              year));
    result.transaction_count = part_count;
    return result;
  }
  YearFigure figure;
  figure.year = year;
  figure.value = static_cast<double>(part) / static_cast<double>(whole) * 100.0;
  figure.transaction_count = part_count;
  return figure;
}

YearFigure count_figure(int year, std::int64_t count) {
  YearFigure figure;
  figure.year = year;
  figure.exact = count;
  figure.value = static_cast<double>(count);
  return figure;
}

std::int64_t intermediaries_at_end_of(const Inputs& inputs, int year) {
  auto last_day = fmt::format("{:04d}-12-31", year);
  return std::upper_bound(inputs.connection_dates.begin(), inputs.connection_dates.end(),
                          last_day) -
         inputs.connection_dates.begin();
}

std::int64_t research_results_by(const Inputs& inputs, int year) {
  std::int64_t total = 0;
  for (const auto& [created, count] : inputs.research_results_created) {
    if (created <= year) total += count;
  }
  return total;
}

YearFigure figure_of(const Inputs& inputs, std::string_view code, int year) {
  YearFigure figure;
  if (code == "transaction_value") figure = value_figure(inputs, year);
  if (code == "transaction_value_growth") figure = growth_figure(inputs, year);
  if (code == "ip_share_value") figure = share_figure(inputs, year, true, true);
  if (code == "ip_share_count") figure = share_figure(inputs, year, true, false);
  if (code == "technology_share_value") figure = share_figure(inputs, year, false, true);
  if (code == "technology_share_count") figure = share_figure(inputs, year, false, false);
  if (code == "intermediaries_connected") {
    return count_figure(year, intermediaries_at_end_of(inputs, year));
  }
  if (code == "digitized_research_results") {
    return count_figure(year, research_results_by(inputs, year));
  }
  figure.drilldown = drilldown_link(code, year);
  return figure;
}

// Returns the compound average yearly growth in percent from `from` to `to`,
// or nullopt when either year is missing or the start value is zero.
std::optional<double> compound_growth(const Inputs& inputs, int from, int to) {
  auto start = totals_of(inputs, from);
  auto end = totals_of(inputs, to);
  if (to <= from || start.count == 0 || end.count == 0 || start.value == 0) return std::nullopt;
  double ratio = static_cast<double>(end.value) / static_cast<double>(start.value);
  return (std::pow(ratio, 1.0 / (to - from)) - 1.0) * 100.0;
}

TargetCheck check_target(const Inputs& inputs, const Target& target) {
  TargetCheck check;
  check.target = target;
  if (target.indicator == "transaction_value_growth") {
    check.figure = compound_growth(inputs, inputs.base_year, target.year);
  } else {
    check.figure = figure_of(inputs, target.indicator, target.year).value;
  }
  if (target.year < inputs.current_year && check.figure) check.met = target.met_by(*check.figure);
  return check;
}

PeriodGrowth period_growth(const Inputs& inputs, const std::vector<YearFigure>& growth, int from,
                           int to) {
  PeriodGrowth period;
  period.from = from;
  period.to = to;
  period.compound_growth = compound_growth(inputs, from, to);

  double sum = 0;
  int used = 0;
  std::string skipped;
  for (const auto& figure : growth) {
    if (figure.year <= from) continue;
    if (figure.value) {
      sum += *figure.value;
      ++used;
    } else {
      skipped += (skipped.empty() ? "" : ", ") + std::to_string(figure.year);
    }
  }
  if (used > 0) period.mean_yearly_growth = sum / used;

  period.note_vi = fmt::format(
      "Tăng bình quân kép = (giá trị {1} / giá trị {0})^(1/{2}) − 1. Trung bình cộng các tốc "
      "độ tăng hằng năm từ {3} đến {1}",
      from, to, to - from, from + 1);
  period.note_en = fmt::format(
      "Compound growth = (value of {1} / value of {0})^(1/{2}) − 1. Mean yearly growth is the "
      "mean of the yearly rates from {3} to {1}",
      from, to, to - from, from + 1);
  if (!skipped.empty()) {
    period.note_vi += fmt::format(", bỏ qua các năm không tính được: {}", skipped);
    period.note_en += fmt::format(", leaving out the years without a rate: {}", skipped);
  }
  period.note_vi += ".";
  period.note_en += ".";
  if (!period.compound_growth) {
    period.note_vi += fmt::format(" Không tính được tăng bình quân kép vì năm {} hoặc {} thiếu "
                                  "số liệu hoặc giá trị năm {} bằng 0.",
                                  from, to, from);
    period.note_en += fmt::format(" Compound growth is unavailable because {} or {} is missing "
                                  "or the value of {} is zero.",
                                  from, to, from);
  }
  if (to >= inputs.current_year) {
    period.note_vi += fmt::format(" Năm {} chưa kết thúc.", inputs.current_year);
    period.note_en += fmt::format(" The year {} has not ended.", inputs.current_year);
  }
  return period;
}

// Adds `amount` to `sum` of `year`. Each aggregate row is checked on write,
// but the sum of a year's rows over all types is checked only here.
void add_to_year_total(std::int64_t& sum, std::int64_t amount, int year) {
  if (__builtin_add_overflow(sum, amount, &sum)) {
    throw std::overflow_error(fmt::format(
        "the verified contracts of {} add up to more than 9,223,372,036,854,775,807 đồng; "
        "check the ledger for a mistyped value",
        year));
  }
}

Inputs read_inputs(db::Connection& connection, int first_year, int last_year) {
  Inputs inputs;
  for (const auto& row : ledger::read_aggregates(connection, first_year, last_year)) {
    auto& totals = inputs.years[row.year];
    add_to_year_total(totals.count, row.transaction_count, row.year);
    add_to_year_total(totals.value, row.value_vnd, row.year);
    if (row.group == "ip") {
      add_to_year_total(totals.ip_count, row.transaction_count, row.year);
      add_to_year_total(totals.ip_value, row.value_vnd, row.year);
    } else if (row.group == "technology") {
      add_to_year_total(totals.technology_count, row.transaction_count, row.year);
      add_to_year_total(totals.technology_value, row.value_vnd, row.year);
    }
  }

  auto dates = connection.prepare(
      "SELECT national_network_connected_on FROM organizations WHERE kind = 'intermediary' "
      "AND status <> 'archived' AND national_network_connected_on IS NOT NULL ORDER BY 1");
  while (dates.step()) inputs.connection_dates.push_back(dates.column_text(0));

  // created_at is UTC; Vietnam is UTC+7 all year.
  auto results = connection.prepare(
      "SELECT CAST(strftime('%Y', created_at, '+7 hours') AS INTEGER), count(*) FROM offers "
      "WHERE kind = 'research_result' AND status = 'published' GROUP BY 1");
  while (results.step()) {
    inputs.research_results_created[static_cast<int>(results.column_int64(0))] =
        results.column_int64(1);
  }
  return inputs;
}

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

IndicatorReport compute_indicators(db::Connection& connection, const Plan& plan,
                                   const std::vector<Target>& targets, int from, int to,
                                   int current_year) {
  int first_year = std::min(from - 1, plan.base_year);
  int last_year = to;
  for (const auto& target : targets) {
    first_year = std::min(first_year, target.year - 1);
    last_year = std::max(last_year, target.year);
  }
  auto inputs = read_inputs(connection, first_year, last_year);
  inputs.current_year = current_year;
  inputs.base_year = plan.base_year;

  IndicatorReport report;
  report.plan = plan;
  report.current_year = current_year;
  report.from = from;
  report.to = to;
  for (const auto& definition : indicator_definitions()) {
    IndicatorSeries series;
    series.definition = &definition;
    for (int year = from; year <= to; ++year) {
      series.by_year.push_back(figure_of(inputs, definition.code, year));
    }
    for (const auto& target : targets) {
      if (target.indicator == definition.code) series.targets.push_back(check_target(inputs, target));
    }
    report.indicators.push_back(std::move(series));
  }
  auto growth = std::find_if(report.indicators.begin(), report.indicators.end(), [](auto& series) {
    return series.definition->code == "transaction_value_growth";
  });
  report.period = period_growth(inputs, growth->by_year, from, to);
  return report;
}

nlohmann::json to_json(const IndicatorReport& report) {
  auto indicators = nlohmann::json::array();
  for (const auto& series : report.indicators) {
    auto by_year = nlohmann::json::array();
    for (const auto& figure : series.by_year) {
      by_year.push_back({{"year", figure.year},
                         {"value", figure.exact ? nlohmann::json(*figure.exact)
                                                : optional_number(figure.value)},
                         {"status", figure.status},
                         {"note_vi", figure.note_vi ? nlohmann::json(*figure.note_vi) : nullptr},
                         {"note_en", figure.note_en ? nlohmann::json(*figure.note_en) : nullptr},
                         {"transaction_count", figure.transaction_count},
                         {"drilldown", figure.drilldown ? nlohmann::json(*figure.drilldown)
                                                        : nlohmann::json(nullptr)}});
    }
    auto targets = nlohmann::json::array();
    for (const auto& check : series.targets) {
      auto target = to_json(check.target);
      target.erase("indicator");
      target["figure"] = optional_number(check.figure);
      target["met"] = check.met ? nlohmann::json(*check.met) : nlohmann::json(nullptr);
      targets.push_back(std::move(target));
    }
    const auto& definition = *series.definition;
    indicators.push_back({{"code", definition.code},
                          {"name_vi", definition.name_vi},
                          {"name_en", definition.name_en},
                          {"definition_vi", definition.definition_vi},
                          {"definition_en", definition.definition_en},
                          {"unit", definition.unit},
                          {"by_year", std::move(by_year)},
                          {"targets", std::move(targets)}});
  }
  const auto& period = report.period;
  return {{"plan", to_json(report.plan)},
          {"current_year", report.current_year},
          {"from", report.from},
          {"to", report.to},
          {"indicators", std::move(indicators)},
          {"period",
           {{"from", period.from},
            {"to", period.to},
            {"compound_growth", optional_number(period.compound_growth)},
            {"mean_yearly_growth", optional_number(period.mean_yearly_growth)},
            {"note_vi", period.note_vi},
            {"note_en", period.note_en}}}};
}

ledger::TransactionFilter drilldown_filter(const std::string& indicator, int year) {
  ledger::TransactionFilter filter;
  filter.verified = true;
  filter.kind = "contract";
  filter.year = year;
  if (indicator == "transaction_value") return filter;
  if (indicator == "transaction_value_growth") {
    filter.year.reset();
    filter.years = {year - 1, year};
    return filter;
  }
  if (indicator == "ip_share_value" || indicator == "ip_share_count") {
    filter.group = "ip";
    return filter;
  }
  if (indicator == "technology_share_value" || indicator == "technology_share_count") {
    filter.group = "technology";
    return filter;
  }
  if (find_indicator(indicator)) {
    throw BadRequestError(fmt::format("indicator {} is not computed from transactions, so it has "
                                      "no drill-down in the ledger",
                                      indicator));
  }
  throw BadRequestError(fmt::format("indicator \"{}\" is unknown; see GET /api/v1/indicators",
                                    indicator));
}

}  // namespace techmarket::indicators
