#include "http/request_guard.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "http/problem.h"
#include "http/security_headers.h"

namespace techmarket::http {

// The http_parser callbacks; each returns nonzero to stop the parser.
struct GuardCallbacks {
  static RequestGuard& guard(http_parser* parser) {
    return *static_cast<RequestGuard*>(parser->data);
  }

  static int on_message_begin(http_parser* parser) {
    guard(parser).start_message();
    return 0;
  }

  static int on_url(http_parser* parser, const char* at, std::size_t length) {
    auto& self = guard(parser);
    const auto& prefix = self.limits_.upload_path_prefix;
    if (self.url_start_.size() < prefix.size()) {
      self.url_start_.append(at, std::min(length, prefix.size() - self.url_start_.size()));
    }
    self.url_bytes_ += length;
    if (self.url_bytes_ > self.limits_.max_url_bytes) {
      return self.reject(414, "URI too long",
                         fmt::format("The request target is longer than {} bytes; send long "
                                     "filters in fewer or shorter parameters",
                                     self.limits_.max_url_bytes));
    }
    return 0;
  }

  static int on_header_field(http_parser* parser, const char*, std::size_t length) {
    auto& self = guard(parser);
    if (self.last_was_value_) {
      self.last_was_value_ = false;
      self.field_name_bytes_ = 0;
      if (++self.field_count_ > self.limits_.max_field_count) {
        return self.reject(431, "Request header fields too large",
                           fmt::format("The request has more than {} header fields",
                                       self.limits_.max_field_count));
      }
    }
    self.field_name_bytes_ += length;
    if (self.field_name_bytes_ > self.limits_.max_field_name_bytes) {
      return self.reject(431, "Request header fields too large",
                         fmt::format("A header field name is longer than {} bytes",
                                     self.limits_.max_field_name_bytes));
    }
    return 0;
  }

  static int on_header_value(http_parser* parser, const char*, std::size_t length) {
    auto& self = guard(parser);
    if (!self.last_was_value_) {
      self.last_was_value_ = true;
      self.field_value_bytes_ = 0;
    }
    self.field_value_bytes_ += length;
    // RESTinio rejects a value of exactly its maximum too, so the guard does.
    if (self.field_value_bytes_ >= self.limits_.max_field_value_bytes) {
      return self.reject(431, "Request header fields too large",
                         fmt::format("A header field value is {} bytes or longer",
                                     self.limits_.max_field_value_bytes));
    }
    return 0;
  }

  static int on_headers_complete(http_parser* parser) {
    auto& self = guard(parser);
    if (parser->content_length != ULLONG_MAX && parser->content_length > self.body_limit()) {
      return self.reject(413, "Payload too large",
                         fmt::format("Content-Length is {} bytes; the maximum is {} bytes",
                                     parser->content_length, self.body_limit()));
    }
    return 0;
  }

  static int on_body(http_parser* parser, const char*, std::size_t length) {
    auto& self = guard(parser);
    self.body_bytes_ += length;
    if (self.body_bytes_ > self.body_limit()) {
      return self.reject(
          413, "Payload too large",
          fmt::format("The body is longer than the maximum of {} bytes", self.body_limit()));
    }
    return 0;
  }

  // Pauses the parser at the end of each request, so that scan() learns
  // where the request ends in the data.
  static int on_message_complete(http_parser* parser) {
    guard(parser).last_request_closes_ = http_should_keep_alive(parser) == 0;
    http_parser_pause(parser, 1);
    return 0;
  }

  static const http_parser_settings& settings() {
    static const http_parser_settings kSettings = [] {
      http_parser_settings settings;
      http_parser_settings_init(&settings);
      settings.on_message_begin = on_message_begin;
      settings.on_url = on_url;
      settings.on_header_field = on_header_field;
      settings.on_header_value = on_header_value;
      settings.on_headers_complete = on_headers_complete;
      settings.on_body = on_body;
      settings.on_message_complete = on_message_complete;
      return settings;
    }();
    return kSettings;
  }
};

RequestGuard::RequestGuard(RequestLimits limits) : limits_(limits) {
  http_parser_init(&parser_, HTTP_REQUEST);
  parser_.data = this;
}

void RequestGuard::start_message() {
  last_was_value_ = true;
  url_bytes_ = 0;
  url_start_.clear();
  field_name_bytes_ = 0;
  field_value_bytes_ = 0;
  field_count_ = 0;
  body_bytes_ = 0;
}

std::size_t RequestGuard::body_limit() const {
  const auto& prefix = limits_.upload_path_prefix;
  if (!prefix.empty() && url_start_ == prefix) return limits_.max_upload_bytes;
  return limits_.max_body_bytes;
}

int RequestGuard::reject(int status, std::string title, std::string detail) {
  rejection_ = Rejection{status, std::move(title), std::move(detail)};
  // Not 1 or 2: from on_headers_complete those mean "no body" and "upgrade".
  return -1;
}

RequestGuard::Verdict RequestGuard::scan(std::string_view data) {
  if (stopped_) return {data.size(), std::nullopt};

  std::size_t offset = 0;
  std::size_t end_of_last_request = 0;
  while (offset < data.size()) {
    std::size_t parsed = http_parser_execute(&parser_, &GuardCallbacks::settings(),
                                             data.data() + offset, data.size() - offset);
    offset += parsed;
    auto error = HTTP_PARSER_ERRNO(&parser_);

    if (error == HPE_PAUSED) {
      if (last_request_closes_) {
        // RESTinio closes the connection after this request and ignores the rest.
        stopped_ = true;
        return {data.size(), std::nullopt};
      }
      http_parser_pause(&parser_, 0);
      end_of_last_request = offset;
      continue;
    }
    if (error == HPE_OK) {
      // The parser consumed everything, or stopped at a protocol upgrade.
      if (parser_.upgrade) stopped_ = true;
      break;
    }

    stopped_ = true;
    if (!rejection_) {
      if (error == HPE_HEADER_OVERFLOW) {
        rejection_ = Rejection{
            431, "Request header fields too large",
            fmt::format("The request header is longer than {} bytes", HTTP_MAX_HEADER_SIZE)};
      } else {
        rejection_ = Rejection{
            400, "Bad request",
            fmt::format("The request is not valid HTTP/1.1: {}", http_errno_description(error))};
      }
    }
    return {end_of_last_request, rejection_};
  }
  return {data.size(), std::nullopt};
}

std::string rejection_reply(const Rejection& rejection) {
  auto response = problem_response(rejection.status, rejection.title, rejection.detail);
  std::string reply = fmt::format("HTTP/1.1 {} {}\r\n", rejection.status, rejection.title);
  reply += fmt::format("Content-Type: {}\r\n", response.content_type);
  reply += fmt::format("Content-Length: {}\r\n", response.body.size());
  reply += "Connection: close\r\n";
  for (const auto& [name, value] : security_headers()) {
    reply += fmt::format("{}: {}\r\n", name, value);
  }
  reply += "\r\n";
  reply += response.body;
  return reply;
}

}  // namespace techmarket::http
