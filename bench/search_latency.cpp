// Measures search latency on an existing data directory: one warm-up pass over
// the queries, then a timed pass, single-threaded. Prints p50, p99, mean and
// the peak resident memory of this process.
//
//   build/search_latency var/index queries.txt
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "search/index.h"

namespace {

long peak_resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

double percentile(std::vector<double> sorted, double fraction) {
  std::size_t index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_latency INDEX_DIR QUERIES_FILE\n";
    return 2;
  }
  std::vector<std::string> queries;
  std::ifstream input(argv[2]);
  for (std::string line; std::getline(input, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) {
    std::cerr << "search_latency: no queries in " << argv[2] << "\n";
    return 2;
  }

  techmarket::search::SearchIndex index(argv[1]);
  std::size_t matched = 0;
  for (const auto& text : queries) {
    techmarket::search::SearchQuery query;
    query.text = text;
    matched += index.search(query).total > 0 ? 1 : 0;
  }

  std::vector<double> milliseconds;
  for (const auto& text : queries) {
    techmarket::search::SearchQuery query;
    query.text = text;
    auto start = std::chrono::steady_clock::now();
    auto result = index.search(query);
    auto elapsed = std::chrono::steady_clock::now() - start;
    milliseconds.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  double sum = 0;
  for (double value : milliseconds) sum += value;

  std::cout << "documents=" << index.document_count() << " queries=" << queries.size()
            << " queries_with_hits=" << matched << " p50_ms=" << percentile(milliseconds, 0.50)
            << " p99_ms=" << percentile(milliseconds, 0.99)
            << " mean_ms=" << sum / static_cast<double>(milliseconds.size())
            << " peak_rss_kib=" << peak_resident_kib() << "\n";
  return 0;
}
