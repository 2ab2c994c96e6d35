#include "auth/session_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/account_store.h"
#include "auth/audit_log.h"
#include "auth/email_outbox.h"
#include "common/errors.h"

namespace techmarket::auth {
namespace {

constexpr const char* kWrongCredentials =
    "the email or the password is wrong; check both, or reset the password with "
    "POST /api/v1/password-reset";

// Returns the seconds until a lock that began with the failure at `latest` ends.
long long seconds_locked(const FailureCount& failures, int max_failures,
                         std::chrono::seconds lock_duration, TimePoint now) {
  if (failures.count < max_failures || !failures.latest) return 0;
  auto latest = parse_time(*failures.latest);
  if (!latest) return 0;
  auto remaining = (*latest + lock_duration - now).count();
  return remaining > 0 ? remaining : 0;
}

}  // namespace

SessionService::SessionService(db::Pool& pool, AuthOptions options)
    : pool_(pool), options_(std::move(options)) {}

const std::string& SessionService::decoy_hash() {
  std::call_once(decoy_once_,
                 [this] { decoy_hash_ = hash_password(random_token(), options_.password_cost); });
  return decoy_hash_;
}

void SessionService::check_not_locked(db::Connection& connection, const std::string& email,
                                      const std::string& client_address, TimePoint now) {
  auto since = format_time(now - options_.failure_window);
  auto account = seconds_locked(count_failures_for_email(connection, email, since),
                                options_.max_failures_per_account, options_.lock_duration, now);
  auto address = seconds_locked(count_failures_for_address(connection, client_address, since),
                                options_.max_failures_per_address, options_.lock_duration, now);
  auto wait = std::max(account, address);
  if (wait > 0) {
    throw TooManyRequestsError(
        fmt::format("too many failed sign-ins; try again in {} minutes, or reset the password",
                    (wait + 59) / 60),
        wait);
  }
}

void SessionService::record_failure(const std::string& email, const std::string& client_address,
                                    TimePoint now) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  insert_sign_in_failure(*connection, email, client_address, format_time(now));
  transaction.commit();
  spdlog::warn("event=sign_in_failed client_address={}", client_address);
}

SignIn SessionService::sign_in(const std::string& email_text, const std::string& password,
                               const std::string& client_address) {
  auto email = normalize_email(email_text);
  auto now = options_.clock->now();

  std::optional<User> user;
  std::optional<std::string> stored_hash;
  {
    auto connection = pool_.acquire();
    check_not_locked(*connection, email, client_address, now);
    user = find_user_by_email(*connection, email);
    if (user && user->status == "active") stored_hash = find_password_hash(*connection, user->id);
  }

  // Runs argon2id outside any transaction, because it takes tens of milliseconds.
  bool matches = password.size() <= kMaxPasswordBytes &&
                 verify_password(stored_hash ? *stored_hash : decoy_hash(), password) &&
                 stored_hash.has_value();
  if (!matches) {
    record_failure(email, client_address, now);
    throw UnauthorizedError(kWrongCredentials);
  }

  SignIn result;
  result.user = *user;
  result.session_token = random_token();
  result.csrf_token = random_token();
  result.expires_at = format_time(now + options_.session_lifetime);
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    delete_failures_for_email(*connection, email);
    auto session_id = insert_session(*connection, token_digest(result.session_token), user->id,
                                     result.csrf_token, format_time(now), result.expires_at);
    Principal actor;
    actor.kind = Principal::Kind::kUser;
    actor.id = user->id;
    record_audit(*connection, actor, "sign_in", "session", session_id, nullptr,
                 {{"user_id", user->id}, {"expires_at", result.expires_at}});
    transaction.commit();
    spdlog::info("event=sign_in user_id={} client_address={}", user->id, client_address);
  }
  return result;
}

Principal SessionService::resolve(const Credentials& credentials) {
  auto connection = pool_.acquire();
  if (credentials.bearer_token) {
    auto token = find_live_api_token(*connection, token_digest(*credentials.bearer_token));
    if (!token) {
      throw UnauthorizedError(
          "the API token is unknown or revoked; ask an administrator for a new one");
    }
    Principal principal;
    principal.kind = Principal::Kind::kApiToken;
    principal.id = token->id;
    principal.organization_id = token->organization_id;
    principal.scopes = token->scopes;
    return principal;
  }
  if (credentials.session_token) {
    auto now = format_time(options_.clock->now());
    auto session = find_live_session(*connection, token_digest(*credentials.session_token), now);
    if (session) {
      auto user = find_user(*connection, session->user_id);
      if (user) {
        Principal principal;
        principal.kind = Principal::Kind::kUser;
        principal.id = user->id;
        principal.role = user->role;
        principal.organization_id = user->organization_id;
        principal.session_id = session->id;
        principal.csrf_token = session->csrf_token;
        return principal;
      }
    }
  }
  return Principal::visitor();
}

User SessionService::current_user(const Principal& principal) {
  if (principal.kind != Principal::Kind::kUser) {
    throw UnauthorizedError("not signed in; sign in with POST /api/v1/session");
  }
  auto connection = pool_.acquire();
  auto user = find_user(*connection, principal.id);
  if (!user) throw UnauthorizedError("the account of this session no longer exists");
  return *user;
}

void SessionService::sign_out(const Principal& principal) {
  if (principal.session_id == 0) return;
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  delete_session(*connection, principal.session_id);
  record_audit(*connection, principal, "sign_out", "session", principal.session_id, nullptr,
               nullptr);
  transaction.commit();
  spdlog::info("event=sign_out user_id={}", principal.id);
}

int SessionService::sign_out_everywhere(const Principal& principal) {
  if (principal.kind != Principal::Kind::kUser) {
    throw ForbiddenError("only a signed-in user can end the sessions of an account");
  }
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  int ended = delete_user_sessions(*connection, principal.id);
  record_audit(*connection, principal, "sign_out_everywhere", "user", principal.id, nullptr,
               {{"sessions_ended", ended}});
  transaction.commit();
  spdlog::info("event=sign_out_everywhere user_id={} sessions={}", principal.id, ended);
  return ended;
}

void SessionService::request_password_reset(const std::string& email_text) {
  auto email = normalize_email(email_text);
  auto now = options_.clock->now();
  auto connection = pool_.acquire();
  {
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto user = find_user_by_email(*connection, email);
    if (!user || user->status != "active") {
      spdlog::info("event=password_reset_ignored reason=no_active_account");
      return;
    }
    auto token = random_token();
    insert_password_reset(*connection, token_digest(token), user->id, format_time(now),
                          format_time(now + options_.reset_lifetime));
    enqueue_email(*connection, user->email, "Đặt lại mật khẩu / Password reset",
                  fmt::format("Mã đặt lại mật khẩu của bạn (hết hạn sau {} phút): {}\n"
                              "Your password reset token (expires in {} minutes): {}\n"
                              "Gửi / Send: POST /api/v1/password-reset/confirm "
                              "{{\"token\": \"...\", \"password\": \"...\"}}",
                              options_.reset_lifetime.count() / 60, token,
                              options_.reset_lifetime.count() / 60, token));
    transaction.commit();
    spdlog::info("event=password_reset_requested user_id={}", user->id);
  }
  deliver_pending_emails(*connection);
}

void SessionService::reset_password(const std::string& token, const std::string& new_password) {
  if (auto problem = check_password(new_password)) {
    throw ValidationError(std::vector<FieldError>{{"password", *problem}});
  }
  auto password_hash = hash_password(new_password, options_.password_cost);
  auto now = format_time(options_.clock->now());

  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto user_id = consume_password_reset(*connection, token_digest(token), now);
  if (!user_id) {
    throw ValidationError(
        std::vector<FieldError>{{"token",
                                 "is unknown, already used or expired; request a new one with "
                                 "POST /api/v1/password-reset"}});
  }
  update_password_hash(*connection, *user_id, password_hash);
  int ended = delete_user_sessions(*connection, *user_id);
  if (auto user = find_user(*connection, *user_id))
    delete_failures_for_email(*connection, user->email);
  record_audit(*connection, Principal::visitor(), "reset_password", "user", *user_id, nullptr,
               {{"sessions_ended", ended}});
  transaction.commit();
  spdlog::info("event=password_reset user_id={} sessions_ended={}", *user_id, ended);
}

}  // namespace techmarket::auth
