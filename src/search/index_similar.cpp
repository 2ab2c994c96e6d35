// SearchIndex::similar: a record's own texts as a query for records like it.
// Matching uses it in both directions (a need's texts against offers, an
// offer's against needs).
#include <xapian.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "search/index.h"
#include "search/index_impl.h"
#include "search/query_words.h"
#include "text/fold.h"
#include "text/tokens.h"

namespace techmarket::search {
namespace {

// Terms longer than this are not indexed (see add_words in index.cpp).
constexpr std::size_t kMaxTermBytes = 120;

// A word found in more than this share of the records finds no candidates
// worth having ("the", "of", "system"), yet its posting list is as long as
// the collection, so it only counts in the coverages. Words in at most
// kAlwaysCandidateRecords records always take part, so a small market with
// a few dozen offers still finds candidates through its shared words.
constexpr double kMaxCandidateWordShare = 0.05;
constexpr Xapian::doccount kAlwaysCandidateRecords = 1000;

// Vietnamese function words and words every need contains ("cần", "sử dụng"),
// which carry no technical meaning. In a catalog mostly in English they are
// rare, so without this list they would be a match's heaviest words.
constexpr std::array<std::string_view, 56> kFunctionWords = {
    "và",   "của",  "cho",   "các",   "có",   "được", "trong", "với",  "là",   "những",
    "một",  "để",   "này",   "từ",    "không", "đã",  "sẽ",    "theo", "như",  "tại",
    "về",   "bằng", "hoặc",  "nhưng", "thì",  "mà",   "khi",   "cần",  "nhiều", "rất",
    "đến",  "ra",   "vào",   "lên",   "trên", "dưới", "sau",   "trước", "qua", "bị",
    "do",   "nên",  "vì",    "nếu",   "cũng", "đều",  "còn",   "hơn",  "mỗi",  "đó",
    "đây",  "việc", "sự",    "sử",    "dụng", "dùng"};

bool is_function_word(std::string_view exact) {
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), exact) != kFunctionWords.end();
}

struct QueryTerm {
  double occurrences = 0;  // summed text weights
  double idf = 0;
  Xapian::doccount records = 0;  // records that contain the word
  std::string written;  // the first spelling met, lower case with marks
};

// Returns true for the terms that similarity compares: English stems (Z),
// folded words that have no stem, and exact forms (E) of words written with
// marks. Boolean, pair and id terms start with other capital letters.
bool is_word_term(const std::string& term) {
  if (term.empty()) return false;
  if (term[0] == kStemPrefix[0]) return true;
  if (term[0] == kExactPrefix[0]) return !is_ascii_word(term.substr(1));
  if (term[0] >= 'A' && term[0] <= 'Z') return false;
  return !is_ascii_word(term);
}

double inverse_document_frequency(double documents, double with_term) {
  if (with_term <= 0 || documents <= 0) return 0;
  return std::max(0.0, std::log(documents / with_term));
}

double inverse_document_frequency(const Xapian::Database& database, const std::string& term) {
  return inverse_document_frequency(database.get_doccount(), database.get_termfreq(term));
}

std::unordered_map<std::string, QueryTerm> read_query_terms(const SimilarQuery& query,
                                                            const Xapian::Database& database,
                                                            const Xapian::Stem& stemmer) {
  std::unordered_map<std::string, QueryTerm> terms;
  for (const auto& [text, weight] : query.texts) {
    for (const auto& token : text::tokenize(text::to_nfc(text))) {
      if (token.folded.empty() || token.folded.size() > kMaxTermBytes) continue;
      if (is_function_word(token.exact)) continue;
      // A word written with marks is compared by its exact form: folded, "sấy"
      // and "cần" would be the English "say" and "can".
      bool marked = token.exact != token.folded;
      auto& term = terms[marked ? kExactPrefix + token.exact : match_term(token.folded, stemmer)];
      term.occurrences += weight;
      if (term.written.empty()) term.written = token.exact;
    }
  }
  const Xapian::doccount min_documents = query.texts_indexed ? 2 : 1;
  for (auto it = terms.begin(); it != terms.end();) {
    it->second.records = database.get_termfreq(it->first);
    bool shared = it->second.records >= min_documents;
    it->second.idf =
        shared ? inverse_document_frequency(database.get_doccount(), it->second.records) : 0;
    it = it->second.idf > 0 ? std::next(it) : terms.erase(it);
  }
  return terms;
}

std::int64_t record_id_of(const Xapian::Document& document, const std::string& record_type) {
  std::string prefix = "Q" + record_type + ":";
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(prefix);
  if (term == document.termlist_end() || (*term).rfind(prefix, 0) != 0) return 0;
  return std::stoll((*term).substr(prefix.size()));
}

// Inverse document frequencies of the candidates' words, read once per match:
// candidates share most of their words.
using IdfCache = std::unordered_map<std::string, double>;

// Fills the coverages and shared words of `hit` from the record's term list.
void compare_with_record(const Xapian::Database& database, const Xapian::Document& document,
                         const std::unordered_map<std::string, QueryTerm>& terms,
                         double query_weight, IdfCache& idfs, SimilarHit& hit) {
  double record_weight = 0;
  double record_shared = 0;
  double query_shared = 0;
  std::vector<std::pair<double, const std::string*>> shared;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    const std::string name = *term;
    if (!is_word_term(name)) continue;
    auto found = terms.find(name);
    if (found == terms.end()) {
      auto [cached, added] = idfs.try_emplace(name, 0.0);
      if (added) cached->second = inverse_document_frequency(database, name);
      record_weight += term.get_wdf() * cached->second;
      continue;
    }
    double idf = found->second.idf;
    double weight = term.get_wdf() * idf;
    record_weight += weight;
    record_shared += weight;
    double query_part = found->second.occurrences * idf;
    query_shared += query_part;
    shared.emplace_back(query_part, &found->second.written);
  }
  hit.query_coverage = query_weight > 0 ? query_shared / query_weight : 0;
  hit.record_coverage = record_weight > 0 ? record_shared / record_weight : 0;

  std::sort(shared.begin(), shared.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [weight, written] : shared) {
    if (hit.shared_words.size() == kMaxSharedWords) break;
    if (std::find(hit.shared_words.begin(), hit.shared_words.end(), *written) ==
        hit.shared_words.end()) {
      hit.shared_words.push_back(*written);
    }
  }
}

std::vector<SimilarHit> find_similar(const Xapian::Database& database, const SimilarQuery& query,
                                     const Xapian::Stem& stemmer) {
  auto terms = read_query_terms(query, database, stemmer);
  if (terms.empty()) return {};

  // The rarest words find the candidates; common words would only slow the match.
  const auto max_candidate_records = std::max(
      kAlwaysCandidateRecords,
      static_cast<Xapian::doccount>(kMaxCandidateWordShare * database.get_doccount()));
  std::vector<std::pair<double, const std::string*>> ranked;
  double query_weight = 0;
  for (const auto& [name, term] : terms) {
    query_weight += term.occurrences * term.idf;
    if (term.records <= max_candidate_records) ranked.emplace_back(term.idf, &name);
  }
  if (ranked.empty()) return {};
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });
  if (ranked.size() > query.max_query_words) ranked.resize(query.max_query_words);

  std::vector<Xapian::Query> words;
  for (const auto& [idf, name] : ranked) {
    auto occurrences = static_cast<Xapian::termcount>(std::ceil(terms.at(*name).occurrences));
    words.emplace_back(*name, occurrences);
  }
  Xapian::Query filter(Xapian::Query::OP_AND,
                       Xapian::Query(std::string(kTypePrefix) + query.record_type),
                       Xapian::Query(std::string(kStatusPrefix) + query.status));
  Xapian::Query match(Xapian::Query::OP_FILTER,
                      Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), filter);

  Xapian::Enquire enquire(database);
  enquire.set_query(match);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(query.limit));

  std::vector<SimilarHit> hits;
  IdfCache idfs;
  for (auto match_it = matches.begin(); match_it != matches.end(); ++match_it) {
    Xapian::Document document = match_it.get_document();
    SimilarHit hit;
    hit.id = record_id_of(document, query.record_type);
    if (hit.id == 0) continue;
    compare_with_record(database, document, terms, query_weight, idfs, hit);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace

std::vector<SimilarHit> SearchIndex::similar(const SimilarQuery& query) const {
  auto reader = impl_->take_reader();
  std::vector<SimilarHit> hits;
  for (int attempt = 0;; ++attempt) {
    try {
      // Xapian::Stem keeps state while it stems, so each call has its own
      // instead of sharing impl_->stemmer across threads.
      Xapian::Stem stemmer("english");
      hits = find_similar(*reader, query, stemmer);
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the match; read the new revision once more.
      if (attempt > 2) throw;
      reader->reopen();
    }
  }
  impl_->return_reader(std::move(reader));
  return hits;
}

}  // namespace techmarket::search
