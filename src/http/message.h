// The request and response types that feature routes see. Only src/http
// knows RESTinio; routes work on these plain values and can be tested
// without a socket.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/principal.h"

namespace techmarket::http {

struct Request {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // percent-decoded, without the query
  std::multimap<std::string, std::string> query;   // decoded, '+' read as a space
  std::map<std::string, std::string> path_params;  // filled by the router, e.g. {"id": "12"}
  std::map<std::string, std::string> headers;      // names in lower case
  std::string body;
  std::string request_id;
  std::string client_address;  // the peer's IP address, for rate limits
  auth::Principal principal;   // set by the router's authenticator before the handler runs

  // Returns the first value of query parameter `name`, if present.
  std::optional<std::string> query_value(const std::string& name) const;
  std::optional<std::string> header(const std::string& lower_case_name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Serialises `body` as UTF-8 JSON; invalid UTF-8 in strings is replaced, never thrown.
Response json_response(int status, const nlohmann::json& body);

}  // namespace techmarket::http
