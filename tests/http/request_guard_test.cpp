#include "http/request_guard.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace techmarket::http {
namespace {

RequestLimits small_limits() {
  RequestLimits limits;
  limits.max_url_bytes = 64;
  limits.max_field_name_bytes = 32;
  limits.max_field_value_bytes = 64;
  limits.max_field_count = 4;
  limits.max_body_bytes = 100;
  return limits;
}

const std::string kGet = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";

struct GuardCase {
  std::string name;
  std::string request;
  int expected_status;  // 0: accepted
};

class RequestGuardCases : public ::testing::TestWithParam<GuardCase> {};

TEST_P(RequestGuardCases, RejectsOnlyRequestsOverLimits) {
  RequestGuard guard(small_limits());
  auto verdict = guard.scan(GetParam().request);
  if (GetParam().expected_status == 0) {
    EXPECT_FALSE(verdict.rejection) << verdict.rejection->detail;
    EXPECT_EQ(verdict.accepted_bytes, GetParam().request.size());
  } else {
    ASSERT_TRUE(verdict.rejection);
    EXPECT_EQ(verdict.rejection->status, GetParam().expected_status) << verdict.rejection->detail;
    EXPECT_EQ(verdict.accepted_bytes, 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Requests, RequestGuardCases,
    ::testing::Values(
        GuardCase{"Get", kGet, 0},
        GuardCase{"PostWithinLimit",
                  "POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'a'), 0},
        GuardCase{"AnnouncedBodyOverLimit", "POST /x HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 413},
        GuardCase{"HugeContentLength",
                  "POST /x HTTP/1.1\r\nContent-Length: 1000000000000000\r\n\r\n", 413},
        GuardCase{"ContentLengthOverflow",
                  "POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
        GuardCase{"ChunkedBodyOverLimit",
                  "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" +
                      std::string(64, 'a') + "\r\n40\r\n" + std::string(64, 'a') + "\r\n0\r\n\r\n",
                  413},
        GuardCase{"UrlAtLimit", "GET /" + std::string(63, 'u') + " HTTP/1.1\r\n\r\n", 0},
        GuardCase{"UrlOverLimit", "GET /" + std::string(64, 'u') + " HTTP/1.1\r\n\r\n", 414},
        GuardCase{"FieldCountOverLimit",
                  "GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n\r\n", 431},
        GuardCase{"FieldNameOverLimit", "GET / HTTP/1.1\r\n" + std::string(33, 'n') + ": 1\r\n\r\n",
                  431},
        GuardCase{"FieldValueAtLimit", "GET / HTTP/1.1\r\nA: " + std::string(64, 'v') + "\r\n\r\n",
                  431},
        GuardCase{"FieldValueBelowLimit",
                  "GET / HTTP/1.1\r\nA: " + std::string(63, 'v') + "\r\n\r\n", 0},
        GuardCase{"NotHttp", "HELLO THERE\r\n\r\n", 400},
        GuardCase{"ConflictingLengths",
                  "POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400}),
    [](const auto& info) { return info.param.name; });

TEST(RequestGuard, CountsLimitsAcrossReadsOfOneRequest) {
  RequestGuard guard(small_limits());
  std::string request = "GET /" + std::string(40, 'u');
  EXPECT_FALSE(guard.scan(request).rejection);
  auto verdict = guard.scan(std::string(40, 'u') + " HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(verdict.rejection);
  EXPECT_EQ(verdict.rejection->status, 414);
}

TEST(RequestGuard, LongHeaderInAllGets431) {
  RequestGuard guard(RequestLimits{});
  std::string request = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 60; ++i) {
    request += "X-Field-" + std::to_string(i) + ": " + std::string(2000, 'v') + "\r\n";
  }
  auto verdict = guard.scan(request + "\r\n");
  ASSERT_TRUE(verdict.rejection);
  EXPECT_EQ(verdict.rejection->status, 431) << verdict.rejection->detail;
}

TEST(RequestGuard, ResetsCountsForEachRequest) {
  RequestGuard guard(small_limits());
  std::string request = "GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\n\r\n";
  for (int i = 0; i < 5; ++i) {
    auto verdict = guard.scan(request);
    EXPECT_FALSE(verdict.rejection) << "request " << i;
    EXPECT_EQ(verdict.accepted_bytes, request.size());
  }
}

TEST(RequestGuard, AcceptsCompleteRequestsBeforeRejectedOne) {
  RequestGuard guard(small_limits());
  std::string oversized = "POST /x HTTP/1.1\r\nContent-Length: 500\r\n\r\n";
  auto verdict = guard.scan(kGet + kGet + oversized);
  ASSERT_TRUE(verdict.rejection);
  EXPECT_EQ(verdict.rejection->status, 413);
  EXPECT_EQ(verdict.accepted_bytes, 2 * kGet.size());
}

TEST(RequestGuard, LeavesBytesAfterConnectionCloseToRestinio) {
  RequestGuard guard(small_limits());
  std::string closing = "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";
  auto verdict = guard.scan(closing + "garbage that is never parsed");
  EXPECT_FALSE(verdict.rejection) << verdict.rejection->detail;
  EXPECT_EQ(verdict.accepted_bytes, closing.size() + 28);
}

TEST(RejectionReply, IsProblemJsonThatClosesConnection) {
  auto reply = rejection_reply({413, "Payload too large", "The body is too long"});
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413 Payload too large\r\n")) << reply;
  EXPECT_NE(reply.find("Content-Type: application/problem+json\r\n"), std::string::npos);
  EXPECT_NE(reply.find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(reply.find("X-Frame-Options: DENY\r\n"), std::string::npos);
  auto body = nlohmann::json::parse(reply.substr(reply.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["status"], 413);
  EXPECT_EQ(body["detail"], "The body is too long");
  auto length_start = reply.find("Content-Length: ") + 16;
  auto length = std::stoul(reply.substr(length_start, reply.find("\r\n", length_start)));
  EXPECT_EQ(length, reply.size() - reply.find("\r\n\r\n") - 4);
}

}  // namespace
}  // namespace techmarket::http
