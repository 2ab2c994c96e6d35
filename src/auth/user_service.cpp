#include "auth/user_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/audit_log.h"
#include "common/errors.h"
#include "common/field_reader.h"
#include "common/pagination.h"

namespace techmarket::auth {
namespace {

// Returns true for text shaped like "name@example.vn"; deliverability is not checked.
bool looks_like_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  if (email.find_first_of(" \t\r\n") != std::string::npos) return false;
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && domain.back() != '.';
}

// Reads role and organization_id, and checks that they fit together.
void read_role_and_organization(db::Connection& connection, FieldReader& reader, User& user,
                                bool required) {
  if (auto role = reader.choice("role", kRoleNames)) {
    user.role = *parse_role(*role);
  } else if (required && reader.errors().empty()) {
    reader.add_error("role", "is required: one of admin, staff, officer, member");
  }
  user.organization_id = reader.integer("organization_id", 1, INT64_MAX);
  if (user.organization_id && !organization_row_exists(connection, *user.organization_id)) {
    reader.add_error("organization_id",
                     fmt::format("no organization has id {}", *user.organization_id));
  }
  bool needs_organization = user.role == Role::kOfficer || user.role == Role::kMember;
  if (needs_organization && !user.organization_id) {
    reader.add_error("organization_id",
                     fmt::format("is required for the role {}", role_name(user.role)));
  }
}

}  // namespace

nlohmann::json to_json(const ApiTokenRow& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"scopes", token.scopes},
          {"organization_id", token.organization_id ? nlohmann::json(*token.organization_id)
                                                    : nlohmann::json(nullptr)},
          {"created_by",
           token.created_by ? nlohmann::json(*token.created_by) : nlohmann::json(nullptr)},
          {"created_at", token.created_at},
          {"revoked_at",
           token.revoked_at ? nlohmann::json(*token.revoked_at) : nlohmann::json(nullptr)}};
}

User UserService::create(const Principal& actor, const nlohmann::json& body) {
  auto connection = pool_.acquire();
  User user;
  std::string password;
  {
    FieldReader reader(body);
    user.email = normalize_email(reader.required_text("email", {.max_length = 254}));
    if (!user.email.empty() && !looks_like_email(user.email)) {
      reader.add_error("email", "is not an email address such as \"ten@example.vn\"");
    }
    user.name = reader.required_text("name", {.max_length = 200});
    read_role_and_organization(*connection, reader, user, true);
    if (body.is_object() && body.contains("password") && body["password"].is_string()) {
      password = body["password"].get<std::string>();
      if (auto problem = check_password(password)) reader.add_error("password", *problem);
    } else {
      reader.add_error("password", "is required: a text of at least 10 characters");
    }
    reader.ignore("password");
    reader.reject_unknown_fields();
    reader.throw_if_errors();
  }

  auto password_hash = hash_password(password, password_cost_);
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  if (find_user_by_email(*connection, user.email)) {
    throw ConflictError(fmt::format("an account with the email {} exists", user.email));
  }
  user.id = insert_user(*connection, user, password_hash);
  user = *find_user(*connection, user.id);
  record_audit(*connection, actor, "create", "user", user.id, nullptr, to_json(user));
  transaction.commit();
  spdlog::info("event=user_created user_id={} role={} by={}", user.id, role_name(user.role),
               actor.describe());
  return user;
}

User UserService::update(const Principal& actor, std::int64_t id, const nlohmann::json& patch) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto stored = find_user(*connection, id);
  if (!stored) throw NotFoundError(fmt::format("no user has id {}", id));

  User user = *stored;
  FieldReader reader(patch);
  if (patch.is_object() && patch.contains("name")) {
    user.name = reader.required_text("name", {.max_length = 200});
  }
  if (patch.is_object() && patch.contains("role")) {
    if (auto role = reader.choice("role", kRoleNames)) user.role = *parse_role(*role);
  }
  if (patch.is_object() && patch.contains("organization_id")) {
    user.organization_id = reader.integer("organization_id", 1, INT64_MAX);
    if (user.organization_id && !organization_row_exists(*connection, *user.organization_id)) {
      reader.add_error("organization_id",
                       fmt::format("no organization has id {}", *user.organization_id));
    }
  }
  if ((user.role == Role::kOfficer || user.role == Role::kMember) && !user.organization_id) {
    reader.add_error("organization_id",
                     fmt::format("is required for the role {}", role_name(user.role)));
  }
  if (patch.is_object() && patch.contains("status")) {
    if (auto status = reader.choice("status", kUserStatuses)) user.status = *status;
  }
  reader.ignore("id");
  reader.ignore("email");
  reader.ignore("created_at");
  reader.ignore("updated_at");
  reader.reject_unknown_fields();
  reader.throw_if_errors();
  if (actor.kind == Principal::Kind::kUser && actor.id == id && user.role != Role::kAdmin) {
    throw ConflictError("an administrator cannot remove their own admin role");
  }

  update_user(*connection, user);
  bool access_changed = user.role != stored->role ||
                        user.organization_id != stored->organization_id ||
                        user.status != stored->status;
  if (access_changed) delete_user_sessions(*connection, id);
  user = *find_user(*connection, id);
  record_audit(*connection, actor, "update", "user", id, to_json(*stored), to_json(user));
  transaction.commit();
  return user;
}

User UserService::get(std::int64_t id) {
  auto connection = pool_.acquire();
  auto user = find_user(*connection, id);
  if (!user) throw NotFoundError(fmt::format("no user has id {}", id));
  return *user;
}

UserPage UserService::list(const UserFilter& filter) {
  auto connection = pool_.acquire();
  return read_page<UserPage>(
      filter, [&](const UserFilter& one_more) { return list_users(*connection, one_more); });
}

NewApiToken UserService::create_api_token(const Principal& actor, const nlohmann::json& body) {
  auto connection = pool_.acquire();
  NewApiToken created;
  auto& row = created.row;
  {
    FieldReader reader(body);
    row.name = reader.required_text("name", {.max_length = 200});
    row.scopes = reader.text_list("scopes", kApiScopes.size(), {.max_length = 40});
    for (std::size_t i = 0; i < row.scopes.size(); ++i) {
      if (std::find(kApiScopes.begin(), kApiScopes.end(), row.scopes[i]) == kApiScopes.end()) {
        reader.add_error(
            fmt::format("scopes[{}]", i),
            fmt::format("\"{}\" is not a scope; use catalog:read or catalog:write", row.scopes[i]));
      }
    }
    row.organization_id = reader.integer("organization_id", 1, INT64_MAX);
    if (row.organization_id && !organization_row_exists(*connection, *row.organization_id)) {
      reader.add_error("organization_id",
                       fmt::format("no organization has id {}", *row.organization_id));
    }
    reader.reject_unknown_fields();
    reader.throw_if_errors();
  }
  if (actor.kind == Principal::Kind::kUser) row.created_by = actor.id;
  row.created_at = db::now_utc();
  created.token = random_token();

  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  row.id = insert_api_token(*connection, row, token_digest(created.token));
  record_audit(*connection, actor, "create", "api_token", row.id, nullptr, to_json(row));
  transaction.commit();
  spdlog::info("event=api_token_created api_token_id={} by={}", row.id, actor.describe());
  return created;
}

ApiTokenPage UserService::list_api_tokens(std::int64_t after_id, std::size_t limit) {
  auto connection = pool_.acquire();
  ApiTokenPage page;
  page.items = auth::list_api_tokens(*connection, after_id, limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_after_id = page.items.back().id;
  }
  return page;
}

void UserService::revoke_api_token(const Principal& actor, std::int64_t id) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto before = find_api_token(*connection, id);
  if (!before) throw NotFoundError(fmt::format("no API token has id {}", id));
  auth::revoke_api_token(*connection, id, db::now_utc());
  auto after = find_api_token(*connection, id);
  record_audit(*connection, actor, "revoke", "api_token", id, to_json(*before), to_json(*after));
  transaction.commit();
  spdlog::info("event=api_token_revoked api_token_id={} by={}", id, actor.describe());
}

}  // namespace techmarket::auth
