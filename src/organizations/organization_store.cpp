#include "organizations/organization_store.h"

#include "reference/lookup.h"

namespace techmarket::organizations {
namespace {

constexpr const char* kColumns =
    "id, external_id, kind, name, name_en, tax_code, website, email, phone, country_code, "
    "address, province_code, commune_code, old_province_code, old_district_code, "
    "old_commune_code, status, created_at, updated_at, national_network_connected_on";

Organization read_row(const db::Statement& row) {
  Organization organization;
  organization.id = row.column_int64(0);
  organization.external_id = row.column_optional_text(1);
  organization.kind = row.column_text(2);
  organization.name = row.column_text(3);
  organization.name_en = row.column_optional_text(4);
  organization.tax_code = row.column_optional_text(5);
  organization.website = row.column_optional_text(6);
  organization.email = row.column_optional_text(7);
  organization.phone = row.column_optional_text(8);
  organization.country_code = row.column_text(9);
  organization.address = row.column_optional_text(10);
  organization.province_code = row.column_optional_text(11);
  organization.commune_code = row.column_optional_text(12);
  organization.old_province_code = row.column_optional_text(13);
  organization.old_district_code = row.column_optional_text(14);
  organization.old_commune_code = row.column_optional_text(15);
  organization.status = row.column_text(16);
  organization.created_at = row.column_text(17);
  organization.updated_at = row.column_text(18);
  organization.national_network_connected_on = row.column_optional_text(19);
  return organization;
}

// Binds every column but id, created_at and updated_at, in kColumns order from 1.
void bind_fields(db::Statement& statement, const Organization& organization) {
  statement.bind(1, organization.external_id)
      .bind(2, organization.kind)
      .bind(3, organization.name)
      .bind(4, organization.name_en)
      .bind(5, organization.tax_code)
      .bind(6, organization.website)
      .bind(7, organization.email)
      .bind(8, organization.phone)
      .bind(9, organization.country_code)
      .bind(10, organization.address)
      .bind(11, organization.province_code)
      .bind(12, organization.commune_code)
      .bind(13, organization.old_province_code)
      .bind(14, organization.old_district_code)
      .bind(15, organization.old_commune_code)
      .bind(16, organization.status)
      .bind(19, organization.national_network_connected_on);
}

}  // namespace

std::int64_t insert_organization(db::Connection& connection, const Organization& organization) {
  auto statement = connection.prepare(
      "INSERT INTO organizations (external_id, kind, name, name_en, tax_code, website, email, "
      "phone, country_code, address, province_code, commune_code, old_province_code, "
      "old_district_code, old_commune_code, status, created_at, updated_at, "
      "national_network_connected_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14, ?15, ?16, ?17, ?17, ?19)");
  bind_fields(statement, organization);
  statement.bind(17, db::now_utc());
  statement.run();
  return connection.last_insert_id();
}

void update_organization(db::Connection& connection, const Organization& organization) {
  auto statement = connection.prepare(
      "UPDATE organizations SET external_id = ?1, kind = ?2, name = ?3, name_en = ?4, "
      "tax_code = ?5, website = ?6, email = ?7, phone = ?8, country_code = ?9, address = ?10, "
      "province_code = ?11, commune_code = ?12, old_province_code = ?13, "
      "old_district_code = ?14, old_commune_code = ?15, status = ?16, updated_at = ?17, "
      "national_network_connected_on = ?19 WHERE id = ?18");
  bind_fields(statement, organization);
  statement.bind(17, db::now_utc()).bind(18, organization.id);
  statement.run();
}

std::optional<Organization> find_organization(db::Connection& connection, std::int64_t id) {
  auto query =
      connection.prepare(std::string("SELECT ") + kColumns + " FROM organizations WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_row(query);
}

std::vector<Organization> list_organizations(db::Connection& connection,
                                             const OrganizationFilter& filter) {
  // Each condition is switched off when its parameter is NULL, so one
  // statement serves every combination of filters.
  auto query = connection.prepare(
      std::string("SELECT ") + kColumns +
      " FROM organizations WHERE id > :after"
      " AND (:status IS NULL AND status <> 'archived' OR status = :status)"
      " AND (:kind IS NULL OR kind = :kind)"
      " AND (:province IS NULL OR province_code = :province)" +
      (filter.sort_by_name ? " ORDER BY name COLLATE vietnamese, id LIMIT :limit OFFSET :offset"
                           : " ORDER BY id LIMIT :limit"));
  query.bind(":after", filter.sort_by_name ? 0 : filter.after_id)
      .bind(":status", filter.status)
      .bind(":kind", filter.kind)
      .bind(":province", filter.province_code)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  if (filter.sort_by_name) query.bind(":offset", static_cast<std::int64_t>(filter.offset));
  std::vector<Organization> organizations;
  while (query.step()) organizations.push_back(read_row(query));
  return organizations;
}

std::optional<std::string> find_old_commune_district(db::Connection& connection,
                                                     const std::string& commune_code) {
  auto query =
      connection.prepare("SELECT district_code FROM admin_communes WHERE edition = ? AND code = ?");
  query.bind(1, reference::kFormerEdition).bind(2, commune_code);
  if (!query.step()) return std::nullopt;
  return query.column_optional_text(0);
}

}  // namespace techmarket::organizations
