// An RFC 4180 CSV reader for the import commands: comma-separated fields,
// optional double quotes, doubled quotes inside quoted fields, and records
// that end with CRLF, LF or a lone CR.
//
//   std::ifstream file(path, std::ios::binary);
//   CsvReader reader(file);
//   CsvHeader header = reader.read_header();
//   auto title = header.find("title");
//   while (auto row = reader.next()) use(row->line, row->cells.at(*title));
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket {

// One record: its cells, unquoted, and the 1-based line on which it starts.
// A quoted cell may contain line breaks, so a record can span several lines.
struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// Malformed CSV text, such as a quoted field that is never closed.
class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& message);
  // The 1-based line on which the malformed record starts.
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

// Column names of a header row and their 0-based positions.
class CsvHeader {
 public:
  explicit CsvHeader(std::vector<std::string> names);

  // Returns the position of the first column named `name` (exact match), if any.
  std::optional<std::size_t> find(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
};

// Reads records one at a time from a stream, which must outlive the reader
// and should be opened in binary mode so that CRLF reaches the parser.
// A UTF-8 byte order mark at the start of the input is skipped. Cells are
// returned byte for byte, and the caller checks their encoding.
class CsvReader {
 public:
  explicit CsvReader(std::istream& input);

  // Reads the next record, or returns std::nullopt at the end of the input.
  // An empty line gives a row with no cells. Throws CsvError for a quoted
  // field without its closing quote, for text between a closing quote and
  // the next separator, and for a quote inside an unquoted field. After the
  // last two errors the reader resumes at the next line, so a caller can
  // report several malformed records in one pass.
  std::optional<CsvRow> next();

  // Reads the next record as a header. Throws CsvError when the input has
  // no record left.
  CsvHeader read_header();

 private:
  int get();
  int peek();
  void skip_byte_order_mark();
  void end_line(int character);
  void skip_rest_of_line();
  int read_quoted(std::string& cell);
  [[noreturn]] void fail(const std::string& message, std::size_t fault_line);

  std::streambuf* buffer_;
  std::string pending_;  // bytes read while looking for the byte order mark
  std::size_t pending_position_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
  bool started_ = false;
};

}  // namespace techmarket
