// Runs the built techmarket program the way the README does: import the
// reference data and NASA's offers, serve, query over HTTP, stop with SIGTERM.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace techmarket {
namespace {

using testing::http_request;
using testing::url_encode;

const std::string kProgram = TECHMARKET_BINARY;
const std::string kSharedData = TECHMARKET_SHARED_DATA;

class EndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    data_dir_ = (dir_->path() / "var").string();

    auto reference = testing::run_command(
        {kProgram, "import", "reference", kSharedData, "--data-dir", data_dir_});
    ASSERT_EQ(reference.exit_code, 0) << reference.output;
    auto offers = testing::run_command(
        {kProgram, "import", "offers",
         kSharedData + "/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl", "--data-dir", data_dir_});
    ASSERT_EQ(offers.exit_code, 0) << offers.output;
    auto admin =
        testing::run_command({kProgram, "user", "add", "--email", "admin@example.vn", "--name",
                              "Quản trị viên", "--role", "admin", "--data-dir", data_dir_},
                             std::string(kAdminPassword) + "\n");
    ASSERT_EQ(admin.exit_code, 0) << admin.output;

    port_ = testing::free_port();
    server_ = new testing::BackgroundProcess({kProgram, "serve", "--data-dir", data_dir_,
                                              "--listen", "127.0.0.1:" + std::to_string(port_)},
                                             (dir_->path() / "server.log").string());
    bool started = false;
    for (int attempt = 0; attempt < 300 && !started; ++attempt) {
      try {
        started = http_request(port_, "GET", "/healthz").status == 200;
      } catch (const std::runtime_error&) {
      }
      if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(started) << "the server did not start:\n" << server_->log();
    sign_in_admin();
  }

  // Signs in over HTTP and keeps the cookie and CSRF token for writes.
  static void sign_in_admin() {
    nlohmann::json credentials = {{"email", "admin@example.vn"}, {"password", kAdminPassword}};
    auto reply = http_request(port_, "POST", "/api/v1/session", credentials.dump());
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto cookies = reply.headers["set-cookie"];
    ASSERT_NE(cookies.find("HttpOnly"), std::string::npos) << cookies;
    ASSERT_NE(cookies.find("SameSite=Lax"), std::string::npos) << cookies;
    auto start = cookies.find("tm_session=");
    ASSERT_NE(start, std::string::npos) << cookies;
    auto end = cookies.find(';', start);
    write_headers_ = {{"Cookie", cookies.substr(start, end - start)},
                      {"X-CSRF-Token", nlohmann::json::parse(reply.body)["csrf_token"]}};
  }

  static testing::HttpReply write(const std::string& method, const std::string& target,
                                  const std::string& body) {
    return http_request(port_, method, target, body, "application/json", write_headers_);
  }

  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static nlohmann::json get_json(const std::string& target, int expected_status = 200) {
    auto reply = http_request(port_, "GET", target);
    EXPECT_EQ(reply.status, expected_status) << target << "\n" << reply.body;
    return nlohmann::json::parse(reply.body);
  }

  static std::vector<std::string> search_titles(const std::string& query) {
    auto body = get_json("/api/v1/search?q=" + url_encode(query));
    std::vector<std::string> titles;
    for (const auto& item : body["items"]) titles.push_back(item["title"]);
    return titles;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline std::string data_dir_;
  static inline std::uint16_t port_ = 0;
  static inline testing::BackgroundProcess* server_ = nullptr;
  static inline std::map<std::string, std::string> write_headers_;
  static constexpr const char* kAdminPassword = "một mật khẩu đủ dài";
};

TEST_F(EndToEnd, SearchFindsNasaGearBearings) {
  auto body = get_json("/api/v1/search?q=gear%20bearing");
  ASSERT_FALSE(body["items"].empty());
  EXPECT_EQ(body["items"][0]["title"], "Gear Bearings");
  EXPECT_EQ(body["items"][0]["type"], "offer");
  EXPECT_TRUE(body["items"][0]["id"].is_number_integer());
  EXPECT_GE(body["total"].get<int>(), 1);
}

TEST_F(EndToEnd, ListsNinetySixCommunesOfTayNinh) {
  auto body = get_json("/api/v1/provinces/80/communes");
  EXPECT_EQ(body["items"].size(), 96u);
}

TEST_F(EndToEnd, FindsVietnameseOfferWithAndWithoutDiacritics) {
  nlohmann::json offer = {{"kind", "technology"},
                          {"title", "Hệ thống tưới nhỏ giọt tiết kiệm nước cho cây điều"},
                          {"summary", "Tưới nhỏ giọt điều khiển bằng cảm biến độ ẩm đất."},
                          {"keywords", {"tưới tiêu", "điều"}},
                          {"status", "published"}};
  auto created = write("POST", "/api/v1/offers", offer.dump());
  ASSERT_EQ(created.status, 201) << created.body;

  for (const char* query : {"tưới nhỏ giọt", "tuoi nho giot", "cay dieu", "TIẾT KIỆM NƯỚC"}) {
    auto titles = search_titles(query);
    ASSERT_FALSE(titles.empty()) << query;
    EXPECT_EQ(titles[0], "Hệ thống tưới nhỏ giọt tiết kiệm nước cho cây điều") << query;
  }
}

TEST_F(EndToEnd, AnswersProblemJsonForInvalidOffer) {
  auto reply = write("POST", "/api/v1/offers", R"({"kind":"gadget"})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.headers["content-type"], "application/problem+json");
  auto problem = nlohmann::json::parse(reply.body);
  EXPECT_GE(problem["errors"].size(), 3u) << reply.body;
}

TEST_F(EndToEnd, RejectsOversizedBody) {
  std::string body = R"({"title": ")" + std::string(2 << 20, 'a') + R"("})";
  auto reply = write("POST", "/api/v1/offers", body);
  EXPECT_EQ(reply.status, 413);
}

TEST_F(EndToEnd, RejectsWriteWithoutSessionOrCsrfToken) {
  nlohmann::json offer = {{"kind", "technology"}, {"title", "Không lưu"}, {"summary", "Không."}};
  auto anonymous = http_request(port_, "POST", "/api/v1/offers", offer.dump());
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  auto without_csrf = http_request(port_, "POST", "/api/v1/offers", offer.dump(),
                                   "application/json", {{"Cookie", write_headers_["Cookie"]}});
  EXPECT_EQ(without_csrf.status, 403) << without_csrf.body;
  auto listed = http_request(port_, "GET", "/api/v1/offers?limit=100", "", "application/json",
                             write_headers_);
  EXPECT_EQ(listed.body.find("Không lưu"), std::string::npos) << "a rejected write was stored";
}

TEST_F(EndToEnd, ExportsPrometheusMetrics) {
  auto reply = http_request(port_, "GET", "/metrics");
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("techmarket_http_requests_total{code=\"2xx\"}"), std::string::npos);
  EXPECT_NE(reply.body.find("techmarket_records{table=\"offers\"}"), std::string::npos);
}

TEST_F(EndToEnd, ZzStopsCleanlyOnSigterm) {
  // Named to run last in this suite: it stops the shared server.
  EXPECT_EQ(server_->stop(SIGTERM), 0);
  auto log = server_->log();
  EXPECT_NE(log.find("event=server_stop"), std::string::npos) << log;
  EXPECT_NE(log.find("event=request"), std::string::npos) << log;
}

}  // namespace
}  // namespace techmarket
