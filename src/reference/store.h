// SQL for the reference tables: administrative units of both editions, the
// links between them, IPC codes and S&T fields (written by the importer),
// and the hand-entered VSIC sections and TRL scale (read only). Functions run
// inside the caller's transaction, if any.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"

namespace techmarket::reference {

struct Province {
  std::string edition;  // kCurrentEdition or kFormerEdition
  std::string code;
  std::string name;
  std::optional<std::string> name_en;
  std::string full_name;
  std::optional<std::string> full_name_en;
};

// A district of the 2021 map. The 2025 map has no districts.
struct District {
  std::string code;
  std::string name;
  std::string full_name;
  std::string province_code;
};

struct Commune {
  std::string edition;
  std::string code;
  std::string name;
  std::optional<std::string> name_en;
  std::string full_name;
  std::optional<std::string> full_name_en;
  std::string province_code;
  std::optional<std::string> district_code;  // 2021 edition only
};

// An old (2021) commune that was merged, fully or in part, into a new (2025) one.
struct CommuneLink {
  std::string new_commune_code;
  std::string old_commune_code;
  std::string merge_type;  // "full" or "partial"
};

// The commune at the other end of a link, seen from one commune.
struct LinkedCommune {
  std::string code;
  std::optional<std::string> full_name;  // absent when the code names no row
  std::string merge_type;
};

struct IpcEntry {
  std::string code;
  std::string level;  // "section", "class" or "subclass"
  std::string title_en;
};

struct StField {
  std::string code;
  std::optional<std::string> parent_code;
  std::optional<std::string> name_vi;
  std::string name_en;
  std::string scheme;  // "top" for the six seeded fields, "oecd_fos" for sub-fields
};

struct IndustrySection {
  std::string version;
  std::string code;
  std::string name_vi;
  std::string name_en;
};

struct TrlLevel {
  int level = 0;
  std::string name_vi;
  std::string name_en;
};

// Deletes every row that import_reference writes: provinces, districts,
// communes, links, IPC codes and the OECD sub-fields. The seeded top-level
// S&T fields, VSIC sections and TRL levels stay.
void delete_imported_reference(db::Connection& connection);

void insert_provinces(db::Connection& connection, const std::vector<Province>& provinces);
void insert_districts(db::Connection& connection, const std::vector<District>& districts);
void insert_communes(db::Connection& connection, const std::vector<Commune>& communes);
void insert_commune_links(db::Connection& connection, const std::vector<CommuneLink>& links);
void insert_ipc_entries(db::Connection& connection, const std::vector<IpcEntry>& entries);
void insert_st_fields(db::Connection& connection, const std::vector<StField>& fields);

// Provinces of `edition` ordered by code.
std::vector<Province> list_provinces(db::Connection& connection, const std::string& edition);
std::optional<Province> find_province(db::Connection& connection, const std::string& edition,
                                      const std::string& code);
// Communes of one province in `edition` ordered by code.
std::vector<Commune> list_communes(db::Connection& connection, const std::string& edition,
                                   const std::string& province_code);
std::optional<Commune> find_commune(db::Connection& connection, const std::string& edition,
                                    const std::string& code);
// Returns the 2021 units merged into the 2025 commune `new_code`, ordered by
// code. Some old codes in the links name a 2021 district that had no
// communes (an island district), so their full name comes from the districts.
std::vector<LinkedCommune> list_former_communes(db::Connection& connection,
                                                const std::string& new_code);
// Returns the 2025 communes that took over the 2021 commune `old_code`.
std::vector<LinkedCommune> list_current_communes(db::Connection& connection,
                                                 const std::string& old_code);

std::optional<IpcEntry> find_ipc_entry(db::Connection& connection, const std::string& code);
// Returns the entries of `level` whose code starts with `prefix`, ordered by code.
std::vector<IpcEntry> list_ipc_entries(db::Connection& connection, const std::string& level,
                                       const std::string& prefix);

// Returns every S&T field, the top-level ones first, each group in code order
// ("2.2" before "2.10").
std::vector<StField> list_st_fields(db::Connection& connection);
std::vector<IndustrySection> list_industry_sections(db::Connection& connection,
                                                    const std::string& version);
std::vector<TrlLevel> list_trl_levels(db::Connection& connection);

}  // namespace techmarket::reference
