// Routes of matching (the matches of a record have the visibility of the record;
// follows and the inbox belong to the signed-in user):
//   GET    /api/v1/needs/{id}/matches   offers matching a need, best first; cursor, limit
//   GET    /api/v1/offers/{id}/matches  needs matching an offer, best first; cursor, limit
//   POST   /api/v1/follows              follow {"target": "need"|"offer"|"search", "id"?, "query"?}
//   GET    /api/v1/follows              the user's follows
//   DELETE /api/v1/follows/{id}         stop following
//   GET    /api/v1/inbox                the user's alerts, oldest first; cursor, limit
//   POST   /api/v1/inbox/{id}/read      mark one alert read
#include "matching/match_routes.h"

#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::matching {
namespace {

nlohmann::json match_json(const StoredMatch& match, const char* other_key) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& reason : match.reasons) reasons.push_back(to_json(reason));
  std::string key = other_key;
  return {{key, key == "offer_id" ? match.offer_id : match.need_id},
          {"title", match.title},
          {"score", match.score},
          {"reasons", reasons},
          {"computed_at", match.computed_at}};
}

nlohmann::json page_json(const MatchPage& page, const char* other_key) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& match : page.items) items.push_back(match_json(match, other_key));
  auto cursor = page.next_offset
                    ? nlohmann::json(encode_cursor(static_cast<std::int64_t>(*page.next_offset)))
                    : nlohmann::json(nullptr);
  return {{"items", items}, {"next_cursor", cursor}};
}

// Reads the cursor of a match list: the position of the next match.
std::size_t read_offset(const http::Request& request) {
  auto cursor = request.query_value("cursor");
  if (!cursor || cursor->empty()) return 0;
  return static_cast<std::size_t>(decode_cursor(*cursor));
}

}  // namespace

void add_match_routes(http::Router& router, MatchService& matches, FollowService& follows) {
  const auto user = http::Access::signed_in();

  router.add("GET", "/api/v1/needs/{id}/matches", [&matches](http::Request& request) {
    auto limit = parse_page_size(request.query_value("limit"));
    auto page = matches.need_matches(request.principal, http::path_id(request),
                                     read_offset(request), limit);
    return http::json_response(200, page_json(page, "offer_id"));
  });

  router.add("GET", "/api/v1/offers/{id}/matches", [&matches](http::Request& request) {
    auto limit = parse_page_size(request.query_value("limit"));
    auto page = matches.offer_matches(request.principal, http::path_id(request),
                                      read_offset(request), limit);
    return http::json_response(200, page_json(page, "need_id"));
  });

  router.add("POST", "/api/v1/follows", user, [&follows](http::Request& request) {
    bool created = false;
    auto follow = follows.follow(request.principal, http::json_body(request), created);
    return http::json_response(created ? 201 : 200, to_json(follow));
  });

  router.add("GET", "/api/v1/follows", user, [&follows](http::Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& follow : follows.list(request.principal)) items.push_back(to_json(follow));
    return http::json_response(200, {{"items", items}, {"next_cursor", nullptr}});
  });

  router.add("DELETE", "/api/v1/follows/{id}", user, [&follows](http::Request& request) {
    follows.unfollow(request.principal, http::path_id(request));
    http::Response response;
    response.status = 204;
    return response;
  });

  router.add("GET", "/api/v1/inbox", user, [&follows](http::Request& request) {
    std::int64_t after_id = 0;
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
      after_id = decode_cursor(*cursor);
    }
    auto page =
        follows.inbox(request.principal, after_id, parse_page_size(request.query_value("limit")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(to_json(item));
    auto cursor = page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                     : nlohmann::json(nullptr);
    return http::json_response(200, {{"items", items}, {"next_cursor", cursor}});
  });

  router.add("POST", "/api/v1/inbox/{id}/read", user, [&follows](http::Request& request) {
    return http::json_response(200,
                               to_json(follows.mark_read(request.principal, http::path_id(request))));
  });
}

}  // namespace techmarket::matching
