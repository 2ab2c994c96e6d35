// The searching half of SearchIndex: filters, ranking, fallbacks, facets
// and snippets.
#include <xapian.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "search/index.h"
#include "search/index_impl.h"
#include "search/query_words.h"
#include "search/snippets.h"
#include "text/fold.h"

namespace techmarket::search {
namespace {

// Weight of the completeness and freshness boost (0 to 1 before scaling)
// against BM25 weights, which are several units for a matching title word.
constexpr double kRecordBoostScale = 0.5;
// BM25 parameters: Xapian's defaults except b, the share of length
// normalisation, which is 0. With Xapian's 0.5, long records lost to short
// ones that contain the words once, whatever field the words were in. At
// 100,000 records the judged title queries scored MRR@10 0.708 with b = 0.5,
// 0.832 with 0.2 and 0.942 with 0 (query phase of bench/search_engines.sh).
constexpr double kBm25K1 = 1.0;
constexpr double kBm25B = 0.0;
constexpr double kBm25MinNormLength = 0.5;
// Bytes of summary text shown around the first match.
constexpr std::size_t kSummarySnippetBytes = 240;

Xapian::Query filter_term(const char* prefix, const std::string& value) {
  return Xapian::Query(prefix + text::fold(value));
}

// Returns the filter terms of `query` ANDed, leaving out those that every
// document of `database` has (usually the status "published"), because
// checking them costs time on every match and excludes nothing. Returns an
// empty query when no filter is left.
Xapian::Query build_filter(const SearchQuery& query, const Xapian::Database& database) {
  std::vector<Xapian::Query> filters = {filter_term(kStatusPrefix, query.status)};
  if (query.record_type) filters.push_back(filter_term(kTypePrefix, *query.record_type));
  if (query.kind) filters.push_back(filter_term(kKindPrefix, *query.kind));
  if (query.st_field) filters.push_back(filter_term(kFieldPrefix, *query.st_field));
  if (query.trl) filters.push_back(filter_term(kTrlPrefix, std::to_string(*query.trl)));
  if (query.province_code) filters.push_back(filter_term(kProvincePrefix, *query.province_code));
  if (query.industry_section) {
    filters.push_back(filter_term(kIndustryPrefix, *query.industry_section));
  }
  if (query.transfer_mode) filters.push_back(filter_term(kTransferPrefix, *query.transfer_mode));
  if (query.price_band) filters.push_back(filter_term(kPricePrefix, *query.price_band));

  Xapian::doccount documents = database.get_doccount();
  std::erase_if(filters, [&](const Xapian::Query& filter) {
    return documents > 0 && database.get_termfreq(*filter.get_terms_begin()) == documents;
  });
  if (filters.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

// Counts facet values of every document the match looks at.
class FacetCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double) override {
    std::string values = document.get_value(kFacetSlot);
    std::string_view rest(values);
    for (std::size_t facet = 0; facet < kFacetNames.size(); ++facet) {
      auto end = std::min(rest.find(kFacetSeparator), rest.size());
      std::string_view value = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      if (facet != kTransferFacet) {
        count(facet, value);
        continue;
      }
      while (!value.empty()) {
        auto line_end = std::min(value.find('\n'), value.size());
        count(facet, value.substr(0, line_end));
        value.remove_prefix(std::min(line_end + 1, value.size()));
      }
    }
  }

  std::map<std::string, std::vector<FacetCount>> facets() const {
    std::map<std::string, std::vector<FacetCount>> facets;
    for (std::size_t facet = 0; facet < kFacetNames.size(); ++facet) {
      auto& counts = facets[std::string(kFacetNames[facet])];
      for (const auto& [value, count] : counts_[facet]) counts.push_back({value, count});
      std::stable_sort(counts.begin(), counts.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    }
    return facets;
  }

 private:
  void count(std::size_t facet, std::string_view value) {
    if (value.empty()) return;
    auto& counts = counts_[facet];
    auto found = counts.find(value);
    if (found != counts.end()) {
      ++found->second;
    } else {
      counts.emplace(std::string(value), 1);
    }
  }

  std::array<std::map<std::string, std::size_t, std::less<>>, kFacetNames.size()> counts_;
};

// Returns the query that matches `parsed` under `filter`, ranked by BM25 on
// the words plus the boosts.
Xapian::Query build_query(const ParsedQuery& parsed, const Xapian::Query& filter,
                          const Xapian::Stem& stemmer,
                          const std::shared_ptr<const RecordBoosts>& boosts) {
  Xapian::Query ranked = build_match_query(parsed, stemmer);
  Xapian::Query boost = build_boost_query(parsed);
  if (!boost.empty()) ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked, boost);

  auto* record_boost = new RecordBoostSource(boosts);
  ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(record_boost->release()), kRecordBoostScale));
  if (filter.empty()) return ranked;
  return Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter);
}

SearchResult run(const Xapian::Database& database, const ParsedQuery& parsed,
                 const SearchQuery& query, const Xapian::Query& filter, const Xapian::Stem& stemmer,
                 const std::shared_ptr<const RecordBoosts>& boosts) {
  Xapian::Enquire enquire(database);
  enquire.set_query(build_query(parsed, filter, stemmer, boosts));
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, kBm25MinNormLength));
  if (query.order == SearchOrder::kNewest) {
    enquire.set_sort_by_value_then_relevance(kDateSlot, true);
  }
  FacetCounter counter;
  if (query.with_facets) enquire.add_matchspy(&counter);

  // TODO: a query of one word that most records contain ("của") visits every
  // posting of that word, because Xapian 1.4 cannot skip postings of a lone
  // term: 2.9 ms of CPU time at 100,000 records, so an estimated 30 ms at
  // 1,000,000, above the 10 ms p99 goal.

  // Facets count every match up to kExactTotalLimit. Without them, one match
  // past the page shows whether there are more, and the matcher can skip the
  // documents that cannot reach the page, which on a broad query is most.
  std::size_t check_at_least =
      query.with_facets ? kExactTotalLimit : query.offset + query.limit + 1;
  Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                                          static_cast<Xapian::doccount>(query.limit),
                                          static_cast<Xapian::doccount>(check_at_least));
  SearchResult result;
  result.total = matches.get_matches_estimated();
  result.has_more = query.offset + matches.size() < matches.get_matches_lower_bound();
  if (query.with_facets) result.facets = counter.facets();

  MatchKeys keys(parsed, stemmer);
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    auto data = nlohmann::json::parse(match.get_document().get_data());
    SearchHit hit;
    hit.record_type = data.at("type").get<std::string>();
    hit.id = data.at("id").get<std::int64_t>();
    hit.kind = data.at("kind").get<std::string>();
    hit.title = data.at("title").get<std::string>();
    hit.score = match.get_weight();
    if (query.with_snippets) {
      hit.title_snippet = keys.highlight(hit.title, 0);
      std::string summary = data.value("summary", "");
      if (!summary.empty()) hit.summary_snippet = keys.highlight(summary, kSummarySnippetBytes);
    }
    result.items.push_back(std::move(hit));
  }
  return result;
}

// Tries the fallbacks in turn when `result` has few matches, and keeps the
// first that finds more.
void try_fallbacks(const Xapian::Database& database, const ParsedQuery& parsed,
                   const SearchQuery& query, const Xapian::Query& filter,
                   const Xapian::Stem& stemmer, const std::shared_ptr<const RecordBoosts>& boosts,
                   SearchResult& result) {
  using Fallback = std::string (*)(ParsedQuery&, const Xapian::Database&, const Xapian::Stem&);
  for (Fallback fallback :
       {Fallback{add_input_method_alternatives}, Fallback{add_typo_alternatives}}) {
    ParsedQuery widened = parsed;
    std::string reading = fallback(widened, database, stemmer);
    if (reading.empty()) continue;
    SearchResult wider = run(database, widened, query, filter, stemmer, boosts);
    if (wider.total <= result.total) continue;
    result = std::move(wider);
    result.suggestion = reading;
    return;
  }
}

}  // namespace

SearchResult SearchIndex::search(const SearchQuery& query) const {
  const Xapian::Stem& stemmer = thread_stemmer();
  auto reader = impl_->take_reader();
  SearchResult result;
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Query filter = build_filter(query, *reader);
      ParsedQuery parsed = parse_query(query.text);
      // A query of punctuation only, such as "%" or "_", has no word to
      // match, so it finds nothing instead of listing every record.
      bool has_text = query.text.find_first_not_of(" \t\r\n") != std::string::npos;
      if (has_text && parsed.words.empty()) break;
      add_joined_words(parsed, *reader, stemmer);
      auto boosts = impl_->record_boosts.boosts(*reader);
      result = run(*reader, parsed, query, filter, stemmer, boosts);
      if (query.with_fallback && !parsed.words.empty() && result.total < kFewMatches) {
        try_fallbacks(*reader, parsed, query, filter, stemmer, boosts, result);
      }
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the search; read the new revision once more.
      if (attempt > 2) throw;
      reader->reopen();
    }
  }
  impl_->return_reader(std::move(reader));
  return result;
}

}  // namespace techmarket::search
