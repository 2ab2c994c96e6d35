// Keyset pagination: opaque cursors and bounded page sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace techmarket {

inline constexpr std::size_t kDefaultPageSize = 20;
inline constexpr std::size_t kMaxPageSize = 100;

// Returns an opaque cursor that resumes a listing after `position`.
std::string encode_cursor(std::int64_t position);

// Decodes a cursor made by encode_cursor. Throws BadRequestError for any
// other text, so a forged cursor is rejected rather than misread.
std::int64_t decode_cursor(const std::string& cursor);

// Reads the "limit" query parameter: absent gives kDefaultPageSize; a value
// outside 1..kMaxPageSize or not a number throws BadRequestError.
std::size_t parse_page_size(const std::optional<std::string>& limit);

}  // namespace techmarket
