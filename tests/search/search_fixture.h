// Builders of search documents for tests that run on a real index on disk.
#pragma once

#include <string>
#include <vector>

#include "search/index.h"

namespace techmarket::search::testing {

// Returns a published offer with `title` and `summary`, weighted as the
// offer service weighs them (title 4, summary 2).
inline SearchDocument offer_document(std::int64_t id, const std::string& title,
                                     const std::string& summary = "") {
  SearchDocument document;
  document.record_type = "offer";
  document.id = id;
  document.kind = "technology";
  document.title = title;
  document.status = "published";
  document.texts.emplace_back(title, 4);
  if (!summary.empty()) document.texts.emplace_back(summary, 2);
  document.summary = summary;
  return document;
}

inline SearchQuery text_query(const std::string& text) {
  SearchQuery query;
  query.text = text;
  return query;
}

inline std::vector<std::int64_t> found_ids(const SearchResult& result) {
  std::vector<std::int64_t> ids;
  for (const auto& hit : result.items) ids.push_back(hit.id);
  return ids;
}

}  // namespace techmarket::search::testing
