// Typed values from spreadsheet cells, written the way Vietnamese offices
// write them: day-first dates, "." between thousands and amounts in đồng.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket::imports {

// Parses an amount of whole đồng: "1234567", "1.234.567", "1 234 567",
// "4.300 ₫", "4300 VND", "4.300 đồng" or "1.234.567,00". Returns std::nullopt
// for anything else, including fractions of a đồng, a comma between
// thousands ("1,234,567") and amounts above INT64_MAX.
std::optional<std::int64_t> parse_amount_vnd(std::string_view cell);

// Parses a calendar date written YYYY-MM-DD, day first as dd/mm/yyyy,
// dd-mm-yyyy or dd.mm.yyyy (one-digit day and month allowed), or as
// "ngày 05 tháng 03 năm 2024". Returns it as YYYY-MM-DD, or std::nullopt
// when the text has another form or names no real day (31/02/2024).
std::optional<std::string> parse_date(std::string_view cell);

// Parses true/false, 1/0 and có/không in any letter case.
std::optional<bool> parse_boolean(std::string_view cell);

// Parses a whole number of decimal digits without sign or separators.
std::optional<std::int64_t> parse_whole_number(std::string_view cell);

// Splits a list cell at ";" and returns the trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view cell);

// Returns `cell` without leading and trailing ASCII spaces, tabs, line breaks
// and no-break spaces (U+00A0, U+202F).
std::string_view trim_cell(std::string_view cell);

}  // namespace techmarket::imports
