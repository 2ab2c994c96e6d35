// The record-by-record part of one import: line-numbered errors, owners
// given by external_id, repeated external_ids, and counts of what was saved.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "db/sqlite.h"
#include "imports/importer.h"
#include "imports/record_types.h"

namespace techmarket::imports {

// Collects the outcome of each record into `report`; the caller owns the
// write transaction. Records are saved only while no error has been found,
// but every record is still checked, so the report lists all problems.
class ImportRun {
 public:
  ImportRun(db::Connection& connection, const RecordType& type, ImportReport& report)
      : connection_(connection), type_(type), report_(report) {}

  void count_row() { ++report_.rows; }

  // Checks the API JSON `record` read from `line`, together with `errors`
  // found while reading it, and saves it when the import is still clean.
  void add(std::size_t line, nlohmann::json record, std::vector<FieldError> errors = {});

  // Adds errors of `line`, prefixing each field with "line N: ".
  void reject(std::size_t line, const std::vector<FieldError>& errors);
  void reject(std::size_t line, const std::string& field, std::string message);

 private:
  void resolve_owner(nlohmann::json& record, std::vector<FieldError>& errors);
  void check_external_id(std::size_t line, const nlohmann::json& record,
                         std::vector<FieldError>& errors);

  db::Connection& connection_;
  const RecordType& type_;
  ImportReport& report_;
  std::map<std::string, std::size_t> lines_by_external_id_;
};

}  // namespace techmarket::imports
