// Percent-decoding of paths and query strings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace techmarket::http {

// Decodes %XX escapes; with `plus_is_space`, '+' becomes ' ' as in HTML form
// encoding. Returns std::nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Splits "a=1&b=x+y" into decoded pairs. Returns std::nullopt when any part is malformed.
std::optional<std::multimap<std::string, std::string>> parse_query_string(std::string_view query);

}  // namespace techmarket::http
