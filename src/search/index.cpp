#include "search/index.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "search/index_impl.h"
#include "search/query_words.h"
#include "text/fold.h"
#include "text/tokens.h"

namespace techmarket::search {
namespace {

// Xapian rejects terms over 245 bytes; longer "words" are noise anyway.
constexpr std::size_t kMaxTermBytes = 120;
// Position gap between two texts of a record, so that phrases never span texts.
constexpr Xapian::termpos kTextGap = 100;
// Adjacent pairs are indexed only for texts weighing at least this much
// (title, keywords, summary). Pairs of every text made a build of NASA's
// file about 70 % slower than no pairs, and descriptions are the longest texts.
constexpr Xapian::termcount kMinBigramWeight = 2;
// Bytes of the summary kept in the index for snippets.
constexpr std::size_t kStoredSummaryBytes = 1000;
// Completions are looked for among this many candidates per completion.
constexpr std::size_t kCandidatesPerCompletion = 3;
// Expansions of an incomplete last word, the most frequent first.
constexpr Xapian::termcount kMaxPrefixExpansions = 50;

// Returns the longest prefix of `text` of at most `max_bytes` that ends on a
// UTF-8 character boundary.
std::string truncate_utf8(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Returns the freshness of a YYYY-MM-DD date from 0 (2000 or earlier) to 1
// (2040 or later). Linear, so the gap between two records does not depend on
// today's date and the index needs no refresh as time passes.
double freshness(const std::optional<std::string>& date) {
  if (!date || date->size() < 10) return 0;
  int year = 0, month = 0, day = 0;
  if (std::sscanf(date->c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) return 0;
  double days = (year - 2000) * 365.25 + (month - 1) * 30.44 + (day - 1);
  return std::clamp(days / (40 * 365.25), 0.0, 1.0);
}

void add_words(Xapian::Document& entry, const std::string& text, Xapian::termcount weight,
               Xapian::termpos& position, const Xapian::Stem& stemmer) {
  std::string normalized = text::to_nfc(text);
  auto tokens = text::tokenize(normalized);
  const std::string* previous = nullptr;
  for (const auto& token : tokens) {
    // A word of marks alone, such as stray combining dots, folds to nothing,
    // and Xapian rejects empty terms.
    if (token.folded.empty() || token.exact.empty() || token.folded.size() > kMaxTermBytes ||
        token.exact.size() > kMaxTermBytes) {
      previous = nullptr;
      continue;
    }
    // One positional term per word, the one that queries match (its stem for
    // ASCII words), and the exact form only where it distinguishes words.
    entry.add_posting(match_term(token.folded, stemmer), ++position, weight);
    if (has_exact_term(token.folded, token.exact)) {
      entry.add_term(kExactPrefix + token.exact, weight);
    }
    if (previous && weight >= kMinBigramWeight) {
      entry.add_term(kBigramPrefix + *previous + " " + token.folded, weight);
    }
    previous = &token.folded;
  }
  for (const auto& code : text::find_codes(normalized, tokens)) {
    if (!code.term.empty()) entry.add_term(code.term, weight);
  }
  position += kTextGap;
}

void add_completion_words(Xapian::Document& entry, const std::string& text) {
  for (const auto& token : text::tokenize(text::to_nfc(text))) {
    if (token.folded.size() <= kMaxTermBytes)
      entry.add_boolean_term(kCompletePrefix + token.folded);
  }
}

void add_values(Xapian::Document& entry, const SearchDocument& document) {
  std::string modes;
  for (const auto& mode : document.transfer_modes) {
    if (!modes.empty()) modes += '\n';
    modes += mode;
  }
  std::string trl = document.trl ? std::to_string(*document.trl) : "";
  const std::string* facets[] = {&document.record_type,
                                 &document.kind,
                                 document.st_field ? &*document.st_field : nullptr,
                                 document.industry_section ? &*document.industry_section : nullptr,
                                 &trl,
                                 document.province_code ? &*document.province_code : nullptr,
                                 &modes,
                                 document.price_band ? &*document.price_band : nullptr};
  static_assert(std::size(facets) == kFacetNames.size());
  std::string joined;
  for (std::size_t i = 0; i < std::size(facets); ++i) {
    if (i > 0) joined += kFacetSeparator;
    if (facets[i]) joined += *facets[i];
  }
  entry.add_value(kFacetSlot, joined);
  if (document.date) entry.add_value(kDateSlot, *document.date);

  double completeness = std::clamp(document.completeness, 0.0, 1.0);
  double boost = 0.4 * completeness + 0.6 * freshness(document.date);
  entry.add_value(kBoostSlot, Xapian::sortable_serialise(boost));
}

void add_filter_terms(Xapian::Document& entry, const SearchDocument& document) {
  entry.add_boolean_term(std::string(kTypePrefix) + document.record_type);
  entry.add_boolean_term(std::string(kStatusPrefix) + document.status);
  if (!document.kind.empty()) entry.add_boolean_term(kKindPrefix + text::fold(document.kind));
  if (document.st_field) {
    // A record filed under "2.5" is also found by a filter on its top field "2".
    std::string field = *document.st_field;
    entry.add_boolean_term(kFieldPrefix + field);
    auto dot = field.find('.');
    if (dot != std::string::npos) entry.add_boolean_term(kFieldPrefix + field.substr(0, dot));
  }
  if (document.trl) entry.add_boolean_term(kTrlPrefix + std::to_string(*document.trl));
  if (document.province_code) entry.add_boolean_term(kProvincePrefix + *document.province_code);
  if (document.industry_section) {
    entry.add_boolean_term(kIndustryPrefix + text::fold(*document.industry_section));
  }
  for (const auto& mode : document.transfer_modes) {
    entry.add_boolean_term(kTransferPrefix + text::fold(mode));
  }
  if (document.price_band) entry.add_boolean_term(kPricePrefix + *document.price_band);
}

// Returns true when every word of `query` is a word of `candidate`, in any
// order. The last query word may be incomplete, so it only has to start a word.
bool completes(const std::vector<text::Token>& query, const std::string& candidate) {
  auto words = text::tokenize(text::to_nfc(candidate));
  for (std::size_t i = 0; i < query.size(); ++i) {
    bool last = i + 1 == query.size();
    bool found = std::any_of(words.begin(), words.end(), [&](const text::Token& word) {
      return last ? word.folded.compare(0, query[i].folded.size(), query[i].folded) == 0
                  : word.folded == query[i].folded;
    });
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::string unique_term(const std::string& record_type, std::int64_t id) {
  return fmt::format("Q{}:{}", record_type, id);
}

std::optional<std::string> price_band(std::optional<std::int64_t> price_vnd, bool negotiable) {
  if (negotiable) return "negotiable";
  if (!price_vnd) return std::nullopt;
  constexpr std::int64_t kMillion = 1'000'000;
  if (*price_vnd < 100 * kMillion) return "under_100m";
  if (*price_vnd < 1000 * kMillion) return "100m_1b";
  if (*price_vnd < 10'000 * kMillion) return "1b_10b";
  return "over_10b";
}

const Xapian::Stem& thread_stemmer() {
  thread_local const Xapian::Stem stemmer("english");
  return stemmer;
}

std::unique_ptr<Xapian::Database> SearchIndex::Impl::take_reader() const {
  {
    std::lock_guard lock(readers_mutex);
    if (!idle_readers.empty()) {
      auto reader = std::move(idle_readers.back());
      idle_readers.pop_back();
      reader->reopen();
      return reader;
    }
  }
  return std::make_unique<Xapian::Database>(directory.string());
}

void SearchIndex::Impl::return_reader(std::unique_ptr<Xapian::Database> reader) const {
  std::lock_guard lock(readers_mutex);
  idle_readers.push_back(std::move(reader));
}

SearchIndex::SearchIndex(std::filesystem::path directory) : impl_(new Impl{}) {
  impl_->directory = std::move(directory);
  std::filesystem::create_directories(impl_->directory);
  try {
    impl_->writer =
        Xapian::WritableDatabase(impl_->directory.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw std::runtime_error(
        "the search index " + impl_->directory.string() +
        " is open in another techmarket process, most likely the running server; stop it "
        "first, or make the change through the web pages or the API");
  }
  if (impl_->writer.get_doccount() == 0) {
    impl_->writer.set_metadata("format", kIndexFormat);
    impl_->writer.commit();
  }
}

SearchIndex::~SearchIndex() {
  try {
    impl_->writer.close();
  } catch (const Xapian::Error& e) {
    spdlog::error("event=index_close_failed error=\"{}\"", e.get_description());
  }
}

void SearchIndex::replace(const SearchDocument& document) {
  Xapian::Document entry;
  Xapian::termpos position = 0;
  for (const auto& [text, weight] : document.texts) {
    add_words(entry, text, weight, position, thread_stemmer());
  }
  add_completion_words(entry, document.title);
  for (const auto& keyword : document.keywords) add_completion_words(entry, keyword);
  add_filter_terms(entry, document);
  add_values(entry, document);

  std::string id_term = unique_term(document.record_type, document.id);
  entry.add_boolean_term(id_term);
  nlohmann::json data = {{"type", document.record_type},
                         {"id", document.id},
                         {"kind", document.kind},
                         {"title", document.title},
                         {"summary", truncate_utf8(document.summary, kStoredSummaryBytes)},
                         {"keywords", document.keywords}};
  entry.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.replace_document(id_term, entry);
}

void SearchIndex::remove(const std::string& record_type, std::int64_t id) {
  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.delete_document(unique_term(record_type, id));
}

void SearchIndex::commit() {
  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.commit();
}

void SearchIndex::clear() {
  std::lock_guard lock(impl_->write_mutex);
  for (auto term = impl_->writer.allterms_begin("Q"); term != impl_->writer.allterms_end("Q");
       ++term) {
    impl_->writer.delete_document(*term);
  }
  impl_->writer.set_metadata("format", kIndexFormat);
}

bool SearchIndex::needs_rebuild() const {
  std::lock_guard lock(impl_->write_mutex);
  return impl_->writer.get_doccount() > 0 && impl_->writer.get_metadata("format") != kIndexFormat;
}

std::vector<Completion> SearchIndex::complete(const std::string& prefix, std::size_t limit) const {
  std::string normalized = text::to_nfc(prefix);
  auto words = text::tokenize(normalized);
  if (words.empty() || limit == 0) return {};
  bool last_complete = normalized.back() == ' ';

  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string term = kCompletePrefix + words[i].folded;
    if (i + 1 < words.size() || last_complete) {
      parts.emplace_back(term);
    } else {
      parts.emplace_back(Xapian::Query::OP_WILDCARD, term, kMaxPrefixExpansions,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
  }
  Xapian::Query query(Xapian::Query::OP_FILTER,
                      Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                      Xapian::Query(std::string(kStatusPrefix) + "published"));

  auto reader = impl_->take_reader();
  Xapian::MSet matches;
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(*reader);
      enquire.set_query(query);
      enquire.set_sort_by_value(kBoostSlot, true);
      matches =
          enquire.get_mset(0, static_cast<Xapian::doccount>(limit * kCandidatesPerCompletion));
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the search; read the new revision once more.
      if (attempt > 2) throw;
      reader->reopen();
    }
  }

  std::vector<Completion> completions;
  std::vector<std::string> seen;
  for (auto match = matches.begin(); match != matches.end() && completions.size() < limit;
       ++match) {
    auto data = nlohmann::json::parse(match.get_document().get_data());
    std::vector<std::string> candidates = {data.at("title").get<std::string>()};
    for (const auto& keyword : data.value("keywords", nlohmann::json::array())) {
      candidates.push_back(keyword.get<std::string>());
    }
    for (const auto& candidate : candidates) {
      if (!completes(words, candidate)) continue;
      std::string key = text::fold(candidate);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) break;
      seen.push_back(key);
      completions.push_back(
          {candidate, data.at("type").get<std::string>(), data.at("id").get<std::int64_t>()});
      break;
    }
  }
  impl_->return_reader(std::move(reader));
  return completions;
}

std::size_t SearchIndex::document_count() const {
  std::lock_guard lock(impl_->write_mutex);
  return impl_->writer.get_doccount();
}

const std::filesystem::path& SearchIndex::directory() const { return impl_->directory; }

}  // namespace techmarket::search
