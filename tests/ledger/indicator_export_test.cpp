// The XLSX export, read back with libzip: the sheets, the Vietnamese text,
// the figures as numbers and their "#,##0" format.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "ledger_fixture.h"

namespace techmarket::ledger {
namespace {

// Returns every member of the zip archive in `bytes` by name; fails the test
// when the archive cannot be opened.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> members;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    ADD_FAILURE() << "zip_source_buffer_create: " << zip_error_strerror(&error);
    return members;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    ADD_FAILURE() << "zip_open_from_source: " << zip_error_strerror(&error);
    zip_source_free(source);
    return members;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive, i, 0, &stat) != 0) continue;
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    if (file == nullptr) continue;
    auto read = zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
    EXPECT_EQ(read, static_cast<zip_int64_t>(stat.size)) << stat.name;
    members[stat.name] = content;
  }
  zip_close(archive);
  return members;
}

class IndicatorExport : public LedgerFixture {};

TEST_F(IndicatorExport, WorkbookHoldsFiguresAndLedger) {
  record_verified(contract("patent_licence", 1'250'000'000, "2025-03-01"));
  record_verified(contract("technology_licence", 3'750'000'000, "2025-04-01"));
  record_verified(contract("consulting", 800'000'000, "2024-04-01"));
  record_unverified(contract("consulting", 555'555'555, "2025-05-01"));

  auto response = call("GET", "/api/v1/indicators/export.xlsx?from=2024&to=2026");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_GE(response.body.size(), 4u);
  EXPECT_EQ(response.body.substr(0, 4), std::string("PK\x03\x04", 4));

  auto members = unzip(response.body);
  ASSERT_TRUE(members.count("xl/workbook.xml"));
  const auto& workbook = members["xl/workbook.xml"];
  EXPECT_NE(workbook.find("Chỉ tiêu theo năm"), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("Giao dịch đã xác minh"), std::string::npos) << workbook;

  const auto& strings = members["xl/sharedStrings.xml"];
  EXPECT_NE(strings.find("Tổng giá trị giao dịch"), std::string::npos);
  EXPECT_NE(strings.find("Kế hoạch 5008/KH-UBND"), std::string::npos);
  EXPECT_NE(strings.find("thiếu số liệu"), std::string::npos);  // 2026 has no contracts
  EXPECT_EQ(strings.find("555555555"), std::string::npos);

  // 2025 total 5,000,000,000 and the 2024 total, written as numbers.
  const auto& indicators = members["xl/worksheets/sheet1.xml"];
  EXPECT_NE(indicators.find("<v>5000000000</v>"), std::string::npos);
  EXPECT_NE(indicators.find("<v>800000000</v>"), std::string::npos);
  // Growth 2025: (5,000,000,000 − 800,000,000) / 800,000,000 × 100 = 525%.
  EXPECT_NE(indicators.find("<v>525</v>"), std::string::npos);

  const auto& ledger = members["xl/worksheets/sheet2.xml"];
  EXPECT_NE(ledger.find("<v>1250000000</v>"), std::string::npos);
  EXPECT_NE(ledger.find("<v>3750000000</v>"), std::string::npos);
  EXPECT_EQ(ledger.find("<v>555555555</v>"), std::string::npos);  // unverified

  EXPECT_NE(members["xl/styles.xml"].find("formatCode=\"#,##0\""), std::string::npos);
}

TEST_F(IndicatorExport, ContractsSheetNamesTypesPartiesAndDates) {
  auto seller = platform_.organizations()
                    .create(auth::Principal::system(),
                            {{"kind", "research_institute"}, {"name", "Viện Cơ điện nông nghiệp"}})
                    .id;
  auto body = contract("patent_licence", 1'250'000'000, "2025-03-01");
  body["seller_organization_id"] = seller;
  record_verified(body);

  auto response = call("GET", "/api/v1/indicators/export.xlsx?from=2024&to=2026");
  ASSERT_EQ(response.status, 200) << response.body;
  auto members = unzip(response.body);
  const auto& strings = members["xl/sharedStrings.xml"];
  EXPECT_NE(strings.find("Chuyển quyền sử dụng sáng chế"), std::string::npos) << strings;
  EXPECT_NE(strings.find("Viện Cơ điện nông nghiệp"), std::string::npos) << strings;
  EXPECT_EQ(strings.find("<t>2025-03-01</t>"), std::string::npos) << "the date is a date cell";
  EXPECT_NE(members["xl/styles.xml"].find("formatCode=\"dd/mm/yyyy\""), std::string::npos);
  // 1 March 2025 is day 45717 of Excel's calendar.
  EXPECT_NE(members["xl/worksheets/sheet2.xml"].find("<v>45717</v>"), std::string::npos);
}

TEST_F(IndicatorExport, VisitorGetsFiguresWithoutContracts) {
  record_verified(contract("patent_licence", 1'250'000'000, "2025-03-01"));

  auto request = request_for("GET", "/api/v1/indicators/export.xlsx?from=2024&to=2026");
  auto response = platform_.router().dispatch(request);
  ASSERT_EQ(response.status, 200) << response.body;

  auto members = unzip(response.body);
  const auto& workbook = members["xl/workbook.xml"];
  EXPECT_NE(workbook.find("Chỉ tiêu theo năm"), std::string::npos) << workbook;
  EXPECT_EQ(workbook.find("Giao dịch đã xác minh"), std::string::npos) << workbook;
  EXPECT_FALSE(members.count("xl/worksheets/sheet2.xml"));
  EXPECT_NE(members["xl/worksheets/sheet1.xml"].find("<v>1250000000</v>"), std::string::npos);
}

TEST_F(IndicatorExport, FormulaLikeTitleIsQuoted) {
  auto risky = contract("consulting", 10'000'000, "2025-06-01");
  risky["title"] = "=HYPERLINK(\"http://example.com\",\"Xem\")";
  record_verified(risky);

  auto response = call("GET", "/api/v1/indicators/export.xlsx?from=2025&to=2025");
  ASSERT_EQ(response.status, 200) << response.body;
  auto members = unzip(response.body);
  const auto& strings = members["xl/sharedStrings.xml"];
  EXPECT_NE(strings.find("<t>'=HYPERLINK("), std::string::npos) << strings;
  EXPECT_EQ(strings.find("<t>=HYPERLINK("), std::string::npos) << strings;
}

}  // namespace
}  // namespace techmarket::ledger
