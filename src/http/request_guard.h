// Checks the bytes a client sends against the request limits before
// RESTinio parses them, so that a request over a limit gets a reply.
// RESTinio 0.6 closes the connection without any reply when a request breaks
// one of its own limits (see incoming_http_msg_limits_t).
#pragma once

#include <http_parser.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace techmarket::http {

// The limits RESTinio enforces, with the same meaning; RequestGuard applies
// them first.
struct RequestLimits {
  std::size_t max_url_bytes = 8 * 1024;           // request target with its query
  std::size_t max_field_name_bytes = 1024;        // one header name
  std::size_t max_field_value_bytes = 16 * 1024;  // one header value
  std::size_t max_field_count = 100;              // header fields, trailers included
  std::size_t max_body_bytes = 1 << 20;           // Content-Length or chunked total
  // Request targets that start with upload_path_prefix may carry bodies up
  // to max_upload_bytes instead; an empty prefix turns this off.
  std::string upload_path_prefix;
  std::size_t max_upload_bytes = 0;
};

// The reason a request was rejected before it reached a route.
struct Rejection {
  int status = 400;  // 400, 413, 414 or 431
  std::string title;
  std::string detail;
};

// Follows the requests of one connection with its own HTTP parser.
// Not thread-safe: one connection's reads call it one at a time.
class RequestGuard {
 public:
  struct Verdict {
    // How many leading bytes of the scanned data belong to requests that
    // were complete and within the limits, and so may go to RESTinio.
    std::size_t accepted_bytes = 0;
    std::optional<Rejection> rejection;
  };

  explicit RequestGuard(RequestLimits limits);
  RequestGuard(const RequestGuard&) = delete;
  RequestGuard& operator=(const RequestGuard&) = delete;

  // Scans the next bytes of the connection. After a rejection, or once the
  // connection leaves HTTP/1.1 (an upgrade, or bytes after "Connection:
  // close"), the guard accepts everything and leaves the rest to RESTinio.
  Verdict scan(std::string_view data);

  const RequestLimits& limits() const { return limits_; }

 private:
  friend struct GuardCallbacks;

  void start_message();
  // Returns the body limit for the request being parsed, which depends on its target.
  std::size_t body_limit() const;
  int reject(int status, std::string title, std::string detail);

  RequestLimits limits_;
  http_parser parser_{};
  bool stopped_ = false;
  bool last_was_value_ = true;
  bool last_request_closes_ = false;
  std::size_t url_bytes_ = 0;
  std::string url_start_;  // the first bytes of the target, enough to compare with the prefix
  std::size_t field_name_bytes_ = 0;
  std::size_t field_value_bytes_ = 0;
  std::size_t field_count_ = 0;
  std::size_t body_bytes_ = 0;
  std::optional<Rejection> rejection_;
};

// Formats the whole HTTP/1.1 reply to a rejected request: problem+json, the
// security headers and "Connection: close".
std::string rejection_reply(const Rejection& rejection);

}  // namespace techmarket::http
