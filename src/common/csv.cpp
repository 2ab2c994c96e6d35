#include "common/csv.h"

#include <algorithm>
#include <string>
#include <utility>

namespace techmarket {
namespace {

constexpr int kEnd = std::char_traits<char>::eof();
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool ends_field(int character) {
  return character == ',' || character == '\r' || character == '\n' || character == kEnd;
}

}  // namespace

CsvError::CsvError(std::size_t line, const std::string& message)
    : std::runtime_error(message), line_(line) {}

CsvHeader::CsvHeader(std::vector<std::string> names) : names_(std::move(names)) {}

std::optional<std::size_t> CsvHeader::find(std::string_view name) const {
  auto found = std::find(names_.begin(), names_.end(), name);
  if (found == names_.end()) return std::nullopt;
  return static_cast<std::size_t>(found - names_.begin());
}

CsvReader::CsvReader(std::istream& input) : buffer_(input.rdbuf()) {}

int CsvReader::get() {
  if (!started_) skip_byte_order_mark();
  if (pending_position_ < pending_.size()) {
    return static_cast<unsigned char>(pending_[pending_position_++]);
  }
  return buffer_->sbumpc();
}

int CsvReader::peek() {
  if (!started_) skip_byte_order_mark();
  if (pending_position_ < pending_.size()) {
    return static_cast<unsigned char>(pending_[pending_position_]);
  }
  return buffer_->sgetc();
}

// Reads up to three bytes and keeps them for get() unless they are the mark.
void CsvReader::skip_byte_order_mark() {
  started_ = true;
  while (pending_.size() < kByteOrderMark.size()) {
    int character = buffer_->sbumpc();
    if (character == kEnd) break;
    pending_.push_back(static_cast<char>(character));
    if (!kByteOrderMark.starts_with(pending_)) return;
  }
  if (pending_ == kByteOrderMark) pending_.clear();
}

// Counts the line break that `character` starts, consuming the LF of a CRLF.
void CsvReader::end_line(int character) {
  if (character == '\r' && peek() == '\n') get();
  ++line_;
}

void CsvReader::skip_rest_of_line() {
  int character = get();
  while (character != '\r' && character != '\n' && character != kEnd) character = get();
  if (character != kEnd) end_line(character);
}

// Skips to the next line and throws CsvError for the current record. The
// message names `fault_line` when the record started on an earlier line.
void CsvReader::fail(const std::string& message, std::size_t fault_line) {
  skip_rest_of_line();
  if (fault_line == record_line_) throw CsvError(record_line_, message);
  throw CsvError(record_line_, message + " (at line " + std::to_string(fault_line) + ")");
}

std::optional<CsvRow> CsvReader::next() {
  int character = peek();
  if (character == kEnd) return std::nullopt;

  CsvRow row;
  row.line = line_;
  record_line_ = line_;
  if (character == '\r' || character == '\n') {
    end_line(get());
    return row;
  }

  while (true) {
    std::string cell;
    character = get();
    if (character == '"') {
      character = read_quoted(cell);
    } else {
      while (!ends_field(character)) {
        if (character == '"') {
          fail(
              "quote inside an unquoted field; enclose the field in quotes and write each "
              "quote inside it twice",
              line_);
        }
        cell.push_back(static_cast<char>(character));
        character = get();
      }
    }
    row.cells.push_back(std::move(cell));

    if (character == ',') continue;
    if (character != kEnd) end_line(character);
    return row;
  }
}

// Reads a quoted field after its opening quote into `cell` and returns the
// character that follows the closing quote.
int CsvReader::read_quoted(std::string& cell) {
  std::size_t opening_line = line_;
  while (true) {
    int character = get();
    if (character == kEnd) {
      fail("quoted field is not closed before the end of the file; add the closing quote",
           opening_line);
    }
    if (character == '"') {
      if (peek() != '"') break;
      get();
      cell.push_back('"');
      continue;
    }
    cell.push_back(static_cast<char>(character));
    if (character == '\n' || (character == '\r' && peek() != '\n')) ++line_;
  }

  int after = get();
  if (!ends_field(after)) {
    fail("text after the closing quote of a field; write each quote inside a quoted field twice",
         line_);
  }
  return after;
}

CsvHeader CsvReader::read_header() {
  auto row = next();
  if (!row) throw CsvError(line_, "header row is missing because the input is empty");
  if (row->cells.empty()) throw CsvError(row->line, "header row is empty");
  return CsvHeader(std::move(row->cells));
}

}  // namespace techmarket
