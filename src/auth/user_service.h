// Accounts and API tokens, managed by administrators (and by the command
// line, which acts as the system). Every change writes an audit entry in the
// same transaction.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/account_store.h"
#include "auth/principal.h"
#include "auth/secrets.h"
#include "auth/user.h"
#include "db/sqlite.h"

namespace techmarket::auth {

// catalog:read lets a token read its organization's unpublished offers and
// needs; catalog:write lets it create and edit them.
inline constexpr std::array<std::string_view, 2> kApiScopes = {"catalog:read", "catalog:write"};

struct UserPage {
  std::vector<User> items;
  std::optional<std::int64_t> next_after_id;
};

struct ApiTokenPage {
  std::vector<ApiTokenRow> items;
  std::optional<std::int64_t> next_after_id;
};

struct NewApiToken {
  ApiTokenRow row;
  std::string token;  // shown once, in the reply that creates it
};

nlohmann::json to_json(const ApiTokenRow& token);

class UserService {
 public:
  UserService(db::Pool& pool, PasswordCost password_cost)
      : pool_(pool), password_cost_(password_cost) {}

  // Creates an account from {"email", "name", "role", "organization_id",
  // "password"}. Throws ValidationError naming each invalid field and
  // ConflictError when the email is taken.
  User create(const Principal& actor, const nlohmann::json& body);
  // Changes "name", "role", "organization_id" or "status". A changed role,
  // organization or a disabled account ends the account's sessions.
  User update(const Principal& actor, std::int64_t id, const nlohmann::json& patch);
  User get(std::int64_t id);
  UserPage list(const UserFilter& filter);

  // Creates a token from {"name", "scopes", "organization_id"}.
  NewApiToken create_api_token(const Principal& actor, const nlohmann::json& body);
  ApiTokenPage list_api_tokens(std::int64_t after_id, std::size_t limit);
  void revoke_api_token(const Principal& actor, std::int64_t id);

 private:
  db::Pool& pool_;
  PasswordCost password_cost_;
};

}  // namespace techmarket::auth
