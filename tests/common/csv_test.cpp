#include "common/csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace techmarket {
namespace {

std::vector<CsvRow> read_all(const std::string& input) {
  std::istringstream stream(input);
  CsvReader reader(stream);
  std::vector<CsvRow> rows;
  while (auto row = reader.next()) rows.push_back(std::move(*row));
  return rows;
}

struct ParseCase {
  std::string name;
  std::string input;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> lines;
};

class CsvParsing : public ::testing::TestWithParam<ParseCase> {};

TEST_P(CsvParsing, YieldsCellsAndStartLines) {
  const auto& expected = GetParam();
  auto rows = read_all(expected.input);

  ASSERT_EQ(rows.size(), expected.cells.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    EXPECT_EQ(rows[i].cells, expected.cells[i]);
    EXPECT_EQ(rows[i].line, expected.lines[i]);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Csv, CsvParsing,
    ::testing::Values(
        ParseCase{"plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}},
        ParseCase{"no_final_line_break", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}, {1, 2}},
        ParseCase{"crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}, {1, 2}},
        ParseCase{"lone_cr", "a\r1\r", {{"a"}, {"1"}}, {1, 2}},
        ParseCase{"quoted_comma", "\"x,y\",z\n", {{"x,y", "z"}}, {1}},
        ParseCase{"doubled_quotes", "\"say \"\"hi\"\"\",b\n", {{"say \"hi\"", "b"}}, {1}},
        ParseCase{"only_doubled_quotes", "\"\"\"\"\n", {{"\""}}, {1}},
        ParseCase{"embedded_lf",
                  "\"line1\nline2\",b\nnext,row\n",
                  {{"line1\nline2", "b"}, {"next", "row"}},
                  {1, 3}},
        ParseCase{
            "embedded_crlf", "\"a\r\nb\",c\r\nd,e\r\n", {{"a\r\nb", "c"}, {"d", "e"}}, {1, 3}},
        ParseCase{"byte_order_mark",
                  "\xEF\xBB\xBF"
                  "code,name\n01,x\n",
                  {{"code", "name"}, {"01", "x"}},
                  {1, 2}},
        ParseCase{"byte_order_mark_only", "\xEF\xBB\xBF", {}, {}},
        ParseCase{"partial_byte_order_mark", "\xEF\xBBx\n", {{"\xEF\xBBx"}}, {1}},
        ParseCase{"empty_fields", ",,\na,,c\n", {{"", "", ""}, {"a", "", "c"}}, {1, 2}},
        ParseCase{"quoted_empty_field", "\"\",x\n", {{"", "x"}}, {1}},
        ParseCase{"trailing_separator", "a,\n", {{"a", ""}}, {1}},
        ParseCase{"blank_line", "a\n\nb\n", {{"a"}, {}, {"b"}}, {1, 2, 3}},
        ParseCase{"empty_input", "", {}, {}},
        ParseCase{"spaces_kept", " a , b \n", {{" a ", " b "}}, {1}},
        ParseCase{"utf8_kept", "T\xC3\xA2y Ninh,80\n", {{"T\xC3\xA2y Ninh", "80"}}, {1}}),
    [](const ::testing::TestParamInfo<ParseCase>& info) { return info.param.name; });

struct ErrorCase {
  std::string name;
  std::string input;
  std::size_t line;
};

class CsvMalformed : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CsvMalformed, ThrowsWithLineOfError) {
  const auto& expected = GetParam();
  try {
    read_all(expected.input);
    FAIL() << "expected CsvError";
  } catch (const CsvError& error) {
    EXPECT_EQ(error.line(), expected.line) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Csv, CsvMalformed,
    ::testing::Values(ErrorCase{"unterminated_quote", "a,b\n\"open,c\nmore\n", 2},
                      ErrorCase{"unterminated_after_multiline_cell", "\"a\nb\",c\n\"open\n", 3},
                      ErrorCase{"text_after_closing_quote", "a\n\"x\"y,z\n", 2},
                      ErrorCase{"quote_inside_unquoted_field", "a\nab\"c\n", 2},
                      ErrorCase{"text_after_multiline_cell", "x\n\"a\nb\"c\n", 2}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(CsvReader, ResumesAtNextLineAfterError) {
  std::istringstream stream("ok\n\"x\"y\nafter\n");
  CsvReader reader(stream);

  auto first = reader.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->cells, std::vector<std::string>{"ok"});
  EXPECT_THROW(reader.next(), CsvError);
  auto third = reader.next();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->cells, std::vector<std::string>{"after"});
  EXPECT_EQ(third->line, 3u);
  EXPECT_FALSE(reader.next());
}

TEST(CsvReader, NamesFaultLineOfMultilineRecord) {
  try {
    read_all("\"one\ntwo\nthree\"x\n");
    FAIL() << "expected CsvError";
  } catch (const CsvError& error) {
    EXPECT_EQ(error.line(), 1u);
    EXPECT_NE(std::string(error.what()).find("(at line 3)"), std::string::npos) << error.what();
  }
}

TEST(CsvHeader, FindsColumnPositions) {
  std::istringstream stream(
      "\xEF\xBB\xBF"
      "code,name,province_code\r\n");
  CsvReader reader(stream);
  auto header = reader.read_header();

  EXPECT_EQ(header.size(), 3u);
  EXPECT_EQ(header.find("code"), 0u);
  EXPECT_EQ(header.find("province_code"), 2u);
  EXPECT_FALSE(header.find("district_code"));
  EXPECT_FALSE(header.find("Code"));
}

TEST(CsvHeader, MissingHeaderIsError) {
  std::istringstream empty("");
  CsvReader empty_reader(empty);
  EXPECT_THROW(empty_reader.read_header(), CsvError);

  std::istringstream blank("\nnot,header\n");
  CsvReader blank_reader(blank);
  EXPECT_THROW(blank_reader.read_header(), CsvError);
}

// The IPC file quotes titles that contain commas and parentheses.
TEST(CsvReader, ReadsRealIpcFile) {
  std::ifstream file(std::string(TECHMARKET_SHARED_DATA) + "/classifications/ipc_titles_en.csv",
                     std::ios::binary);
  ASSERT_TRUE(file);
  CsvReader reader(file);
  auto header = reader.read_header();
  ASSERT_EQ(header.names(), (std::vector<std::string>{"level", "code", "title"}));

  std::size_t rows = 0;
  std::string b06b_title;
  while (auto row = reader.next()) {
    ++rows;
    ASSERT_EQ(row->cells.size(), 3u) << "line " << row->line;
    if (row->cells[1] == "B06B") b06b_title = row->cells[2];
  }
  EXPECT_EQ(rows, 791u);
  EXPECT_TRUE(b06b_title.starts_with("GENERATING OR TRANSMITTING MECHANICAL VIBRATIONS"));
  EXPECT_NE(b06b_title.find("B07B 1/40, B22C 19/06"), std::string::npos);
}

}  // namespace
}  // namespace techmarket
