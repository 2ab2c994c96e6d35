// A Platform in a temporary directory whose clock is set to 2026-12-04 10:00
// UTC, with the Tây Ninh places, a staff member signed in and helpers that
// record transactions through the service or the routes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/platform.h"
#include "auth/clock.h"
#include "http/url.h"
#include "organizations/places_fixture.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::ledger {

class LedgerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = platform_.pool().acquire();
    testing::insert_tay_ninh_places(*connection);
  }

  // Records a contract through the service and verifies it; returns its id.
  std::int64_t record_verified(nlohmann::json body) {
    auto id = platform_.ledger().create(system_, body).id;
    platform_.ledger().verify(system_, id);
    return id;
  }

  std::int64_t record_unverified(nlohmann::json body) {
    return platform_.ledger().create(system_, body).id;
  }

  // A contract body of `type`, `value` đồng, signed on `signed_on`.
  static nlohmann::json contract(const std::string& type, std::int64_t value,
                                 const std::string& signed_on, const std::string& kind = "contract") {
    return {{"kind", kind},
            {"type", type},
            {"title", "Hợp đồng " + type + " ký ngày " + signed_on},
            {"value_vnd", value},
            {"signed_on", signed_on},
            {"source", "registered_contract"}};
  }

  // Builds a request for `target`, a path with an optional query string that
  // is decoded as the server decodes it.
  static http::Request request_for(const std::string& method, const std::string& target,
                                   const std::string& body = "") {
    auto question = target.find('?');
    auto request = testing::make_request(method, target.substr(0, question), body);
    if (question != std::string::npos) {
      auto query = http::parse_query_string(target.substr(question + 1));
      EXPECT_TRUE(query.has_value()) << target;
      if (query) request.query = *query;
    }
    return request;
  }

  // Sends a request as the signed-in staff member and returns the response.
  http::Response call(const std::string& method, const std::string& path,
                      const std::string& body = "") {
    auto request = request_for(method, path, body);
    testing::authenticate(request, staff_);
    return platform_.router().dispatch(request);
  }

  nlohmann::json call_json(const std::string& method, const std::string& path,
                           const std::string& body = "") {
    auto response = call(method, path, body);
    EXPECT_LT(response.status, 300) << method << " " << path << ": " << response.body;
    return nlohmann::json::parse(response.body);
  }

  std::shared_ptr<auth::ManualClock> clock_ = std::make_shared<auth::ManualClock>(
      *auth::parse_time("2026-12-04T10:00:00Z"));
  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options(clock_)};
  auth::Principal system_ = auth::Principal::system();
  testing::TestSession staff_ =
      testing::signed_in_user(platform_, "staff@example.vn", auth::Role::kStaff);
};

}  // namespace techmarket::ledger
