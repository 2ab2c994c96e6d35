#include "reference/lookup.h"

namespace techmarket::reference {
namespace {

bool exists(db::Connection& connection, const char* sql,
            std::initializer_list<std::string> values) {
  auto query = connection.prepare(sql);
  int index = 1;
  for (const auto& value : values) query.bind(index++, value);
  return query.step();
}

}  // namespace

bool province_exists(db::Connection& connection, const std::string& edition,
                     const std::string& code) {
  return exists(connection, "SELECT 1 FROM admin_provinces WHERE edition = ? AND code = ?",
                {edition, code});
}

bool commune_exists(db::Connection& connection, const std::string& edition,
                    const std::string& province_code, const std::string& commune_code) {
  return exists(connection,
                "SELECT 1 FROM admin_communes WHERE edition = ? AND province_code = ? AND code = ?",
                {edition, province_code, commune_code});
}

bool district_exists(db::Connection& connection, const std::string& province_code,
                     const std::string& district_code) {
  return exists(connection, "SELECT 1 FROM admin_districts WHERE province_code = ? AND code = ?",
                {province_code, district_code});
}

bool st_field_exists(db::Connection& connection, const std::string& code) {
  return exists(connection, "SELECT 1 FROM st_fields WHERE code = ?", {code});
}

bool industry_section_exists(db::Connection& connection, const std::string& version,
                             const std::string& code) {
  return exists(connection, "SELECT 1 FROM industry_sections WHERE version = ? AND code = ?",
                {version, code});
}

bool ipc_subclass_known(db::Connection& connection, const std::string& code) {
  if (!exists(connection, "SELECT 1 FROM ipc_codes LIMIT 1", {})) return true;
  return exists(connection, "SELECT 1 FROM ipc_codes WHERE code = ?", {code.substr(0, 4)});
}

}  // namespace techmarket::reference
