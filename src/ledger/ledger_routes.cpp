// Routes of the transaction ledger. Staff, administrators and officers read.
// Only staff and administrators write.
//   GET   /api/v1/transaction-types           the controlled list of types (open)
//   GET   /api/v1/transactions                list, filters year, type, group, verified,
//                                             kind; or indicator and year for a drill-down
//   POST  /api/v1/transactions                record a transaction, unverified
//   GET   /api/v1/transactions/{id}           read
//   PATCH /api/v1/transactions/{id}           update the fields given
//   POST  /api/v1/transactions/{id}/verify    mark verified, so it counts
#include "ledger/ledger_routes.h"

#include "common/errors.h"
#include "common/pagination.h"
#include "http/params.h"
#include "indicators/indicators.h"

namespace techmarket::ledger {
namespace {

constexpr std::int64_t kFirstYear = 1990;
constexpr std::int64_t kLastYear = 2100;
constexpr std::array<std::string_view, 2> kBooleans = {"true", "false"};

nlohmann::json page_json(const TransactionPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& transaction : page.items) items.push_back(to_json(transaction));
  return {{"items", items},
          {"next_cursor", page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                             : nlohmann::json(nullptr)}};
}

TransactionFilter read_filter(const http::Request& request) {
  auto year = http::query_integer(request, "year", kFirstYear, kLastYear);
  TransactionFilter filter;
  if (auto indicator = http::query_text(request, "indicator", 50)) {
    if (!year) {
      throw BadRequestError("indicator needs year, such as ?indicator=" + *indicator +
                            "&year=2025");
    }
    for (const char* other : {"type", "group", "verified", "kind"}) {
      if (request.query_value(other)) {
        throw BadRequestError(std::string(other) +
                              " cannot be combined with indicator: the drill-down lists exactly "
                              "the transactions behind the figure");
      }
    }
    filter = indicators::drilldown_filter(*indicator, static_cast<int>(*year));
  } else {
    if (year) filter.year = static_cast<int>(*year);
    filter.type = http::query_choice(request, "type", kTransactionTypes);
    filter.group = http::query_choice(request, "group", kTypeGroups);
    if (auto verified = http::query_choice(request, "verified", kBooleans)) {
      filter.verified = *verified == "true";
    }
    filter.kind = http::query_choice(request, "kind", kTransactionKinds);
  }
  if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
    filter.after_id = decode_cursor(*cursor);
  }
  filter.limit = parse_page_size(request.query_value("limit"));
  return filter;
}

}  // namespace

void add_ledger_routes(http::Router& router, LedgerService& service) {
  const auto readers =
      http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff, auth::Role::kOfficer});
  const auto writers = http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff});

  router.add("GET", "/api/v1/transaction-types", http::Access::open(),
             [&service](http::Request&) {
               auto items = nlohmann::json::array();
               for (const auto& type : service.types()) {
                 items.push_back({{"code", type.code},
                                  {"group", type.group},
                                  {"name_vi", type.name_vi},
                                  {"name_en", type.name_en}});
               }
               return http::json_response(200, {{"items", items}});
             });

  router.add("GET", "/api/v1/transactions", readers, [&service](http::Request& request) {
    return http::json_response(200, page_json(service.list(read_filter(request))));
  });

  router.add("POST", "/api/v1/transactions", writers, [&service](http::Request& request) {
    auto transaction = service.create(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(transaction));
    response.headers.emplace_back("Location",
                                  "/api/v1/transactions/" + std::to_string(transaction.id));
    return response;
  });

  router.add("GET", "/api/v1/transactions/{id}", readers, [&service](http::Request& request) {
    return http::json_response(200, to_json(service.get(http::path_id(request))));
  });

  router.add("PATCH", "/api/v1/transactions/{id}", writers, [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(service.update(request.principal, id, http::json_body(request))));
  });

  router.add("POST", "/api/v1/transactions/{id}/verify", writers,
             [&service](http::Request& request) {
               auto id = http::path_id(request);
               return http::json_response(200, to_json(service.verify(request.principal, id)));
             });
}

}  // namespace techmarket::ledger
