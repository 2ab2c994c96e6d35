#include "catalog/offer_store.h"

#include <nlohmann/json.hpp>

namespace techmarket::catalog {
namespace {

constexpr const char* kColumns =
    "id, external_id, kind, title, title_en, summary, summary_en, description, description_en, "
    "language, st_field, industry_section, industry_version, ipc_codes, trl, ip_status, "
    "ip_number, owner_organization_id, province_code, transfer_modes, price_vnd, "
    "price_negotiable, keywords, status, published_on, expires_on, source_url, created_at, "
    "updated_at, rejection_reason";

std::string to_json_array(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

std::vector<std::string> from_json_array(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

Offer read_row(const db::Statement& row) {
  Offer offer;
  offer.id = row.column_int64(0);
  offer.external_id = row.column_optional_text(1);
  offer.kind = row.column_text(2);
  offer.title = row.column_text(3);
  offer.title_en = row.column_optional_text(4);
  offer.summary = row.column_text(5);
  offer.summary_en = row.column_optional_text(6);
  offer.description = row.column_optional_text(7);
  offer.description_en = row.column_optional_text(8);
  offer.language = row.column_text(9);
  offer.st_field = row.column_optional_text(10);
  offer.industry_section = row.column_optional_text(11);
  offer.industry_version = row.column_optional_text(12);
  offer.ipc_codes = from_json_array(row.column_text(13));
  if (auto trl = row.column_optional_int64(14)) offer.trl = static_cast<int>(*trl);
  offer.ip_status = row.column_optional_text(15);
  offer.ip_number = row.column_optional_text(16);
  offer.owner_organization_id = row.column_optional_int64(17);
  offer.province_code = row.column_optional_text(18);
  offer.transfer_modes = from_json_array(row.column_text(19));
  offer.price_vnd = row.column_optional_int64(20);
  offer.price_negotiable = row.column_int64(21) != 0;
  offer.keywords = from_json_array(row.column_text(22));
  offer.status = row.column_text(23);
  offer.published_on = row.column_optional_text(24);
  offer.expires_on = row.column_optional_text(25);
  offer.source_url = row.column_optional_text(26);
  offer.created_at = row.column_text(27);
  offer.updated_at = row.column_text(28);
  offer.rejection_reason = row.column_optional_text(29);
  return offer;
}

// Binds every column but id, created_at and updated_at from 1, in kColumns
// order; rejection_reason, the last column, is bound at 27.
void bind_fields(db::Statement& statement, const Offer& offer) {
  statement.bind(1, offer.external_id)
      .bind(2, offer.kind)
      .bind(3, offer.title)
      .bind(4, offer.title_en)
      .bind(5, offer.summary)
      .bind(6, offer.summary_en)
      .bind(7, offer.description)
      .bind(8, offer.description_en)
      .bind(9, offer.language)
      .bind(10, offer.st_field)
      .bind(11, offer.industry_section)
      .bind(12, offer.industry_version)
      .bind(13, to_json_array(offer.ipc_codes))
      .bind(14, offer.trl)
      .bind(15, offer.ip_status)
      .bind(16, offer.ip_number)
      .bind(17, offer.owner_organization_id)
      .bind(18, offer.province_code)
      .bind(19, to_json_array(offer.transfer_modes))
      .bind(20, offer.price_vnd)
      .bind(21, offer.price_negotiable ? 1 : 0)
      .bind(22, to_json_array(offer.keywords))
      .bind(23, offer.status)
      .bind(24, offer.published_on)
      .bind(25, offer.expires_on)
      .bind(26, offer.source_url)
      .bind(27, offer.rejection_reason);
}

}  // namespace

std::int64_t insert_offer(db::Connection& connection, const Offer& offer) {
  auto statement = connection.prepare(
      "INSERT INTO offers (external_id, kind, title, title_en, summary, summary_en, description, "
      "description_en, language, st_field, industry_section, industry_version, ipc_codes, trl, "
      "ip_status, ip_number, owner_organization_id, province_code, transfer_modes, price_vnd, "
      "price_negotiable, keywords, status, published_on, expires_on, source_url, rejection_reason, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
      "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?28)");
  bind_fields(statement, offer);
  statement.bind(28, db::now_utc());
  statement.run();
  return connection.last_insert_id();
}

void update_offer(db::Connection& connection, const Offer& offer) {
  auto statement = connection.prepare(
      "UPDATE offers SET external_id = ?1, kind = ?2, title = ?3, title_en = ?4, summary = ?5, "
      "summary_en = ?6, description = ?7, description_en = ?8, language = ?9, st_field = ?10, "
      "industry_section = ?11, industry_version = ?12, ipc_codes = ?13, trl = ?14, "
      "ip_status = ?15, ip_number = ?16, owner_organization_id = ?17, province_code = ?18, "
      "transfer_modes = ?19, price_vnd = ?20, price_negotiable = ?21, keywords = ?22, "
      "status = ?23, published_on = ?24, expires_on = ?25, source_url = ?26, "
      "rejection_reason = ?27, updated_at = ?28 WHERE id = ?29");
  bind_fields(statement, offer);
  statement.bind(28, db::now_utc()).bind(29, offer.id);
  statement.run();
}

std::optional<Offer> find_offer(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(std::string("SELECT ") + kColumns + " FROM offers WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_row(query);
}

std::optional<std::int64_t> find_offer_id(db::Connection& connection,
                                          const std::string& external_id) {
  auto query = connection.prepare("SELECT id FROM offers WHERE external_id = ?");
  query.bind(1, external_id);
  if (!query.step()) return std::nullopt;
  return query.column_int64(0);
}

std::vector<Offer> list_offers(db::Connection& connection, const OfferFilter& filter) {
  // Each condition is switched off when its parameter is NULL, so one
  // statement serves every combination of filters.
  auto query =
      connection.prepare(std::string("SELECT ") + kColumns +
                         " FROM offers WHERE id > :after"
                         " AND (:status IS NULL AND status <> 'archived' OR status = :status)"
                         " AND (:kind IS NULL OR kind = :kind)"
                         " AND (:st_field IS NULL OR st_field = :st_field"
                         "      OR substr(st_field, 1, length(:st_field) + 1) = :st_field || '.')"
                         " AND (:trl IS NULL OR trl = :trl)"
                         " AND (:owner IS NULL OR owner_organization_id = :owner)"
                         " AND (:province IS NULL OR province_code = :province)"
                         " AND (:published_only = 0 OR status = 'published'"
                         "      OR owner_organization_id = :viewer_organization)"
                         " ORDER BY id LIMIT :limit");
  query.bind(":after", filter.after_id)
      .bind(":status", filter.status)
      .bind(":kind", filter.kind)
      .bind(":st_field", filter.st_field)
      .bind(":trl", filter.trl)
      .bind(":owner", filter.owner_organization_id)
      .bind(":province", filter.province_code)
      .bind(":published_only", filter.published_only ? 1 : 0)
      .bind(":viewer_organization", filter.viewer_organization_id)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<Offer> offers;
  while (query.step()) offers.push_back(read_row(query));
  return offers;
}

std::vector<std::int64_t> list_offer_ids_due_to_expire(db::Connection& connection,
                                                       const std::string& today) {
  auto query = connection.prepare(
      // Without statistics SQLite would walk offers_by_status for the order.
      "SELECT id FROM offers INDEXED BY offers_due_to_expire"
      " WHERE status = 'published' AND expires_on IS NOT NULL"
      " AND expires_on < ? ORDER BY id");
  query.bind(1, today);
  std::vector<std::int64_t> ids;
  while (query.step()) ids.push_back(query.column_int64(0));
  return ids;
}

}  // namespace techmarket::catalog
