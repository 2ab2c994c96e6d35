#include "imports/cell_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <regex>

#include "common/field_reader.h"
#include "text/fold.h"

namespace techmarket::imports {
namespace {

constexpr std::array<std::string_view, 2> kNoBreakSpaces = {"\xC2\xA0", "\xE2\x80\xAF"};
constexpr std::string_view kThinSpace = "\xE2\x80\x89";

// Currency marks in upper case, longest first so that "VNĐ" is not read as "Đ".
constexpr std::array<std::string_view, 5> kCurrencyMarks = {"ĐỒNG", "VNĐ", "VND", "₫", "Đ"};

bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string result;
  result.reserve(text.size());
  std::size_t start = 0;
  for (auto at = text.find(from); at != std::string_view::npos; at = text.find(from, start)) {
    result.append(text.substr(start, at - start)).append(to);
    start = at + from.size();
  }
  result.append(text.substr(start));
  return result;
}

// Removes one currency mark before or after the number.
std::string_view strip_currency(std::string_view amount) {
  for (auto mark : kCurrencyMarks) {
    if (amount.ends_with(mark)) return trim_cell(amount.substr(0, amount.size() - mark.size()));
    if (amount.starts_with(mark)) return trim_cell(amount.substr(mark.size()));
  }
  return amount;
}

// Returns the digits of "1.234.567" or "1 234 567", where every group after
// the first has exactly three digits, or of "1234567".
std::optional<std::string> join_digit_groups(std::string_view number) {
  if (is_digits(number)) return std::string(number);
  bool dots = number.find('.') != std::string_view::npos;
  bool spaces = number.find(' ') != std::string_view::npos;
  if (dots == spaces) return std::nullopt;
  char separator = dots ? '.' : ' ';

  std::string digits;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    auto end = number.find(separator, start);
    auto group = number.substr(start, end == std::string_view::npos ? end : end - start);
    bool sized = first ? (group.size() >= 1 && group.size() <= 3) : group.size() == 3;
    if (!sized || !is_digits(group)) return std::nullopt;
    digits += group;
    if (end == std::string_view::npos) return digits;
    start = end + 1;
    first = false;
  }
}

std::optional<std::int64_t> to_int64(std::string_view digits) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<std::string> iso_date(int year, int month, int day) {
  std::string date = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (!is_iso_date(date)) return std::nullopt;
  return date;
}

}  // namespace

std::string_view trim_cell(std::string_view cell) {
  auto strip_front = [&]() {
    if (cell.empty()) return false;
    if (cell.front() == ' ' || cell.front() == '\t' || cell.front() == '\r' ||
        cell.front() == '\n') {
      cell.remove_prefix(1);
      return true;
    }
    for (auto space : kNoBreakSpaces) {
      if (cell.starts_with(space)) {
        cell.remove_prefix(space.size());
        return true;
      }
    }
    return false;
  };
  auto strip_back = [&]() {
    if (cell.empty()) return false;
    if (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r' || cell.back() == '\n') {
      cell.remove_suffix(1);
      return true;
    }
    for (auto space : kNoBreakSpaces) {
      if (cell.ends_with(space)) {
        cell.remove_suffix(space.size());
        return true;
      }
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return cell;
}

std::optional<std::int64_t> parse_amount_vnd(std::string_view cell) {
  if (!text::is_valid_utf8(cell)) return std::nullopt;
  std::string upper = text::to_upper_vi(trim_cell(cell));
  std::string amount(strip_currency(trim_cell(upper)));
  for (auto space : kNoBreakSpaces) amount = replace_all(amount, space, " ");
  amount = replace_all(amount, kThinSpace, " ");

  // A decimal comma is accepted only before zeros: "1.234.567,00".
  std::string_view number = amount;
  auto comma = number.find(',');
  if (comma != std::string_view::npos) {
    auto fraction = number.substr(comma + 1);
    if (fraction.empty() || fraction.size() > 2 ||
        fraction.find_first_not_of('0') != std::string_view::npos) {
      return std::nullopt;
    }
    number = number.substr(0, comma);
  }

  auto digits = join_digit_groups(number);
  if (!digits) return std::nullopt;
  return to_int64(*digits);
}

std::optional<std::string> parse_date(std::string_view cell) {
  if (!text::is_valid_utf8(cell)) return std::nullopt;
  std::string date(trim_cell(cell));
  if (is_iso_date(date)) return date;

  static const std::regex kDayFirst(R"(^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$)");
  static const std::regex kVietnameseWords(
      R"(^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$)");
  std::smatch match;
  if (std::regex_match(date, match, kDayFirst)) {
    return iso_date(std::stoi(match[4]), std::stoi(match[3]), std::stoi(match[1]));
  }
  std::string folded = text::fold(date);
  if (std::regex_match(folded, match, kVietnameseWords)) {
    return iso_date(std::stoi(match[3]), std::stoi(match[2]), std::stoi(match[1]));
  }
  return std::nullopt;
}

std::optional<bool> parse_boolean(std::string_view cell) {
  if (!text::is_valid_utf8(cell)) return std::nullopt;
  std::string upper = text::to_upper_vi(trim_cell(cell));
  if (upper == "TRUE" || upper == "1" || upper == "CÓ") return true;
  if (upper == "FALSE" || upper == "0" || upper == "KHÔNG") return false;
  return std::nullopt;
}

std::optional<std::int64_t> parse_whole_number(std::string_view cell) {
  auto number = trim_cell(cell);
  if (!is_digits(number)) return std::nullopt;
  return to_int64(number);
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    auto end = cell.find(';', start);
    if (end == std::string_view::npos) end = cell.size();
    auto item = trim_cell(cell.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace techmarket::imports
