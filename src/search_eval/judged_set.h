// Known-item queries with one relevant document each, and the scores computed over
// them per query class: MRR@10 and recall@10.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace techmarket::search_eval {

// One line of tests/search/judged/queries.tsv.
struct JudgedQuery {
  std::string query_class;  // "wiki_telex", "nasa_title", ...
  std::string target;       // key of the one right document, "wiki:123"
  std::string text;
};

struct ClassScore {
  std::string query_class;
  std::size_t queries = 0;
  // Mean of 1/rank of the right document, counting 0 when it is not in the top 10.
  double mrr_at_10 = 0;
  // Share of queries whose right document is in the top 10. With one right
  // document per query this equals the hit rate at 10.
  double recall_at_10 = 0;
};

inline constexpr std::size_t kCutoff = 10;

// Reads the TSV file written by make_judged_queries.py (header line, then
// query_class, target and query separated by tabs). Throws std::runtime_error
// naming the line when a line has another number of fields.
std::vector<JudgedQuery> read_judged_queries(const std::filesystem::path& path);

// Runs every query through `search`, which returns the keys of its top
// documents in rank order, and scores each class. Classes come out sorted by name.
std::vector<ClassScore> score_by_class(
    const std::vector<JudgedQuery>& queries,
    const std::function<std::vector<std::string>(const std::string&)>& search);

}  // namespace techmarket::search_eval
