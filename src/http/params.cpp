#include "http/params.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/errors.h"
#include "common/json_input.h"
#include "text/fold.h"

namespace techmarket::http {
namespace {

std::optional<std::int64_t> to_integer(const std::string& text) {
  std::int64_t value = 0;
  auto [rest, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || rest != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::int64_t path_id(const Request& request, const std::string& name) {
  const auto& text = request.path_params.at(name);
  auto value = to_integer(text);
  if (!value || *value <= 0) throw NotFoundError(fmt::format("no record has id \"{}\"", text));
  return *value;
}

nlohmann::json json_body(const Request& request) {
  auto content_type = request.header("content-type").value_or("");
  if (content_type.find("json") == std::string::npos) {
    throw BadRequestError("send the body as JSON with Content-Type: application/json");
  }
  if (request.body.empty()) throw BadRequestError("the request body is empty; send a JSON object");
  return parse_strict_json(request.body);
}

std::optional<std::int64_t> query_integer(const Request& request, const std::string& name,
                                          std::int64_t min, std::int64_t max) {
  auto text = request.query_value(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = to_integer(*text);
  if (!value || *value < min || *value > max) {
    throw BadRequestError(
        fmt::format("query parameter {} must be a whole number from {} to {}; "
                    "got \"{}\"",
                    name, min, max, *text));
  }
  return value;
}

std::optional<std::string> query_choice(const Request& request, const std::string& name,
                                        std::span<const std::string_view> allowed) {
  auto text = request.query_value(name);
  if (!text || text->empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
    throw BadRequestError(
        fmt::format("query parameter {} must be one of: {}", name, fmt::join(allowed, ", ")));
  }
  return text;
}

std::optional<std::string> query_text(const Request& request, const std::string& name,
                                      std::size_t max_length) {
  auto text = request.query_value(name);
  if (!text || text->empty()) return std::nullopt;
  if (!text::is_valid_utf8(*text)) {
    throw BadRequestError(fmt::format("query parameter {} is not valid UTF-8", name));
  }
  if (text->size() > max_length) {
    throw BadRequestError(
        fmt::format("query parameter {} is longer than {} bytes", name, max_length));
  }
  return text::to_nfc(*text);
}

}  // namespace techmarket::http
