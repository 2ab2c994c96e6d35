#include "reference/importer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/errors.h"
#include "db/migrations.h"
#include "support/temp_dir.h"

namespace techmarket::reference {
namespace {

namespace fs = std::filesystem;

const fs::path kSharedData = TECHMARKET_SHARED_DATA;

// The files import_reference reads, relative to the data folder.
const std::vector<std::string> kReferenceFiles = {
    "admin_units/after_reform_provinces.csv",  "admin_units/after_reform_wards.csv",
    "admin_units/before_reform_provinces.csv", "admin_units/before_reform_districts.csv",
    "admin_units/before_reform_wards.csv",     "admin_units/mapping_new_to_old_dvhcvn20250701.csv",
    "classifications/ipc_titles_en.csv",       "classifications/oecd_fos_frascati_en.json",
};

std::string read_file(const fs::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream output(path, std::ios::binary | std::ios::trunc);
  output << text;
}

// Replaces physical line `line` (1-based, without its CRLF) of the file at `path`.
void replace_line(const fs::path& path, std::size_t line, const std::string& replacement) {
  auto text = read_file(path);
  std::size_t start = 0;
  for (std::size_t i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  auto end = text.find("\r\n", start);
  text.replace(start, end - start, replacement);
  write_file(path, text);
}

// Replaces cell `column` (0-based) of line `line` in a file without quoted cells.
void replace_cell(const fs::path& path, std::size_t line, std::size_t column,
                  const std::string& value) {
  auto text = read_file(path);
  std::size_t start = 0;
  for (std::size_t i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  for (std::size_t i = 0; i < column; ++i) start = text.find(',', start) + 1;
  auto end = text.find_first_of(",\r", start);
  text.replace(start, end - start, value);
  write_file(path, text);
}

class ReferenceImport : public ::testing::Test {
 protected:
  ReferenceImport() : connection_(temp_.path() / "techmarket.sqlite3") { db::migrate(connection_); }

  // Copies the reference files into a folder of the test, for corrupting.
  fs::path copy_data() {
    auto copy = temp_.path() / "data";
    for (const auto& file : kReferenceFiles) {
      fs::create_directories((copy / file).parent_path());
      fs::copy_file(kSharedData / file, copy / file);
    }
    return copy;
  }

  std::int64_t count(const std::string& sql) {
    auto query = connection_.prepare(sql);
    EXPECT_TRUE(query.step()) << sql;
    return query.column_int64(0);
  }

  std::string text(const std::string& sql) {
    auto query = connection_.prepare(sql);
    EXPECT_TRUE(query.step()) << sql;
    return query.column_text(0);
  }

  // Returns the problems of an import of `data_dir` that must fail.
  std::vector<FieldError> rejected_problems(const fs::path& data_dir) {
    try {
      import_reference(connection_, data_dir);
    } catch (const ValidationError& error) {
      return error.errors();
    }
    ADD_FAILURE() << "import of " << data_dir << " was expected to fail";
    return {};
  }

  // Returns the row count of every table the import writes, in a fixed order.
  std::vector<std::int64_t> table_counts() {
    return {count("SELECT COUNT(*) FROM admin_provinces"),
            count("SELECT COUNT(*) FROM admin_districts"),
            count("SELECT COUNT(*) FROM admin_communes"),
            count("SELECT COUNT(*) FROM admin_commune_links"),
            count("SELECT COUNT(*) FROM ipc_codes"),
            count("SELECT COUNT(*) FROM st_fields")};
  }

  testing::TempDir temp_;
  db::Connection connection_;
};

TEST_F(ReferenceImport, LoadsProvincesAndCommunesOfBothEditions) {
  auto summary = import_reference(connection_, kSharedData);

  EXPECT_EQ(summary.provinces_2025, 34u);
  EXPECT_EQ(summary.communes_2025, 3321u);
  EXPECT_EQ(summary.provinces_2021, 63u);
  EXPECT_EQ(summary.districts_2021, 696u);
  EXPECT_EQ(summary.communes_2021, 10035u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_provinces WHERE edition = '2025'"), 34);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_provinces WHERE edition = '2021'"), 63);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_districts"), 696);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2025'"), 3321);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2021'"), 10035);
}

TEST_F(ReferenceImport, LoadsNinetySixCommunesOfTayNinh) {
  import_reference(connection_, kSharedData);

  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2025' "
                  "AND province_code = '80'"),
            96);
  EXPECT_EQ(text("SELECT name FROM admin_provinces WHERE edition = '2025' AND code = '80'"),
            "Tây Ninh");
  EXPECT_EQ(text("SELECT name FROM admin_provinces WHERE edition = '2021' AND code = '80'"),
            "Long An");
}

TEST_F(ReferenceImport, DerivesProvinceOfFormerCommunesFromDistrict) {
  import_reference(connection_, kSharedData);

  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2021' "
                  "AND province_code = '72'"),
            94);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2021' "
                  "AND province_code = '80'"),
            186);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes c JOIN admin_districts d "
                  "ON d.code = c.district_code WHERE c.edition = '2021' "
                  "AND d.province_code <> c.province_code"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes WHERE edition = '2025' "
                  "AND district_code IS NOT NULL"),
            0);
}

TEST_F(ReferenceImport, LoadsEveryCommuneLink) {
  auto summary = import_reference(connection_, kSharedData);

  EXPECT_EQ(summary.commune_links, 10604u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_commune_links"), 10604);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_commune_links l JOIN admin_communes c "
                  "ON c.edition = '2025' AND c.code = l.new_commune_code "
                  "WHERE c.province_code = '80'"),
            302);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_commune_links WHERE merge_type = 'partial'") +
                count("SELECT COUNT(*) FROM admin_commune_links WHERE merge_type = 'full'"),
            10604);
}

TEST_F(ReferenceImport, LoadsIpcSectionsClassesAndSubclasses) {
  auto summary = import_reference(connection_, kSharedData);

  EXPECT_EQ(summary.ipc_sections, 8u);
  EXPECT_EQ(summary.ipc_classes, 132u);
  EXPECT_EQ(summary.ipc_subclasses, 651u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ipc_codes WHERE level = 'subclass'"), 651);
  EXPECT_EQ(text("SELECT title_en FROM ipc_codes WHERE code = 'A'"), "HUMAN NECESSITIES");
  EXPECT_EQ(text("SELECT title_en FROM ipc_codes WHERE code = 'B81B'"),
            "MICROSTRUCTURAL DEVICES OR SYSTEMS, e.g. MICROMECHANICAL DEVICES (piezo-electric, "
            "electrostrictive or magnetostrictive elements per se H10N 30/00, H10N 35/00) [7]");
}

TEST_F(ReferenceImport, AddsOecdSubFieldsUnderTopFields) {
  auto summary = import_reference(connection_, kSharedData);

  EXPECT_EQ(summary.st_subfields, 42u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM st_fields WHERE scheme = 'oecd_fos'"), 42);
  EXPECT_EQ(count("SELECT COUNT(*) FROM st_fields WHERE scheme = 'top'"), 6);
  EXPECT_EQ(text("SELECT parent_code FROM st_fields WHERE code = '2.5'"), "2");
  EXPECT_EQ(text("SELECT name_en FROM st_fields WHERE code = '2.5'"), "Materials engineering");
  EXPECT_EQ(count("SELECT COUNT(*) FROM st_fields WHERE scheme = 'oecd_fos' "
                  "AND name_vi IS NOT NULL"),
            0);
}

TEST_F(ReferenceImport, KeepsSeededClassifications) {
  auto sections_before = count("SELECT COUNT(*) FROM industry_sections");
  auto top_names_before = text("SELECT group_concat(name_vi, '|') FROM st_fields");

  import_reference(connection_, kSharedData);

  EXPECT_EQ(count("SELECT COUNT(*) FROM industry_sections"), sections_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM trl_levels"), 9);
  EXPECT_EQ(text("SELECT group_concat(name_vi, '|') FROM st_fields WHERE scheme = 'top'"),
            top_names_before);
}

TEST_F(ReferenceImport, ImportingTwiceGivesSameRows) {
  import_reference(connection_, kSharedData);
  auto counts = table_counts();
  auto fingerprint = text(
      "SELECT group_concat(code || province_code || full_name, ';') FROM admin_communes "
      "WHERE edition = '2025' AND province_code = '80'");

  auto summary = import_reference(connection_, kSharedData);

  EXPECT_EQ(table_counts(), counts);
  EXPECT_EQ(summary.communes_2025, 3321u);
  EXPECT_EQ(text("SELECT group_concat(code || province_code || full_name, ';') "
                 "FROM admin_communes WHERE edition = '2025' AND province_code = '80'"),
            fingerprint);
}

TEST_F(ReferenceImport, StoresNamesInNfc) {
  auto data = copy_data();
  // "Tây Ninh" with the circumflex as a combining mark (NFD).
  replace_line(data / "admin_units/after_reform_provinces.csv", 2,
               "01,Ta\xCC\x82y Ninh,Tay Ninh,Ti\xCC\x89nh Ta\xCC\x82y Ninh,Tay Ninh Province,"
               "tay_ninh,1");

  import_reference(connection_, data);

  EXPECT_EQ(text("SELECT name FROM admin_provinces WHERE edition = '2025' AND code = '01'"),
            "T\xC3\xA2y Ninh");
  EXPECT_EQ(text("SELECT full_name FROM admin_provinces WHERE edition = '2025' AND code = '01'"),
            "T\xE1\xBB\x89nh T\xC3\xA2y Ninh");
}

TEST_F(ReferenceImport, RejectsBrokenRowAndKeepsTables) {
  import_reference(connection_, kSharedData);
  auto counts = table_counts();
  auto data = copy_data();
  replace_line(data / "admin_units/after_reform_wards.csv", 5, "00013,Broken,row");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "admin_units/after_reform_wards.csv:5");
  EXPECT_EQ(problems[0].message, "expected 8 fields as in the header, found 3");
  EXPECT_EQ(table_counts(), counts);
}

TEST_F(ReferenceImport, FailedFirstImportLeavesTablesEmpty) {
  auto data = copy_data();
  replace_line(data / "classifications/ipc_titles_en.csv", 3, "class,A01,\"unclosed title");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "classifications/ipc_titles_en.csv:3");
  EXPECT_EQ(problems[0].message,
            "text after the closing quote of a field; write each quote inside a quoted field "
            "twice (at line 4)");
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_provinces"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM admin_communes"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM st_fields"), 6);
}

TEST_F(ReferenceImport, ListsProblemsOfSeveralFiles) {
  auto data = copy_data();
  replace_cell(data / "admin_units/before_reform_districts.csv", 4, 6, "99");
  replace_cell(data / "admin_units/mapping_new_to_old_dvhcvn20250701.csv", 10, 6, "merged");
  replace_cell(data / "classifications/ipc_titles_en.csv", 2, 1, "Z");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "admin_units/before_reform_districts.csv:4");
  EXPECT_EQ(problems[0].message,
            "province_code 99 is not in admin_units/before_reform_provinces.csv");
  EXPECT_EQ(problems[1].field, "admin_units/mapping_new_to_old_dvhcvn20250701.csv:10");
  EXPECT_EQ(problems[1].message, "merge_type \"merged\" is not full or partial");
  EXPECT_EQ(problems[2].field, "classifications/ipc_titles_en.csv:2");
  EXPECT_EQ(problems[2].message, "code \"Z\" is not an IPC section symbol");
}

TEST_F(ReferenceImport, RejectsCommuneOfUnknownDistrict) {
  auto data = copy_data();
  replace_cell(data / "admin_units/before_reform_wards.csv", 2, 6, "999");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "admin_units/before_reform_wards.csv:2");
  EXPECT_EQ(problems[0].message,
            "district_code 999 is not in admin_units/before_reform_districts.csv");
}

TEST_F(ReferenceImport, RejectsRepeatedAndMalformedCodes) {
  auto data = copy_data();
  replace_cell(data / "admin_units/after_reform_provinces.csv", 3, 0, "01");
  replace_cell(data / "admin_units/after_reform_provinces.csv", 4, 0, "8A");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0],
            (FieldError{"admin_units/after_reform_provinces.csv:3", "code 01 repeats"}));
  EXPECT_EQ(problems[1], (FieldError{"admin_units/after_reform_provinces.csv:4",
                                     "code \"8A\" is not a code of 2 digits"}));
}

TEST_F(ReferenceImport, RejectsMissingFileAndColumn) {
  auto data = copy_data();
  fs::remove(data / "classifications/oecd_fos_frascati_en.json");
  replace_cell(data / "admin_units/before_reform_provinces.csv", 1, 4, "english_name");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], (FieldError{"admin_units/before_reform_provinces.csv:1",
                                     "column \"full_name_en\" is missing"}));
  EXPECT_EQ(problems[1], (FieldError{"classifications/oecd_fos_frascati_en.json",
                                     "file is missing or cannot be read"}));
}

TEST_F(ReferenceImport, RejectsInvalidJsonOfFields) {
  auto data = copy_data();
  write_file(data / "classifications/oecd_fos_frascati_en.json",
             R"({"items": [{"value": {"identifier": "7", "name": "Space"}},)"
             R"( {"value": {"identifier": "2", "name": "Engineering"},)"
             R"(   "items": [{"value": {"identifier": "3.1", "name": "Basic medicine"}}]}]})");

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "classifications/oecd_fos_frascati_en.json");
  EXPECT_EQ(problems[0].message, "items[0]: identifier \"7\" is not a top-level S&T field");
  EXPECT_EQ(problems[1].message, "items[1].items[0]: identifier \"3.1\" is not of the form 2.N");

  write_file(data / "classifications/oecd_fos_frascati_en.json", "{\"items\": [");
  problems = rejected_problems(data);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(problems[0].message.starts_with("invalid JSON")) << problems[0].message;
}

TEST_F(ReferenceImport, ListsAtMostOneHundredProblems) {
  auto data = copy_data();
  auto wards_file = data / "admin_units/after_reform_wards.csv";
  auto wards = read_file(wards_file);
  wards.resize(wards.find('\n') + 1);
  for (int i = 0; i < 150; ++i) wards += "00004,too few fields\r\n";
  write_file(wards_file, wards);

  auto problems = rejected_problems(data);

  ASSERT_EQ(problems.size(), 101u);
  EXPECT_EQ(problems.front().field, "admin_units/after_reform_wards.csv:2");
  EXPECT_EQ(problems[99].field, "admin_units/after_reform_wards.csv:101");
  EXPECT_EQ(problems.back().message,
            "50 more problems are not listed; fix the ones above and run the import again");
}

}  // namespace
}  // namespace techmarket::reference
