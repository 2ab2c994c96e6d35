#include "imports/importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "catalog/offer_store.h"
#include "db/migrations.h"
#include "needs/need_store.h"
#include "organizations/lookup.h"
#include "support/temp_dir.h"

namespace techmarket::imports {
namespace {

const std::filesystem::path kNasaFile = std::filesystem::path(TECHMARKET_SHARED_DATA) /
                                        "tech_offers" / "nasa_t2_portfolio_2025-05-10.jsonl";
constexpr std::size_t kNasaRecords = 3954;

std::string describe(const std::vector<FieldError>& errors) {
  std::string text;
  for (const auto& error : errors) text += "\n  " + error.field + ": " + error.message;
  return text;
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = std::make_unique<db::Connection>(dir_.path() / "test.db");
    db::migrate(*connection_);
  }

  std::filesystem::path write(const std::string& name, const std::string& content) {
    auto path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::int64_t count(const std::string& table) {
    auto query = connection_->prepare("SELECT count(*) FROM " + table);
    query.step();
    return query.column_int64(0);
  }

  catalog::Offer offer(const std::string& external_id) {
    auto id = catalog::find_offer_id(*connection_, external_id);
    EXPECT_TRUE(id.has_value()) << "no offer " << external_id;
    return id ? catalog::find_offer(*connection_, *id).value() : catalog::Offer{};
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(ImportTest, NasaFileImportsEveryRecord) {
  auto report = import_offers(*connection_, kNasaFile);

  EXPECT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(report.format, "nasa_t2");
  EXPECT_EQ(report.rows, kNasaRecords);
  EXPECT_EQ(report.created, kNasaRecords);
  EXPECT_EQ(count("offers"), static_cast<std::int64_t>(kNasaRecords));
  EXPECT_EQ(count("organizations"), 1);
}

TEST_F(ImportTest, NasaFileTwiceCreatesNoDuplicates) {
  ASSERT_TRUE(import_offers(*connection_, kNasaFile).errors.empty());
  auto second = import_offers(*connection_, kNasaFile);

  EXPECT_TRUE(second.errors.empty()) << describe(second.errors);
  EXPECT_EQ(second.created, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, kNasaRecords);
  EXPECT_EQ(count("offers"), static_cast<std::int64_t>(kNasaRecords));
  EXPECT_EQ(count("organizations"), 1);
}

TEST_F(ImportTest, NasaRecordsMapToOffers) {
  auto path = write(
      "portfolio.jsonl",
      R"({"type": "patent", "nasa_id": "p1", "case_number": "GSC-TOPS-35", "title": "SpaceCube", )"
      R"("description": "SpaceCube is an FPGA processor. It was built at Goddard.", )"
      R"("category": "sensors", "field6": "", "field7": "", "field8": "", "center": "GSFC", )"
      R"("image_url": ""})"
      "\n"
      R"({"type": "software", "nasa_id": "s1", "case_number": "GSC-1", "title": "Tool", )"
      R"("description": "A tool.", "category": "operations", "field6": "Open Source"})"
      "\n"
      R"({"type": "spinoff", "nasa_id": "o1", "case_number": "ARC-SO-1", "title": "Ice", )"
      R"("description": "", "category": ""})"
      "\n");
  auto report = import_offers(*connection_, path);
  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  auto nasa_id = organizations::find_organization_id(*connection_, "nasa");
  ASSERT_TRUE(nasa_id.has_value());

  auto patent = offer("nasa:p1");
  EXPECT_EQ(patent.kind, "ip_asset");
  EXPECT_EQ(patent.language, "en");
  EXPECT_EQ(patent.title_en, "SpaceCube");
  EXPECT_EQ(patent.summary, "SpaceCube is an FPGA processor. It was built at Goddard.");
  EXPECT_EQ(patent.ip_number, "GSC-TOPS-35");
  EXPECT_FALSE(patent.ip_status.has_value());
  EXPECT_EQ(patent.transfer_modes, std::vector<std::string>{"licence"});
  EXPECT_TRUE(patent.price_negotiable);
  EXPECT_EQ(patent.keywords, std::vector<std::string>{"sensors"});
  EXPECT_EQ(patent.owner_organization_id, nasa_id);
  EXPECT_EQ(patent.status, "published");

  auto software = offer("nasa:s1");
  EXPECT_EQ(software.kind, "technology");
  EXPECT_EQ(software.keywords, (std::vector<std::string>{"operations", "open source"}));
  EXPECT_FALSE(software.ip_number.has_value());

  auto spinoff = offer("nasa:o1");
  EXPECT_EQ(spinoff.kind, "technology");
  EXPECT_EQ(spinoff.summary, "Ice");
  EXPECT_FALSE(spinoff.description.has_value());
  EXPECT_TRUE(spinoff.transfer_modes.empty());
  EXPECT_TRUE(spinoff.keywords.empty());
}

TEST_F(ImportTest, NasaLongTitleIsCutNotRejected) {
  std::string title;
  for (int i = 0; i < 80; ++i) title += "word ";
  auto path = write("long.jsonl", R"({"type": "software", "nasa_id": "x", "title": ")" + title +
                                      R"(", "description": "Text."})"
                                      "\n");
  auto report = import_offers(*connection_, path);

  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  auto stored = offer("nasa:x");
  auto code_points = std::count_if(stored.title.begin(), stored.title.end(),
                                   [](char c) { return (c & 0xC0) != 0x80; });
  EXPECT_LE(code_points, 300);
  EXPECT_TRUE(stored.title.ends_with("word…")) << stored.title;
}

TEST_F(ImportTest, JsonLinesBadLinesRejectWholeFile) {
  auto path =
      write("offers.jsonl",
            R"({"external_id": "j-1", "kind": "technology", "title": "Máy sấy", "summary": "Sấy"})"
            "\n"
            R"({"external_id": "j-2", "kind": "gadget", "title": "Máy ép", "summary": "Ép"})"
            "\n"
            R"({"external_id": "j-3", "kind": "service", "title": "Tư vấn", "summary": "Tư vấn"})"
            "\n"
            R"({"external_id": "j-4", "kind": "equipment", "summary": "Không có tên"})"
            "\n"
            R"({"external_id": "j-5", "kind": "technology", "title": "Lọc nước", "summary": "Lọc"})"
            "\n");
  auto report = import_offers(*connection_, path);

  EXPECT_EQ(report.format, "jsonl");
  EXPECT_EQ(report.rows, 5u);
  EXPECT_EQ(report.created, 0u);
  ASSERT_EQ(report.errors.size(), 2u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 2: kind");
  EXPECT_EQ(report.errors[1], (FieldError{"line 4: title", "is required"}));
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportTest, JsonLinesSkipBlankLinesAndUpdate) {
  auto path =
      write("offers.ndjson",
            "\r\n"
            R"({"external_id": "j-1", "kind": "technology", "title": "Máy sấy", "summary": "Sấy"})"
            "\r\n   \r\n"
            R"({"external_id": "j-2", "kind": "service", "title": "Tư vấn", "summary": "Tư vấn"})");
  auto first = import_offers(*connection_, path);
  ASSERT_TRUE(first.errors.empty()) << describe(first.errors);
  EXPECT_EQ(first.rows, 2u);
  EXPECT_EQ(first.created, 2u);

  write("offers.ndjson",
        R"({"external_id": "j-1", "kind": "technology", "title": "Máy sấy mới", "summary": "Sấy"})"
        "\n"
        R"({"external_id": "j-2", "kind": "service", "title": "Tư vấn", "summary": "Tư vấn"})");
  auto second = import_offers(*connection_, path);
  ASSERT_TRUE(second.errors.empty()) << describe(second.errors);
  EXPECT_EQ(second.updated, 1u);
  EXPECT_EQ(second.unchanged, 1u);
  EXPECT_EQ(offer("j-1").title, "Máy sấy mới");
}

TEST_F(ImportTest, JsonLinesRequireExternalId) {
  auto path =
      write("offers.jsonl", R"({"kind": "technology", "title": "Máy sấy", "summary": "Sấy"})"
                            "\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 1: external_id");
}

TEST_F(ImportTest, RepeatedExternalIdNamesFirstLine) {
  auto path = write("offers.jsonl",
                    R"({"external_id": "a", "kind": "service", "title": "A", "summary": "A"})"
                    "\n"
                    R"({"external_id": "a", "kind": "service", "title": "B", "summary": "B"})"
                    "\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 2: external_id");
  EXPECT_NE(report.errors[0].message.find("line 1"), std::string::npos);
}

TEST_F(ImportTest, MalformedJsonLineReportedWithOthers) {
  auto path = write("offers.jsonl",
                    "{\"external_id\": \"a\", \"kind\": \n"
                    R"({"external_id": "b", "kind": "service", "title": "B", "summary": "B", )"
                    R"("colour": "red"})"
                    "\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 2u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 1");
  EXPECT_EQ(report.errors[1].field, "line 2: colour");
}

TEST_F(ImportTest, CsvSpreadsheetExportImports) {
  auto path = write(
      "offers.csv",
      "\xEF\xBB\xBF"
      "external_id,kind,title,summary,price_vnd,price_negotiable,published_on,keywords,trl\r\n"
      "c-1,technology,Máy sấy nông sản,\"Dòng một\r\nDòng hai, có dấu phẩy\",1.234.567,có,"
      "05/03/2024,sấy; nông sản,6\r\n"
      "\r\n"
      "c-2,service,Tư vấn,Tư vấn chuyển giao,4300 VND,không,2024-12-31,,\r\n");
  auto report = import_offers(*connection_, path);

  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(report.format, "csv");
  EXPECT_EQ(report.rows, 2u);
  EXPECT_EQ(report.created, 2u);

  auto first = offer("c-1");
  EXPECT_EQ(first.title, "Máy sấy nông sản");
  EXPECT_EQ(first.summary, "Dòng một\nDòng hai, có dấu phẩy");
  EXPECT_EQ(first.price_vnd, 1234567);
  EXPECT_TRUE(first.price_negotiable);
  EXPECT_EQ(first.published_on, "2024-03-05");
  EXPECT_EQ(first.keywords, (std::vector<std::string>{"sấy", "nông sản"}));
  EXPECT_EQ(first.trl, 6);

  auto second = offer("c-2");
  EXPECT_EQ(second.price_vnd, 4300);
  EXPECT_FALSE(second.price_negotiable);
  EXPECT_EQ(second.published_on, "2024-12-31");
}

TEST_F(ImportTest, CsvRejectsImpossibleDate) {
  auto path = write("offers.csv",
                    "external_id,kind,title,summary,published_on\n"
                    "c-1,technology,Máy sấy,Sấy,01/02/2024\n"
                    "c-2,technology,Máy ép,Ép,31/02/2024\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 3: published_on");
  EXPECT_NE(report.errors[0].message.find("31/02/2024"), std::string::npos);
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportTest, CsvLinesCountMultiLineCells) {
  auto path = write("offers.csv",
                    "external_id,kind,title,summary,price_vnd\n"
                    "c-1,technology,Máy sấy,\"Một\nHai\nBa\",100\n"
                    "c-2,technology,Máy ép,Ép,\"9,5\"\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 5: price_vnd");
}

TEST_F(ImportTest, CsvUnknownColumnIsNamed) {
  auto path = write("offers.csv",
                    "external_id,kind,title,summary,colour\n"
                    "c-1,technology,Máy sấy,Sấy,đỏ\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 1: colour");
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportTest, CsvMissingColumnReportedOnce) {
  auto path = write("offers.csv",
                    "external_id,kind,summary\n"
                    "c-1,technology,Sấy\n"
                    "c-2,technology,Ép\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 1: title");
}

TEST_F(ImportTest, CsvWrongCellCountIsRejected) {
  auto path = write("offers.csv",
                    "external_id,kind,title,summary\n"
                    "c-1,technology,Máy sấy,Sấy,thừa\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 2");
}

TEST_F(ImportTest, CsvRejectsInvalidUtf8) {
  auto path = write("offers.csv",
                    "external_id,kind,title,summary\n"
                    "c-1,technology,Máy sấy,Sấy\n"
                    "c-2,technology,C\xE9ng h\xDF"
                    "a,Ép\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 3");
  EXPECT_NE(report.errors[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportTest, ErrorsAreInLineOrder) {
  auto path = write("offers.jsonl",
                    R"({"external_id": "a", "kind": "gadget", "title": "A", "summary": "A"})"
                    "\n"
                    "{\"external_id\": \"b\", \"title\": \"\xC3\x28\"}\n"
                    R"({"external_id": "c", "kind": "service", "summary": "C"})"
                    "\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 3u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 1: kind");
  EXPECT_EQ(report.errors[1].field, "line 2");
  EXPECT_EQ(report.errors[2].field, "line 3: title");
}

TEST_F(ImportTest, JsonLinesRejectInvalidUtf8) {
  auto path = write("offers.jsonl",
                    R"({"external_id": "a", "kind": "service", "title": "A", "summary": "A"})"
                    "\n\n"
                    "{\"external_id\": \"b\", \"kind\": \"service\", \"title\": \"\xC3\x28\", "
                    "\"summary\": \"B\"}\n");
  auto report = import_offers(*connection_, path);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 3");
  EXPECT_EQ(count("offers"), 0);
}

TEST_F(ImportTest, RejectedImportLeavesDatabaseUnchanged) {
  auto good = write("good.csv",
                    "external_id,kind,title,summary\n"
                    "c-1,technology,Máy sấy,Sấy\n");
  ASSERT_TRUE(import_offers(*connection_, good).errors.empty());
  auto offers_before = count("offers");
  auto outbox_before = count("search_outbox");

  auto bad = write("bad.csv",
                   "external_id,kind,title,summary,trl\n"
                   "c-1,technology,Máy sấy đổi tên,Sấy,\n"
                   "c-2,technology,Máy ép,Ép,\n"
                   "c-3,technology,Máy lọc,Lọc,12\n");
  auto report = import_offers(*connection_, bad);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 4: trl");
  EXPECT_EQ(report.created + report.updated + report.unchanged, 0u);
  EXPECT_EQ(count("offers"), offers_before);
  EXPECT_EQ(count("search_outbox"), outbox_before);
  EXPECT_EQ(offer("c-1").title, "Máy sấy");
}

TEST_F(ImportTest, OwnerIsFoundByExternalId) {
  auto organizations = write("organizations.csv",
                             "external_id,kind,name,country_code\n"
                             "org-1,research_institute,Viện Công nghệ,VN\n");
  auto organization_report = import_organizations(*connection_, organizations);
  ASSERT_TRUE(organization_report.errors.empty()) << describe(organization_report.errors);
  EXPECT_EQ(organization_report.created, 1u);

  auto offers = write("offers.csv",
                      "external_id,kind,title,summary,owner_external_id\n"
                      "c-1,technology,Máy sấy,Sấy,org-1\n"
                      "c-2,technology,Máy ép,Ép,org-404\n");
  auto report = import_offers(*connection_, offers);
  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 3: owner_external_id");

  offers = write("offers.csv",
                 "external_id,kind,title,summary,owner_external_id\n"
                 "c-1,technology,Máy sấy,Sấy,org-1\n");
  report = import_offers(*connection_, offers);
  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(offer("c-1").owner_organization_id,
            organizations::find_organization_id(*connection_, "org-1"));
}

TEST_F(ImportTest, NeedsImportFromCsv) {
  auto path = write("needs.csv",
                    "external_id,title,problem,budget_min_vnd,budget_max_vnd,deadline\n"
                    "n-1,Xử lý nước thải,Nước thải chăn nuôi,50.000.000 ₫,200.000.000 đồng,"
                    "ngày 15 tháng 06 năm 2026\n");
  auto report = import_needs(*connection_, path);

  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(report.created, 1u);
  auto id = needs::find_need_id(*connection_, "n-1");
  ASSERT_TRUE(id.has_value());
  auto need = needs::find_need(*connection_, *id);
  ASSERT_TRUE(need.has_value());
  EXPECT_EQ(need->budget_min_vnd, 50'000'000);
  EXPECT_EQ(need->budget_max_vnd, 200'000'000);
  EXPECT_EQ(need->deadline, "2026-06-15");
}

TEST_F(ImportTest, NeedsImportTrlMinAndIpcCodes) {
  auto path = write("needs.csv",
                    "external_id,title,problem,trl_min,ipc_codes\n"
                    "n-1,Bảo quản trái cây,Xoài chín nhanh sau thu hoạch,6,A23B; A23L 3/00\n"
                    "n-2,Xử lý nước thải,Nước thải chăn nuôi,,\n");
  auto report = import_needs(*connection_, path);

  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(report.created, 2u);
  auto first = needs::find_need(*connection_, needs::find_need_id(*connection_, "n-1").value());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->trl_min, 6);
  EXPECT_EQ(first->ipc_codes, (std::vector<std::string>{"A23B", "A23L 3/00"}));
  auto second = needs::find_need(*connection_, needs::find_need_id(*connection_, "n-2").value());
  ASSERT_TRUE(second.has_value());
  EXPECT_FALSE(second->trl_min.has_value());
  EXPECT_TRUE(second->ipc_codes.empty());
}

TEST_F(ImportTest, NeedsRejectBadTrlMinAndIpcCode) {
  auto path = write("needs.csv",
                    "external_id,title,problem,trl_min,ipc_codes\n"
                    "n-1,Bảo quản trái cây,Xoài chín nhanh,bảy,A23B\n"
                    "n-2,Xử lý nước thải,Nước thải chăn nuôi,12,A23B\n"
                    "n-3,Sấy cà phê,Cà phê ẩm mốc,5,a23b\n");
  auto report = import_needs(*connection_, path);

  ASSERT_EQ(report.errors.size(), 3u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "line 2: trl_min");
  EXPECT_EQ(report.errors[1].field, "line 3: trl_min");
  EXPECT_EQ(report.errors[2].field, "line 4: ipc_codes[0]");
  EXPECT_EQ(count("needs"), 0);
}

TEST_F(ImportTest, NasaFileIsNotImportedAsNeeds) {
  auto report = import_needs(*connection_, kNasaFile);

  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "file");
  EXPECT_EQ(count("needs"), 0);
}

TEST_F(ImportTest, FormatFollowsContent) {
  auto json_text =
      write("offers.txt", R"({"external_id": "a", "kind": "service", "title": "A", "summary": "A"})"
                          "\n");
  auto report = import_offers(*connection_, json_text);
  ASSERT_TRUE(report.errors.empty()) << describe(report.errors);
  EXPECT_EQ(report.format, "jsonl");

  auto csv_text = write("offers.txt", "external_id,kind,title,summary\n");
  report = import_offers(*connection_, csv_text);
  ASSERT_EQ(report.errors.size(), 1u) << describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "file");
}

TEST_F(ImportTest, MissingFileIsReported) {
  auto report = import_offers(*connection_, dir_.path() / "absent.csv");

  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].field, "file");
}

}  // namespace
}  // namespace techmarket::imports
