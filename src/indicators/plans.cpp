#include "indicators/plans.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/audit_log.h"
#include "common/errors.h"
#include "common/field_reader.h"
#include "indicators/definitions.h"

namespace techmarket::indicators {
namespace {

constexpr std::size_t kMaxTargets = 200;
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::optional<double> read_number(const nlohmann::json& object, const char* name,
                                  const std::string& prefix, std::vector<FieldError>& errors) {
  if (!object.contains(name) || object.at(name).is_null()) return std::nullopt;
  const auto& value = object.at(name);
  if (!value.is_number()) {
    errors.push_back({prefix + name, "must be a number such as 5 or 12.5"});
    return std::nullopt;
  }
  return value.get<double>();
}

Target read_target(const nlohmann::json& item, std::size_t index,
                   std::vector<FieldError>& errors) {
  const auto prefix = fmt::format("targets[{}].", index);
  Target target;
  if (!item.is_object()) {
    errors.push_back({fmt::format("targets[{}]", index), "must be an object"});
    return target;
  }
  FieldReader reader(item);
  reader.ignore("id");
  reader.ignore("value");
  reader.ignore("low");
  reader.ignore("high");
  reader.ignore("met");
  reader.ignore("figure");
  target.indicator = reader.choice("indicator", kIndicatorCodes).value_or("");
  target.year = static_cast<int>(reader.integer("year", kFirstYear, kLastYear).value_or(0));
  target.comparison = reader.choice("comparison", kComparisons).value_or("");
  reader.reject_unknown_fields();
  for (const auto& error : reader.errors()) errors.push_back({prefix + error.field, error.message});
  auto absent = [&](const char* name) { return !item.contains(name) || item.at(name).is_null(); };
  if (absent("indicator")) {
    errors.push_back({prefix + "indicator", "is required; see GET /api/v1/indicators for codes"});
  }
  if (absent("year")) errors.push_back({prefix + "year", "is required: the milestone year"});
  if (absent("comparison")) {
    errors.push_back({prefix + "comparison", "is required: at_least, above or within"});
  }

  target.value = read_number(item, "value", prefix, errors);
  target.low = read_number(item, "low", prefix, errors);
  target.high = read_number(item, "high", prefix, errors);
  if (target.comparison == "within") {
    if (!target.low || !target.high) {
      errors.push_back({prefix + "low", "\"within\" needs both low and high, such as 5 and 10"});
    } else if (*target.low > *target.high) {
      errors.push_back({prefix + "high", fmt::format("{} is below low {}; swap them", *target.high,
                                                     *target.low)});
    }
    if (target.value) errors.push_back({prefix + "value", "must be null with \"within\""});
  } else if (!target.comparison.empty()) {
    if (!target.value) {
      errors.push_back({prefix + "value", fmt::format("is required with \"{}\"",
                                                      target.comparison)});
    }
    if (target.low || target.high) {
      errors.push_back({prefix + "low", "low and high are only for \"within\"; use value"});
    }
  }
  return target;
}

}  // namespace

bool Target::met_by(double figure) const {
  if (comparison == "at_least") return figure >= value.value_or(0);
  if (comparison == "above") return figure > value.value_or(0);
  return figure >= low.value_or(0) && figure <= high.value_or(0);
}

nlohmann::json to_json(const Plan& plan) {
  return {{"code", plan.code},           {"name_vi", plan.name_vi}, {"name_en", plan.name_en},
          {"issued_on", plan.issued_on}, {"scope", plan.scope},     {"base_year", plan.base_year}};
}

nlohmann::json to_json(const Target& target) {
  return {{"id", target.id},
          {"indicator", target.indicator},
          {"year", target.year},
          {"comparison", target.comparison},
          {"value", optional_json(target.value)},
          {"low", optional_json(target.low)},
          {"high", optional_json(target.high)}};
}

std::vector<Plan> list_plans(db::Connection& connection) {
  auto query = connection.prepare(
      "SELECT code, name_vi, name_en, issued_on, scope, base_year FROM plans ORDER BY issued_on "
      "DESC, code");
  std::vector<Plan> plans;
  while (query.step()) {
    plans.push_back({query.column_text(0), query.column_text(1), query.column_text(2),
                     query.column_text(3), query.column_text(4),
                     static_cast<int>(query.column_int64(5))});
  }
  return plans;
}

std::optional<Plan> find_plan(db::Connection& connection, const std::string& code) {
  for (auto& plan : list_plans(connection)) {
    if (plan.code == code) return plan;
  }
  return std::nullopt;
}

std::vector<Target> list_targets(db::Connection& connection, const std::string& plan_code) {
  auto query = connection.prepare(
      "SELECT id, indicator, year, comparison, value, low, high FROM plan_targets "
      "WHERE plan_code = ? ORDER BY indicator, year, id");
  query.bind(1, plan_code);
  std::vector<Target> targets;
  while (query.step()) {
    Target target;
    target.id = query.column_int64(0);
    target.indicator = query.column_text(1);
    target.year = static_cast<int>(query.column_int64(2));
    target.comparison = query.column_text(3);
    if (!query.is_null(4)) target.value = query.column_double(4);
    if (!query.is_null(5)) target.low = query.column_double(5);
    if (!query.is_null(6)) target.high = query.column_double(6);
    targets.push_back(std::move(target));
  }
  return targets;
}

std::vector<Target> read_targets(const nlohmann::json& body) {
  const nlohmann::json* items = &body;
  if (body.is_object()) {
    if (!body.contains("targets") || body.size() != 1) {
      throw ValidationError(std::vector<FieldError>{
          {"targets", "send {\"targets\": [...]} with the whole new target list"}});
    }
    items = &body.at("targets");
  }
  if (!items->is_array()) {
    throw ValidationError(std::vector<FieldError>{{"targets", "must be an array of targets"}});
  }
  if (items->size() > kMaxTargets) {
    throw ValidationError(std::vector<FieldError>{
        {"targets", fmt::format("has {} targets; at most {} are allowed", items->size(),
                                kMaxTargets)}});
  }
  std::vector<FieldError> errors;
  std::vector<Target> targets;
  for (std::size_t i = 0; i < items->size(); ++i) {
    targets.push_back(read_target(items->at(i), i, errors));
  }
  for (std::size_t i = 0; i < targets.size() && errors.empty(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (targets[i].indicator == targets[j].indicator && targets[i].year == targets[j].year) {
        errors.push_back({fmt::format("targets[{}].year", i),
                          fmt::format("targets[{}] already sets {} for {}; keep one", j,
                                      targets[i].indicator, targets[i].year)});
      }
    }
  }
  if (!errors.empty()) throw ValidationError(std::move(errors));
  return targets;
}

std::vector<Plan> PlanService::list() {
  auto connection = pool_.acquire();
  return list_plans(*connection);
}

std::pair<Plan, std::vector<Target>> PlanService::get(const std::string& code) {
  auto connection = pool_.acquire();
  auto plan = find_plan(*connection, code);
  if (!plan) throw NotFoundError(fmt::format("no plan has code \"{}\"; see GET /api/v1/plans", code));
  return {*plan, list_targets(*connection, code)};
}

std::vector<Target> PlanService::replace_targets(const auth::Principal& actor,
                                                 const std::string& code,
                                                 const nlohmann::json& body) {
  auto targets = read_targets(body);
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  if (!find_plan(*connection, code)) {
    throw NotFoundError(fmt::format("no plan has code \"{}\"; see GET /api/v1/plans", code));
  }
  auto to_array = [](const std::vector<Target>& list) {
    auto array = nlohmann::json::array();
    for (const auto& target : list) array.push_back(to_json(target));
    return array;
  };
  auto before = to_array(list_targets(*connection, code));

  connection->prepare("DELETE FROM plan_targets WHERE plan_code = ?").bind(1, code).run();
  for (const auto& target : targets) {
    connection
        ->prepare(
            "INSERT INTO plan_targets (plan_code, indicator, year, comparison, value, low, high) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, code)
        .bind(2, target.indicator)
        .bind(3, target.year)
        .bind(4, target.comparison)
        .bind(5, target.value)
        .bind(6, target.low)
        .bind(7, target.high)
        .run();
  }
  auto stored = list_targets(*connection, code);
  // The audit log keys records by integer id, so the plan's code goes into the JSON.
  auth::record_audit(*connection, actor, "replace_targets", "plan", std::nullopt,
                     {{"plan", code}, {"targets", before}},
                     {{"plan", code}, {"targets", to_array(stored)}});
  transaction.commit();
  spdlog::info("event=plan_targets_replaced plan={} targets={} by={}", code, stored.size(),
               actor.describe());
  return stored;
}

}  // namespace techmarket::indicators
