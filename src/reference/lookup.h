// Checks of codes against the reference tables, used by services that
// validate records.
#pragma once

#include <string>

#include "db/sqlite.h"

namespace techmarket::reference {

// Editions of the administrative map: "2025" is the two-tier map in force
// since 1 July 2025, "2021" the map before it (provinces, districts, communes).
inline constexpr const char* kCurrentEdition = "2025";
inline constexpr const char* kFormerEdition = "2021";

bool province_exists(db::Connection& connection, const std::string& edition,
                     const std::string& code);
bool commune_exists(db::Connection& connection, const std::string& edition,
                    const std::string& province_code, const std::string& commune_code);
bool district_exists(db::Connection& connection, const std::string& province_code,
                     const std::string& district_code);
bool st_field_exists(db::Connection& connection, const std::string& code);
bool industry_section_exists(db::Connection& connection, const std::string& version,
                             const std::string& code);
// True when `code` ("H01M", "A01B 1/00") has its subclass in the IPC table, or
// when no IPC table has been imported yet (the format is still checked by callers).
bool ipc_subclass_known(db::Connection& connection, const std::string& code);

}  // namespace techmarket::reference
