#include "needs/need_store.h"

#include <nlohmann/json.hpp>

namespace techmarket::needs {
namespace {

constexpr const char* kColumns =
    "id, external_id, title, problem, desired_result, language, st_field, industry_section, "
    "industry_version, budget_min_vnd, budget_max_vnd, deadline, province_code, commune_code, "
    "owner_organization_id, keywords, status, created_at, updated_at, rejection_reason, trl_min, "
    "ipc_codes";

Need read_row(const db::Statement& row) {
  Need need;
  need.id = row.column_int64(0);
  need.external_id = row.column_optional_text(1);
  need.title = row.column_text(2);
  need.problem = row.column_text(3);
  need.desired_result = row.column_optional_text(4);
  need.language = row.column_text(5);
  need.st_field = row.column_optional_text(6);
  need.industry_section = row.column_optional_text(7);
  need.industry_version = row.column_optional_text(8);
  need.budget_min_vnd = row.column_optional_int64(9);
  need.budget_max_vnd = row.column_optional_int64(10);
  need.deadline = row.column_optional_text(11);
  need.province_code = row.column_optional_text(12);
  need.commune_code = row.column_optional_text(13);
  need.owner_organization_id = row.column_optional_int64(14);
  need.keywords = nlohmann::json::parse(row.column_text(15)).get<std::vector<std::string>>();
  need.status = row.column_text(16);
  need.created_at = row.column_text(17);
  need.updated_at = row.column_text(18);
  need.rejection_reason = row.column_optional_text(19);
  if (auto trl_min = row.column_optional_int64(20)) need.trl_min = static_cast<int>(*trl_min);
  need.ipc_codes = nlohmann::json::parse(row.column_text(21)).get<std::vector<std::string>>();
  return need;
}

// Binds every column but id, created_at and updated_at from 1, in kColumns
// order: rejection_reason at 17, trl_min at 18 and ipc_codes at 19.
void bind_fields(db::Statement& statement, const Need& need) {
  statement.bind(1, need.external_id)
      .bind(2, need.title)
      .bind(3, need.problem)
      .bind(4, need.desired_result)
      .bind(5, need.language)
      .bind(6, need.st_field)
      .bind(7, need.industry_section)
      .bind(8, need.industry_version)
      .bind(9, need.budget_min_vnd)
      .bind(10, need.budget_max_vnd)
      .bind(11, need.deadline)
      .bind(12, need.province_code)
      .bind(13, need.commune_code)
      .bind(14, need.owner_organization_id)
      .bind(15, nlohmann::json(need.keywords).dump())
      .bind(16, need.status)
      .bind(17, need.rejection_reason)
      .bind(18, need.trl_min)
      .bind(19, nlohmann::json(need.ipc_codes).dump());
}

}  // namespace

std::int64_t insert_need(db::Connection& connection, const Need& need) {
  auto statement = connection.prepare(
      "INSERT INTO needs (external_id, title, problem, desired_result, language, st_field, "
      "industry_section, industry_version, budget_min_vnd, budget_max_vnd, deadline, "
      "province_code, commune_code, owner_organization_id, keywords, status, rejection_reason, "
      "trl_min, ipc_codes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)");
  bind_fields(statement, need);
  statement.bind(20, db::now_utc());
  statement.run();
  return connection.last_insert_id();
}

void update_need(db::Connection& connection, const Need& need) {
  auto statement = connection.prepare(
      "UPDATE needs SET external_id = ?1, title = ?2, problem = ?3, desired_result = ?4, "
      "language = ?5, st_field = ?6, industry_section = ?7, industry_version = ?8, "
      "budget_min_vnd = ?9, budget_max_vnd = ?10, deadline = ?11, province_code = ?12, "
      "commune_code = ?13, owner_organization_id = ?14, keywords = ?15, status = ?16, "
      "rejection_reason = ?17, trl_min = ?18, ipc_codes = ?19, updated_at = ?20 WHERE id = ?21");
  bind_fields(statement, need);
  statement.bind(20, db::now_utc()).bind(21, need.id);
  statement.run();
}

std::optional<Need> find_need(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(std::string("SELECT ") + kColumns + " FROM needs WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_row(query);
}

std::optional<std::int64_t> find_need_id(db::Connection& connection,
                                         const std::string& external_id) {
  auto query = connection.prepare("SELECT id FROM needs WHERE external_id = ?");
  query.bind(1, external_id);
  if (!query.step()) return std::nullopt;
  return query.column_int64(0);
}

std::vector<Need> list_needs(db::Connection& connection, const NeedFilter& filter) {
  // Each condition is switched off when its parameter is NULL, so one
  // statement serves every combination of filters.
  auto query =
      connection.prepare(std::string("SELECT ") + kColumns +
                         " FROM needs WHERE id > :after"
                         " AND (:status IS NULL AND status <> 'archived' OR status = :status)"
                         " AND (:st_field IS NULL OR st_field = :st_field"
                         "      OR substr(st_field, 1, length(:st_field) + 1) = :st_field || '.')"
                         " AND (:industry IS NULL OR industry_section = :industry)"
                         " AND (:owner IS NULL OR owner_organization_id = :owner)"
                         " AND (:province IS NULL OR province_code = :province)"
                         " AND (:published_only = 0 OR status = 'published'"
                         "      OR owner_organization_id = :viewer_organization)"
                         " ORDER BY id LIMIT :limit");
  query.bind(":after", filter.after_id)
      .bind(":status", filter.status)
      .bind(":st_field", filter.st_field)
      .bind(":industry", filter.industry_section)
      .bind(":owner", filter.owner_organization_id)
      .bind(":province", filter.province_code)
      .bind(":published_only", filter.published_only ? 1 : 0)
      .bind(":viewer_organization", filter.viewer_organization_id)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<Need> needs;
  while (query.step()) needs.push_back(read_row(query));
  return needs;
}

std::vector<std::int64_t> list_need_ids_due_to_expire(db::Connection& connection,
                                                      const std::string& today) {
  auto query = connection.prepare(
      // Without statistics SQLite would walk needs_by_status for the order.
      "SELECT id FROM needs INDEXED BY needs_due_to_expire"
      " WHERE status = 'published' AND deadline IS NOT NULL"
      " AND deadline < ? ORDER BY id");
  query.bind(1, today);
  std::vector<std::int64_t> ids;
  while (query.step()) ids.push_back(query.column_int64(0));
  return ids;
}

}  // namespace techmarket::needs
