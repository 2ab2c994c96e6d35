#include "common/field_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "text/fold.h"

namespace techmarket {
namespace {

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// A control character found in text: its code point and its position,
// counted in characters from 1.
struct ControlCharacter {
  char32_t code_point;
  std::size_t position;
};

// Finds the first C0 or C1 control character or DEL. Multi-line text may
// hold line breaks and tabs.
std::optional<ControlCharacter> find_control_character(std::string_view text, bool multiline) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) ++position;
    if (byte == 0x7F) return ControlCharacter{0x7F, position};
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    if (byte == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return ControlCharacter{next, position};
    }
    if (byte >= 0x20) continue;
    if (multiline && (byte == '\n' || byte == '\t' || byte == '\r')) continue;
    return ControlCharacter{byte, position};
  }
  return std::nullopt;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool is_iso_date(std::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  int year = std::stoi(std::string(value.substr(0, 4)));
  int month = std::stoi(std::string(value.substr(5, 2)));
  int day = std::stoi(std::string(value.substr(8, 2)));
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDaysInMonth[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
  return day <= days;
}

FieldReader::FieldReader(const nlohmann::json& object) : object_(object) {
  if (!object_.is_object()) add_error("", "expected a JSON object");
}

const nlohmann::json* FieldReader::lookup(const std::string& name) {
  known_.insert(name);
  if (!object_.is_object()) return nullptr;
  auto found = object_.find(name);
  if (found == object_.end() || found->is_null()) return nullptr;
  return &*found;
}

void FieldReader::add_error(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

std::optional<std::string> FieldReader::check_text(const std::string& field,
                                                   const nlohmann::json& value, TextRule rule) {
  if (!value.is_string()) {
    add_error(field, "must be a string");
    return std::nullopt;
  }
  const auto& raw = value.get_ref<const std::string&>();
  if (!text::is_valid_utf8(raw)) {
    add_error(field, "is not valid UTF-8");
    return std::nullopt;
  }
  std::string normalized = trim(text::to_nfc(raw));
  if (auto control = find_control_character(normalized, rule.multiline)) {
    add_error(field, fmt::format("contains the control character U+{:04X} at character {}; {}",
                                 static_cast<std::uint32_t>(control->code_point), control->position,
                                 rule.multiline ? "remove it (line breaks and tabs are allowed)"
                                                : "remove it and write the value on one line"));
    return std::nullopt;
  }
  std::size_t length = count_code_points(normalized);
  if (length > rule.max_length) {
    add_error(field,
              fmt::format("is {} characters long; the maximum is {}", length, rule.max_length));
    return std::nullopt;
  }
  if (normalized.empty()) return std::nullopt;
  return normalized;
}

std::optional<std::string> FieldReader::text(const std::string& name, TextRule rule) {
  const auto* value = lookup(name);
  if (value == nullptr) return std::nullopt;
  return check_text(name, *value, rule);
}

std::string FieldReader::required_text(const std::string& name, TextRule rule) {
  const auto* value = lookup(name);
  if (value == nullptr) {
    add_error(name, "is required");
    return {};
  }
  std::size_t errors_before = errors_.size();
  auto result = check_text(name, *value, rule);
  if (!result && errors_.size() == errors_before) add_error(name, "must not be empty");
  return result.value_or("");
}

std::optional<std::string> FieldReader::choice(const std::string& name,
                                               std::span<const std::string_view> allowed) {
  auto value = text(name, {.max_length = 100});
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    add_error(name, fmt::format("\"{}\" is not one of: {}", *value, fmt::join(allowed, ", ")));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> FieldReader::integer(const std::string& name, std::int64_t min,
                                                 std::int64_t max) {
  const auto* value = lookup(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    add_error(name, "must be a whole number");
    return std::nullopt;
  }
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    add_error(name, fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  auto number = value->get<std::int64_t>();
  if (number < min || number > max) {
    add_error(name, fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> FieldReader::boolean(const std::string& name) {
  const auto* value = lookup(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    add_error(name, "must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::string> FieldReader::date(const std::string& name) {
  auto value = text(name, {.max_length = 10});
  if (!value) return std::nullopt;
  if (!is_iso_date(*value)) {
    add_error(name, fmt::format("\"{}\" is not a date written YYYY-MM-DD", *value));
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> FieldReader::text_list(const std::string& name, std::size_t max_items,
                                                TextRule rule) {
  std::vector<std::string> items;
  const auto* value = lookup(name);
  if (value == nullptr) return items;
  if (!value->is_array()) {
    add_error(name, "must be an array of strings");
    return items;
  }
  if (value->size() > max_items) {
    add_error(name, fmt::format("has {} items; the maximum is {}", value->size(), max_items));
    return items;
  }
  for (size_t i = 0; i < value->size(); ++i) {
    auto item = check_text(fmt::format("{}[{}]", name, i), (*value)[i], rule);
    if (!item) continue;
    if (std::find(items.begin(), items.end(), *item) == items.end()) {
      items.push_back(std::move(*item));
    }
  }
  return items;
}

void FieldReader::reject_unknown_fields() {
  if (!object_.is_object()) return;
  for (const auto& [key, value] : object_.items()) {
    if (!known_.contains(key)) add_error(key, "is not a known field; remove it");
  }
}

void FieldReader::throw_if_errors() const {
  if (!errors_.empty()) throw ValidationError(errors_);
}

}  // namespace techmarket
