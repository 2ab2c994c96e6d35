// Huge page sizes and forged, truncated or non-base64 cursors get a clear 400
// on every list route.
#include <gtest/gtest.h>

#include "security/live_server.h"

namespace techmarket {
namespace {

using testing::is_problem;
using testing::url_encode;

const std::vector<std::string> kListRoutes = {"/api/v1/offers", "/api/v1/needs",
                                              "/api/v1/organizations", "/api/v1/search"};

class PaginationAbuse : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::LiveServer();
    for (int i = 0; i < 5; ++i) {
      auto title = "Công nghệ số " + std::to_string(i);
      server_->json("POST", "/api/v1/offers",
                    {{"kind", "technology"},
                     {"title", title},
                     {"summary", "Công nghệ"},
                     {"status", "published"}},
                    201);
      server_->json("POST", "/api/v1/needs",
                    {{"title", title}, {"problem", "Công nghệ"}, {"status", "published"}}, 201);
      server_->json("POST", "/api/v1/organizations", {{"kind", "enterprise"}, {"name", title}},
                    201);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  void SetUp() override { counts_before_ = server_->counts(); }
  void TearDown() override { EXPECT_EQ(server_->counts(), counts_before_); }

  // Returns the next_cursor of the first page of two items.
  static std::string first_cursor(const std::string& route) {
    auto separator = route.find('?') == std::string::npos ? "?" : "&";
    auto body = server_->json("GET", route + separator + "limit=2&q=cong+nghe");
    EXPECT_TRUE(body["next_cursor"].is_string()) << route << ": " << body.dump();
    return body["next_cursor"].is_string() ? body["next_cursor"].get<std::string>() : "";
  }

  static inline testing::LiveServer* server_ = nullptr;
  testing::RecordCounts counts_before_;
};

TEST_F(PaginationAbuse, HugeAndInvalidPageSizesGet400) {
  for (const auto& route : kListRoutes) {
    for (const char* limit : {"1000000000", "1e9", "-1", "0", "99999999999999999999999", "NaN",
                              "10%20OR%201%3D1", "0x10", "101"}) {
      auto reply = server_->request("GET", route + "?limit=" + limit);
      SCOPED_TRACE(route + " limit=" + limit);
      ASSERT_TRUE(is_problem(reply, 400));
      EXPECT_NE(reply.body.find("limit"), std::string::npos) << reply.body;
    }
  }
}

TEST_F(PaginationAbuse, LargestPageSizeIsAccepted) {
  for (const auto& route : kListRoutes) {
    EXPECT_EQ(server_->request("GET", route + "?limit=100").status, 200) << route;
  }
}

TEST_F(PaginationAbuse, ForgedCursorsGet400) {
  const std::vector<std::string> forged = {
      "abc",
      "' OR 1=1 --",
      "!!!!",
      "%%%%",
      "cDE6MjA",              // base64url of "p1:20", a cursor without its check value
      "cDI6LTE",              // base64url of "p2:-1"
      "cDI6MjAuMDAwMDAwMDA",  // "p2:20.00000000", a wrong check value
      std::string(5000, 'A'),
      "AAAA====",
      "\xff\xfe",
  };
  for (const auto& route : kListRoutes) {
    for (const auto& cursor : forged) {
      auto reply = server_->request("GET", route + "?cursor=" + url_encode(cursor));
      SCOPED_TRACE(route + " cursor=" + cursor.substr(0, 40));
      ASSERT_TRUE(is_problem(reply, 400));
    }
  }
}

TEST_F(PaginationAbuse, TruncatedCursorsGet400) {
  for (const auto& route : kListRoutes) {
    auto cursor = first_cursor(route);
    ASSERT_FALSE(cursor.empty());
    EXPECT_EQ(server_->request("GET", route + "?limit=2&cursor=" + cursor).status, 200);
    for (std::size_t length = 1; length < cursor.size(); ++length) {
      auto reply = server_->request("GET", route + "?limit=2&cursor=" + cursor.substr(0, length));
      SCOPED_TRACE(route + " cursor=" + cursor.substr(0, length));
      EXPECT_TRUE(is_problem(reply, 400));
    }
  }
}

}  // namespace
}  // namespace techmarket
