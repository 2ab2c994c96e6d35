// Routes of search:
//   GET /api/v1/search          q, type (offer|need), kind, st_field, industry_section, trl,
//                               province, transfer_mode, price_band, sort (relevance|newest);
//                               cursor, limit
//   GET /api/v1/search/suggest  q, limit (1..20, default 8)
#include "search/search_routes.h"

#include "catalog/offer.h"
#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::search {
namespace {

constexpr std::array<std::string_view, 2> kRecordTypes = {"offer", "need"};
constexpr std::array<std::string_view, 2> kSortOrders = {"relevance", "newest"};
// Relevance order has no stable key to resume from, so the cursor carries an
// offset; deep pages are cut off here instead of costing a full ranking.
constexpr std::int64_t kMaxOffset = 10000;
constexpr std::int64_t kDefaultCompletions = 8;
constexpr std::int64_t kMaxCompletions = 20;

SearchQuery read_search_query(const http::Request& request) {
  SearchQuery query;
  query.text = http::query_text(request, "q", 500).value_or("");
  query.record_type = http::query_choice(request, "type", kRecordTypes);
  query.kind = http::query_choice(request, "kind", catalog::kOfferKinds);
  query.st_field = http::query_text(request, "st_field", 20);
  query.industry_section = http::query_text(request, "industry_section", 1);
  if (auto trl = http::query_integer(request, "trl", 1, 9)) query.trl = static_cast<int>(*trl);
  query.province_code = http::query_text(request, "province", 2);
  query.transfer_mode = http::query_choice(request, "transfer_mode", catalog::kTransferModes);
  query.price_band = http::query_choice(request, "price_band", kPriceBands);
  if (http::query_choice(request, "sort", kSortOrders).value_or("relevance") == "newest") {
    query.order = SearchOrder::kNewest;
  }
  query.limit = parse_page_size(request.query_value("limit"));
  if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
    auto offset = decode_cursor(*cursor);
    if (offset > kMaxOffset) {
      throw BadRequestError("search results are paged only to the first 10000; narrow the query");
    }
    query.offset = static_cast<std::size_t>(offset);
  }
  return query;
}

nlohmann::json segments_json(const std::vector<SnippetSegment>& segments) {
  nlohmann::json json = nlohmann::json::array();
  for (const auto& segment : segments) {
    json.push_back({{"text", segment.text}, {"match", segment.match}});
  }
  return json;
}

nlohmann::json hit_json(const SearchHit& hit) {
  nlohmann::json item = {{"id", hit.id},
                         {"type", hit.record_type},
                         {"title", hit.title},
                         {"score", hit.score},
                         {"snippets",
                          {{"title", segments_json(hit.title_snippet)},
                           {"summary", segments_json(hit.summary_snippet)}}}};
  item["kind"] = hit.kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.kind);
  return item;
}

nlohmann::json facets_json(const SearchResult& result) {
  nlohmann::json facets = nlohmann::json::object();
  for (auto name : kFacetNames) {
    nlohmann::json counts = nlohmann::json::array();
    if (auto found = result.facets.find(std::string(name)); found != result.facets.end()) {
      for (const auto& facet : found->second) {
        counts.push_back({{"value", facet.value}, {"count", facet.count}});
      }
    }
    facets[std::string(name)] = std::move(counts);
  }
  return facets;
}

}  // namespace

void add_search_routes(http::Router& router, const SearchIndex& index) {
  router.add("GET", "/api/v1/search", [&index](http::Request& request) {
    SearchQuery query = read_search_query(request);
    auto result = index.search(query);

    nlohmann::json items = nlohmann::json::array();
    for (const auto& hit : result.items) items.push_back(hit_json(hit));
    nlohmann::json next = nullptr;
    if (result.has_more) {
      next = encode_cursor(static_cast<std::int64_t>(query.offset + query.limit));
    }
    nlohmann::json suggestion = nullptr;
    if (result.suggestion) suggestion = *result.suggestion;
    return http::json_response(200, {{"items", items},
                                     {"total", result.total},
                                     {"next_cursor", next},
                                     {"facets", facets_json(result)},
                                     {"suggestion", suggestion}});
  });

  router.add("GET", "/api/v1/search/suggest", [&index](http::Request& request) {
    std::string prefix = http::query_text(request, "q", 200).value_or("");
    auto limit =
        http::query_integer(request, "limit", 1, kMaxCompletions).value_or(kDefaultCompletions);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& completion : index.complete(prefix, static_cast<std::size_t>(limit))) {
      items.push_back(
          {{"text", completion.text}, {"type", completion.record_type}, {"id", completion.id}});
    }
    return http::json_response(200, {{"items", items}});
  });
}

}  // namespace techmarket::search
