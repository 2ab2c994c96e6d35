#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/offer_service.h"
#include "db/migrations.h"
#include "support/temp_dir.h"

namespace techmarket::catalog {
namespace {

nlohmann::json valid_offer() {
  return {{"external_id", "vn-001"},
          {"kind", "technology"},
          {"title", "Công nghệ sấy nông sản bằng năng lượng mặt trời"},
          {"summary", "Máy sấy dùng năng lượng mặt trời cho trái cây và rau."},
          {"st_field", "4"},
          {"industry_section", "A"},
          {"ipc_codes", {"F26B", "F26B 3/28"}},
          {"trl", 7},
          {"transfer_modes", {"licence", "sale"}},
          {"price_vnd", 250000000},
          {"keywords", {"sấy", "nông sản"}},
          {"status", "published"},
          {"published_on", "2026-01-15"},
          {"expires_on", "2027-01-15"}};
}

class OfferValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = std::make_unique<db::Connection>(dir_.path() / "test.db");
    db::migrate(*connection_);
  }

  std::vector<FieldError> validate(const nlohmann::json& body) {
    Offer offer;
    return validate_offer(*connection_, body, offer);
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(OfferValidation, AcceptsCompleteOffer) {
  auto errors = validate(valid_offer());
  EXPECT_TRUE(errors.empty()) << errors.front().field << ": " << errors.front().message;
}

TEST_F(OfferValidation, AcceptsMinimalOffer) {
  nlohmann::json minimal = {{"kind", "service"}, {"title", "Tư vấn"}, {"summary", "Tư vấn"}};
  EXPECT_TRUE(validate(minimal).empty());
}

struct BadField {
  const char* field;
  nlohmann::json value;  // null removes the field
  const char* expected_error_field;
};

class OfferBadField : public OfferValidation, public ::testing::WithParamInterface<BadField> {};

TEST_P(OfferBadField, IsReportedByName) {
  auto body = valid_offer();
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
    EachField, OfferBadField,
    ::testing::Values(
        BadField{"kind", "patent", "kind"}, BadField{"kind", nullptr, "kind"},
        BadField{"title", nullptr, "title"}, BadField{"title", "   ", "title"},
        BadField{"title", 42, "title"}, BadField{"title", std::string(301, 'a'), "title"},
        BadField{"title", "dòng một\ndòng hai", "title"}, BadField{"summary", nullptr, "summary"},
        BadField{"summary", std::string(3001, 'x'), "summary"},
        BadField{"language", "fr", "language"}, BadField{"st_field", "9", "st_field"},
        BadField{"industry_section", "Z", "industry_section"},
        BadField{"industry_version", "2007", "industry_version"},
        BadField{"ipc_codes", nlohmann::json::array({"XYZ"}), "ipc_codes[0]"},
        BadField{"ipc_codes", "F26B", "ipc_codes"}, BadField{"trl", 0, "trl"},
        BadField{"trl", 10, "trl"}, BadField{"trl", "6", "trl"}, BadField{"trl", 6.5, "trl"},
        BadField{"ip_status", "pending", "ip_status"},
        BadField{"owner_organization_id", 999, "owner_organization_id"},
        BadField{"owner_organization_id", -1, "owner_organization_id"},
        BadField{"province_code", "72", "province_code"},
        BadField{"transfer_modes", nlohmann::json::array({"rent"}), "transfer_modes[0]"},
        BadField{"price_vnd", -1, "price_vnd"}, BadField{"price_vnd", 1.5, "price_vnd"},
        BadField{"price_negotiable", "yes", "price_negotiable"},
        BadField{"keywords", nlohmann::json::array({1}), "keywords[0]"},
        BadField{"status", "deleted", "status"},
        BadField{"published_on", "15/01/2026", "published_on"},
        BadField{"published_on", "2026-02-30", "published_on"},
        BadField{"expires_on", "2025-01-01", "expires_on"},
        BadField{"source_url", "javascript:alert(1)", "source_url"},
        BadField{"colour", "blue", "colour"}));

TEST_F(OfferValidation, ReportsEveryBadFieldAtOnce) {
  auto body = valid_offer();
  body["trl"] = 12;
  body["kind"] = "gadget";
  body.erase("title");
  EXPECT_EQ(validate(body).size(), 3u);
}

TEST_F(OfferValidation, StoresTextAsNfc) {
  auto body = valid_offer();
  body["title"] = "Cong nghe\xCC\x82";  // "ê" written as e + combining circumflex
  Offer offer;
  ASSERT_TRUE(validate_offer(*connection_, body, offer).empty());
  EXPECT_EQ(offer.title, "Cong nghê");
}

TEST_F(OfferValidation, NamesTheControlCharacterAndWhereItIs) {
  struct Case {
    const char* summary;
    const char* expected;
  };
  for (const auto& [summary, expected] : {
           Case{"Máy sấy\x7F", "contains the control character U+007F at character 8"},
           Case{"Sấy \xC2\x85khô", "contains the control character U+0085 at character 5"},
           Case{"a\x01", "contains the control character U+0001 at character 2"},
       }) {
    auto body = valid_offer();
    body["summary"] = summary;
    auto errors = validate(body);
    ASSERT_EQ(errors.size(), 1u) << summary;
    EXPECT_EQ(errors[0].field, "summary");
    EXPECT_TRUE(errors[0].message.starts_with(expected)) << errors[0].message;
  }
}

TEST_F(OfferValidation, AllowsLineBreaksAndTabsInMultiLineText) {
  auto body = valid_offer();
  body["summary"] = "Dòng một\n\tDòng hai";
  EXPECT_TRUE(validate(body).empty());
}

TEST(IpcSymbol, AcceptsSectionClassSubclassAndGroup) {
  for (const char* code : {"A", "A01", "A01B", "A01B 1/00", "G06F 16/3334"}) {
    EXPECT_TRUE(is_ipc_symbol(code)) << code;
  }
}

TEST(IpcSymbol, RejectsOtherText) {
  for (const char* code : {"", "Z01B", "A1B", "A01b", "A01B1/00", "A01B 1/", "ISO 9001"}) {
    EXPECT_FALSE(is_ipc_symbol(code)) << code;
  }
}

}  // namespace
}  // namespace techmarket::catalog
