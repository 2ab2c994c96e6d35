// Domain errors: expected failures that services raise and that src/http maps
// to status codes and problem+json bodies. They know nothing of HTTP.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace techmarket {

// One rejected field of a record: its JSON name (or "line 12: title" in an
// import) and the reason, written so the user knows how to fix it.
struct FieldError {
  std::string field;
  std::string message;

  bool operator==(const FieldError&) const = default;
};

// The input as a whole is unusable, for example malformed JSON or a bad cursor.
class BadRequestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One or more fields are invalid; nothing was changed.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<FieldError> errors)
      : std::runtime_error("validation failed"), errors_(std::move(errors)) {}
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The change contradicts stored data, for example a duplicate external_id.
class ConflictError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PayloadTooLargeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The caller is not signed in, or its credentials are invalid or expired.
class UnauthorizedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The caller is known but its role, organization or scopes do not allow the
// action. Records the caller may not even see raise NotFoundError instead.
class ForbiddenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Too many attempts, such as failed sign-ins; the caller may retry after
// `retry_after_seconds`.
class TooManyRequestsError : public std::runtime_error {
 public:
  TooManyRequestsError(const std::string& message, long long retry_after_seconds)
      : std::runtime_error(message), retry_after_seconds_(retry_after_seconds) {}
  long long retry_after_seconds() const { return retry_after_seconds_; }

 private:
  long long retry_after_seconds_;
};

}  // namespace techmarket
