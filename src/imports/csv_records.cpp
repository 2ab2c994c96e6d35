#include "imports/csv_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "imports/cell_values.h"

namespace techmarket::imports {
namespace {

// Returns true for a cell of five digits, the form Excel gives a date cell
// (days since 1900) when the file is saved without a date format.
bool looks_like_date_serial(std::string_view cell) {
  return cell.size() == 5 && parse_whole_number(cell).has_value();
}

// Returns `cell` with CRLF and lone CR line breaks written as LF.
std::string without_carriage_returns(std::string_view cell) {
  std::string text;
  text.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\r') {
      text.push_back(cell[i]);
    } else if (i + 1 == cell.size() || cell[i + 1] != '\n') {
      text.push_back('\n');
    }
  }
  return text;
}

std::string date_error(std::string_view cell) {
  if (looks_like_date_serial(cell)) {
    return fmt::format(
        "\"{}\" looks like an Excel date serial number; format the column as dates such as "
        "31/12/2024 or as text before saving the file",
        cell);
  }
  return fmt::format("\"{}\" is not a valid date; write YYYY-MM-DD or dd/mm/yyyy (day first)",
                     cell);
}

// Converts one non-empty cell; returns null and adds an error when it does
// not convert.
nlohmann::json convert_cell(const CsvColumn& column, std::string_view cell,
                            std::vector<FieldError>& errors) {
  switch (column.type) {
    case ColumnType::kText:
      return without_carriage_returns(cell);
    case ColumnType::kList:
      return split_list(cell);
    case ColumnType::kWholeNumber:
      if (auto number = parse_whole_number(cell)) return *number;
      errors.push_back({column.name, fmt::format("\"{}\" is not a whole number", cell)});
      return nullptr;
    case ColumnType::kAmountVnd:
      if (auto amount = parse_amount_vnd(cell)) return *amount;
      errors.push_back({column.name, fmt::format("\"{}\" is not an amount in whole đồng; write "
                                                 "it as 1.234.567, 1234567 or 4.300 ₫",
                                                 cell)});
      return nullptr;
    case ColumnType::kBoolean:
      if (auto value = parse_boolean(cell)) return *value;
      errors.push_back({column.name, fmt::format("\"{}\" is not a yes or no value; write true, "
                                                 "false, 1, 0, có or không",
                                                 cell)});
      return nullptr;
    case ColumnType::kDate:
      if (auto date = parse_date(cell)) return *date;
      errors.push_back({column.name, date_error(cell)});
      return nullptr;
  }
  return nullptr;
}

}  // namespace

std::vector<CsvColumn> read_columns(const std::vector<std::string>& header,
                                    std::span<const std::string> known_names,
                                    std::span<const TypedColumn> typed_columns,
                                    std::vector<FieldError>& errors) {
  std::vector<CsvColumn> columns;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < header.size(); ++i) {
    CsvColumn column;
    column.name = std::string(trim_cell(header[i]));
    if (column.name.empty()) {
      errors.push_back({fmt::format("column {}", i + 1),
                        "has no name; give every column a field name in the header row"});
      columns.push_back(std::move(column));
      continue;
    }
    if (!seen.insert(column.name).second) {
      errors.push_back({column.name, "appears twice in the header row; keep one of them"});
      columns.push_back(std::move(column));
      continue;
    }

    column.known =
        std::find(known_names.begin(), known_names.end(), column.name) != known_names.end();
    if (!column.known) {
      errors.push_back({column.name, fmt::format("is not a known column; the columns are: {}",
                                                 fmt::join(known_names, ", "))});
    }
    auto typed = std::find_if(typed_columns.begin(), typed_columns.end(),
                              [&](const TypedColumn& entry) { return entry.name == column.name; });
    if (typed != typed_columns.end()) column.type = typed->type;
    columns.push_back(std::move(column));
  }
  return columns;
}

nlohmann::json csv_record_to_json(std::span<const CsvColumn> columns,
                                  const std::vector<std::string>& cells,
                                  std::vector<FieldError>& errors) {
  nlohmann::json record = nlohmann::json::object();
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    const auto& column = columns[i];
    auto cell = trim_cell(cells[i]);
    if (!column.known || cell.empty()) continue;
    auto value = convert_cell(column, cell, errors);
    if (!value.is_null()) record[column.name] = std::move(value);
  }
  return record;
}

}  // namespace techmarket::imports
