// Routes for administrators (every route here needs the admin role):
//   GET    /api/v1/users                 list, filters role, organization_id; cursor, limit
//   POST   /api/v1/users                 create an account
//   GET    /api/v1/users/{id}            read
//   PATCH  /api/v1/users/{id}            change name, role, organization_id or status
//   GET    /api/v1/api-tokens            list (without the tokens themselves)
//   POST   /api/v1/api-tokens            create; the reply shows the token once
//   DELETE /api/v1/api-tokens/{id}       revoke
//   GET    /api/v1/audit                 the audit log, newest first; filters record_type,
//                                        record_id, actor_type, actor_id, action, since,
//                                        until; cursor, limit
#include "auth/admin_routes.h"

#include "auth/audit_log.h"
#include "common/errors.h"
#include "common/field_reader.h"
#include "common/pagination.h"
#include "http/params.h"

namespace techmarket::auth {
namespace {

const http::Access kAdminOnly = http::Access::roles_only({Role::kAdmin});

constexpr std::array<std::string_view, 4> kActorTypes = {"user", "api_token", "system", "visitor"};

nlohmann::json cursor_json(const std::optional<std::int64_t>& position) {
  return position ? nlohmann::json(encode_cursor(*position)) : nlohmann::json(nullptr);
}

std::int64_t read_cursor(const http::Request& request) {
  auto cursor = request.query_value("cursor");
  return cursor && !cursor->empty() ? decode_cursor(*cursor) : 0;
}

// Returns query parameter `name` when it is an ISO 8601 date or UTC time.
std::optional<std::string> query_time(const http::Request& request, const std::string& name) {
  auto value = http::query_text(request, name, 20);
  if (!value) return std::nullopt;
  bool date = techmarket::is_iso_date(*value);
  bool time = value->size() == 20 && techmarket::is_iso_date(value->substr(0, 10)) &&
              (*value)[10] == 'T' && value->back() == 'Z';
  if (!date && !time) {
    throw techmarket::BadRequestError(name +
                                      " must be a date such as 2026-12-04 or a UTC time such as "
                                      "2026-12-04T14:21:06Z");
  }
  return value;
}

}  // namespace

void add_admin_routes(http::Router& router, UserService& users, db::Pool& pool) {
  router.add("GET", "/api/v1/users", kAdminOnly, [&users](http::Request& request) {
    UserFilter filter;
    filter.role = http::query_choice(request, "role", kRoleNames);
    filter.organization_id = http::query_integer(request, "organization_id", 1, INT64_MAX);
    filter.after_id = read_cursor(request);
    filter.limit = parse_page_size(request.query_value("limit"));
    auto page = users.list(filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& user : page.items) items.push_back(to_json(user));
    return http::json_response(
        200, {{"items", items}, {"next_cursor", cursor_json(page.next_after_id)}});
  });

  router.add("POST", "/api/v1/users", kAdminOnly, [&users](http::Request& request) {
    auto user = users.create(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(user));
    response.headers.emplace_back("Location", "/api/v1/users/" + std::to_string(user.id));
    return response;
  });

  router.add("GET", "/api/v1/users/{id}", kAdminOnly, [&users](http::Request& request) {
    return http::json_response(200, to_json(users.get(http::path_id(request))));
  });

  router.add("PATCH", "/api/v1/users/{id}", kAdminOnly, [&users](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(users.update(request.principal, id, http::json_body(request))));
  });

  router.add("GET", "/api/v1/api-tokens", kAdminOnly, [&users](http::Request& request) {
    auto page =
        users.list_api_tokens(read_cursor(request), parse_page_size(request.query_value("limit")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& token : page.items) items.push_back(to_json(token));
    return http::json_response(
        200, {{"items", items}, {"next_cursor", cursor_json(page.next_after_id)}});
  });

  router.add("POST", "/api/v1/api-tokens", kAdminOnly, [&users](http::Request& request) {
    auto created = users.create_api_token(request.principal, http::json_body(request));
    auto body = to_json(created.row);
    body["token"] = created.token;
    auto response = http::json_response(201, body);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  });

  router.add("DELETE", "/api/v1/api-tokens/{id}", kAdminOnly, [&users](http::Request& request) {
    users.revoke_api_token(request.principal, http::path_id(request));
    http::Response response;
    response.status = 204;
    return response;
  });

  router.add("GET", "/api/v1/audit", kAdminOnly, [&pool](http::Request& request) {
    AuditFilter filter;
    filter.record_type = http::query_text(request, "record_type", 40);
    filter.record_id = http::query_integer(request, "record_id", 1, INT64_MAX);
    filter.actor_type = http::query_choice(request, "actor_type", kActorTypes);
    filter.actor_id = http::query_integer(request, "actor_id", 1, INT64_MAX);
    filter.action = http::query_text(request, "action", 40);
    filter.since = query_time(request, "since");
    filter.until = query_time(request, "until");
    filter.before_id = read_cursor(request);
    auto limit = parse_page_size(request.query_value("limit"));
    filter.limit = limit + 1;

    std::vector<AuditEntry> entries;
    {
      auto connection = pool.acquire();
      entries = list_audit(*connection, filter);
    }
    std::optional<std::int64_t> next;
    if (entries.size() > limit) {
      entries.resize(limit);
      next = entries.back().id;
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : entries) items.push_back(to_json(entry));
    return http::json_response(200, {{"items", items}, {"next_cursor", cursor_json(next)}});
  });
}

}  // namespace techmarket::auth
