// Duplicate JSON keys, deep nesting and invalid UTF-8 in bodies and query
// strings get a clear 400 and change nothing.
#include <gtest/gtest.h>

#include "security/live_server.h"

namespace techmarket {
namespace {

using testing::is_problem;

// Invalid UTF-8: a stray continuation byte, an overlong "/", a UTF-16
// surrogate, a truncated sequence and bytes that never occur in UTF-8.
const std::vector<std::string> kInvalidUtf8 = {
    "\x80",     "\xc0\xaf", "\xed\xa0\x80",
    "\xe1\xbb", "\xff\xfe", "T\xe1\xbb\x9bi \xf8\x88\x80\x80\x80"};

class MalformedInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::LiveServer();
    auto offer = server_->json(
        "POST", "/api/v1/offers",
        {{"kind", "technology"}, {"title", "Máy sấy"}, {"summary", "Sấy nông sản"}}, 201);
    offer_path_ = "/api/v1/offers/" + std::to_string(offer["id"].get<std::int64_t>());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  void SetUp() override {
    counts_before_ = server_->counts();
    offer_before_ = server_->request("GET", offer_path_).body;
  }
  void TearDown() override {
    EXPECT_EQ(server_->counts(), counts_before_);
    EXPECT_EQ(server_->request("GET", offer_path_).body, offer_before_)
        << "a rejected PATCH changed the offer";
  }

  // Sends `body` to every create route and as a PATCH of the stored offer;
  // each must be rejected with `status`.
  static void expect_rejected_everywhere(const std::string& body, int status,
                                         const std::string& label) {
    for (const char* path : {"/api/v1/offers", "/api/v1/needs", "/api/v1/organizations"}) {
      EXPECT_TRUE(is_problem(server_->request("POST", path, body), status)) << label << " " << path;
    }
    EXPECT_TRUE(is_problem(server_->request("PATCH", offer_path_, body), status))
        << label << " PATCH";
  }

  static inline testing::LiveServer* server_ = nullptr;
  static inline std::string offer_path_;
  testing::RecordCounts counts_before_;
  std::string offer_before_;
};

TEST_F(MalformedInput, DuplicateKeysGet400) {
  expect_rejected_everywhere(
      R"({"kind":"technology","title":"A","title":"B","summary":"S","name":"N","problem":"P"})",
      400, "duplicate title");
  auto reply =
      server_->request("POST", "/api/v1/offers",
                       R"({"kind":"technology","title":"A","summary":"S","kind":"ip_asset"})");
  ASSERT_TRUE(is_problem(reply, 400));
  EXPECT_NE(reply.body.find("kind"), std::string::npos) << "the error must name the key";
}

TEST_F(MalformedInput, DuplicateKeysInNestedObjectGet400) {
  expect_rejected_everywhere(R"({"title":"A","keywords":[{"a":1,"a":2}]})", 400, "nested");
}

TEST_F(MalformedInput, NestingTenThousandDeepGets400) {
  std::string arrays = std::string(10000, '[') + std::string(10000, ']');
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += R"({"a":)";
  objects += "1" + std::string(10000, '}');
  std::string unclosed = R"({"title":)" + std::string(10000, '[');
  expect_rejected_everywhere(arrays, 400, "arrays");
  expect_rejected_everywhere(objects, 400, "objects");
  expect_rejected_everywhere(unclosed, 400, "unclosed");
}

TEST_F(MalformedInput, InvalidUtf8InBodyGets400) {
  for (const auto& bytes : kInvalidUtf8) {
    auto body = R"({"kind":"technology","title":"M)" + bytes + R"(y","summary":"S","name":"N"})";
    expect_rejected_everywhere(body, 400, "bytes in a string");
    expect_rejected_everywhere(R"({"ti)" + bytes + R"(tle":"A"})", 400, "bytes in a key");
  }
}

TEST_F(MalformedInput, EscapedLoneSurrogateGets400) {
  expect_rejected_everywhere(R"({"kind":"technology","title":"\ud800","summary":"S"})", 400,
                             "lone surrogate");
}

TEST_F(MalformedInput, NulCharacterGets422) {
  auto reply = server_->request("POST", "/api/v1/offers",
                                R"({"kind":"technology","title":"A\u0000B","summary":"S"})");
  ASSERT_TRUE(is_problem(reply, 422));
  EXPECT_NE(reply.body.find("title"), std::string::npos) << reply.body;
}

TEST_F(MalformedInput, NotJsonGets400) {
  for (const char* body :
       {"", "null", "[]", "\"text\"", "{", "{\"title\": }", "<xml/>", "title=A&summary=B"}) {
    auto reply = server_->request("POST", "/api/v1/offers", body);
    EXPECT_TRUE(reply.status == 400 || reply.status == 422) << body << ": " << reply.body;
    EXPECT_TRUE(is_problem(reply, reply.status)) << body;
  }
}

TEST_F(MalformedInput, InvalidUtf8InQueryStringGets400) {
  const std::vector<std::string> encoded = {"%80", "%C0%AF", "%ED%A0%80", "%E1%BB", "%FF%FE"};
  for (const auto& bytes : encoded) {
    for (const char* target :
         {"/api/v1/search?q=", "/api/v1/offers?st_field=", "/api/v1/needs?province_code=",
          "/api/v1/organizations?province_code=", "/api/v1/ipc?parent="}) {
      auto reply = server_->request("GET", target + bytes);
      EXPECT_TRUE(is_problem(reply, 400)) << target << bytes;
    }
  }
}

TEST_F(MalformedInput, InvalidUtf8InPathGetsProblem) {
  for (const char* target : {"/api/v1/provinces/%FF", "/api/v1/ipc/%C0%AF", "/api/v1/offers/%80"}) {
    auto reply = server_->request("GET", target);
    EXPECT_TRUE(reply.status == 400 || reply.status == 404) << target << ": " << reply.body;
    EXPECT_TRUE(is_problem(reply, reply.status)) << target;
  }
}

}  // namespace
}  // namespace techmarket
