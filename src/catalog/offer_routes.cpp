// Routes of offers (visitors see published offers only; writes need a
// signed-in caller or an API token with catalog:write):
//   GET   /api/v1/offers               list, filters kind, status, st_field, trl,
//                                       owner_organization_id, province_code; cursor, limit
//   POST  /api/v1/offers               create
//   GET   /api/v1/offers/{id}          read
//   PATCH /api/v1/offers/{id}          update the fields given
//   POST  /api/v1/offers/{id}/submit   send a draft or rejected offer for review
//   POST  /api/v1/offers/{id}/publish  publish a submitted offer (staff, admin)
//   POST  /api/v1/offers/{id}/reject   reject a submitted offer with {"reason"} (staff, admin)
//   POST  /api/v1/offers/{id}/renew    publish again until {"expires_on"}
//   POST  /api/v1/offers/{id}/archive  archive
#include "catalog/offer_routes.h"

#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::catalog {
namespace {

nlohmann::json page_json(const OfferPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& offer : page.items) items.push_back(to_json(offer));
  return {{"items", items},
          {"next_cursor", page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                             : nlohmann::json(nullptr)}};
}

}  // namespace

void add_offer_routes(http::Router& router, OfferService& service) {
  const auto writer = http::Access::signed_in("catalog:write");
  const auto reviewer = http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff});

  router.add("GET", "/api/v1/offers", [&service](http::Request& request) {
    OfferFilter filter;
    filter.kind = http::query_choice(request, "kind", kOfferKinds);
    filter.status = http::query_choice(request, "status", kOfferStatuses);
    filter.st_field = http::query_text(request, "st_field", 20);
    if (auto trl = http::query_integer(request, "trl", 1, 9)) filter.trl = static_cast<int>(*trl);
    filter.owner_organization_id =
        http::query_integer(request, "owner_organization_id", 1, INT64_MAX);
    filter.province_code = http::query_text(request, "province_code", 2);
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
      filter.after_id = decode_cursor(*cursor);
    }
    filter.limit = parse_page_size(request.query_value("limit"));
    return http::json_response(200, page_json(service.list(request.principal, filter)));
  });

  router.add("POST", "/api/v1/offers", writer, [&service](http::Request& request) {
    auto offer = service.create(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(offer));
    response.headers.emplace_back("Location", "/api/v1/offers/" + std::to_string(offer.id));
    return response;
  });

  router.add("GET", "/api/v1/offers/{id}", [&service](http::Request& request) {
    return http::json_response(200,
                               to_json(service.get(request.principal, http::path_id(request))));
  });

  router.add("PATCH", "/api/v1/offers/{id}", writer, [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(service.update(request.principal, id, http::json_body(request))));
  });

  struct Step {
    const char* path;
    ReviewAction action;
    http::Access access;
  };
  const Step steps[] = {{"/api/v1/offers/{id}/submit", ReviewAction::kSubmit, writer},
                        {"/api/v1/offers/{id}/publish", ReviewAction::kPublish, reviewer},
                        {"/api/v1/offers/{id}/reject", ReviewAction::kReject, reviewer},
                        {"/api/v1/offers/{id}/renew", ReviewAction::kRenew, writer},
                        {"/api/v1/offers/{id}/archive", ReviewAction::kArchive, writer}};
  for (const auto& step : steps) {
    router.add(
        "POST", step.path, step.access, [&service, action = step.action](http::Request& request) {
          auto id = http::path_id(request);
          auto body = request.body.empty() ? nlohmann::json::object() : http::json_body(request);
          return http::json_response(
              200, to_json(service.transition(request.principal, id, action, body)));
        });
  }
}

}  // namespace techmarket::catalog
