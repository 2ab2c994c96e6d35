// Internals of SearchIndex shared by its writing and searching halves.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "search/index.h"

namespace techmarket::search {

// Boolean filter terms.
inline constexpr const char* kTypePrefix = "XT";
inline constexpr const char* kKindPrefix = "XK";
inline constexpr const char* kFieldPrefix = "XF";
inline constexpr const char* kTrlPrefix = "XR";
inline constexpr const char* kProvincePrefix = "XP";
inline constexpr const char* kStatusPrefix = "XS";
inline constexpr const char* kIndustryPrefix = "XI";
inline constexpr const char* kTransferPrefix = "XM";
inline constexpr const char* kPricePrefix = "XB";

// Value slots. Slots 0 to 7 hold the facets in the order of kFacetNames.
inline constexpr Xapian::valueno kTransferSlot = 6;  // modes joined by '\n'
inline constexpr Xapian::valueno kDateSlot = 8;      // YYYY-MM-DD, sorts as text
inline constexpr Xapian::valueno kBoostSlot = 9;     // sortable_serialise of 0 to 1

// Stored in the metadata under "format"; an index with another format is rebuilt.
inline constexpr const char* kIndexFormat = "2";

struct SearchIndex::Impl {
  std::filesystem::path directory;
  std::mutex write_mutex;
  Xapian::WritableDatabase writer;
  Xapian::Stem stemmer{"english"};

  mutable std::mutex readers_mutex;
  mutable std::vector<std::unique_ptr<Xapian::Database>> idle_readers;

  std::unique_ptr<Xapian::Database> take_reader() const;
  void return_reader(std::unique_ptr<Xapian::Database> reader) const;
};

}  // namespace techmarket::search
