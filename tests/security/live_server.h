// A techmarket server started from the built program on 127.0.0.1 with an
// empty data directory, for the security suite.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace techmarket::testing {

// Rows of the tables that a hostile request must not change.
struct RecordCounts {
  long offers = -1;
  long needs = -1;
  long organizations = -1;

  bool operator==(const RecordCounts&) const = default;
};

std::ostream& operator<<(std::ostream& out, const RecordCounts& counts);

class LiveServer {
 public:
  // Starts `techmarket serve` with `extra_arguments` and waits until
  // /healthz returns 200. Throws std::runtime_error when it does not start.
  explicit LiveServer(const std::vector<std::string>& extra_arguments = {});
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string log() const { return process_->log(); }

  // Reads the record counts from /metrics.
  RecordCounts counts() const;

  // Sends a request signed in as an administrator: with the session cookie
  // and the CSRF token, so that writes reach the routes' input checks.
  HttpReply request(const std::string& method, const std::string& target,
                    const std::string& body = "") const {
    return http_request(port_, method, target, body, "application/json", session_headers_);
  }

  // Sends a request that must succeed with `expected_status` and returns its JSON body.
  nlohmann::json json(const std::string& method, const std::string& target,
                      const nlohmann::json& body = nullptr, int expected_status = 200) const;

 private:
  TempDir dir_;
  std::uint16_t port_ = 0;
  std::unique_ptr<BackgroundProcess> process_;
  std::map<std::string, std::string> session_headers_;

  void sign_in();
};

// True when `reply` is a problem+json error with the given status, a title and a detail.
::testing::AssertionResult is_problem(const HttpReply& reply, int status);

}  // namespace techmarket::testing
