// Routes of the service itself:
//   GET /healthz   200 when the database answers, 503 otherwise
//   GET /metrics   Prometheus text format
//   GET /api/v1/openapi.json   the OpenAPI document
#include "app/system_routes.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/openapi.h"
#include "app/platform.h"

namespace techmarket::app {
namespace {

std::int64_t count_rows(db::Connection& connection, const char* table) {
  auto query = connection.prepare(std::string("SELECT count(*) FROM ") + table);
  query.step();
  return query.column_int64(0);
}

}  // namespace

void add_system_routes(http::Router& router, Platform& platform) {
  router.add("GET", "/healthz", [&platform](http::Request& request) {
    try {
      auto connection = platform.pool().acquire();
      connection->execute("SELECT 1");
      return http::json_response(200, {{"status", "ok"}});
    } catch (const db::Error& e) {
      spdlog::error("event=health_check_failed request_id={} error=\"{}\"", request.request_id,
                    e.what());
      return http::json_response(503, {{"status", "database unavailable"}});
    }
  });

  router.add("GET", "/api/v1/openapi.json", [](http::Request&) {
    http::Response response;
    response.body = std::string(openapi_json());
    return response;
  });

  router.add("GET", "/metrics", [&platform](http::Request&) {
    std::string extra;
    {
      auto connection = platform.pool().acquire();
      extra += "# HELP techmarket_records Records stored, by table.\n";
      extra += "# TYPE techmarket_records gauge\n";
      for (const char* table : {"offers", "needs", "organizations"}) {
        extra += fmt::format("techmarket_records{{table=\"{}\"}} {}\n", table,
                             count_rows(*connection, table));
      }
      extra += "# HELP techmarket_search_outbox_pending Index updates not yet applied.\n";
      extra += "# TYPE techmarket_search_outbox_pending gauge\n";
      extra += fmt::format("techmarket_search_outbox_pending {}\n",
                           count_rows(*connection, "search_outbox"));
    }
    extra += "# HELP techmarket_search_documents Documents in the search index.\n";
    extra += "# TYPE techmarket_search_documents gauge\n";
    extra += fmt::format("techmarket_search_documents {}\n", platform.index().document_count());

    http::Response response;
    response.content_type = "text/plain; version=0.0.4";
    response.body = platform.metrics().render(extra);
    return response;
  });
}

}  // namespace techmarket::app
