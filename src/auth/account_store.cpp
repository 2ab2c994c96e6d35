#include "auth/account_store.h"

#include <nlohmann/json.hpp>

namespace techmarket::auth {
namespace {

constexpr const char* kUserColumns =
    "id, email, name, role, organization_id, status, created_at, updated_at";

User read_user(const db::Statement& row) {
  User user;
  user.id = row.column_int64(0);
  user.email = row.column_text(1);
  user.name = row.column_text(2);
  user.role = parse_role(row.column_text(3)).value_or(Role::kMember);
  user.organization_id = row.column_optional_int64(4);
  user.status = row.column_text(5);
  user.created_at = row.column_text(6);
  user.updated_at = row.column_text(7);
  return user;
}

constexpr const char* kTokenColumns =
    "id, name, scopes, organization_id, created_by, created_at, revoked_at";

ApiTokenRow read_token(const db::Statement& row) {
  ApiTokenRow token;
  token.id = row.column_int64(0);
  token.name = row.column_text(1);
  token.scopes = nlohmann::json::parse(row.column_text(2)).get<std::vector<std::string>>();
  token.organization_id = row.column_optional_int64(3);
  token.created_by = row.column_optional_int64(4);
  token.created_at = row.column_text(5);
  token.revoked_at = row.column_optional_text(6);
  return token;
}

FailureCount read_failure_count(db::Statement& query) {
  FailureCount result;
  if (query.step()) {
    result.count = query.column_int64(0);
    result.latest = query.column_optional_text(1);
  }
  return result;
}

}  // namespace

std::int64_t insert_user(db::Connection& connection, const User& user,
                         const std::string& password_hash) {
  auto now = db::now_utc();
  connection
      .prepare(
          "INSERT INTO users (email, name, role, organization_id, password_hash, status, "
          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, user.email)
      .bind(2, user.name)
      .bind(3, role_name(user.role))
      .bind(4, user.organization_id)
      .bind(5, password_hash)
      .bind(6, user.status)
      .bind(7, now)
      .bind(8, now)
      .run();
  return connection.last_insert_id();
}

void update_user(db::Connection& connection, const User& user) {
  connection
      .prepare(
          "UPDATE users SET name = ?, role = ?, organization_id = ?, status = ?, updated_at = ? "
          "WHERE id = ?")
      .bind(1, user.name)
      .bind(2, role_name(user.role))
      .bind(3, user.organization_id)
      .bind(4, user.status)
      .bind(5, db::now_utc())
      .bind(6, user.id)
      .run();
}

void update_password_hash(db::Connection& connection, std::int64_t user_id,
                          const std::string& password_hash) {
  connection.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
      .bind(1, password_hash)
      .bind(2, db::now_utc())
      .bind(3, user_id)
      .run();
}

std::optional<User> find_user(db::Connection& connection, std::int64_t id) {
  auto query =
      connection.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_user(query);
}

std::optional<User> find_user_by_email(db::Connection& connection, const std::string& email) {
  auto query =
      connection.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?");
  query.bind(1, email);
  if (!query.step()) return std::nullopt;
  return read_user(query);
}

std::optional<std::string> find_password_hash(db::Connection& connection, std::int64_t user_id) {
  auto query = connection.prepare("SELECT password_hash FROM users WHERE id = ?");
  query.bind(1, user_id);
  if (!query.step()) return std::nullopt;
  return query.column_text(0);
}

std::vector<User> list_users(db::Connection& connection, const UserFilter& filter) {
  auto query = connection.prepare(std::string("SELECT ") + kUserColumns +
                                  " FROM users WHERE id > :after"
                                  " AND (:role IS NULL OR role = :role)"
                                  " AND (:organization IS NULL OR organization_id = :organization)"
                                  " ORDER BY id LIMIT :limit");
  query.bind(":after", filter.after_id)
      .bind(":role", filter.role)
      .bind(":organization", filter.organization_id)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<User> users;
  while (query.step()) users.push_back(read_user(query));
  return users;
}

bool organization_row_exists(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare("SELECT 1 FROM organizations WHERE id = ?");
  query.bind(1, id);
  return query.step();
}

std::int64_t insert_session(db::Connection& connection, const std::string& token_digest,
                            std::int64_t user_id, const std::string& csrf_token,
                            const std::string& created_at, const std::string& expires_at) {
  connection
      .prepare(
          "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, expires_at) "
          "VALUES (?, ?, ?, ?, ?)")
      .bind(1, token_digest)
      .bind(2, user_id)
      .bind(3, csrf_token)
      .bind(4, created_at)
      .bind(5, expires_at)
      .run();
  return connection.last_insert_id();
}

std::optional<SessionRow> find_live_session(db::Connection& connection,
                                            const std::string& token_digest,
                                            const std::string& now) {
  auto query = connection.prepare(
      "SELECT s.id, s.user_id, s.csrf_token, s.expires_at FROM sessions s"
      " JOIN users u ON u.id = s.user_id"
      " WHERE s.token_digest = ? AND s.expires_at > ? AND u.status = 'active'");
  query.bind(1, token_digest).bind(2, now);
  if (!query.step()) return std::nullopt;
  return SessionRow{query.column_int64(0), query.column_int64(1), query.column_text(2),
                    query.column_text(3)};
}

void delete_session(db::Connection& connection, std::int64_t session_id) {
  connection.prepare("DELETE FROM sessions WHERE id = ?").bind(1, session_id).run();
}

int delete_user_sessions(db::Connection& connection, std::int64_t user_id) {
  connection.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
  return connection.changes();
}

void insert_sign_in_failure(db::Connection& connection, const std::string& email,
                            const std::string& client_address, const std::string& failed_at) {
  connection
      .prepare("INSERT INTO sign_in_failures (email, client_address, failed_at) VALUES (?, ?, ?)")
      .bind(1, email)
      .bind(2, client_address)
      .bind(3, failed_at)
      .run();
}

FailureCount count_failures_for_email(db::Connection& connection, const std::string& email,
                                      const std::string& since) {
  auto query = connection.prepare(
      "SELECT count(*), max(failed_at) FROM sign_in_failures WHERE email = ? AND failed_at > ?");
  query.bind(1, email).bind(2, since);
  return read_failure_count(query);
}

FailureCount count_failures_for_address(db::Connection& connection,
                                        const std::string& client_address,
                                        const std::string& since) {
  auto query = connection.prepare(
      "SELECT count(*), max(failed_at) FROM sign_in_failures"
      " WHERE client_address = ? AND failed_at > ?");
  query.bind(1, client_address).bind(2, since);
  return read_failure_count(query);
}

void delete_failures_for_email(db::Connection& connection, const std::string& email) {
  connection.prepare("DELETE FROM sign_in_failures WHERE email = ?").bind(1, email).run();
}

void insert_password_reset(db::Connection& connection, const std::string& token_digest,
                           std::int64_t user_id, const std::string& created_at,
                           const std::string& expires_at) {
  connection
      .prepare(
          "INSERT INTO password_resets (token_digest, user_id, created_at, expires_at) "
          "VALUES (?, ?, ?, ?)")
      .bind(1, token_digest)
      .bind(2, user_id)
      .bind(3, created_at)
      .bind(4, expires_at)
      .run();
}

std::optional<std::int64_t> consume_password_reset(db::Connection& connection,
                                                   const std::string& token_digest,
                                                   const std::string& now) {
  auto query = connection.prepare(
      "SELECT id, user_id FROM password_resets"
      " WHERE token_digest = ? AND used_at IS NULL AND expires_at > ?");
  query.bind(1, token_digest).bind(2, now);
  if (!query.step()) return std::nullopt;
  auto id = query.column_int64(0);
  auto user_id = query.column_int64(1);
  connection.prepare("UPDATE password_resets SET used_at = ? WHERE id = ?")
      .bind(1, now)
      .bind(2, id)
      .run();
  return user_id;
}

std::int64_t insert_api_token(db::Connection& connection, const ApiTokenRow& token,
                              const std::string& token_digest) {
  connection
      .prepare(
          "INSERT INTO api_tokens (name, token_digest, scopes, organization_id, created_by, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, token.name)
      .bind(2, token_digest)
      .bind(3, nlohmann::json(token.scopes).dump())
      .bind(4, token.organization_id)
      .bind(5, token.created_by)
      .bind(6, token.created_at)
      .run();
  return connection.last_insert_id();
}

std::optional<ApiTokenRow> find_api_token(db::Connection& connection, std::int64_t id) {
  auto query =
      connection.prepare(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_token(query);
}

std::optional<ApiTokenRow> find_live_api_token(db::Connection& connection,
                                               const std::string& token_digest) {
  auto query = connection.prepare(std::string("SELECT ") + kTokenColumns +
                                  " FROM api_tokens WHERE token_digest = ? AND revoked_at IS NULL");
  query.bind(1, token_digest);
  if (!query.step()) return std::nullopt;
  return read_token(query);
}

std::vector<ApiTokenRow> list_api_tokens(db::Connection& connection, std::int64_t after_id,
                                         std::size_t limit) {
  auto query = connection.prepare(std::string("SELECT ") + kTokenColumns +
                                  " FROM api_tokens WHERE id > ? ORDER BY id LIMIT ?");
  query.bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<ApiTokenRow> tokens;
  while (query.step()) tokens.push_back(read_token(query));
  return tokens;
}

void revoke_api_token(db::Connection& connection, std::int64_t id, const std::string& revoked_at) {
  connection.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
      .bind(1, revoked_at)
      .bind(2, id)
      .run();
}

}  // namespace techmarket::auth
