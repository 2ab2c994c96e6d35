#include "search_eval/judged_set.h"

#include <fstream>
#include <map>
#include <stdexcept>

namespace techmarket::search_eval {

std::vector<JudgedQuery> read_judged_queries(const std::filesystem::path& path) {
  std::ifstream input(path);
  if (!input) throw std::runtime_error("judged query file not found: " + path.string());

  std::vector<JudgedQuery> queries;
  std::string line;
  std::getline(input, line);  // header
  for (std::size_t line_number = 2; std::getline(input, line); ++line_number) {
    if (line.empty()) continue;
    std::size_t first_tab = line.find('\t');
    std::size_t second_tab =
        first_tab == std::string::npos ? std::string::npos : line.find('\t', first_tab + 1);
    if (second_tab == std::string::npos || line.find('\t', second_tab + 1) != std::string::npos) {
      throw std::runtime_error(path.string() + " line " + std::to_string(line_number) +
                               ": expected 3 tab-separated fields (query_class, target, query)");
    }
    queries.push_back({line.substr(0, first_tab),
                       line.substr(first_tab + 1, second_tab - first_tab - 1),
                       line.substr(second_tab + 1)});
  }
  return queries;
}

std::vector<ClassScore> score_by_class(
    const std::vector<JudgedQuery>& queries,
    const std::function<std::vector<std::string>(const std::string&)>& search) {
  std::map<std::string, ClassScore> scores;
  for (const auto& query : queries) {
    ClassScore& score = scores[query.query_class];
    score.query_class = query.query_class;
    ++score.queries;

    std::vector<std::string> ranked = search(query.text);
    for (std::size_t rank = 1; rank <= ranked.size() && rank <= kCutoff; ++rank) {
      if (ranked[rank - 1] == query.target) {
        score.mrr_at_10 += 1.0 / static_cast<double>(rank);
        score.recall_at_10 += 1.0;
        break;
      }
    }
  }

  std::vector<ClassScore> result;
  for (auto& [name, score] : scores) {
    score.mrr_at_10 /= static_cast<double>(score.queries);
    score.recall_at_10 /= static_cast<double>(score.queries);
    result.push_back(score);
  }
  return result;
}

}  // namespace techmarket::search_eval
