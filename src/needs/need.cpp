#include "needs/need.h"

#include <fmt/format.h>

#include "catalog/offer.h"

namespace techmarket::needs {
namespace {

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const Need& need) {
  return {
      {"id", need.id},
      {"external_id", optional_json(need.external_id)},
      {"title", need.title},
      {"problem", need.problem},
      {"desired_result", optional_json(need.desired_result)},
      {"language", need.language},
      {"st_field", optional_json(need.st_field)},
      {"industry_section", optional_json(need.industry_section)},
      {"industry_version", optional_json(need.industry_version)},
      {"budget_min_vnd", optional_json(need.budget_min_vnd)},
      {"budget_max_vnd", optional_json(need.budget_max_vnd)},
      {"deadline", optional_json(need.deadline)},
      {"province_code", optional_json(need.province_code)},
      {"commune_code", optional_json(need.commune_code)},
      {"owner_organization_id", optional_json(need.owner_organization_id)},
      {"keywords", need.keywords},
      {"trl_min", optional_json(need.trl_min)},
      {"ipc_codes", need.ipc_codes},
      {"status", need.status},
      {"rejection_reason", optional_json(need.rejection_reason)},
      {"created_at", need.created_at},
      {"updated_at", need.updated_at},
  };
}

Need read_need(FieldReader& reader) {
  Need need;
  reader.ignore("id");
  reader.ignore("created_at");
  reader.ignore("updated_at");
  reader.ignore("rejection_reason");  // set only by the reject action

  need.external_id = reader.text("external_id", {.max_length = 100});
  need.title = reader.required_text("title", {.max_length = 300});
  need.problem = reader.required_text("problem", {.max_length = 5000, .multiline = true});
  need.desired_result = reader.text("desired_result", {.max_length = 5000, .multiline = true});
  need.language = reader.choice("language", kLanguages).value_or("vi");

  need.st_field = reader.text("st_field", {.max_length = 20});
  need.industry_section = reader.text("industry_section", {.max_length = 1});
  need.industry_version = reader.choice("industry_version", kIndustryVersions);
  if (need.industry_section && !need.industry_version) need.industry_version = "2025";

  need.budget_min_vnd = reader.integer("budget_min_vnd", 0, kMaxBudgetVnd);
  need.budget_max_vnd = reader.integer("budget_max_vnd", 0, kMaxBudgetVnd);
  if (need.budget_min_vnd && need.budget_max_vnd && *need.budget_max_vnd < *need.budget_min_vnd) {
    reader.add_error("budget_max_vnd",
                     fmt::format("is {}, less than budget_min_vnd {}; raise the maximum or lower "
                                 "the minimum",
                                 *need.budget_max_vnd, *need.budget_min_vnd));
  }
  need.deadline = reader.date("deadline");

  need.province_code = reader.text("province_code", {.max_length = 2});
  need.commune_code = reader.text("commune_code", {.max_length = 5});
  need.owner_organization_id = reader.integer("owner_organization_id", 1, INT64_MAX);
  need.keywords = reader.text_list("keywords", 30, {.max_length = 100});

  // The same rules as an offer's trl and ipc_codes, so the two can be compared.
  if (auto trl_min = reader.integer("trl_min", 1, 9)) need.trl_min = static_cast<int>(*trl_min);
  need.ipc_codes = reader.text_list("ipc_codes", 20, {.max_length = 20});
  for (std::size_t i = 0; i < need.ipc_codes.size(); ++i) {
    if (!catalog::is_ipc_symbol(need.ipc_codes[i])) {
      reader.add_error(fmt::format("ipc_codes[{}]", i),
                       fmt::format("\"{}\" is not an IPC symbol such as \"H01M\" or "
                                   "\"A01B 1/00\"; write the section letter, two class digits "
                                   "and the subclass letter in capitals",
                                   need.ipc_codes[i]));
    }
  }

  need.status = reader.choice("status", kNeedStatuses).value_or("draft");
  return need;
}

}  // namespace techmarket::needs
