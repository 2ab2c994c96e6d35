// SQL for users, sessions, sign-in failures, password resets, the email
// outbox and API tokens. Functions run inside the caller's transaction.
// Times are ISO 8601 UTC text from auth::format_time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.h"
#include "db/sqlite.h"

namespace techmarket::auth {

struct UserFilter {
  std::optional<std::string> role;
  std::optional<std::int64_t> organization_id;
  std::int64_t after_id = 0;
  std::size_t limit = 20;
};

std::int64_t insert_user(db::Connection& connection, const User& user,
                         const std::string& password_hash);
// Updates name, role, organization and status.
void update_user(db::Connection& connection, const User& user);
void update_password_hash(db::Connection& connection, std::int64_t user_id,
                          const std::string& password_hash);
std::optional<User> find_user(db::Connection& connection, std::int64_t id);
std::optional<User> find_user_by_email(db::Connection& connection, const std::string& email);
std::optional<std::string> find_password_hash(db::Connection& connection, std::int64_t user_id);
std::vector<User> list_users(db::Connection& connection, const UserFilter& filter);
// Auth sits below the features, so it checks the organizations table here
// instead of calling the organizations feature.
bool organization_row_exists(db::Connection& connection, std::int64_t id);

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string expires_at;
};

std::int64_t insert_session(db::Connection& connection, const std::string& token_digest,
                            std::int64_t user_id, const std::string& csrf_token,
                            const std::string& created_at, const std::string& expires_at);
// Returns the unexpired session of an active user with this token digest.
std::optional<SessionRow> find_live_session(db::Connection& connection,
                                            const std::string& token_digest,
                                            const std::string& now);
void delete_session(db::Connection& connection, std::int64_t session_id);
// Returns how many sessions were deleted.
int delete_user_sessions(db::Connection& connection, std::int64_t user_id);

struct FailureCount {
  std::int64_t count = 0;
  std::optional<std::string> latest;  // failed_at of the newest counted failure
};

void insert_sign_in_failure(db::Connection& connection, const std::string& email,
                            const std::string& client_address, const std::string& failed_at);
FailureCount count_failures_for_email(db::Connection& connection, const std::string& email,
                                      const std::string& since);
FailureCount count_failures_for_address(db::Connection& connection,
                                        const std::string& client_address,
                                        const std::string& since);
void delete_failures_for_email(db::Connection& connection, const std::string& email);

void insert_password_reset(db::Connection& connection, const std::string& token_digest,
                           std::int64_t user_id, const std::string& created_at,
                           const std::string& expires_at);
// Marks the unused, unexpired reset with this digest as used and returns its
// user id, or std::nullopt when there is none.
std::optional<std::int64_t> consume_password_reset(db::Connection& connection,
                                                   const std::string& token_digest,
                                                   const std::string& now);

struct ApiTokenRow {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> scopes;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

std::int64_t insert_api_token(db::Connection& connection, const ApiTokenRow& token,
                              const std::string& token_digest);
std::optional<ApiTokenRow> find_api_token(db::Connection& connection, std::int64_t id);
std::optional<ApiTokenRow> find_live_api_token(db::Connection& connection,
                                               const std::string& token_digest);
std::vector<ApiTokenRow> list_api_tokens(db::Connection& connection, std::int64_t after_id,
                                         std::size_t limit);
void revoke_api_token(db::Connection& connection, std::int64_t id, const std::string& revoked_at);

}  // namespace techmarket::auth
