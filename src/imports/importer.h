// Imports offers, needs and organizations from a file: CSV with the API's
// field names as columns, JSON lines in the API's shape, or NASA's
// technology-transfer portfolio (offers only). docs/IMPORT_FORMATS.md
// describes the formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/errors.h"
#include "db/sqlite.h"

namespace techmarket::imports {

// The outcome of one import. When `errors` is not empty nothing was changed
// and the three outcome counts are zero.
struct ImportReport {
  std::size_t rows = 0;  // records read, without blank lines
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  // Ids of the records created or updated, in file order, for the work that
  // follows a change (matching). Empty when nothing was saved.
  std::vector<std::int64_t> changed_ids;
  // Offers and needs created or updated with a status other than published
  // (a file without a status column makes drafts): the public does not see them.
  std::size_t not_published = 0;
  // One entry per problem, its field prefixed by the line ("line 12: title").
  std::vector<FieldError> errors;
  std::string format;  // "csv", "jsonl" or "nasa_t2"
};

// kValidateOnly checks every record as kSave does and reports the same
// counts, then rolls the transaction back, so nothing is saved.
enum class ImportMode { kSave, kValidateOnly };

// Each function reads the whole file and saves every record in one write
// transaction, inserting or updating by external_id, which every record must
// have. When any record is invalid the transaction rolls back and the report
// lists the problems of every record. The caller drains the search indexer
// after a successful import. Database failures throw db::Error.
ImportReport import_offers(db::Connection& connection, const std::filesystem::path& file,
                           ImportMode mode = ImportMode::kSave);
ImportReport import_needs(db::Connection& connection, const std::filesystem::path& file,
                          ImportMode mode = ImportMode::kSave);
ImportReport import_organizations(db::Connection& connection, const std::filesystem::path& file,
                                  ImportMode mode = ImportMode::kSave);

}  // namespace techmarket::imports
