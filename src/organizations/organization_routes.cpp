// Routes of organizations (public to read; staff and administrators create
// and archive, officers and members edit their own):
//   GET   /api/v1/organizations               list, filters kind, province_code, status;
//                                              sort (id|name); cursor, limit
//   POST  /api/v1/organizations               create
//   GET   /api/v1/organizations/{id}          read
//   PATCH /api/v1/organizations/{id}          update the fields given
//   POST  /api/v1/organizations/{id}/archive  archive
#include "organizations/organization_routes.h"

#include <array>

#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::organizations {
namespace {

constexpr std::array<std::string_view, 2> kSortOrders = {"id", "name"};
// Name order pages by position, so deep pages are cut off like search results.
constexpr std::int64_t kMaxNameOffset = 10000;

nlohmann::json page_json(const OrganizationPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& organization : page.items) items.push_back(to_json(organization));
  return {{"items", items},
          {"next_cursor", page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                             : nlohmann::json(nullptr)}};
}

}  // namespace

void add_organization_routes(http::Router& router, OrganizationService& service) {
  const auto reviewer = http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff});

  router.add("GET", "/api/v1/organizations", [&service](http::Request& request) {
    OrganizationFilter filter;
    filter.kind = http::query_choice(request, "kind", kOrganizationKinds);
    filter.status = http::query_choice(request, "status", kOrganizationStatuses);
    filter.province_code = http::query_text(request, "province_code", 2);
    filter.sort_by_name = http::query_choice(request, "sort", kSortOrders) == "name";
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
      auto position = decode_cursor(*cursor);
      if (filter.sort_by_name && position > kMaxNameOffset) {
        throw BadRequestError(
            "organizations in name order are paged only to the first 10000; add a filter");
      }
      if (filter.sort_by_name) {
        filter.offset = static_cast<std::size_t>(position);
      } else {
        filter.after_id = position;
      }
    }
    filter.limit = parse_page_size(request.query_value("limit"));
    return http::json_response(200, page_json(service.list(filter)));
  });

  router.add("POST", "/api/v1/organizations", reviewer, [&service](http::Request& request) {
    auto organization = service.create(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(organization));
    response.headers.emplace_back("Location",
                                  "/api/v1/organizations/" + std::to_string(organization.id));
    return response;
  });

  router.add("GET", "/api/v1/organizations/{id}", [&service](http::Request& request) {
    return http::json_response(200, to_json(service.get(http::path_id(request))));
  });

  router.add("PATCH", "/api/v1/organizations/{id}", [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(service.update(request.principal, id, http::json_body(request))));
  });

  router.add("POST", "/api/v1/organizations/{id}/archive", reviewer,
             [&service](http::Request& request) {
               return http::json_response(
                   200, to_json(service.archive(request.principal, http::path_id(request))));
             });
}

}  // namespace techmarket::organizations
