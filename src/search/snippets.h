// Snippets: a record's original text cut into segments, with the words that
// matched the query marked, even when they matched only in folded form.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "search/index.h"
#include "search/query_words.h"

namespace techmarket::search {

// The folded words, stems and codes of a query, with their alternatives.
class MatchKeys {
 public:
  MatchKeys(const ParsedQuery& parsed, const Xapian::Stem& stemmer);

  // Cuts `text` into segments and marks the words that match. When
  // `max_bytes` is not zero and the text is longer, returns a window of about
  // that many bytes that starts a few words before the first match, with "…"
  // where text was cut.
  std::vector<SnippetSegment> highlight(std::string_view text, std::size_t max_bytes) const;

 private:
  std::unordered_set<std::string> folded_;
  std::unordered_set<std::string> stems_;
  const Xapian::Stem& stemmer_;
};

}  // namespace techmarket::search
