#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "http/security_headers.h"
#include "support/http_client.h"

namespace techmarket::http {
namespace {

using testing::http_request;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/hello", [](Request& request) {
      return json_response(200, {{"q", request.query_value("q").value_or("")}});
    });
    router_.add("GET", "/slow", [](Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      return json_response(200, {{"finished", true}});
    });
    router_.add("POST", "/echo", Access::open(), [this](Request& request) {
      ++echo_calls_;
      return json_response(200, {{"bytes", request.body.size()}});
    });
    options_.port = testing::free_port();
    options_.limits.max_body_bytes = 1024;
    server_ = std::make_unique<Server>(router_, metrics_, options_);
    server_->start();
  }

  Router router_;
  Metrics metrics_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  std::atomic<int> echo_calls_{0};
};

TEST_F(ServerTest, DecodesVietnameseQueryString) {
  auto reply = http_request(options_.port, "GET", "/hello?q=c%C3%B4ng+ngh%E1%BB%87");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["q"], "công nghệ");
  EXPECT_FALSE(reply.headers["x-request-id"].empty());
}

TEST_F(ServerTest, RejectsMalformedPercentEscape) {
  auto reply = http_request(options_.port, "GET", "/hello?q=%ZZ");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
}

TEST_F(ServerTest, AnswersPayloadTooLargeOverLimit) {
  auto reply = http_request(options_.port, "POST", "/echo", std::string(2048, 'x'));
  EXPECT_EQ(reply.status, 413);
  auto accepted = http_request(options_.port, "POST", "/echo", std::string(1000, 'x'));
  EXPECT_EQ(accepted.status, 200);
}

TEST_F(ServerTest, AnswersAnnouncedOversizedBodyWithoutReadingIt) {
  auto raw = testing::send_raw(options_.port,
                               "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n");
  auto reply = testing::parse_http_reply(raw);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
  EXPECT_EQ(echo_calls_, 0) << "the route must not have run";
}

TEST_F(ServerTest, SendsSecurityHeadersOnEveryReply) {
  for (const char* target : {"/hello", "/missing"}) {
    auto reply = http_request(options_.port, "GET", target);
    EXPECT_EQ(reply.headers["content-security-policy"], kContentSecurityPolicy) << target;
    EXPECT_EQ(reply.headers["x-content-type-options"], "nosniff") << target;
    EXPECT_EQ(reply.headers["x-frame-options"], "DENY") << target;
    EXPECT_EQ(reply.headers["referrer-policy"], "same-origin") << target;
    EXPECT_EQ(reply.headers["cross-origin-opener-policy"], "same-origin") << target;
  }
}

TEST_F(ServerTest, FinishesRequestInFlightWhenStopped) {
  auto pending = std::async(std::launch::async,
                            [this] { return http_request(options_.port, "GET", "/slow"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server_->stop();

  auto reply = pending.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["finished"], true);
  EXPECT_THROW(http_request(options_.port, "GET", "/hello"), std::runtime_error)
      << "a stopped server must not accept connections";
}

TEST_F(ServerTest, CountsRequestsInMetrics) {
  http_request(options_.port, "GET", "/hello");
  http_request(options_.port, "GET", "/missing");
  auto text = metrics_.render("");
  EXPECT_NE(text.find("techmarket_http_requests_total{code=\"2xx\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("techmarket_http_requests_total{code=\"4xx\"} 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace techmarket::http
