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

}  // namespace techmarket
