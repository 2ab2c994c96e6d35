// Reading typed values out of a request, with errors that name the parameter.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "http/message.h"

namespace techmarket::http {

// Returns the numeric path parameter `name`. Text that is not a positive
// number cannot name a record, so it throws NotFoundError.
std::int64_t path_id(const Request& request, const std::string& name = "id");

// Parses the body as strict JSON (see parse_strict_json); an empty body or a
// Content-Type other than JSON throws BadRequestError.
nlohmann::json json_body(const Request& request);

// Returns query parameter `name` as an integer in [min, max]; absent gives
// std::nullopt, anything else throws BadRequestError.
std::optional<std::int64_t> query_integer(const Request& request, const std::string& name,
                                          std::int64_t min, std::int64_t max);

// Returns query parameter `name` if it is one of `allowed`; throws
// BadRequestError otherwise.
std::optional<std::string> query_choice(const Request& request, const std::string& name,
                                        std::span<const std::string_view> allowed);

// Returns query parameter `name` NFC-normalised, or std::nullopt when absent
// or empty; over `max_length` bytes or invalid UTF-8 throws BadRequestError.
std::optional<std::string> query_text(const Request& request, const std::string& name,
                                      std::size_t max_length = 200);

}  // namespace techmarket::http
