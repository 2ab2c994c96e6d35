#include "imports/import_run.h"

#include <fmt/format.h>

#include "imports/cell_values.h"
#include "organizations/lookup.h"
#include "text/fold.h"

namespace techmarket::imports {

void ImportRun::add(std::size_t line, nlohmann::json record, std::vector<FieldError> errors) {
  if (!record.is_object()) {
    errors.push_back({"", "expected a JSON object"});
    reject(line, errors);
    return;
  }
  resolve_owner(record, errors);
  check_external_id(line, record, errors);

  bool save = errors.empty() && report_.errors.empty();
  SaveResult result = type_.check(connection_, record, save);
  errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  if (!errors.empty()) {
    reject(line, errors);
    return;
  }
  if (!save) return;
  bool changed = result.outcome != SaveOutcome::kUnchanged;
  auto status = record.find("status");
  bool published = status != record.end() && status->is_string() && *status == "published";
  if (changed && type_.has_status && !published) {
    ++report_.not_published;
  }
  switch (result.outcome) {
    case SaveOutcome::kCreated:
      ++report_.created;
      report_.changed_ids.push_back(result.id);
      break;
    case SaveOutcome::kUpdated:
      ++report_.updated;
      report_.changed_ids.push_back(result.id);
      break;
    case SaveOutcome::kUnchanged:
      ++report_.unchanged;
      break;
  }
}

void ImportRun::reject(std::size_t line, const std::vector<FieldError>& errors) {
  for (const auto& error : errors) reject(line, error.field, error.message);
}

void ImportRun::reject(std::size_t line, const std::string& field, std::string message) {
  std::string where =
      field.empty() ? fmt::format("line {}", line) : fmt::format("line {}: {}", line, field);
  report_.errors.push_back({std::move(where), std::move(message)});
}

// Replaces owner_external_id with the id field of the organization it names.
void ImportRun::resolve_owner(nlohmann::json& record, std::vector<FieldError>& errors) {
  if (type_.owner_field.empty()) return;  // validation rejects it as an unknown field
  auto found = record.find("owner_external_id");
  if (found == record.end()) return;
  nlohmann::json value = std::move(*found);
  record.erase(found);
  if (value.is_null()) return;

  if (!value.is_string() || !text::is_valid_utf8(value.get_ref<const std::string&>())) {
    errors.push_back({"owner_external_id", "must be a string of UTF-8 text"});
    return;
  }
  auto owner = record.find(type_.owner_field);
  if (owner != record.end() && !owner->is_null()) {
    errors.push_back({"owner_external_id", fmt::format("give either owner_external_id or {}, "
                                                       "not both",
                                                       type_.owner_field)});
    return;
  }
  std::string external_id = text::to_nfc(trim_cell(value.get_ref<const std::string&>()));
  if (external_id.empty()) return;
  auto id = organizations::find_organization_id(connection_, external_id);
  if (!id) {
    errors.push_back(
        {"owner_external_id", fmt::format("no organization has external_id \"{}\"; import the "
                                          "organizations first",
                                          external_id)});
    return;
  }
  record[type_.owner_field] = *id;
}

void ImportRun::check_external_id(std::size_t line, const nlohmann::json& record,
                                  std::vector<FieldError>& errors) {
  auto found = record.find("external_id");
  if (found != record.end() && !found->is_null() && !found->is_string()) {
    return;  // validation reports the wrong type
  }
  std::string external_id;
  if (found != record.end() && found->is_string() &&
      text::is_valid_utf8(found->get_ref<const std::string&>())) {
    external_id = text::to_nfc(trim_cell(found->get_ref<const std::string&>()));
  }
  if (external_id.empty()) {
    errors.push_back({"external_id",
                      "is required in an import, so that importing the file "
                      "again updates the record instead of adding a copy"});
    return;
  }
  auto [first, inserted] = lines_by_external_id_.emplace(external_id, line);
  if (!inserted) {
    errors.push_back({"external_id", fmt::format("\"{}\" is also used on line {}; each {} needs "
                                                 "its own external_id",
                                                 external_id, first->second, type_.noun)});
  }
}

}  // namespace techmarket::imports
