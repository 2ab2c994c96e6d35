// Loads the reference tables from a folder of public data files: the
// administrative map of 2025 and of 2021, the links from old to new communes,
// IPC titles and the OECD fields of science.
#pragma once

#include <cstddef>
#include <filesystem>

#include "db/sqlite.h"

namespace techmarket::reference {

// Rows written per table, and per edition or level where a table contains several.
struct ImportSummary {
  std::size_t provinces_2025 = 0;
  std::size_t provinces_2021 = 0;
  std::size_t districts_2021 = 0;
  std::size_t communes_2025 = 0;
  std::size_t communes_2021 = 0;
  std::size_t commune_links = 0;
  std::size_t ipc_sections = 0;
  std::size_t ipc_classes = 0;
  std::size_t ipc_subclasses = 0;
  std::size_t st_subfields = 0;
};

// Replaces the provinces, districts, communes, commune links, IPC codes and
// OECD sub-fields with the contents of `data_dir`, in one write transaction.
// The folder contains admin_units/{after,before}_reform_*.csv,
// admin_units/mapping_new_to_old_dvhcvn20250701.csv,
// classifications/ipc_titles_en.csv and classifications/oecd_fos_frascati_en.json.
// Every file is read and checked before the database is touched. A missing
// file or any malformed row throws ValidationError that lists each problem as
// {"<file>:<line>", reason} (the file alone for a missing file or bad JSON),
// and the tables stay unchanged. Running it twice gives the same rows.
ImportSummary import_reference(db::Connection& connection, const std::filesystem::path& data_dir);

}  // namespace techmarket::reference
