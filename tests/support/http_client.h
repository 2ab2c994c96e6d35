// A minimal blocking HTTP/1.1 client for tests against a server on 127.0.0.1.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace techmarket::testing {

struct HttpReply {
  int status = 0;
  // Names in lower case; repeated headers such as Set-Cookie are joined with "\n".
  std::map<std::string, std::string> headers;
  std::string body;
};

// Sends one request with Connection: close and reads the whole reply.
// Throws std::runtime_error when the connection fails.
HttpReply http_request(std::uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body = "",
                       const std::string& content_type = "application/json",
                       const std::map<std::string, std::string>& headers = {});

// Sends `bytes` unchanged on a new connection, stops sending if the server
// closes, and returns everything it sent back until it closed. For requests
// that http_request cannot write: oversized headers, bad syntax, pipelining.
std::string send_raw(std::uint16_t port, const std::string& bytes);

// Parses the first reply in `raw`, taking everything after the header as the
// body. Throws std::runtime_error when `raw` contains no complete header.
HttpReply parse_http_reply(const std::string& raw);

// Returns a TCP port on 127.0.0.1 that was free a moment ago.
std::uint16_t free_port();

// Percent-encodes `text` for a query string.
std::string url_encode(const std::string& text);

}  // namespace techmarket::testing
