#include "search_eval/known_item_corpus.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace techmarket::search_eval {
namespace {

// Returns `text` cut to at most `max_bytes`, at the last space before the limit
// so that no word or UTF-8 sequence is split.
std::string cut_at_space(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t space = text.rfind(' ', max_bytes);
  return text.substr(0, space == std::string::npos ? 0 : space);
}

CorpusDocument article_document(const nlohmann::json& article, std::size_t body_bytes) {
  const std::string text = article.at("text").get<std::string>();
  CorpusDocument document;
  document.key = "wiki:" + std::to_string(article.at("id").get<std::int64_t>());
  document.title = article.at("title").get<std::string>();

  std::size_t paragraph_end = text.find('\n');
  document.summary = text.substr(0, paragraph_end);
  std::string rest;
  std::size_t start = paragraph_end == std::string::npos ? text.size() : paragraph_end + 1;
  while (start < text.size() && rest.size() < body_bytes) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.rfind("==", 0) != 0) {
      if (!rest.empty()) rest += ' ';
      rest += line;
    }
    start = end + 1;
  }
  document.body = cut_at_space(rest, body_bytes);
  return document;
}

}  // namespace

search::SearchDocument to_search_document(std::int64_t id, const std::string& title,
                                          const std::string& summary, const std::string& body,
                                          const std::vector<std::string>& keywords) {
  search::SearchDocument document;
  document.record_type = "offer";
  document.id = id;
  document.title = title;
  document.status = "published";
  document.texts.emplace_back(title, 3);
  for (const auto& keyword : keywords) document.texts.emplace_back(keyword, 2);
  document.texts.emplace_back(summary, 1);
  if (!body.empty()) document.texts.emplace_back(body, 1);
  return document;
}

std::vector<CorpusDocument> read_wiki_articles(const std::filesystem::path& shared_data,
                                               std::size_t body_bytes) {
  const auto path = shared_data / "vi_text" / "viwiki_7862.jsonl.zst";
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("Wikipedia sample not found: " + path.string());
  }
  // The path is passed quoted to the shell; a single quote in it would end the quoting.
  if (path.string().find('\'') != std::string::npos) {
    throw std::runtime_error("path must not contain a single quote: " + path.string());
  }
  std::string command = "zstd -dc -- '" + path.string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("failed to run: " + command);

  std::vector<CorpusDocument> documents;
  std::string line;
  char buffer[1 << 16];
  std::size_t line_number = 0;
  auto parse_line = [&] {
    ++line_number;
    if (line.empty()) return;
    try {
      documents.push_back(article_document(nlohmann::json::parse(line), body_bytes));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path.string() + " line " + std::to_string(line_number) + ": " +
                               e.what());
    }
    line.clear();
  };
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
    for (std::size_t i = 0; i < read; ++i) {
      if (buffer[i] == '\n') {
        parse_line();
      } else {
        line += buffer[i];
      }
    }
  }
  parse_line();
  int status = pclose(pipe.release());
  if (status != 0) {
    throw std::runtime_error("zstd failed with status " + std::to_string(status) + " on " +
                             path.string());
  }
  return documents;
}

std::vector<CorpusDocument> read_nasa_records(const std::filesystem::path& shared_data) {
  const auto path = shared_data / "tech_offers" / "nasa_t2_portfolio_2025-05-10.jsonl";
  std::ifstream input(path);
  if (!input) throw std::runtime_error("NASA file not found: " + path.string());

  std::vector<CorpusDocument> documents;
  std::size_t line_number = 0;
  for (std::string line; std::getline(input, line);) {
    ++line_number;
    if (line.empty()) continue;
    try {
      auto record = nlohmann::json::parse(line);
      CorpusDocument document;
      document.key = "nasa:" + record.at("case_number").get<std::string>();
      document.title = record.at("title").get<std::string>();
      document.summary = record.value("description", "");
      std::string category = record.value("category", "");
      if (!category.empty()) document.keywords.push_back(category);
      documents.push_back(std::move(document));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path.string() + " line " + std::to_string(line_number) + ": " +
                               e.what());
    }
  }
  return documents;
}

}  // namespace techmarket::search_eval
