#include "security/live_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <regex>
#include <stdexcept>
#include <thread>

namespace techmarket::testing {
namespace {

constexpr const char* kAdminEmail = "quan-tri@example.vn";
constexpr const char* kAdminPassword = "mật khẩu quản trị đủ dài";

}  // namespace

std::ostream& operator<<(std::ostream& out, const RecordCounts& counts) {
  return out << "{offers " << counts.offers << ", needs " << counts.needs << ", organizations "
             << counts.organizations << "}";
}

LiveServer::LiveServer(const std::vector<std::string>& extra_arguments) {
  port_ = free_port();
  std::vector<std::string> arguments = {TECHMARKET_BINARY, "serve",
                                        "--data-dir",      (dir_.path() / "var").string(),
                                        "--listen",        "127.0.0.1:" + std::to_string(port_)};
  arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
  auto added = run_command({TECHMARKET_BINARY, "user", "add", "--email", kAdminEmail, "--name",
                            "Quản trị viên", "--role", "admin", "--data-dir",
                            (dir_.path() / "var").string()},
                           std::string(kAdminPassword) + "\n");
  if (added.exit_code != 0) throw std::runtime_error("user add failed:\n" + added.output);
  process_ = std::make_unique<BackgroundProcess>(arguments, (dir_.path() / "server.log").string());

  for (int attempt = 0; attempt < 600; ++attempt) {
    try {
      if (http_request(port_, "GET", "/healthz").status == 200) {
        sign_in();
        return;
      }
    } catch (const std::runtime_error&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the server did not start:\n" + process_->log());
}

void LiveServer::sign_in() {
  nlohmann::json credentials = {{"email", kAdminEmail}, {"password", kAdminPassword}};
  auto reply = http_request(port_, "POST", "/api/v1/session", credentials.dump());
  if (reply.status != 200) throw std::runtime_error("sign-in failed: " + reply.body);
  const auto& cookies = reply.headers["set-cookie"];
  auto start = cookies.find("tm_session=");
  if (start == std::string::npos) throw std::runtime_error("no session cookie: " + cookies);
  auto end = cookies.find(';', start);
  session_headers_ = {{"Cookie", cookies.substr(start, end - start)},
                      {"X-CSRF-Token", nlohmann::json::parse(reply.body)["csrf_token"]}};
}

RecordCounts LiveServer::counts() const {
  auto reply = http_request(port_, "GET", "/metrics");
  RecordCounts counts;
  static const std::regex kLine(R"re(techmarket_records\{table="(\w+)"\} (\d+))re");
  for (std::sregex_iterator it(reply.body.begin(), reply.body.end(), kLine), end; it != end; ++it) {
    long value = std::stol((*it)[2]);
    if ((*it)[1] == "offers") counts.offers = value;
    if ((*it)[1] == "needs") counts.needs = value;
    if ((*it)[1] == "organizations") counts.organizations = value;
  }
  return counts;
}

nlohmann::json LiveServer::json(const std::string& method, const std::string& target,
                                const nlohmann::json& body, int expected_status) const {
  auto reply = request(method, target, body.is_null() ? "" : body.dump());
  EXPECT_EQ(reply.status, expected_status) << method << " " << target << "\n" << reply.body;
  return nlohmann::json::parse(reply.body);
}

::testing::AssertionResult is_problem(const HttpReply& reply, int status) {
  if (reply.status != status) {
    return ::testing::AssertionFailure()
           << "status " << reply.status << ", expected " << status << ": " << reply.body;
  }
  auto found = reply.headers.find("content-type");
  if (found == reply.headers.end() || found->second != "application/problem+json") {
    return ::testing::AssertionFailure() << "not problem+json: " << reply.body;
  }
  auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (body.is_discarded() || !body.contains("title") || !body.contains("detail") ||
      body["status"] != status) {
    return ::testing::AssertionFailure()
           << "problem without title, detail or status: " << reply.body;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace techmarket::testing
