// Requests over the server's limits get a problem+json reply before RESTinio
// reads them, carry the security headers, and change nothing.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <set>

#include "http/security_headers.h"
#include "security/live_server.h"

namespace techmarket {
namespace {

using testing::is_problem;
using testing::parse_http_reply;
using testing::send_raw;

constexpr std::size_t kMaxBodyBytes = 64 * 1024;

class RequestLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::LiveServer({"--max-body-bytes", std::to_string(kMaxBodyBytes)});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  void SetUp() override { counts_before_ = server_->counts(); }
  void TearDown() override {
    EXPECT_EQ(server_->counts(), counts_before_) << "a rejected request changed records";
    EXPECT_EQ(server_->request("GET", "/healthz").status, 200) << "the server stopped answering";
  }

  static testing::HttpReply send(const std::string& bytes) {
    return parse_http_reply(send_raw(server_->port(), bytes));
  }

  static std::string post_header(const std::string& extra_fields) {
    return "POST /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "Content-Type: application/json\r\n" +
           extra_fields + "\r\n";
  }

  static inline testing::LiveServer* server_ = nullptr;
  testing::RecordCounts counts_before_;
};

void expect_security_headers(const testing::HttpReply& reply) {
  for (const auto& [name, value] : http::security_headers()) {
    std::string lower_name(name);
    for (char& c : lower_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto found = reply.headers.find(lower_name);
    ASSERT_NE(found, reply.headers.end()) << name << " is missing";
    EXPECT_EQ(found->second, value) << name;
  }
}

TEST_F(RequestLimits, EveryReplyCarriesSecurityHeaders) {
  expect_security_headers(server_->request("GET", "/healthz"));
  expect_security_headers(server_->request("GET", "/api/v1/offers"));
  expect_security_headers(server_->request("GET", "/no/such/page"));
  expect_security_headers(server_->request("POST", "/api/v1/offers", R"({"kind":"x"})"));
  expect_security_headers(send(post_header("Content-Length: 999999999\r\n")));
  expect_security_headers(send("NOT HTTP AT ALL\r\n\r\n"));
}

TEST_F(RequestLimits, ContentSecurityPolicyForbidsInlineScriptAndFraming) {
  auto reply = server_->request("GET", "/healthz");
  const auto& policy = reply.headers["content-security-policy"];
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << policy;
  EXPECT_EQ(reply.headers["x-frame-options"], "DENY");
  EXPECT_EQ(reply.headers["x-content-type-options"], "nosniff");
}

TEST_F(RequestLimits, AnnouncedOversizedBodyGets413BeforeBodyIsSent) {
  // Only the header is sent: the reply must come without the body.
  auto reply = send(post_header("Content-Length: 1000000000000\r\n"));
  EXPECT_TRUE(is_problem(reply, 413));
  EXPECT_EQ(reply.headers["connection"], "close");
  EXPECT_NE(reply.body.find("1000000000000"), std::string::npos) << reply.body;
}

TEST_F(RequestLimits, SentOversizedBodyGets413) {
  std::string body = R"({"title": ")" + std::string(kMaxBodyBytes, 'a') + R"("})";
  auto reply = server_->request("POST", "/api/v1/offers", body);
  EXPECT_TRUE(is_problem(reply, 413));
}

TEST_F(RequestLimits, ChunkedOversizedBodyGets413) {
  std::string request = post_header("Transfer-Encoding: chunked\r\n");
  std::string chunk(16 * 1024, 'a');
  for (int i = 0; i < 6; ++i) request += "4000\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  EXPECT_TRUE(is_problem(send(request), 413));
}

TEST_F(RequestLimits, BodyWithinLimitReachesRoute) {
  std::string body = R"({"kind": "gadget", "title": ")" + std::string(1000, 'a') + R"("})";
  EXPECT_TRUE(is_problem(server_->request("POST", "/api/v1/offers", body), 422));
}

TEST_F(RequestLimits, LongUrlGets414) {
  auto reply = server_->request("GET", "/api/v1/search?q=" + std::string(9000, 'a'));
  EXPECT_TRUE(is_problem(reply, 414));
}

TEST_F(RequestLimits, TooManyHeaderFieldsGet431) {
  std::string fields;
  for (int i = 0; i < 101; ++i) fields += "X-Field-" + std::to_string(i) + ": 1\r\n";
  auto reply = send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + "\r\n");
  EXPECT_TRUE(is_problem(reply, 431));
}

TEST_F(RequestLimits, LongHeaderNameGets431) {
  auto reply = send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-" + std::string(2000, 'n') +
                    ": 1\r\n\r\n");
  EXPECT_TRUE(is_problem(reply, 431));
}

TEST_F(RequestLimits, LongHeaderValueGets431) {
  auto reply =
      send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + std::string(20000, 'v') +
           "\r\n\r\n");
  EXPECT_TRUE(is_problem(reply, 431));
}

TEST_F(RequestLimits, MalformedRequestLineGets400) {
  EXPECT_TRUE(is_problem(send("NOT HTTP AT ALL\r\n\r\n"), 400));
  EXPECT_TRUE(is_problem(send("GET /healthz HTTP/1.1\r\nBad Header Without Colon\r\n\r\n"), 400));
}

TEST_F(RequestLimits, PipelinedRequestBeforeOversizedOneIsAnswered) {
  std::string first = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::string second = post_header("Content-Length: 99999999\r\n");
  auto raw = send_raw(server_->port(), first + second);

  auto first_reply = parse_http_reply(raw);
  EXPECT_EQ(first_reply.status, 200) << raw;
  auto first_length = std::stoul(first_reply.headers["content-length"]);
  auto second_start = raw.find("\r\n\r\n") + 4 + first_length;
  ASSERT_LT(second_start, raw.size()) << "no reply to the oversized request:\n" << raw;
  EXPECT_TRUE(is_problem(parse_http_reply(raw.substr(second_start)), 413));
}

TEST_F(RequestLimits, LongTextFieldGets422NamingField) {
  nlohmann::json offer = {{"kind", "technology"},
                          {"title", std::string(301, 'a')},
                          {"summary", "Tóm tắt"},
                          {"description", std::string(50001, 'b')}};
  auto reply = server_->request("POST", "/api/v1/offers", offer.dump());
  ASSERT_TRUE(is_problem(reply, 422));
  auto fields = nlohmann::json::parse(reply.body)["errors"];
  std::set<std::string> named;
  for (const auto& error : fields) named.insert(error["field"].get<std::string>());
  EXPECT_TRUE(named.count("title")) << reply.body;
  EXPECT_TRUE(named.count("description")) << reply.body;
}

}  // namespace
}  // namespace techmarket
