#include "reference/store.h"

namespace techmarket::reference {
namespace {

constexpr const char* kProvinceColumns =
    "SELECT edition, code, name, name_en, full_name, full_name_en FROM admin_provinces ";
constexpr const char* kCommuneColumns =
    "SELECT edition, code, name, name_en, full_name, full_name_en, province_code, district_code "
    "FROM admin_communes ";
constexpr const char* kIpcColumns = "SELECT code, level, title_en FROM ipc_codes ";

Province read_province(const db::Statement& row) {
  return Province{row.column_text(0),          row.column_text(1), row.column_text(2),
                  row.column_optional_text(3), row.column_text(4), row.column_optional_text(5)};
}

Commune read_commune(const db::Statement& row) {
  return Commune{row.column_text(0), row.column_text(1),
                 row.column_text(2), row.column_optional_text(3),
                 row.column_text(4), row.column_optional_text(5),
                 row.column_text(6), row.column_optional_text(7)};
}

IpcEntry read_ipc_entry(const db::Statement& row) {
  return IpcEntry{row.column_text(0), row.column_text(1), row.column_text(2)};
}

std::vector<LinkedCommune> read_linked_communes(db::Statement& query) {
  std::vector<LinkedCommune> communes;
  while (query.step()) {
    communes.push_back({query.column_text(0), query.column_optional_text(1), query.column_text(2)});
  }
  return communes;
}

}  // namespace

void delete_imported_reference(db::Connection& connection) {
  connection.execute("DELETE FROM admin_commune_links");
  connection.execute("DELETE FROM admin_communes");
  connection.execute("DELETE FROM admin_districts");
  connection.execute("DELETE FROM admin_provinces");
  connection.execute("DELETE FROM ipc_codes");
  connection.execute("DELETE FROM st_fields WHERE scheme = 'oecd_fos'");
}

void insert_provinces(db::Connection& connection, const std::vector<Province>& provinces) {
  auto insert = connection.prepare(
      "INSERT INTO admin_provinces (edition, code, name, name_en, full_name, full_name_en) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& province : provinces) {
    insert.bind(1, province.edition).bind(2, province.code).bind(3, province.name);
    insert.bind(4, province.name_en).bind(5, province.full_name).bind(6, province.full_name_en);
    insert.run();
    insert.reset();
  }
}

void insert_districts(db::Connection& connection, const std::vector<District>& districts) {
  auto insert = connection.prepare(
      "INSERT INTO admin_districts (code, name, full_name, province_code) VALUES (?, ?, ?, ?)");
  for (const auto& district : districts) {
    insert.bind(1, district.code).bind(2, district.name);
    insert.bind(3, district.full_name).bind(4, district.province_code);
    insert.run();
    insert.reset();
  }
}

void insert_communes(db::Connection& connection, const std::vector<Commune>& communes) {
  auto insert = connection.prepare(
      "INSERT INTO admin_communes (edition, code, name, name_en, full_name, full_name_en, "
      "province_code, district_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& commune : communes) {
    insert.bind(1, commune.edition).bind(2, commune.code).bind(3, commune.name);
    insert.bind(4, commune.name_en).bind(5, commune.full_name).bind(6, commune.full_name_en);
    insert.bind(7, commune.province_code).bind(8, commune.district_code);
    insert.run();
    insert.reset();
  }
}

void insert_commune_links(db::Connection& connection, const std::vector<CommuneLink>& links) {
  auto insert = connection.prepare(
      "INSERT INTO admin_commune_links (new_commune_code, old_commune_code, merge_type) "
      "VALUES (?, ?, ?)");
  for (const auto& link : links) {
    insert.bind(1, link.new_commune_code).bind(2, link.old_commune_code);
    insert.bind(3, link.merge_type);
    insert.run();
    insert.reset();
  }
}

void insert_ipc_entries(db::Connection& connection, const std::vector<IpcEntry>& entries) {
  auto insert =
      connection.prepare("INSERT INTO ipc_codes (code, level, title_en) VALUES (?, ?, ?)");
  for (const auto& entry : entries) {
    insert.bind(1, entry.code).bind(2, entry.level).bind(3, entry.title_en);
    insert.run();
    insert.reset();
  }
}

void insert_st_fields(db::Connection& connection, const std::vector<StField>& fields) {
  auto insert = connection.prepare(
      "INSERT INTO st_fields (code, parent_code, name_vi, name_en, scheme) "
      "VALUES (?, ?, ?, ?, ?)");
  for (const auto& field : fields) {
    insert.bind(1, field.code).bind(2, field.parent_code).bind(3, field.name_vi);
    insert.bind(4, field.name_en).bind(5, field.scheme);
    insert.run();
    insert.reset();
  }
}

std::vector<Province> list_provinces(db::Connection& connection, const std::string& edition) {
  auto query =
      connection.prepare(std::string(kProvinceColumns) + "WHERE edition = ? ORDER BY code");
  query.bind(1, edition);
  std::vector<Province> provinces;
  while (query.step()) provinces.push_back(read_province(query));
  return provinces;
}

std::optional<Province> find_province(db::Connection& connection, const std::string& edition,
                                      const std::string& code) {
  auto query = connection.prepare(std::string(kProvinceColumns) + "WHERE edition = ? AND code = ?");
  query.bind(1, edition).bind(2, code);
  if (!query.step()) return std::nullopt;
  return read_province(query);
}

std::vector<Commune> list_communes(db::Connection& connection, const std::string& edition,
                                   const std::string& province_code) {
  auto query = connection.prepare(std::string(kCommuneColumns) +
                                  "WHERE edition = ? AND province_code = ? ORDER BY code");
  query.bind(1, edition).bind(2, province_code);
  std::vector<Commune> communes;
  while (query.step()) communes.push_back(read_commune(query));
  return communes;
}

std::optional<Commune> find_commune(db::Connection& connection, const std::string& edition,
                                    const std::string& code) {
  auto query = connection.prepare(std::string(kCommuneColumns) + "WHERE edition = ? AND code = ?");
  query.bind(1, edition).bind(2, code);
  if (!query.step()) return std::nullopt;
  return read_commune(query);
}

std::vector<LinkedCommune> list_former_communes(db::Connection& connection,
                                                const std::string& new_code) {
  auto query = connection.prepare(
      "SELECT l.old_commune_code, COALESCE(c.full_name, d.full_name), l.merge_type "
      "FROM admin_commune_links l "
      "LEFT JOIN admin_communes c ON c.edition = '2021' AND c.code = l.old_commune_code "
      "LEFT JOIN admin_districts d ON c.code IS NULL AND d.code = l.old_commune_code "
      "WHERE l.new_commune_code = ? ORDER BY l.old_commune_code");
  query.bind(1, new_code);
  return read_linked_communes(query);
}

std::vector<LinkedCommune> list_current_communes(db::Connection& connection,
                                                 const std::string& old_code) {
  auto query = connection.prepare(
      "SELECT l.new_commune_code, c.full_name, l.merge_type "
      "FROM admin_commune_links l "
      "LEFT JOIN admin_communes c ON c.edition = '2025' AND c.code = l.new_commune_code "
      "WHERE l.old_commune_code = ? ORDER BY l.new_commune_code");
  query.bind(1, old_code);
  return read_linked_communes(query);
}

std::optional<IpcEntry> find_ipc_entry(db::Connection& connection, const std::string& code) {
  auto query = connection.prepare(std::string(kIpcColumns) + "WHERE code = ?");
  query.bind(1, code);
  if (!query.step()) return std::nullopt;
  return read_ipc_entry(query);
}

std::vector<IpcEntry> list_ipc_entries(db::Connection& connection, const std::string& level,
                                       const std::string& prefix) {
  auto query = connection.prepare(std::string(kIpcColumns) +
                                  "WHERE level = ? AND substr(code, 1, length(?2)) = ?2 "
                                  "ORDER BY code");
  query.bind(1, level).bind(2, prefix);
  std::vector<IpcEntry> entries;
  while (query.step()) entries.push_back(read_ipc_entry(query));
  return entries;
}

std::vector<StField> list_st_fields(db::Connection& connection) {
  // Codes are "N" or "N.M", and CAST reads the leading number of each part.
  auto query = connection.prepare(
      "SELECT code, parent_code, name_vi, name_en, scheme FROM st_fields "
      "ORDER BY parent_code IS NOT NULL, CAST(code AS INTEGER), "
      "CAST(substr(code, instr(code, '.') + 1) AS INTEGER), code");
  std::vector<StField> fields;
  while (query.step()) {
    fields.push_back({query.column_text(0), query.column_optional_text(1),
                      query.column_optional_text(2), query.column_text(3), query.column_text(4)});
  }
  return fields;
}

std::vector<IndustrySection> list_industry_sections(db::Connection& connection,
                                                    const std::string& version) {
  auto query = connection.prepare(
      "SELECT version, code, name_vi, name_en FROM industry_sections WHERE version = ? "
      "ORDER BY code");
  query.bind(1, version);
  std::vector<IndustrySection> sections;
  while (query.step()) {
    sections.push_back(
        {query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3)});
  }
  return sections;
}

std::vector<TrlLevel> list_trl_levels(db::Connection& connection) {
  auto query = connection.prepare("SELECT level, name_vi, name_en FROM trl_levels ORDER BY level");
  std::vector<TrlLevel> levels;
  while (query.step()) {
    levels.push_back(
        {static_cast<int>(query.column_int64(0)), query.column_text(1), query.column_text(2)});
  }
  return levels;
}

}  // namespace techmarket::reference
