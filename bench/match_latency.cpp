// Measures matching on a generated catalog. Offers and needs are made by
// recombining the text of NASA's portfolio (title of one record with words
// of another, sentences of two descriptions) and varying TRL, price and kind.
//
//   build/match_latency generate DATA_DIR NASA_FILE OFFERS NEEDS
//       imports OFFERS offers and NEEDS published needs into DATA_DIR
//   build/match_latency run DATA_DIR THREADS SAMPLE BATCH [full]
//       matches SAMPLE needs one at a time and prints the latency of one
//       need, then matches BATCH needs on THREADS threads without storing
//       them, and with "full" runs MatchService::recompute_all (every
//       published need, stored). Prints times and the peak resident memory
//       (getrusage ru_maxrss) of this process.
//
// docs/BENCHMARKS.md records a run at 1,000,000 offers.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/platform.h"
#include "imports/importer.h"
#include "matching/match_service.h"

namespace {

using Clock = std::chrono::steady_clock;
using techmarket::auth::Principal;

struct Source {
  std::string title;
  std::vector<std::string> sentences;
  std::string category;
};

std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> sentences;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      sentences.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) sentences.push_back(text.substr(start));
  return sentences;
}

std::vector<Source> read_sources(const std::string& path) {
  std::ifstream file(path);
  std::vector<Source> sources;
  for (std::string line; std::getline(file, line);) {
    auto record = nlohmann::json::parse(line);
    Source source;
    source.title = record.value("title", "");
    source.sentences = split_sentences(record.value("description", ""));
    source.category = record.value("category", "");
    if (!source.title.empty() && source.sentences.size() >= 2) sources.push_back(source);
  }
  return sources;
}

// Returns at most `max_bytes` of `text`, cut before a space.
std::string cut(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  auto space = text.rfind(' ', max_bytes);
  return text.substr(0, space == std::string::npos ? max_bytes : space);
}

std::string last_words(const std::string& title) {
  auto space = title.rfind(' ');
  return space == std::string::npos ? title : title.substr(space + 1);
}

void write_offers(const std::vector<Source>& sources, std::size_t count, const std::string& path) {
  static const char* kKinds[] = {"technology", "research_result", "ip_asset", "equipment",
                                 "service"};
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> pick(0, sources.size() - 1);
  std::ofstream file(path);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& a = sources[pick(random)];
    const auto& b = sources[pick(random)];
    std::string description;
    for (const auto& sentence : a.sentences) description += sentence + " ";
    description += b.sentences[random() % b.sentences.size()];
    nlohmann::json offer = {
        {"external_id", "gen:" + std::to_string(i)},
        {"kind", kKinds[random() % 5]},
        {"title", cut(a.title + " " + last_words(b.title), 290)},
        {"summary", cut(a.sentences[0] + " " + b.sentences[0], 2900)},
        {"description", cut(description, 40000)},
        {"language", "en"},
        {"trl", 1 + static_cast<int>(random() % 9)},
        {"status", "published"}};
    if (random() % 3 == 0) {
      offer["price_negotiable"] = true;
    } else {
      offer["price_vnd"] = static_cast<std::int64_t>(random() % 5000) * 1'000'000;
    }
    if (!a.category.empty()) offer["keywords"] = {cut(a.category, 90)};
    file << offer.dump() << "\n";
  }
}

void write_needs(const std::vector<Source>& sources, std::size_t count, const std::string& path) {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, sources.size() - 1);
  std::ofstream file(path);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& a = sources[pick(random)];
    nlohmann::json need = {
        {"external_id", "gen-need:" + std::to_string(i)},
        {"title", cut("Need: " + a.title, 290)},
        {"problem", cut(a.sentences[random() % a.sentences.size()] + " " + a.sentences[0], 4900)},
        {"language", "en"},
        {"budget_max_vnd", static_cast<std::int64_t>(1 + random() % 3000) * 1'000'000},
        {"deadline", "2028-06-30"},
        {"status", "published"}};
    file << need.dump() << "\n";
  }
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_resident_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

int generate(const std::string& data_dir, const std::string& nasa_file, std::size_t offers,
             std::size_t needs) {
  auto sources = read_sources(nasa_file);
  std::filesystem::create_directories(data_dir);
  auto offers_file = data_dir + "/generated_offers.jsonl";
  auto needs_file = data_dir + "/generated_needs.jsonl";
  write_offers(sources, offers, offers_file);
  write_needs(sources, needs, needs_file);

  techmarket::app::Platform platform(data_dir);
  auto start = Clock::now();
  {
    auto connection = platform.pool().acquire();
    auto report = techmarket::imports::import_offers(*connection, offers_file);
    if (!report.errors.empty()) {
      std::cerr << "match_latency: offer " << report.errors.front().field << ": "
                << report.errors.front().message << "\n";
      return 1;
    }
    report = techmarket::imports::import_needs(*connection, needs_file);
    if (!report.errors.empty()) {
      std::cerr << "match_latency: need " << report.errors.front().field << ": "
                << report.errors.front().message << "\n";
      return 1;
    }
  }
  double import_seconds = seconds_since(start);
  start = Clock::now();
  platform.indexer().drain(techmarket::search::Indexer::kBulkBatch);
  std::cout << "generated offers=" << offers << " needs=" << needs
            << " import_seconds=" << import_seconds << " index_seconds=" << seconds_since(start)
            << "\n";
  return 0;
}

std::vector<techmarket::needs::Need> read_needs(techmarket::app::Platform& platform,
                                                std::size_t count) {
  std::vector<techmarket::needs::Need> needs;
  techmarket::needs::NeedFilter filter;
  filter.status = "published";
  filter.limit = 100;
  while (needs.size() < count) {
    auto page = platform.needs().list(Principal::system(), filter);
    needs.insert(needs.end(), page.items.begin(), page.items.end());
    if (!page.next_after_id) break;
    filter.after_id = *page.next_after_id;
  }
  if (needs.size() > count) needs.resize(count);
  return needs;
}

int run(const std::string& data_dir, unsigned threads, std::size_t sample, std::size_t batch,
        bool full) {
  techmarket::app::Platform platform(data_dir);
  auto& matches = platform.matches();
  auto needs = read_needs(platform, std::max(sample, batch));

  std::vector<double> milliseconds;
  std::size_t found = 0;
  for (std::size_t i = 0; i < sample && i < needs.size(); ++i) {
    auto start = Clock::now();
    auto result = matches.match_need(techmarket::matching::need_profile(needs[i]),
                                     techmarket::matching::need_texts(needs[i]));
    milliseconds.push_back(seconds_since(start) * 1000);
    found += result.size();
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  auto at = [&](double fraction) {
    return milliseconds[static_cast<std::size_t>(fraction * (milliseconds.size() - 1))];
  };
  std::cout << "one_need: needs=" << milliseconds.size() << " p50_ms=" << at(0.5)
            << " p90_ms=" << at(0.9) << " p99_ms=" << at(0.99)
            << " mean_matches=" << static_cast<double>(found) / milliseconds.size() << std::endl;

  // The same work as a recompute, without the final write: each thread
  // takes the next need until none is left.
  std::atomic<std::size_t> next{0};
  auto start = Clock::now();
  auto work = [&] {
    for (std::size_t i = next++; i < batch && i < needs.size(); i = next++) {
      matches.match_need(techmarket::matching::need_profile(needs[i]),
                         techmarket::matching::need_texts(needs[i]));
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();
  std::cout << "batch: needs=" << std::min(batch, needs.size()) << " threads=" << threads
            << " seconds=" << seconds_since(start)
            << " peak_rss_mib=" << peak_resident_kib() / 1024 << std::endl;

  if (!full) return 0;
  start = Clock::now();
  auto report = matches.recompute_all(threads);
  std::cout << "recompute: needs=" << report.needs << " matches=" << report.matches
            << " threads=" << threads << " seconds=" << seconds_since(start)
            << " peak_rss_mib=" << peak_resident_kib() / 1024 << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 5 && args[0] == "generate") {
    return generate(args[1], args[2], std::stoul(args[3]), std::stoul(args[4]));
  }
  if ((args.size() == 5 || args.size() == 6) && args[0] == "run") {
    bool full = args.size() == 6 && args[5] == "full";
    return run(args[1], static_cast<unsigned>(std::stoul(args[2])), std::stoul(args[3]),
               std::stoul(args[4]), full);
  }
  std::cerr << "usage: match_latency generate DATA_DIR NASA_FILE OFFERS NEEDS\n"
               "       match_latency run DATA_DIR THREADS SAMPLE BATCH [full]\n";
  return 2;
}
