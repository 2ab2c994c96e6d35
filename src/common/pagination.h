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

// Returns one page of `filter.limit` items read by `read(filter)`. It reads
// one row more than the page holds to learn whether another page follows,
// and then sets `next_after_id` to the id of the page's last item.
template <typename Page, typename Filter, typename Read>
Page read_page(const Filter& filter, Read read) {
  Filter one_more = filter;
  one_more.limit = filter.limit + 1;
  Page page;
  page.items = read(one_more);
  if (page.items.size() > filter.limit) {
    page.items.resize(filter.limit);
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace techmarket
