// Checks every route of the router against every kind of caller. The route
// list comes from the router itself, so a route added without a row here
// fails the test until someone decides who may call it.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <regex>

#include "app/platform.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::auth {
namespace {

using testing::TestSession;

// What a caller must get: through to the handler (any status but 401 and
// 403), 401, 403, or 404 because the record is hidden from it.
enum class Expect { kAllowed, k401, k403, k404 };
constexpr Expect A = Expect::kAllowed;
constexpr Expect U = Expect::k401;
constexpr Expect F = Expect::k403;
constexpr Expect N = Expect::k404;

// The callers, in column order. Records in {id} routes belong to organization
// A and are drafts, so officer_b and member_b (of organization B) must not
// learn that they exist.
enum Caller { kVisitor, kAdmin, kStaff, kOfficerB, kMemberA, kMemberB, kTokenA, kCallerCount };
constexpr std::array<const char*, kCallerCount> kCallerNames = {
    "visitor", "admin", "staff", "officer of B", "member of A", "member of B", "API token of A"};

using Row = std::array<Expect, kCallerCount>;

// Columns: visitor, admin, staff, officer B, member A, member B, token A.
const std::map<std::string, Row> kMatrix = {
    {"GET /healthz", {A, A, A, A, A, A, A}},
    {"GET /metrics", {A, A, A, A, A, A, A}},
    {"GET /api/v1/openapi.json", {A, A, A, A, A, A, A}},

    {"GET /api/v1/offers", {A, A, A, A, A, A, A}},
    {"POST /api/v1/offers", {U, A, A, A, A, A, A}},
    {"GET /api/v1/offers/{id}", {N, A, A, N, A, N, A}},
    {"PATCH /api/v1/offers/{id}", {U, A, A, N, A, N, A}},
    {"POST /api/v1/offers/{id}/submit", {U, A, A, N, A, N, A}},
    {"POST /api/v1/offers/{id}/publish", {U, A, A, F, F, F, F}},
    {"POST /api/v1/offers/{id}/reject", {U, A, A, F, F, F, F}},
    {"POST /api/v1/offers/{id}/renew", {U, A, A, N, A, N, A}},
    {"POST /api/v1/offers/{id}/archive", {U, A, A, N, A, N, A}},

    {"GET /api/v1/needs", {A, A, A, A, A, A, A}},
    {"POST /api/v1/needs", {U, A, A, A, A, A, A}},
    {"GET /api/v1/needs/{id}", {N, A, A, N, A, N, A}},
    {"PATCH /api/v1/needs/{id}", {U, A, A, N, A, N, A}},
    {"POST /api/v1/needs/{id}/submit", {U, A, A, N, A, N, A}},
    {"POST /api/v1/needs/{id}/publish", {U, A, A, F, F, F, F}},
    {"POST /api/v1/needs/{id}/reject", {U, A, A, F, F, F, F}},
    {"POST /api/v1/needs/{id}/renew", {U, A, A, N, A, N, A}},
    {"POST /api/v1/needs/{id}/archive", {U, A, A, N, A, N, A}},

    // Deals in {id} routes have organization A as their only party. Officers
    // read every deal but act on none they are not a party of; API tokens
    // are rejected.
    {"GET /api/v1/deals", {U, A, A, A, A, A, F}},
    {"POST /api/v1/deals", {U, A, A, A, A, A, F}},
    {"GET /api/v1/deals/{id}", {U, A, A, A, A, N, F}},
    {"POST /api/v1/deals/{id}/stage", {U, A, A, F, A, N, F}},
    {"GET /api/v1/deals/{id}/messages", {U, A, A, A, A, N, F}},
    {"POST /api/v1/deals/{id}/messages", {U, A, A, F, A, N, F}},
    {"GET /api/v1/deals/{id}/documents", {U, A, A, A, A, N, F}},
    {"POST /api/v1/deals/{id}/documents", {U, A, A, F, A, N, F}},
    {"GET /api/v1/deals/{id}/documents/{document_id}", {U, A, A, A, A, N, F}},
    {"GET /api/v1/needs/{id}/matches", {N, A, A, N, A, N, A}},
    {"GET /api/v1/offers/{id}/matches", {N, A, A, N, A, N, A}},
    {"POST /api/v1/follows", {U, A, A, A, A, A, F}},
    {"GET /api/v1/follows", {U, A, A, A, A, A, F}},
    {"DELETE /api/v1/follows/{id}", {U, A, A, A, A, A, F}},
    {"GET /api/v1/inbox", {U, A, A, A, A, A, F}},
    {"POST /api/v1/inbox/{id}/read", {U, A, A, A, A, A, F}},

    {"GET /api/v1/organizations", {A, A, A, A, A, A, A}},
    {"POST /api/v1/organizations", {U, A, A, F, F, F, F}},
    {"GET /api/v1/organizations/{id}", {A, A, A, A, A, A, A}},
    {"PATCH /api/v1/organizations/{id}", {U, A, A, F, A, F, F}},
    {"POST /api/v1/organizations/{id}/archive", {U, A, A, F, F, F, F}},

    {"GET /api/v1/search", {A, A, A, A, A, A, A}},
    {"GET /api/v1/search/suggest", {A, A, A, A, A, A, A}},
    {"GET /api/v1/summary", {A, A, A, A, A, A, A}},
    {"POST /api/v1/imports/{record_type}", {U, A, A, F, F, F, F}},
    {"GET /api/v1/provinces", {A, A, A, A, A, A, A}},
    {"GET /api/v1/provinces/{code}", {A, A, A, A, A, A, A}},
    {"GET /api/v1/provinces/{code}/communes", {A, A, A, A, A, A, A}},
    {"GET /api/v1/communes/{code}", {A, A, A, A, A, A, A}},
    {"GET /api/v1/ipc", {A, A, A, A, A, A, A}},
    {"GET /api/v1/ipc/{code}", {A, A, A, A, A, A, A}},
    {"GET /api/v1/st-fields", {A, A, A, A, A, A, A}},
    {"GET /api/v1/industry-sections", {A, A, A, A, A, A, A}},
    {"GET /api/v1/trl-levels", {A, A, A, A, A, A, A}},

    {"POST /api/v1/session", {A, A, A, A, A, A, A}},
    {"GET /api/v1/session", {U, A, A, A, A, A, U}},
    {"DELETE /api/v1/session", {U, A, A, A, A, A, F}},
    {"DELETE /api/v1/sessions", {U, A, A, A, A, A, F}},
    {"POST /api/v1/password-reset", {A, A, A, A, A, A, A}},
    {"POST /api/v1/password-reset/confirm", {A, A, A, A, A, A, A}},

    {"GET /api/v1/users", {U, A, F, F, F, F, F}},
    {"POST /api/v1/users", {U, A, F, F, F, F, F}},
    {"GET /api/v1/users/{id}", {U, A, F, F, F, F, F}},
    {"PATCH /api/v1/users/{id}", {U, A, F, F, F, F, F}},
    {"GET /api/v1/api-tokens", {U, A, F, F, F, F, F}},
    {"POST /api/v1/api-tokens", {U, A, F, F, F, F, F}},
    {"DELETE /api/v1/api-tokens/{id}", {U, A, F, F, F, F, F}},
    {"GET /api/v1/audit", {U, A, F, F, F, F, F}},

    {"GET /api/v1/transaction-types", {A, A, A, A, A, A, A}},
    {"GET /api/v1/transactions", {U, A, A, A, F, F, F}},
    {"POST /api/v1/transactions", {U, A, A, F, F, F, F}},
    {"GET /api/v1/transactions/{id}", {U, A, A, A, F, F, F}},
    {"PATCH /api/v1/transactions/{id}", {U, A, A, F, F, F, F}},
    {"POST /api/v1/transactions/{id}/verify", {U, A, A, F, F, F, F}},
    {"GET /api/v1/plans", {A, A, A, A, A, A, A}},
    {"GET /api/v1/plans/{code}", {A, A, A, A, A, A, A}},
    {"PUT /api/v1/plans/{code}/targets", {U, A, F, F, F, F, F}},
    {"GET /api/v1/indicators", {A, A, A, A, A, A, A}},
    {"GET /api/v1/indicators/export.xlsx", {A, A, A, A, A, A, A}},
};

class PermissionMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    auto system = Principal::system();
    org_a_ = platform_.organizations()
                 .create(system, {{"kind", "enterprise"}, {"name", "Công ty A"}})
                 .id;
    org_b_ = platform_.organizations()
                 .create(system, {{"kind", "enterprise"}, {"name", "Công ty B"}})
                 .id;
    testing::add_user(platform_, "admin@example.vn", Role::kAdmin);
    testing::add_user(platform_, "staff@example.vn", Role::kStaff);
    testing::add_user(platform_, "officer.b@example.vn", Role::kOfficer, org_b_);
    member_a_id_ = testing::add_user(platform_, "member.a@example.vn", Role::kMember, org_a_);
    testing::add_user(platform_, "member.b@example.vn", Role::kMember, org_b_);
    token_a_ = platform_.users()
                   .create_api_token(system, {{"name", "Máy chủ của A"},
                                              {"scopes", {"catalog:read", "catalog:write"}},
                                              {"organization_id", org_a_}})
                   .token;
  }

  // Returns a request from `caller` with a fresh session, so that signing
  // out in one call does not affect the next.
  http::Request request_from(Caller caller, const std::string& method, const std::string& path,
                             const std::string& body) {
    auto request = testing::make_request(method, path, body);
    static const std::map<Caller, std::string> kEmails = {{kAdmin, "admin@example.vn"},
                                                          {kStaff, "staff@example.vn"},
                                                          {kOfficerB, "officer.b@example.vn"},
                                                          {kMemberA, "member.a@example.vn"},
                                                          {kMemberB, "member.b@example.vn"}};
    if (caller == kTokenA) {
      request.headers["authorization"] = "Bearer " + token_a_;
    } else if (caller != kVisitor) {
      testing::authenticate(request, testing::sign_in(platform_, kEmails.at(caller)));
    }
    return request;
  }

  // Replaces {id} and {code} with a record that the call may change freely:
  // a new draft offer or need of organization A, organization A itself, a
  // new API token, a new unverified transaction or the Tây Ninh plan.
  std::string fill_path(const std::string& pattern) {
    auto system = Principal::system();
    std::string id;
    std::string document_id;
    if (pattern.rfind("/api/v1/offers/", 0) == 0) {
      id = std::to_string(platform_.offers()
                              .create(system, {{"kind", "technology"},
                                               {"title", "Bản nháp của A"},
                                               {"summary", "Chưa công bố."},
                                               {"owner_organization_id", org_a_}})
                              .id);
    } else if (pattern.rfind("/api/v1/needs/", 0) == 0) {
      id = std::to_string(platform_.needs()
                              .create(system, {{"title", "Nhu cầu nháp của A"},
                                               {"problem", "Chưa công bố."},
                                               {"owner_organization_id", org_a_}})
                              .id);
    } else if (pattern.rfind("/api/v1/deals/", 0) == 0) {
      auto deal = platform_.deals().open(
          system, {{"origin", "staff"},
                   {"title", "Giao dịch của A"},
                   {"parties", {{{"role", "buyer"}, {"organization_id", org_a_}}}}});
      id = std::to_string(deal.id);
      auto document = platform_.deals().upload_document(system, deal.id, "%PDF-1.4\n%%EOF\n",
                                                        "hop-dong.pdf");
      document_id = std::to_string(document.id);
    } else if (pattern.rfind("/api/v1/organizations/", 0) == 0) {
      id = std::to_string(org_a_);
    } else if (pattern.rfind("/api/v1/users/", 0) == 0) {
      id = std::to_string(member_a_id_);
    } else if (pattern.rfind("/api/v1/transactions/", 0) == 0) {
      id = std::to_string(platform_.ledger()
                              .create(system, {{"type", "consulting"},
                                               {"title", "Hợp đồng tư vấn"},
                                               {"value_vnd", 1'000'000},
                                               {"signed_on", "2025-01-01"}})
                              .id);
    } else if (pattern.rfind("/api/v1/plans/", 0) == 0) {
      return std::regex_replace(pattern, std::regex("\\{code\\}"), "tay-ninh-5008");
    } else if (pattern.rfind("/api/v1/follows/", 0) == 0 ||
               pattern.rfind("/api/v1/inbox/", 0) == 0) {
      // Nobody owns this id, so signed-in callers get 404 from the handler.
      id = "999999";
    } else if (pattern.rfind("/api/v1/api-tokens/", 0) == 0) {
      id =
          std::to_string(platform_.users().create_api_token(system, {{"name", "Tạm thời"}}).row.id);
    }
    auto path = std::regex_replace(pattern, std::regex("\\{id\\}"), id);
    path = std::regex_replace(path, std::regex("\\{document_id\\}"), document_id);
    path = std::regex_replace(path, std::regex("\\{record_type\\}"), "organizations");
    return std::regex_replace(path, std::regex("\\{code\\}"), "80");
  }

  // A body that the handler can accept, so an allowed call does not stop at
  // input checks that some routes run before the record's permissions.
  std::string body_for(const std::string& key, Caller caller) {
    ++counter_;
    if (key == "POST /api/v1/offers") {
      return R"({"kind":"technology","title":"Mới","summary":"Tóm tắt."})";
    }
    if (key == "POST /api/v1/needs") return R"({"title":"Mới","problem":"Vấn đề."})";
    if (key == "POST /api/v1/deals") return R"({"origin":"interest"})";
    if (key == "POST /api/v1/deals/{id}/stage") return R"({"stage":"negotiation"})";
    if (key == "POST /api/v1/deals/{id}/messages") return R"({"body":"Xin chào."})";
    if (key == "POST /api/v1/organizations") return R"({"kind":"enterprise","name":"Mới"})";
    if (key == "POST /api/v1/transactions") {
      return R"({"type":"consulting","title":"Mới","value_vnd":5,"signed_on":"2025-01-01"})";
    }
    if (key == "PATCH /api/v1/transactions/{id}") return R"({"title":"Tên mới"})";
    if (key == "PUT /api/v1/plans/{code}/targets") {
      return R"({"targets":[{"indicator":"ip_share_value","year":2025,"comparison":"above",)"
             R"("value":5}]})";
    }
    if (key == "PATCH /api/v1/offers/{id}" || key == "PATCH /api/v1/needs/{id}") {
      return R"({"title":"Tiêu đề mới"})";
    }
    if (key.rfind("PATCH ", 0) == 0) return R"({"name":"Tên mới"})";
    if (key.find("/reject") != std::string::npos) return R"({"reason":"Thiếu thông tin."})";
    if (key.find("/renew") != std::string::npos) return "{}";
    if (key == "POST /api/v1/imports/{record_type}") {
      return "external_id,kind,name\ndn-" + std::to_string(counter_++) + ",enterprise,Công ty Mới\n";
    }
    if (key == "POST /api/v1/session") {
      std::string email = caller == kVisitor ? "member.a@example.vn" : "staff@example.vn";
      return nlohmann::json{{"email", email}, {"password", testing::kTestPassword}}.dump();
    }
    if (key == "POST /api/v1/password-reset") return R"({"email":"member.a@example.vn"})";
    if (key == "POST /api/v1/password-reset/confirm") {
      return R"({"token":"forged","password":"một mật khẩu mới"})";
    }
    if (key == "POST /api/v1/users") {
      return nlohmann::json{{"email", "new" + std::to_string(counter_) + "@example.vn"},
                            {"name", "Người mới"},
                            {"role", "staff"},
                            {"password", testing::kTestPassword}}
          .dump();
    }
    if (key == "POST /api/v1/api-tokens") return R"({"name":"Mới","scopes":["catalog:read"]})";
    return "";
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
  std::int64_t org_a_ = 0;
  std::int64_t org_b_ = 0;
  std::int64_t member_a_id_ = 0;
  std::string token_a_;
  int counter_ = 0;
};

TEST_F(PermissionMatrix, EveryRouteHasARule) {
  for (const auto& route : platform_.router().routes()) {
    EXPECT_TRUE(kMatrix.count(route.method + " " + route.pattern))
        << route.method << " " << route.pattern
        << " has no row in kMatrix; decide who may call it and add one";
  }
  for (const auto& [key, row] : kMatrix) {
    bool served = false;
    for (const auto& route : platform_.router().routes()) {
      served = served || route.method + " " + route.pattern == key;
    }
    EXPECT_TRUE(served) << key << " is in kMatrix but the router does not serve it";
  }
}

TEST_F(PermissionMatrix, EveryCallerGetsItsExpectedStatus) {
  int checked = 0;
  for (const auto& route : platform_.router().routes()) {
    auto key = route.method + " " + route.pattern;
    auto row = kMatrix.find(key);
    if (row == kMatrix.end()) continue;  // reported by EveryRouteHasARule
    for (int caller = 0; caller < kCallerCount; ++caller) {
      auto path = fill_path(route.pattern);
      auto request = request_from(static_cast<Caller>(caller), route.method, path,
                                  body_for(key, static_cast<Caller>(caller)));
      auto response = platform_.router().dispatch(request);
      auto context = key + " as " + kCallerNames[caller] + " (" + path + "): " + response.body;
      switch (row->second[caller]) {
        case Expect::kAllowed:
          EXPECT_NE(response.status, 401) << context;
          EXPECT_NE(response.status, 403) << context;
          EXPECT_LT(response.status, 500) << context;
          break;
        case Expect::k401:
          EXPECT_EQ(response.status, 401) << context;
          break;
        case Expect::k403:
          EXPECT_EQ(response.status, 403) << context;
          break;
        case Expect::k404:
          EXPECT_EQ(response.status, 404) << context;
          break;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, static_cast<int>(kMatrix.size()) * kCallerCount);
}

TEST_F(PermissionMatrix, HiddenRecordAnswersLikeMissingOne) {
  auto hidden = fill_path("/api/v1/offers/{id}");
  auto request = request_from(kMemberB, "GET", hidden, "");
  auto response = platform_.router().dispatch(request);
  auto missing = request_from(kMemberB, "GET", "/api/v1/offers/999999", "");
  auto missing_response = platform_.router().dispatch(missing);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(missing_response.status, 404);
  auto detail = nlohmann::json::parse(response.body)["detail"].get<std::string>();
  EXPECT_EQ(detail.find("organization"), std::string::npos) << detail;
}

}  // namespace
}  // namespace techmarket::auth
