// Routes of search:
//   GET /api/v1/search  q, type (offer|need), kind, st_field, trl, province; cursor, limit
#include "search/search_routes.h"

#include "catalog/offer.h"
#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::search {
namespace {

constexpr std::array<std::string_view, 2> kRecordTypes = {"offer", "need"};
// Relevance order has no stable key to resume from, so the cursor carries an
// offset; deep pages are cut off here instead of costing a full ranking.
constexpr std::int64_t kMaxOffset = 10000;

}  // namespace

void add_search_routes(http::Router& router, const SearchIndex& index) {
  router.add("GET", "/api/v1/search", [&index](http::Request& request) {
    SearchQuery query;
    query.text = http::query_text(request, "q", 500).value_or("");
    query.record_type = http::query_choice(request, "type", kRecordTypes);
    query.kind = http::query_choice(request, "kind", catalog::kOfferKinds);
    query.st_field = http::query_text(request, "st_field", 20);
    if (auto trl = http::query_integer(request, "trl", 1, 9)) query.trl = static_cast<int>(*trl);
    query.province_code = http::query_text(request, "province", 2);
    query.limit = parse_page_size(request.query_value("limit"));
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
      auto offset = decode_cursor(*cursor);
      if (offset > kMaxOffset) {
        throw BadRequestError("search results are paged only to the first 10000; narrow the query");
      }
      query.offset = static_cast<std::size_t>(offset);
    }

    auto result = index.search(query);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& hit : result.items) {
      nlohmann::json item = {
          {"id", hit.id}, {"type", hit.record_type}, {"title", hit.title}, {"score", hit.score}};
      item["kind"] = hit.kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.kind);
      items.push_back(std::move(item));
    }
    nlohmann::json next = nullptr;
    if (result.has_more)
      next = encode_cursor(static_cast<std::int64_t>(query.offset + query.limit));
    return http::json_response(200,
                               {{"items", items}, {"total", result.total}, {"next_cursor", next}});
  });
}

}  // namespace techmarket::search
