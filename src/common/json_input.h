// Strict JSON input: the checks that nlohmann::json does not make by itself.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace techmarket {

inline constexpr std::size_t kMaxJsonDepth = 32;

// Parses `text` as one JSON value. Throws BadRequestError, naming the problem,
// for malformed JSON, invalid UTF-8, nesting deeper than kMaxJsonDepth and
// duplicate keys in an object (nlohmann would keep the last one silently).
nlohmann::json parse_strict_json(std::string_view text);

}  // namespace techmarket
