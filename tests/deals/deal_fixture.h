// A Platform in a temporary directory with a seller, a buyer, an
// intermediary and an outside organization, their signed-in users, staff and
// an officer, one published offer of the seller and one published need of
// the buyer. Calls go through the router like a client's.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "app/platform.h"
#include "auth/audit_log.h"
#include "organizations/places_fixture.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::deals {

// A contract that the ledger accepts when a deal reaches contract_signed.
inline const nlohmann::json kSignedContract = {
    {"type", "technology_licence"}, {"value_vnd", 250'000'000}, {"signed_on", "2026-03-15"}};

class DealFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto connection = platform_.pool().acquire();
      testing::insert_tay_ninh_places(*connection);
    }
    auto system = auth::Principal::system();
    auto& organizations = platform_.organizations();
    seller_org_ = organizations
                      .create(system, {{"kind", "research_institute"},
                                       {"name", "Viện Công nghệ Sinh học Tây Ninh"},
                                       {"province_code", "80"}})
                      .id;
    buyer_org_ = organizations
                     .create(system, {{"kind", "enterprise"},
                                      {"name", "Công ty TNHH Mía đường Hòa Bình"},
                                      {"province_code", "79"}})
                     .id;
    broker_org_ = organizations
                      .create(system, {{"kind", "intermediary"},
                                       {"name", "Trung tâm Chuyển giao Công nghệ Tây Ninh"}})
                      .id;
    outside_org_ = organizations
                       .create(system, {{"kind", "enterprise"}, {"name", "Công ty Ngoài cuộc"}})
                       .id;

    seller_ = testing::signed_in_user(platform_, "ban@vien.vn", auth::Role::kMember, seller_org_);
    testing::add_user(platform_, "ban2@vien.vn", auth::Role::kMember, seller_org_);
    buyer_ = testing::signed_in_user(platform_, "mua@hoabinh.vn", auth::Role::kMember, buyer_org_);
    broker_ =
        testing::signed_in_user(platform_, "moigioi@ttcg.vn", auth::Role::kMember, broker_org_);
    outsider_ =
        testing::signed_in_user(platform_, "khac@ngoai.vn", auth::Role::kMember, outside_org_);
    officer_ =
        testing::signed_in_user(platform_, "canbo@so.gov.vn", auth::Role::kOfficer, outside_org_);
    staff_ = testing::signed_in_user(platform_, "nhanvien@skhcn.gov.vn", auth::Role::kStaff);

    offer_id_ = platform_.offers()
                    .create(system, {{"kind", "technology"},
                                     {"title", "Quy trình nhân giống mía sạch bệnh"},
                                     {"summary", "Nuôi cấy mô cho giống mía."},
                                     {"owner_organization_id", seller_org_},
                                     {"status", "published"}})
                    .id;
    need_id_ = platform_.needs()
                   .create(system, {{"title", "Cần giống mía năng suất cao"},
                                    {"problem", "Năng suất mía thấp."},
                                    {"owner_organization_id", buyer_org_},
                                    {"status", "published"}})
                   .id;
  }

  http::Response call(const testing::TestSession& session, const std::string& method,
                      const std::string& path, const std::string& body = "",
                      std::map<std::string, std::string> headers = {}) {
    auto request = testing::make_request(method, path, body);
    for (auto& [name, value] : headers) request.headers[name] = value;
    testing::authenticate(request, session);
    return platform_.router().dispatch(request);
  }

  http::Response call(const testing::TestSession& session, const std::string& method,
                      const std::string& path, const nlohmann::json& body) {
    return call(session, method, path, body.dump());
  }

  static nlohmann::json parse(const http::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  // Opens a deal as the buyer's expression of interest in the offer.
  std::int64_t open_interest() {
    auto response =
        call(buyer_, "POST", "/api/v1/deals", {{"origin", "interest"}, {"offer_id", offer_id_}});
    EXPECT_EQ(response.status, 201) << response.body;
    return parse(response)["id"].get<std::int64_t>();
  }

  static std::string deal_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/deals/" + std::to_string(id) + rest;
  }

  http::Response move(std::int64_t id, const nlohmann::json& body,
                      const testing::TestSession* session = nullptr) {
    return call(session ? *session : buyer_, "POST", deal_path(id, "/stage"), body);
  }

  std::string stage_of(std::int64_t id) {
    return parse(call(staff_, "GET", deal_path(id)))["stage"].get<std::string>();
  }

  // Returns the recipients of queued emails, in order.
  std::vector<std::string> email_recipients() {
    auto connection = platform_.pool().acquire();
    auto query = connection->prepare("SELECT recipient FROM email_outbox ORDER BY id");
    std::vector<std::string> recipients;
    while (query.step()) recipients.push_back(query.column_text(0));
    return recipients;
  }

  std::vector<auth::AuditEntry> deal_audit(std::int64_t id) {
    auto connection = platform_.pool().acquire();
    auth::AuditFilter filter;
    filter.record_type = "deal";
    filter.record_id = id;
    filter.limit = 100;
    return auth::list_audit(*connection, filter);
  }

  techmarket::testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  std::int64_t seller_org_ = 0;
  std::int64_t buyer_org_ = 0;
  std::int64_t broker_org_ = 0;
  std::int64_t outside_org_ = 0;
  testing::TestSession seller_;
  testing::TestSession buyer_;
  testing::TestSession broker_;
  testing::TestSession outsider_;
  testing::TestSession officer_;
  testing::TestSession staff_;
  std::int64_t offer_id_ = 0;
  std::int64_t need_id_ = 0;
};

}  // namespace techmarket::deals
