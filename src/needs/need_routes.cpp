// Routes of technology needs (visitors see published needs only; writes need
// a signed-in caller or an API token with catalog:write):
//   GET   /api/v1/needs               list, filters status, st_field, industry_section,
//                                      owner_organization_id, province_code; cursor, limit
//   POST  /api/v1/needs               create
//   GET   /api/v1/needs/{id}          read
//   PATCH /api/v1/needs/{id}          update the fields given
//   POST  /api/v1/needs/{id}/submit   send a draft or rejected need for review
//   POST  /api/v1/needs/{id}/publish  publish a submitted need (staff, admin)
//   POST  /api/v1/needs/{id}/reject   reject a submitted need with {"reason"} (staff, admin)
//   POST  /api/v1/needs/{id}/renew    publish again until a new {"deadline"}
//   POST  /api/v1/needs/{id}/archive  archive
#include "needs/need_routes.h"

#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::needs {
namespace {

nlohmann::json page_json(const NeedPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& need : page.items) items.push_back(to_json(need));
  return {{"items", items},
          {"next_cursor", page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                             : nlohmann::json(nullptr)}};
}

}  // namespace

void add_need_routes(http::Router& router, NeedService& service) {
  const auto writer = http::Access::signed_in("catalog:write");
  const auto reviewer = http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff});

  router.add("GET", "/api/v1/needs", [&service](http::Request& request) {
    NeedFilter filter;
    filter.status = http::query_choice(request, "status", kNeedStatuses);
    filter.st_field = http::query_text(request, "st_field", 20);
    filter.industry_section = http::query_text(request, "industry_section", 1);
    filter.owner_organization_id =
        http::query_integer(request, "owner_organization_id", 1, INT64_MAX);
    filter.province_code = http::query_text(request, "province_code", 2);
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
      filter.after_id = decode_cursor(*cursor);
    }
    filter.limit = parse_page_size(request.query_value("limit"));
    return http::json_response(200, page_json(service.list(request.principal, filter)));
  });

  router.add("POST", "/api/v1/needs", writer, [&service](http::Request& request) {
    auto need = service.create(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(need));
    response.headers.emplace_back("Location", "/api/v1/needs/" + std::to_string(need.id));
    return response;
  });

  router.add("GET", "/api/v1/needs/{id}", [&service](http::Request& request) {
    return http::json_response(200,
                               to_json(service.get(request.principal, http::path_id(request))));
  });

  router.add("PATCH", "/api/v1/needs/{id}", writer, [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(service.update(request.principal, id, http::json_body(request))));
  });

  struct Step {
    const char* path;
    ReviewAction action;
    http::Access access;
  };
  const Step steps[] = {{"/api/v1/needs/{id}/submit", ReviewAction::kSubmit, writer},
                        {"/api/v1/needs/{id}/publish", ReviewAction::kPublish, reviewer},
                        {"/api/v1/needs/{id}/reject", ReviewAction::kReject, reviewer},
                        {"/api/v1/needs/{id}/renew", ReviewAction::kRenew, writer},
                        {"/api/v1/needs/{id}/archive", ReviewAction::kArchive, writer}};
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

}  // namespace techmarket::needs
