#include "common/pagination.h"

#include <fmt/format.h>

#include <charconv>

#include "common/errors.h"

namespace techmarket {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// "p2" cursors end in a check value. "p1" cursors had none and are no longer read.
constexpr std::string_view kCursorPrefix = "p2:";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    auto value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// Returns the FNV-1a hash of `text`, a check value and not a signature. It
// makes a truncated or mistyped cursor fail to decode instead of naming
// another position. A client that builds its own cursor can only skip to a
// position of the same listing.
std::uint32_t check_value(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

std::string cursor_payload(std::int64_t position) {
  auto body = fmt::format("{}{}", kCursorPrefix, position);
  return fmt::format("{}.{:08x}", body, check_value(body));
}

}  // namespace

std::string encode_cursor(std::int64_t position) {
  return base64url_encode(cursor_payload(position));
}

std::int64_t decode_cursor(const std::string& cursor) {
  auto decoded = cursor.size() <= 60 ? base64url_decode(cursor) : std::nullopt;
  std::int64_t position = -1;
  if (decoded && decoded->starts_with(kCursorPrefix)) {
    const char* begin = decoded->data() + kCursorPrefix.size();
    const char* end = decoded->data() + decoded->size();
    auto parsed = std::from_chars(begin, end, position);
    // Only the exact text encode_cursor makes is accepted, so a cut-off
    // cursor, extra bits in the last character or a changed check value fail.
    if (parsed.ec != std::errc() || position < 0 || encode_cursor(position) != cursor) {
      position = -1;
    }
  }
  if (position < 0) {
    throw BadRequestError("the cursor is not valid; use the next_cursor of a previous page");
  }
  return position;
}

std::size_t parse_page_size(const std::optional<std::string>& limit) {
  if (!limit) return kDefaultPageSize;
  std::size_t value = 0;
  auto [rest, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
  if (error != std::errc() || rest != limit->data() + limit->size() || value < 1 ||
      value > kMaxPageSize) {
    throw BadRequestError(
        fmt::format("limit must be a whole number from 1 to {}; got \"{}\"", kMaxPageSize, *limit));
  }
  return value;
}

}  // namespace techmarket
