// The documents of the judged relevance set: Vietnamese Wikipedia articles and
// NASA technology records, read from the shared data folder, and the one
// function that turns such a document into what the search index stores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "search/index.h"

namespace techmarket::search_eval {

// One document of the corpus. `key` names it in the judged queries
// ("wiki:123" for an article id, "nasa:GSC-TOPS-12" for a case number).
struct CorpusDocument {
  std::string key;
  std::string title;
  std::string summary;
  std::string body;
  std::vector<std::string> keywords;
};

// Bytes of article text kept after the first paragraph. Whole articles reach
// 250 KB, and the known-item queries only need the title and the lead.
inline constexpr std::size_t kArticleBodyBytes = 2000;

// Builds the index document of one corpus document, weighted like an offer:
// title 3, keywords 2, summary and body 1. The id must be unique in an index.
search::SearchDocument to_search_document(std::int64_t id, const std::string& title,
                                          const std::string& summary, const std::string& body,
                                          const std::vector<std::string>& keywords);

// Reads vi_text/viwiki_7862.jsonl.zst under `shared_data` (decompressed with
// the zstd program). The summary is the first paragraph; the body is the rest
// without "== heading ==" lines, cut to at most `body_bytes` at a space.
// Throws std::runtime_error when the file cannot be read or parsed.
std::vector<CorpusDocument> read_wiki_articles(const std::filesystem::path& shared_data,
                                               std::size_t body_bytes = kArticleBodyBytes);

// Reads tech_offers/nasa_t2_portfolio_2025-05-10.jsonl under `shared_data`:
// the description is the summary and the category the one keyword.
std::vector<CorpusDocument> read_nasa_records(const std::filesystem::path& shared_data);

}  // namespace techmarket::search_eval
