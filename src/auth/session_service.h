// Sign-in, sessions, sign-in limits and password resets.
//
// A session token is 32 random bytes sent to the browser in the HttpOnly
// cookie tm_session; the database keeps only its BLAKE2b digest. Each session
// has its own CSRF token, sent as the readable cookie tm_csrf and in the
// sign-in reply, which the client returns in X-CSRF-Token on every write.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/clock.h"
#include "auth/principal.h"
#include "auth/secrets.h"
#include "auth/user.h"
#include "db/sqlite.h"

namespace techmarket::auth {

struct AuthOptions {
  std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
  PasswordCost password_cost = PasswordCost::kInteractive;
  // Adds the Secure attribute to cookies; set when a proxy serves the site over HTTPS.
  bool secure_cookies = false;
  std::chrono::seconds session_lifetime = std::chrono::hours(24 * 7);
  std::chrono::seconds reset_lifetime = std::chrono::hours(1);
  // An account is locked for lock_duration after max_failures_per_account
  // failed sign-ins within failure_window; an address after
  // max_failures_per_address, so one client cannot try many accounts.
  // NOTE: behind a reverse proxy every request has the proxy's address, so
  // the address limit then counts all clients together.
  int max_failures_per_account = 5;
  int max_failures_per_address = 50;
  std::chrono::seconds failure_window = std::chrono::minutes(15);
  std::chrono::seconds lock_duration = std::chrono::minutes(15);
};

struct SignIn {
  User user;
  std::string session_token;  // the cookie value; never stored or logged
  std::string csrf_token;
  std::string expires_at;
};

// The credentials a request carries, taken from its headers.
struct Credentials {
  std::optional<std::string> bearer_token;   // Authorization: Bearer ...
  std::optional<std::string> session_token;  // cookie tm_session
};

class SessionService {
 public:
  SessionService(db::Pool& pool, AuthOptions options);

  // Checks the password and opens a session. Throws UnauthorizedError for a
  // wrong email or password (the reply does not say which) and
  // TooManyRequestsError while the account or the address is locked.
  SignIn sign_in(const std::string& email, const std::string& password,
                 const std::string& client_address);

  // Returns the caller that `credentials` name: an API token, a session's
  // user, or a visitor when there are none or the session has expired.
  // Throws UnauthorizedError for a bearer token that is unknown or revoked.
  Principal resolve(const Credentials& credentials);

  User current_user(const Principal& principal);
  void sign_out(const Principal& principal);
  // Ends every session of the caller's account; returns how many ended.
  int sign_out_everywhere(const Principal& principal);

  // Queues an email with a one-time reset token when `email` names an active
  // account. Does nothing otherwise, so the reply does not reveal accounts.
  // TODO: requests are not rate-limited, so a client can flood one address
  // with reset messages.
  void request_password_reset(const std::string& email);
  // Sets a new password with a reset token and ends every session of the
  // account. Throws ValidationError for an unknown, used or expired token or
  // a weak password.
  void reset_password(const std::string& token, const std::string& new_password);

  const AuthOptions& options() const { return options_; }

 private:
  void check_not_locked(db::Connection& connection, const std::string& email,
                        const std::string& client_address, TimePoint now);
  void record_failure(const std::string& email, const std::string& client_address, TimePoint now);
  const std::string& decoy_hash();

  db::Pool& pool_;
  AuthOptions options_;
  // A real argon2id hash that unknown emails are checked against, so a wrong
  // email takes as long as a wrong password. Made at the first use.
  std::once_flag decoy_once_;
  std::string decoy_hash_;
};

}  // namespace techmarket::auth
