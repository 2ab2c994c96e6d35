// Conversion of CSV import records to the API's JSON objects, so that the
// services validate a CSV row exactly as they validate an API request.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"

namespace techmarket::imports {

// The JSON type that a cell's text converts to (see imports/cell_values.h).
enum class ColumnType { kText, kList, kWholeNumber, kAmountVnd, kBoolean, kDate };

struct TypedColumn {
  std::string_view name;
  ColumnType type;
};

// A column of a CSV header.
struct CsvColumn {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool known = false;  // false for a name that the record type does not have
};

// Matches header names against `known_names` and gives each column its type
// from `typed_columns` (text when not listed). Adds an error named after the
// column for an unknown, empty or repeated name.
std::vector<CsvColumn> read_columns(const std::vector<std::string>& header,
                                    std::span<const std::string> known_names,
                                    std::span<const TypedColumn> typed_columns,
                                    std::vector<FieldError>& errors);

// Converts the cells of one record to a JSON object keyed by column name.
// Empty cells and unknown columns are left out. A cell that does not convert
// to its column's type adds an error named after the column.
nlohmann::json csv_record_to_json(std::span<const CsvColumn> columns,
                                  const std::vector<std::string>& cells,
                                  std::vector<FieldError>& errors);

}  // namespace techmarket::imports
