#include "organizations/organization_service.h"

#include <fmt/format.h>

#include "auth/audit_log.h"
#include "common/pagination.h"
#include "organizations/lookup.h"
#include "reference/lookup.h"

namespace techmarket::organizations {
namespace {

void check_current_place(db::Connection& connection, const Organization& organization,
                         FieldReader& reader) {
  const auto& province = organization.province_code;
  const auto& commune = organization.commune_code;
  bool province_known =
      province && reference::province_exists(connection, reference::kCurrentEdition, *province);
  if (province && !province_known) {
    reader.add_error("province_code",
                     fmt::format("\"{}\" is not a province code in force since 1 July 2025; see "
                                 "/api/v1/provinces",
                                 *province));
  }
  if (commune && !province) {
    reader.add_error("commune_code",
                     "requires province_code, the province that contains the commune");
  } else if (commune && province_known &&
             !reference::commune_exists(connection, reference::kCurrentEdition, *province,
                                        *commune)) {
    reader.add_error("commune_code",
                     fmt::format("\"{}\" is not a commune of province {} in force since 1 July "
                                 "2025; see /api/v1/provinces/{}/communes",
                                 *commune, *province, *province));
  }
}

void check_former_place(db::Connection& connection, const Organization& organization,
                        FieldReader& reader) {
  const auto& province = organization.old_province_code;
  const auto& district = organization.old_district_code;
  const auto& commune = organization.old_commune_code;
  bool province_known =
      province && reference::province_exists(connection, reference::kFormerEdition, *province);
  if (province && !province_known) {
    reader.add_error("old_province_code",
                     fmt::format("\"{}\" is not a province code of the map before 1 July 2025; see "
                                 "/api/v1/provinces?edition=2021",
                                 *province));
  }

  bool district_known = false;
  if (district && !province) {
    reader.add_error("old_district_code",
                     "requires old_province_code, the province that contained the district");
  } else if (district && province_known) {
    district_known = reference::district_exists(connection, *province, *district);
    if (!district_known) {
      reader.add_error("old_district_code",
                       fmt::format("\"{}\" is not a district of province {} before 1 July 2025",
                                   *district, *province));
    }
  }

  if (commune && !province) {
    reader.add_error("old_commune_code",
                     "requires old_province_code, the province that contained the commune");
  } else if (commune && province_known) {
    if (!reference::commune_exists(connection, reference::kFormerEdition, *province, *commune)) {
      reader.add_error("old_commune_code",
                       fmt::format("\"{}\" is not a commune of province {} before 1 July 2025; "
                                   "see /api/v1/provinces/{}/communes?edition=2021",
                                   *commune, *province, *province));
    } else if (district_known) {
      auto recorded_district = find_old_commune_district(connection, *commune);
      if (recorded_district && *recorded_district != *district) {
        reader.add_error("old_commune_code",
                         fmt::format("\"{}\" is a commune of district {}, not of district {}",
                                     *commune, *recorded_district, *district));
      }
    }
  }
}

// Drops the fields that the server sets, so a stored organization can be
// compared with an incoming one.
nlohmann::json comparable(const Organization& organization) {
  auto json = to_json(organization);
  json.erase("id");
  json.erase("created_at");
  json.erase("updated_at");
  return json;
}

}  // namespace

std::vector<FieldError> validate_organization(db::Connection& connection,
                                              const nlohmann::json& body,
                                              Organization& organization) {
  FieldReader reader(body);
  organization = read_organization(reader);
  reader.reject_unknown_fields();
  check_current_place(connection, organization, reader);
  check_former_place(connection, organization, reader);
  return reader.errors();
}

SaveOutcome upsert_organization(db::Connection& connection, Organization& organization,
                                const auth::Principal& actor) {
  std::optional<std::int64_t> existing_id;
  if (organization.id != 0) {
    existing_id = organization.id;
  } else if (organization.external_id) {
    existing_id = find_organization_id(connection, *organization.external_id);
  }

  if (!existing_id) {
    organization.id = insert_organization(connection, organization);
    auth::record_audit(connection, actor, "create", "organization", organization.id, nullptr,
                       to_json(*find_organization(connection, organization.id)));
    return SaveOutcome::kCreated;
  }
  auto stored = find_organization(connection, *existing_id);
  organization.id = *existing_id;
  if (stored && comparable(*stored) == comparable(organization)) return SaveOutcome::kUnchanged;
  try {
    update_organization(connection, organization);
  } catch (const db::ConstraintError&) {
    throw ConflictError(fmt::format("another organization already has external_id \"{}\"",
                                    organization.external_id.value_or("")));
  }
  auth::record_audit(connection, actor, "update", "organization", organization.id,
                     stored ? to_json(*stored) : nlohmann::json(nullptr),
                     to_json(*find_organization(connection, organization.id)));
  return SaveOutcome::kUpdated;
}

Organization OrganizationService::save(const auth::Principal& actor, std::optional<std::int64_t> id,
                                       const nlohmann::json& body) {
  Organization organization;
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);

  auto errors = validate_organization(*connection, body, organization);
  if (!errors.empty()) throw ValidationError(std::move(errors));
  if (id) organization.id = *id;
  if (!id && organization.external_id &&
      find_organization_id(*connection, *organization.external_id)) {
    throw ConflictError(
        fmt::format("an organization with external_id \"{}\" exists; update it with PATCH instead",
                    *organization.external_id));
  }

  try {
    upsert_organization(*connection, organization, actor);
  } catch (const db::ConstraintError& e) {
    throw ConflictError(
        fmt::format("the organization conflicts with a stored record: {}", e.what()));
  }
  organization = *find_organization(*connection, organization.id);
  transaction.commit();
  return organization;
}

Organization OrganizationService::create(const auth::Principal& actor, const nlohmann::json& body) {
  if (!actor.is_reviewer()) {
    throw ForbiddenError("only staff and administrators register organizations");
  }
  return save(actor, std::nullopt, body);
}

Organization OrganizationService::update(const auth::Principal& actor, std::int64_t id,
                                         const nlohmann::json& patch) {
  if (!patch.is_object()) {
    throw ValidationError(std::vector<FieldError>{{"", "expected a JSON object"}});
  }
  auto stored = get(id);
  if (!actor.is_reviewer()) {
    if (!actor.belongs_to(id)) {
      throw ForbiddenError("officers and members can change only their own organization");
    }
    if (patch.contains("status")) {
      throw ValidationError(std::vector<FieldError>{
          {"status", "only staff and administrators archive or restore organizations"}});
    }
  }
  auto merged = to_json(stored);
  merged.merge_patch(patch);
  return save(actor, id, merged);
}

Organization OrganizationService::get(std::int64_t id) {
  auto connection = pool_.acquire();
  auto organization = find_organization(*connection, id);
  if (!organization) throw NotFoundError(fmt::format("no organization has id {}", id));
  return *organization;
}

Organization OrganizationService::archive(const auth::Principal& actor, std::int64_t id) {
  if (!actor.is_reviewer()) {
    throw ForbiddenError("only staff and administrators archive organizations");
  }
  return update(actor, id, nlohmann::json{{"status", "archived"}});
}

OrganizationPage OrganizationService::list(const OrganizationFilter& filter) {
  auto connection = pool_.acquire();
  auto page = read_page<OrganizationPage>(filter, [&](const OrganizationFilter& one_more) {
    return list_organizations(*connection, one_more);
  });
  // In name order the cursor is the number of rows already listed.
  if (page.next_after_id && filter.sort_by_name) {
    page.next_after_id = static_cast<std::int64_t>(filter.offset + filter.limit);
  }
  return page;
}

}  // namespace techmarket::organizations
