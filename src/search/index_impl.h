// Internals of SearchIndex shared by its writing and searching halves.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "search/index.h"
#include "search/record_boost.h"

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

// Value slots. All facet values sit in one slot because a match spy pays for
// each slot it reads: the values of kFacetNames in order, separated by
// kFacetSeparator, with several transfer modes separated by '\n'.
inline constexpr Xapian::valueno kFacetSlot = 0;
inline constexpr Xapian::valueno kDateSlot = 1;   // YYYY-MM-DD, sorts as text
inline constexpr Xapian::valueno kBoostSlot = 2;  // sortable_serialise of 0 to 1
inline constexpr char kFacetSeparator = '\x1f';
inline constexpr std::size_t kTransferFacet = 6;  // index of "transfer_mode" in kFacetNames

// Stored in the metadata under "format"; an index with another format is rebuilt.
inline constexpr const char* kIndexFormat = "3";

struct SearchIndex::Impl {
  std::filesystem::path directory;
  std::mutex write_mutex;
  Xapian::WritableDatabase writer;
  // NOTE: one stemmer for every thread, kept for code written against it.
  // Code that can run on several threads at once should use thread_stemmer().
  Xapian::Stem stemmer{"english"};

  RecordBoostTable record_boosts;

  mutable std::mutex readers_mutex;
  mutable std::vector<std::unique_ptr<Xapian::Database>> idle_readers;

  std::unique_ptr<Xapian::Database> take_reader() const;
  void return_reader(std::unique_ptr<Xapian::Database> reader) const;
};

// Returns this thread's English stemmer. A Xapian::Stem keeps state while it
// stems, so threads that index or search at the same time cannot share one.
const Xapian::Stem& thread_stemmer();

}  // namespace techmarket::search
