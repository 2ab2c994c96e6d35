// The full-text index of offers and needs: a Xapian database on disk, built
// from folded text so that accents, case and đ/d do not matter. It is derived
// data: the database is the record and `techmarket reindex` rebuilds it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
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
};

struct SearchQuery {
  std::string text;
  std::optional<std::string> record_type;
  std::optional<std::string> kind;
  std::optional<std::string> st_field;
  std::optional<int> trl;
  std::optional<std::string> province_code;
  std::string status = "published";
  std::size_t offset = 0;
  std::size_t limit = 20;
};

struct SearchHit {
  std::string record_type;
  std::int64_t id = 0;
  std::string kind;
  std::string title;
  double score = 0;
};

struct SearchResult {
  std::vector<SearchHit> items;
  std::size_t total = 0;  // exact up to kExactTotalLimit, estimated above
  bool has_more = false;
};

inline constexpr std::size_t kExactTotalLimit = 10000;

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
  std::size_t document_count() const;
  const std::filesystem::path& directory() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Returns the term that identifies one record in the index ("Qoffer:12").
std::string unique_term(const std::string& record_type, std::int64_t id);

}  // namespace techmarket::search
