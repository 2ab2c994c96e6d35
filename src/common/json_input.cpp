#include "common/json_input.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "common/errors.h"
#include "text/fold.h"

namespace techmarket {
namespace {

// Scans brackets outside strings so that deep nesting is rejected before the
// parser sees it.
void check_depth(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) {
        throw BadRequestError(
            fmt::format("JSON nests deeper than {} levels; flatten the document", kMaxJsonDepth));
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace

nlohmann::json parse_strict_json(std::string_view text) {
  if (!text::is_valid_utf8(text)) {
    throw BadRequestError("the body is not valid UTF-8; send JSON encoded as UTF-8");
  }
  check_depth(text);

  std::vector<std::set<std::string>> keys_per_object;
  std::string duplicate_key;
  auto on_event = [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      keys_per_object.emplace_back();
    } else if (event == Event::object_end) {
      keys_per_object.pop_back();
    } else if (event == Event::key && duplicate_key.empty()) {
      auto key = parsed.get<std::string>();
      if (!keys_per_object.back().insert(key).second) duplicate_key = key;
    }
    return true;
  };

  nlohmann::json value;
  try {
    value = nlohmann::json::parse(text.begin(), text.end(), on_event);
  } catch (const nlohmann::json::parse_error& e) {
    throw BadRequestError(
        fmt::format("malformed JSON at byte {}: {}", e.byte,
                    std::string(e.what()).substr(std::string(e.what()).find(':') + 2)));
  }
  if (!duplicate_key.empty()) {
    throw BadRequestError(
        fmt::format("JSON object has the key \"{}\" twice; send each key once", duplicate_key));
  }
  return value;
}

}  // namespace techmarket
