// The full-text index of offers and needs: a Xapian database on disk, built
// from folded text so that accents, case and đ/d do not matter. It is derived
// data: the database is the record and `techmarket reindex` rebuilds it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket::search {

// What the index stores of one record.
struct SearchDocument {
  std::string record_type;  // "offer" or "need"
  std::int64_t id = 0;
  std::string kind;  // offer kind; empty for needs
  std::string title;
  std::string status;
  // Texts with their weight; a weight of 3 makes a word count as three occurrences.
  std::vector<std::pair<std::string, unsigned>> texts;
  std::optional<std::string> st_field;
  std::optional<int> trl;
  std::optional<std::string> province_code;
  // Text shown in snippets under "summary" (the texts above are what matches).
  std::string summary;
  // Offered by autocomplete together with the title.
  std::vector<std::string> keywords;
  std::optional<std::string> industry_section;  // VSIC section letter
  std::vector<std::string> transfer_modes;
  std::optional<std::string> price_band;  // one of kPriceBands, see price_band()
  std::optional<std::string> date;        // YYYY-MM-DD, for freshness and "newest"
  double completeness = 0;                // share of optional fields filled, 0 to 1
};

// Price bands in đồng, as filters and facet values.
inline constexpr std::array<std::string_view, 5> kPriceBands = {"negotiable", "under_100m",
                                                                "100m_1b", "1b_10b", "over_10b"};

// Returns the band of a price: "negotiable" when the price is open to
// negotiation, else the band of `price_vnd`, else std::nullopt.
std::optional<std::string> price_band(std::optional<std::int64_t> price_vnd, bool negotiable);

enum class SearchOrder { kRelevance, kNewest };

struct SearchQuery {
  std::string text;
  std::optional<std::string> record_type;
  std::optional<std::string> kind;
  std::optional<std::string> st_field;
  std::optional<int> trl;
  std::optional<std::string> province_code;
  std::optional<std::string> industry_section;
  std::optional<std::string> transfer_mode;
  std::optional<std::string> price_band;
  SearchOrder order = SearchOrder::kRelevance;
  std::string status = "published";
  std::size_t offset = 0;
  std::size_t limit = 20;
  // Each costs time on broad queries; a caller that shows none can skip them.
  // Facets also make `total` exact up to kExactTotalLimit (see SearchResult).
  bool with_facets = true;
  bool with_snippets = true;
  // Telex/VNI decoding and one-edit typo correction when the query as typed
  // finds fewer than kFewMatches records.
  bool with_fallback = true;
};

// A piece of a record's original text, marked when it matched the query.
struct SnippetSegment {
  std::string text;
  bool match = false;
};

struct SearchHit {
  std::string record_type;
  std::int64_t id = 0;
  std::string kind;
  std::string title;
  double score = 0;
  std::vector<SnippetSegment> title_snippet;
  std::vector<SnippetSegment> summary_snippet;  // empty when the record has no summary
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

struct SearchResult {
  std::vector<SearchHit> items;
  // Exact up to kExactTotalLimit, estimated above. Without facets, exact only
  // up to offset + limit, estimated above.
  std::size_t total = 0;
  bool has_more = false;
  // Counts per facet name (see kFacetNames) over the records that match,
  // most frequent first; exact while the query matches at most kExactTotalLimit.
  std::map<std::string, std::vector<FacetCount>> facets;
  // The query as search read it when it had to decode Telex/VNI or correct a
  // typo to find records ("công nghệ" for "coong ngheej"); else std::nullopt.
  std::optional<std::string> suggestion;
};

// A title or keyword that starts with what the user typed so far.
struct Completion {
  std::string text;
  std::string record_type;
  std::int64_t id = 0;
};

// A record's texts used as a query for records like it, for matching needs
// with offers. Every word is optional, and rarer words weigh more.
struct SimilarQuery {
  // Texts with their weight, as in SearchDocument::texts.
  std::vector<std::pair<std::string, unsigned>> texts;
  std::string record_type;  // the type of the records to find: "offer" or "need"
  std::string status = "published";
  std::size_t limit = 30;
  // Only this many of the rarest words of the texts take part in finding
  // candidates; the coverages below count every word.
  std::size_t max_query_words = 40;
  // True when the texts are those of a record in the index: words that only
  // that record contains can match nothing, so they are left out.
  bool texts_indexed = false;
};

// A record found by SearchIndex::similar. Word weights are the occurrences
// (times the text weight) multiplied by the inverse document frequency, so
// the coverages are 0 when nothing rare is shared and 1 when all is shared.
struct SimilarHit {
  std::int64_t id = 0;
  double query_coverage = 0;   // share of the query texts' word weight the record contains
  double record_coverage = 0;  // share of the record's word weight the query texts contain
  // Shared words as written in the query texts (lower case, with marks),
  // heaviest first, at most kMaxSharedWords.
  std::vector<std::string> shared_words;
};

inline constexpr std::size_t kMaxSharedWords = 6;

inline constexpr std::size_t kExactTotalLimit = 10000;
inline constexpr std::size_t kFewMatches = 3;
inline constexpr std::array<std::string_view, 8> kFacetNames = {
    "type", "kind",     "st_field",      "industry_section",
    "trl",  "province", "transfer_mode", "price_band"};

// Thread-safe: writes are serialised; searches run in parallel on readers
// that reopen to see the last commit.
class SearchIndex {
 public:
  explicit SearchIndex(std::filesystem::path directory);
  ~SearchIndex();

  // Adds `document`, or replaces the copy indexed for the same record.
  void replace(const SearchDocument& document);
  void remove(const std::string& record_type, std::int64_t id);
  // Makes changes since the last commit visible to searches and durable.
  void commit();
  // Deletes every document (committed at the next commit()).
  void clear();

  SearchResult search(const SearchQuery& query) const;
  // Returns up to `limit` published titles and keywords whose words start
  // with the words of `prefix`, the last word of which may be incomplete.
  std::vector<Completion> complete(const std::string& prefix, std::size_t limit) const;
  // Returns up to `query.limit` records of `query.record_type` whose words
  // are most like those of `query.texts` (BM25 over the optional words),
  // best first, with the share of words each side has of the other.
  std::vector<SimilarHit> similar(const SimilarQuery& query) const;
  // Returns true when the index was built by an older version of this code
  // and must be rebuilt (techmarket reindex) for new terms and values.
  bool needs_rebuild() const;
  std::size_t document_count() const;
  const std::filesystem::path& directory() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Returns the term that identifies one record in the index ("Qoffer:12").
std::string unique_term(const std::string& record_type, std::int64_t id);

}  // namespace techmarket::search
