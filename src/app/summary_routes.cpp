// Routes of the catalog summary:
//   GET /api/v1/summary  counts of published offers and needs and of active
//                        organizations; the five newest published offers and needs
#include "app/summary_routes.h"

#include <nlohmann/json.hpp>

namespace techmarket::app {
namespace {

constexpr std::int64_t kNewestCount = 5;

std::int64_t count_rows(db::Connection& connection, const char* sql) {
  auto query = connection.prepare(sql);
  query.step();
  return query.column_int64(0);
}

// Returns the newest published rows of `table` ("offers" or "needs"), newest
// publication first, then newest id. Needs have no publication date, so their
// creation date orders them.
nlohmann::json newest_published(db::Connection& connection, const std::string& table) {
  std::string kind = table == "offers" ? "kind" : "NULL";
  std::string published = table == "offers" ? "published_on" : "NULL";
  auto query = connection.prepare("SELECT id, title, " + kind + ", " + published + ", " +
                                  "created_at FROM " + table +
                                  " WHERE status = 'published'"
                                  " ORDER BY COALESCE(" +
                                  published + ", substr(created_at, 1, 10)) DESC, id DESC LIMIT ?");
  query.bind(1, kNewestCount);
  nlohmann::json items = nlohmann::json::array();
  while (query.step()) {
    auto kind_value = query.column_optional_text(2);
    auto published_on = query.column_optional_text(3);
    items.push_back(
        {{"id", query.column_int64(0)},
         {"title", query.column_text(1)},
         {"kind", kind_value ? nlohmann::json(*kind_value) : nlohmann::json(nullptr)},
         {"published_on", published_on ? nlohmann::json(*published_on) : nlohmann::json(nullptr)},
         {"created_at", query.column_text(4)}});
  }
  return items;
}

}  // namespace

void add_summary_routes(http::Router& router, db::Pool& pool) {
  router.add("GET", "/api/v1/summary", [&pool](http::Request&) {
    auto connection = pool.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kRead);
    nlohmann::json body = {
        {"published_offers",
         count_rows(*connection, "SELECT count(*) FROM offers WHERE status = 'published'")},
        {"published_needs",
         count_rows(*connection, "SELECT count(*) FROM needs WHERE status = 'published'")},
        {"active_organizations",
         count_rows(*connection, "SELECT count(*) FROM organizations WHERE status = 'active'")},
        {"newest_offers", newest_published(*connection, "offers")},
        {"newest_needs", newest_published(*connection, "needs")}};
    return http::json_response(200, body);
  });
}

}  // namespace techmarket::app
