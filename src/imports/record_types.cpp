#include "imports/record_types.h"

#include <fmt/format.h>

#include "catalog/offer_service.h"
#include "needs/need_service.h"
#include "organizations/organization_service.h"

namespace techmarket::imports {
namespace {

std::vector<std::string> field_names(const nlohmann::json& example, bool has_owner) {
  std::vector<std::string> names;
  for (const auto& [name, value] : example.items()) names.push_back(name);
  if (has_owner) names.emplace_back("owner_external_id");
  return names;
}

// Runs the feature's validate and upsert functions for one record.
template <typename Record, typename Validate, typename Upsert>
SaveResult validate_and_save(db::Connection& connection, const nlohmann::json& body, bool save,
                             Validate validate, Upsert upsert) {
  Record record;
  SaveResult result;
  result.errors = validate(connection, body, record);
  if (!result.errors.empty() || !save) return result;
  try {
    // Imports run as the system, which the upsert functions take by default.
    result.outcome = upsert(connection, record);
    result.id = record.id;
  } catch (const ConflictError& e) {
    result.errors.push_back({"", e.what()});
  } catch (const db::ConstraintError& e) {
    result.errors.push_back({"", fmt::format("conflicts with a stored record: {}", e.what())});
  }
  return result;
}

}  // namespace

const RecordType& offer_record_type() {
  static const RecordType type = {
      .noun = "offer",
      .plural = "offers",
      .columns = field_names(catalog::to_json(catalog::Offer{}), true),
      .typed_columns = {{"keywords", ColumnType::kList},
                        {"ipc_codes", ColumnType::kList},
                        {"transfer_modes", ColumnType::kList},
                        {"trl", ColumnType::kWholeNumber},
                        {"owner_organization_id", ColumnType::kWholeNumber},
                        {"price_vnd", ColumnType::kAmountVnd},
                        {"price_negotiable", ColumnType::kBoolean},
                        {"published_on", ColumnType::kDate},
                        {"expires_on", ColumnType::kDate}},
      .required_columns = {"external_id", "kind", "title", "summary"},
      .owner_field = "owner_organization_id",
      .accepts_nasa = true,
      .has_status = true,
      .check =
          [](db::Connection& connection, const nlohmann::json& body, bool save) {
            return validate_and_save<catalog::Offer>(
                connection, body, save, catalog::validate_offer,
                [](db::Connection& connection, catalog::Offer& record) {
                  return catalog::upsert_offer(connection, record);
                });
          },
  };
  return type;
}

const RecordType& need_record_type() {
  static const RecordType type = {
      .noun = "need",
      .plural = "needs",
      .columns = field_names(needs::to_json(needs::Need{}), true),
      .typed_columns = {{"keywords", ColumnType::kList},
                        {"ipc_codes", ColumnType::kList},
                        {"trl_min", ColumnType::kWholeNumber},
                        {"owner_organization_id", ColumnType::kWholeNumber},
                        {"budget_min_vnd", ColumnType::kAmountVnd},
                        {"budget_max_vnd", ColumnType::kAmountVnd},
                        {"deadline", ColumnType::kDate}},
      .required_columns = {"external_id", "title", "problem"},
      .owner_field = "owner_organization_id",
      .accepts_nasa = false,
      .has_status = true,
      .check =
          [](db::Connection& connection, const nlohmann::json& body, bool save) {
            return validate_and_save<needs::Need>(
                connection, body, save, needs::validate_need,
                [](db::Connection& connection, needs::Need& record) {
                  return needs::upsert_need(connection, record);
                });
          },
  };
  return type;
}

const RecordType& organization_record_type() {
  static const RecordType type = {
      .noun = "organization",
      .plural = "organizations",
      .columns = field_names(organizations::to_json(organizations::Organization{}), false),
      .typed_columns = {},
      .required_columns = {"external_id", "kind", "name"},
      .owner_field = "",
      .accepts_nasa = false,
      .check =
          [](db::Connection& connection, const nlohmann::json& body, bool save) {
            return validate_and_save<organizations::Organization>(
                connection, body, save, organizations::validate_organization,
                [](db::Connection& connection, organizations::Organization& record) {
                  return organizations::upsert_organization(connection, record);
                });
          },
  };
  return type;
}

}  // namespace techmarket::imports
