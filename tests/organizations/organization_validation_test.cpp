#include <gtest/gtest.h>

#include <algorithm>

#include "db/migrations.h"
#include "organizations/organization_service.h"
#include "organizations/places_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::organizations {
namespace {

nlohmann::json valid_organization() {
  return {{"external_id", "org-001"},
          {"kind", "enterprise"},
          {"name", "Công ty TNHH Nông sản Tây Ninh"},
          {"name_en", "Tay Ninh Agricultural Products Co., Ltd."},
          {"tax_code", "3901234567"},
          {"website", "https://nongsan-tayninh.vn"},
          {"email", "lienhe@nongsan-tayninh.vn"},
          {"phone", "0276 3822 123"},
          {"country_code", "VN"},
          {"address", "12 Đường 30/4, Phường Tân Ninh"},
          {"province_code", "80"},
          {"commune_code", "25459"},
          {"old_province_code", "72"},
          {"old_district_code", "703"},
          {"old_commune_code", "25459"},
          {"status", "active"}};
}

class OrganizationValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = std::make_unique<db::Connection>(dir_.path() / "test.db");
    db::migrate(*connection_);
    testing::insert_tay_ninh_places(*connection_);
  }

  std::vector<FieldError> validate(const nlohmann::json& body) {
    Organization organization;
    return validate_organization(*connection_, body, organization);
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(OrganizationValidation, AcceptsCompleteOrganization) {
  auto errors = validate(valid_organization());
  EXPECT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
}

TEST_F(OrganizationValidation, AcceptsMinimalOrganizationWithDefaults) {
  nlohmann::json minimal = {{"kind", "university"}, {"name", "Trường Đại học Tây Ninh"}};
  Organization organization;
  auto errors = validate_organization(*connection_, minimal, organization);
  ASSERT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
  EXPECT_EQ(organization.country_code, "VN");
  EXPECT_EQ(organization.status, "active");
  EXPECT_FALSE(organization.province_code.has_value());
}

TEST_F(OrganizationValidation, AcceptsBranchTaxCodeAndForeignCountry) {
  auto body = valid_organization();
  body["tax_code"] = "3901234567-001";
  body["country_code"] = "JP";
  EXPECT_TRUE(validate(body).empty());
}

TEST_F(OrganizationValidation, AcceptsOldPlaceWithoutDistrict) {
  auto body = valid_organization();
  body.erase("old_district_code");
  EXPECT_TRUE(validate(body).empty());
}

struct BadField {
  const char* field;
  nlohmann::json value;  // null removes the field
  const char* expected_error_field;
};

class OrganizationBadField : public OrganizationValidation,
                             public ::testing::WithParamInterface<BadField> {};

TEST_P(OrganizationBadField, IsReportedByName) {
  auto body = valid_organization();
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
    OrganizationFields, OrganizationBadField,
    ::testing::Values(
        BadField{"external_id", std::string(101, 'x'), "external_id"},
        BadField{"kind", "company", "kind"}, BadField{"kind", nullptr, "kind"},
        BadField{"name", nullptr, "name"}, BadField{"name", "  ", "name"},
        BadField{"name", 7, "name"}, BadField{"name", std::string(301, 'a'), "name"},
        BadField{"name", "Công ty\nTây Ninh", "name"},
        BadField{"name_en", std::string(301, 'a'), "name_en"},
        BadField{"tax_code", "390123456", "tax_code"},
        BadField{"tax_code", "39012345678", "tax_code"},
        BadField{"tax_code", "390123456a", "tax_code"},
        BadField{"tax_code", "3901234567-01", "tax_code"},
        BadField{"tax_code", "3901234567001", "tax_code"},
        BadField{"tax_code", 3901234567, "tax_code"},
        BadField{"website", "nongsan-tayninh.vn", "website"},
        BadField{"website", "ftp://nongsan-tayninh.vn", "website"},
        BadField{"website", "https://", "website"},
        BadField{"website", "https://nong san.vn", "website"}, BadField{"email", "lienhe", "email"},
        BadField{"email", "lienhe@localhost", "email"},
        BadField{"email", "@nongsan-tayninh.vn", "email"},
        BadField{"email", "lien he@nongsan-tayninh.vn", "email"},
        BadField{"email", "a@b@nongsan-tayninh.vn", "email"},
        BadField{"email", "\"><script>alert(1)</script>@nongsan-tayninh.vn", "email"},
        BadField{"email", "lienhe@nongsan<b>.vn", "email"},
        BadField{"email", "lien..he@nongsan-tayninh.vn", "email"},
        BadField{"email", "lienhe@nongsan..vn", "email"},
        BadField{"phone", "gọi giờ hành chính", "phone"}, BadField{"phone", "113", "phone"},
        BadField{"phone", "+84 276 3822 123 456 78", "phone"},
        BadField{"phone", "0276+3822123", "phone"}, BadField{"country_code", "vn", "country_code"},
        BadField{"country_code", "VNM", "country_code"},
        BadField{"country_code", "ZZ", "country_code"},
        BadField{"address", "12 Đường 30/4\nTân Ninh", "address"},
        BadField{"province_code", "72", "province_code"},
        BadField{"province_code", "99", "province_code"},
        BadField{"province_code", nullptr, "commune_code"},
        BadField{"commune_code", "25747", "commune_code"},
        BadField{"commune_code", "99999", "commune_code"},
        BadField{"old_province_code", "99", "old_province_code"},
        BadField{"old_province_code", nullptr, "old_commune_code"},
        BadField{"old_province_code", nullptr, "old_district_code"},
        BadField{"old_province_code", "80", "old_commune_code"},
        BadField{"old_province_code", "80", "old_district_code"},
        BadField{"old_district_code", "999", "old_district_code"},
        BadField{"old_district_code", "705", "old_commune_code"},
        BadField{"old_commune_code", "25486", "old_commune_code"},
        BadField{"old_commune_code", "99999", "old_commune_code"},
        BadField{"status", "deleted", "status"}, BadField{"fax", "0276 3822 124", "fax"}));

TEST_F(OrganizationValidation, ReportsEveryBadFieldAtOnce) {
  auto body = valid_organization();
  body["kind"] = "company";
  body["tax_code"] = "123";
  body.erase("name");
  EXPECT_EQ(validate(body).size(), 3u);
}

TEST_F(OrganizationValidation, StoresTextAsNfc) {
  auto body = valid_organization();
  body["name"] = "Co\xCC\x82ng ty";  // "ô" written as o + combining circumflex
  Organization organization;
  ASSERT_TRUE(validate_organization(*connection_, body, organization).empty());
  EXPECT_EQ(organization.name, "Công ty");
}

TEST(OrganizationTaxCode, AcceptsTenDigitsAndBranchSuffix) {
  for (const char* code : {"0312345678", "3901234567", "0312345678-001"}) {
    EXPECT_TRUE(is_tax_code(code)) << code;
  }
}

TEST(OrganizationTaxCode, RejectsOtherShapes) {
  for (const char* code : {"", "031234567", "03123456789", "0312345678-", "0312345678-1",
                           "0312345678 001", "0312345678-0011", "O312345678"}) {
    EXPECT_FALSE(is_tax_code(code)) << code;
  }
}

TEST(OrganizationEmail, AcceptsUsualAddresses) {
  for (const char* address : {"a@b.vn", "lien.he+mua@so-khcn.tayninh.gov.vn"}) {
    EXPECT_TRUE(is_email_address(address)) << address;
  }
}

TEST(OrganizationEmail, RejectsMalformedAddresses) {
  for (const char* address :
       {"", "a", "a@", "@b.vn", "a@b", "a@.vn", "a@b.", "a@@b.vn", "a b@c.vn", "a@b..vn"}) {
    EXPECT_FALSE(is_email_address(address)) << address;
  }
}

TEST(OrganizationCountryCode, AcceptsAssignedCodesOnly) {
  EXPECT_TRUE(is_country_code("VN"));
  EXPECT_TRUE(is_country_code("LA"));
  EXPECT_FALSE(is_country_code("vn"));
  EXPECT_FALSE(is_country_code("VNM"));
  EXPECT_FALSE(is_country_code("ZZ"));
  EXPECT_FALSE(is_country_code(""));
}

}  // namespace
}  // namespace techmarket::organizations
