// Reads the fields of one JSON object into typed values, collecting a
// FieldError for every invalid field instead of stopping at the first.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"

namespace techmarket {

struct TextRule {
  std::size_t max_length = 200;  // in Unicode code points, after NFC
  bool multiline = false;        // allows line breaks and tabs
};

class FieldReader {
 public:
  // `object` must outlive the reader. A non-object records one error.
  explicit FieldReader(const nlohmann::json& object);

  // Text is NFC-normalised and trimmed; null, a missing key or an empty
  // string give std::nullopt.
  std::optional<std::string> text(const std::string& name, TextRule rule = {});
  // As text(), but a missing value is an error.
  std::string required_text(const std::string& name, TextRule rule = {});
  // Text that must be one of `allowed`.
  std::optional<std::string> choice(const std::string& name,
                                    std::span<const std::string_view> allowed);
  std::optional<std::int64_t> integer(const std::string& name, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(const std::string& name);
  // A calendar date written YYYY-MM-DD.
  std::optional<std::string> date(const std::string& name);
  // An array of distinct texts, each checked by `rule`.
  std::vector<std::string> text_list(const std::string& name, std::size_t max_items,
                                     TextRule rule = {});

  // Marks `name` as known but not read, such as the read-only "id".
  void ignore(const std::string& name) { known_.insert(name); }
  void add_error(std::string field, std::string message);
  // Records an error for each key that no read or ignore() named.
  void reject_unknown_fields();

  const std::vector<FieldError>& errors() const { return errors_; }
  // Throws ValidationError when any error was recorded.
  void throw_if_errors() const;

 private:
  const nlohmann::json* lookup(const std::string& name);
  std::optional<std::string> check_text(const std::string& field, const nlohmann::json& value,
                                        TextRule rule);

  const nlohmann::json& object_;
  std::set<std::string> known_;
  std::vector<FieldError> errors_;
};

// Returns true when `value` is a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view value);

}  // namespace techmarket
