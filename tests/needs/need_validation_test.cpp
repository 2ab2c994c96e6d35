#include <gtest/gtest.h>

#include <algorithm>

#include "db/migrations.h"
#include "needs/need_service.h"
#include "organizations/places_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::needs {
namespace {

constexpr std::int64_t kOwnerId = 7;

nlohmann::json valid_need() {
  return {{"external_id", "need-001"},
          {"title", "Tự động hóa dây chuyền đóng gói tinh bột mì"},
          {"problem", "Dây chuyền đóng gói thủ công chậm.\nTỉ lệ bao lỗi cao."},
          {"desired_result", "Dây chuyền đóng gói 20 tấn mỗi giờ."},
          {"language", "vi"},
          {"st_field", "2"},
          {"industry_section", "C"},
          {"industry_version", "2025"},
          {"budget_min_vnd", 2'000'000'000},
          {"budget_max_vnd", 5'000'000'000},
          {"deadline", "2026-06-30"},
          {"province_code", "80"},
          {"commune_code", "25459"},
          {"owner_organization_id", kOwnerId},
          {"keywords", {"đóng gói", "tinh bột mì"}},
          {"status", "published"}};
}

class NeedValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = std::make_unique<db::Connection>(dir_.path() / "test.db");
    db::migrate(*connection_);
    testing::insert_tay_ninh_places(*connection_);
    connection_->execute(
        "INSERT INTO organizations (id, kind, name, created_at, updated_at) VALUES "
        "(7, 'enterprise', 'Công ty Tinh bột mì Tây Ninh', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')");
  }

  std::vector<FieldError> validate(const nlohmann::json& body) {
    Need need;
    return validate_need(*connection_, body, need);
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(NeedValidation, AcceptsCompleteNeed) {
  auto errors = validate(valid_need());
  EXPECT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
}

TEST_F(NeedValidation, AcceptsMinimalNeedWithDefaults) {
  nlohmann::json minimal = {{"title", "Xử lý nước thải"}, {"problem", "Nước thải vượt chuẩn."}};
  Need need;
  auto errors = validate_need(*connection_, minimal, need);
  ASSERT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
  EXPECT_EQ(need.language, "vi");
  EXPECT_EQ(need.status, "draft");
  EXPECT_FALSE(need.industry_version.has_value());
  EXPECT_TRUE(need.keywords.empty());
}

TEST_F(NeedValidation, DefaultsIndustryVersionTo2025) {
  auto body = valid_need();
  body.erase("industry_version");
  Need need;
  ASSERT_TRUE(validate_need(*connection_, body, need).empty());
  EXPECT_EQ(need.industry_version, "2025");
}

TEST_F(NeedValidation, ChecksSectionAgainstItsVsicVersion) {
  auto body = valid_need();
  body["industry_section"] = "V";
  EXPECT_TRUE(validate(body).empty()) << "V exists in VSIC 2025";
  body["industry_version"] = "2018";
  auto errors = validate(body);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "industry_section");
}

TEST_F(NeedValidation, AcceptsEqualBudgetBounds) {
  auto body = valid_need();
  body["budget_min_vnd"] = 0;
  body["budget_max_vnd"] = 0;
  EXPECT_TRUE(validate(body).empty());
  body["budget_min_vnd"] = 1'000'000'000'000'000;
  body["budget_max_vnd"] = 1'000'000'000'000'000;
  EXPECT_TRUE(validate(body).empty());
}

TEST_F(NeedValidation, RejectsBudgetMinAboveMax) {
  auto body = valid_need();
  body["budget_min_vnd"] = 5'000'000'001;
  auto errors = validate(body);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "budget_max_vnd");
}

TEST_F(NeedValidation, KeepsMultiLineProblem) {
  Need need;
  ASSERT_TRUE(validate_need(*connection_, valid_need(), need).empty());
  EXPECT_EQ(need.problem, "Dây chuyền đóng gói thủ công chậm.\nTỉ lệ bao lỗi cao.");
}

struct BadField {
  const char* field;
  nlohmann::json value;  // null removes the field
  const char* expected_error_field;
};

class NeedBadField : public NeedValidation, public ::testing::WithParamInterface<BadField> {};

TEST_P(NeedBadField, IsReportedByName) {
  auto body = valid_need();
  const auto& bad = GetParam();
  if (bad.value.is_null()) {
    body.erase(bad.field);
  } else {
    body[bad.field] = bad.value;
  }
  auto errors = validate(body);
  ASSERT_FALSE(errors.empty()) << bad.field << " = " << bad.value.dump();
  bool named = std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) {
    return error.field == bad.expected_error_field;
  });
  EXPECT_TRUE(named) << "first error: " << errors.front().field << ": " << errors.front().message;
}

INSTANTIATE_TEST_SUITE_P(
    NeedFields, NeedBadField,
    ::testing::Values(
        BadField{"external_id", std::string(101, 'x'), "external_id"},
        BadField{"title", nullptr, "title"}, BadField{"title", " ", "title"},
        BadField{"title", 3, "title"}, BadField{"title", std::string(301, 'a'), "title"},
        BadField{"title", "dòng một\ndòng hai", "title"}, BadField{"problem", nullptr, "problem"},
        BadField{"problem", "", "problem"}, BadField{"problem", std::string(5001, 'x'), "problem"},
        BadField{"problem", "chứa ký tự \x01 điều khiển", "problem"},
        BadField{"desired_result", std::string(5001, 'x'), "desired_result"},
        BadField{"desired_result", nlohmann::json::array(), "desired_result"},
        BadField{"language", "fr", "language"}, BadField{"st_field", "9", "st_field"},
        BadField{"st_field", "2.99", "st_field"},
        BadField{"industry_section", "Z", "industry_section"},
        BadField{"industry_section", "CC", "industry_section"},
        BadField{"industry_version", "2007", "industry_version"},
        BadField{"budget_min_vnd", -1, "budget_min_vnd"},
        BadField{"budget_min_vnd", 1.5, "budget_min_vnd"},
        BadField{"budget_min_vnd", "2000000000", "budget_min_vnd"},
        BadField{"budget_max_vnd", 1'000'000'000'000'001, "budget_max_vnd"},
        BadField{"budget_max_vnd", 1'000'000'000, "budget_max_vnd"},
        BadField{"deadline", "30/06/2026", "deadline"},
        BadField{"deadline", "2026-02-29", "deadline"},
        BadField{"province_code", "72", "province_code"},
        BadField{"province_code", "799", "province_code"},
        BadField{"province_code", nullptr, "commune_code"},
        BadField{"commune_code", "25747", "commune_code"},
        BadField{"commune_code", "2545", "commune_code"},
        BadField{"owner_organization_id", 999, "owner_organization_id"},
        BadField{"owner_organization_id", 0, "owner_organization_id"},
        BadField{"owner_organization_id", "7", "owner_organization_id"},
        BadField{"keywords", "đóng gói", "keywords"},
        BadField{"keywords", nlohmann::json::array({1}), "keywords[0]"},
        BadField{"keywords", std::vector<std::string>(31, "x"), "keywords"},
        BadField{"status", "open", "status"}, BadField{"budget_vnd", 1000, "budget_vnd"},
        BadField{"trl_min", 0, "trl_min"}, BadField{"trl_min", 10, "trl_min"},
        BadField{"trl_min", 7.5, "trl_min"}, BadField{"trl_min", "7", "trl_min"},
        BadField{"ipc_codes", "A23B", "ipc_codes"},
        BadField{"ipc_codes", nlohmann::json::array({"a23b"}), "ipc_codes[0]"},
        BadField{"ipc_codes", nlohmann::json::array({"A23B", "A23B7/02"}), "ipc_codes[1]"},
        BadField{"ipc_codes", nlohmann::json::array({5}), "ipc_codes[0]"},
        BadField{"ipc_codes", std::vector<std::string>(21, "A23B"), "ipc_codes"}));

TEST_F(NeedValidation, ReadsTrlMinAndIpcCodes) {
  auto body = valid_need();
  body["trl_min"] = 6;
  body["ipc_codes"] = {"A23B", "A01B 1/00"};
  Need need;
  auto errors = validate_need(*connection_, body, need);
  ASSERT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
  EXPECT_EQ(need.trl_min, 6);
  EXPECT_EQ(need.ipc_codes, (std::vector<std::string>{"A23B", "A01B 1/00"}));
}

TEST_F(NeedValidation, LeavesTrlMinAndIpcCodesEmpty) {
  Need need;
  ASSERT_TRUE(validate_need(*connection_, valid_need(), need).empty());
  EXPECT_FALSE(need.trl_min.has_value());
  EXPECT_TRUE(need.ipc_codes.empty());

  auto body = valid_need();
  body["trl_min"] = nullptr;
  ASSERT_TRUE(validate_need(*connection_, body, need).empty());
  EXPECT_FALSE(need.trl_min.has_value());
}

TEST_F(NeedValidation, TrlMinErrorStatesTheRange) {
  auto body = valid_need();
  body["trl_min"] = 10;
  auto errors = validate(body);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "trl_min");
  EXPECT_NE(errors[0].message.find("between 1 and 9"), std::string::npos) << errors[0].message;
}

TEST_F(NeedValidation, IpcErrorQuotesCodeAndExample) {
  auto body = valid_need();
  body["ipc_codes"] = {"A23B", "nông sản"};
  auto errors = validate(body);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "ipc_codes[1]");
  EXPECT_NE(errors[0].message.find("\"nông sản\""), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("\"H01M\""), std::string::npos) << errors[0].message;
}

TEST_F(NeedValidation, RejectsIpcSubclassMissingFromTable) {
  connection_->execute(
      "INSERT INTO ipc_codes (code, level, title_en) VALUES "
      "('A23B', 'subclass', 'Preserving foods')");
  auto body = valid_need();
  body["ipc_codes"] = {"A23B 7/02", "A99Z"};
  auto errors = validate(body);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "ipc_codes[1]");
  EXPECT_NE(errors[0].message.find("A99Z"), std::string::npos) << errors[0].message;
}

TEST_F(NeedValidation, ReportsEveryBadFieldAtOnce) {
  auto body = valid_need();
  body["status"] = "open";
  body["deadline"] = "tomorrow";
  body.erase("problem");
  EXPECT_EQ(validate(body).size(), 3u);
}

}  // namespace
}  // namespace techmarket::needs
