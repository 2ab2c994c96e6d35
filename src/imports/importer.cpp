#include "imports/importer.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "common/json_input.h"
#include "imports/cell_values.h"
#include "imports/csv_records.h"
#include "imports/import_run.h"
#include "imports/nasa_portfolio.h"
#include "imports/record_types.h"
#include "text/fold.h"

namespace techmarket::imports {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

enum class Format { kCsv, kJsonLines, kNasa };

struct Line {
  std::size_t number = 0;  // 1-based
  std::string_view text;   // without the line break
};

// Splits `content` at LF, CRLF and lone CR, the breaks that CsvReader counts.
std::vector<Line> split_lines(std::string_view content) {
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] != '\n' && content[i] != '\r') continue;
    lines.push_back({lines.size() + 1, content.substr(start, i - start)});
    if (content[i] == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < content.size()) lines.push_back({lines.size() + 1, content.substr(start)});
  return lines;
}

bool is_blank(std::string_view text) { return trim_cell(text).empty(); }

bool is_blank(const CsvRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const std::string& cell) { return is_blank(cell); });
}

std::string lower_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

std::optional<std::string> read_file(const std::filesystem::path& file,
                                     std::vector<FieldError>& errors) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    errors.push_back({"file", error ? fmt::format("cannot be read: {}", error.message())
                                    : "is not a regular file"});
    return std::nullopt;
  }
  std::ifstream input(file, std::ios::binary);
  std::ostringstream content;
  if (!input || !(content << input.rdbuf())) {
    errors.push_back({"file", fmt::format("cannot be read: {}", std::strerror(errno))});
    return std::nullopt;
  }
  std::string text = std::move(content).str();
  if (text.starts_with(kByteOrderMark)) text.erase(0, kByteOrderMark.size());
  return text;
}

// Returns the first JSON object found on a line of its own, if any.
std::optional<nlohmann::json> first_object(const std::vector<Line>& lines) {
  for (const auto& line : lines) {
    if (is_blank(line.text) || !text::is_valid_utf8(line.text)) continue;
    try {
      auto record = parse_strict_json(line.text);
      if (record.is_object()) return record;
    } catch (const BadRequestError&) {
    }
  }
  return std::nullopt;
}

// Chooses the format from the content first: lines of JSON objects are JSON
// lines (NASA's portfolio when the first object has "nasa_id"), whatever the
// file is called. Otherwise .jsonl and .ndjson files are JSON lines with
// errors and .csv files are CSV.
std::optional<Format> detect_format(const std::filesystem::path& file,
                                    const std::vector<Line>& lines,
                                    std::vector<FieldError>& errors) {
  auto first_line = std::find_if(lines.begin(), lines.end(),
                                 [](const Line& line) { return !is_blank(line.text); });
  bool starts_with_object =
      first_line != lines.end() && trim_cell(first_line->text).starts_with('{');
  std::string extension = lower_extension(file);

  if (starts_with_object || extension == ".jsonl" || extension == ".ndjson") {
    auto first = first_object(lines);
    return first && is_nasa_record(*first) ? Format::kNasa : Format::kJsonLines;
  }
  if (extension == ".csv") return Format::kCsv;
  errors.push_back({"file", fmt::format("has the extension \"{}\" and does not start with a JSON "
                                        "object; import a .csv, .jsonl or .ndjson file",
                                        extension)});
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kCsv:
      return "csv";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kNasa:
      return "nasa_t2";
  }
  return "";
}

std::set<std::size_t> find_invalid_utf8(const std::vector<Line>& lines, ImportRun& run) {
  std::set<std::size_t> invalid;
  for (const auto& line : lines) {
    if (text::is_valid_utf8(line.text)) continue;
    invalid.insert(line.number);
    run.reject(line.number, "",
               "is not valid UTF-8; save the file as UTF-8 (convert text typed in TCVN3 or VNI "
               "fonts first)");
  }
  return invalid;
}

void import_json_lines(const std::vector<Line>& lines, const std::set<std::size_t>& invalid,
                       ImportRun& run) {
  for (const auto& line : lines) {
    if (is_blank(line.text)) continue;
    run.count_row();
    if (invalid.contains(line.number)) continue;
    try {
      run.add(line.number, parse_strict_json(line.text));
    } catch (const BadRequestError& e) {
      run.reject(line.number, "", e.what());
    }
  }
}

void import_nasa(const std::vector<Line>& lines, const std::set<std::size_t>& invalid,
                 db::Connection& connection, ImportRun& run) {
  std::int64_t owner_id = ensure_nasa_organization(connection);
  for (const auto& line : lines) {
    if (is_blank(line.text)) continue;
    run.count_row();
    if (invalid.contains(line.number)) continue;
    nlohmann::json record;
    try {
      record = parse_strict_json(line.text);
    } catch (const BadRequestError& e) {
      run.reject(line.number, "", e.what());
      continue;
    }
    std::vector<FieldError> errors;
    auto offer = nasa_offer_json(record, owner_id, errors);
    if (!errors.empty()) {
      run.reject(line.number, errors);
      continue;
    }
    run.add(line.number, std::move(offer));
  }
}

// Reads the header row, skipping blank lines before it. Returns its columns,
// or std::nullopt when the records cannot be read because the header is
// missing, not UTF-8 or lacks a required column.
std::optional<std::vector<CsvColumn>> read_csv_header(CsvReader& reader, const RecordType& type,
                                                      ImportRun& run) {
  std::optional<CsvRow> header;
  try {
    do {
      header = reader.next();
    } while (header && is_blank(*header));
  } catch (const CsvError& e) {
    run.reject(e.line(), "", e.what());
    return std::nullopt;
  }
  if (!header) {
    run.reject(1, "", "the file is empty; the first row must name the columns");
    return std::nullopt;
  }
  for (const auto& cell : header->cells) {
    if (!text::is_valid_utf8(cell)) return std::nullopt;  // reported with its line already
  }

  std::vector<FieldError> errors;
  auto columns = read_columns(header->cells, type.columns, type.typed_columns, errors);
  bool complete = true;
  for (auto required : type.required_columns) {
    bool present = std::any_of(columns.begin(), columns.end(), [&](const CsvColumn& column) {
      return column.known && column.name == required;
    });
    if (present) continue;
    errors.push_back(
        {std::string(required), fmt::format("column is missing; every {} needs it", type.noun)});
    complete = false;
  }
  run.reject(header->line, errors);
  if (!complete) return std::nullopt;
  return columns;
}

void import_csv(std::string_view content, const RecordType& type, ImportRun& run) {
  std::istringstream stream{std::string(content)};
  CsvReader reader(stream);
  auto columns = read_csv_header(reader, type, run);
  if (!columns) return;

  while (true) {
    std::optional<CsvRow> row;
    try {
      row = reader.next();
    } catch (const CsvError& e) {
      run.count_row();
      run.reject(e.line(), "", e.what());
      continue;
    }
    if (!row) break;
    if (is_blank(*row)) continue;
    run.count_row();

    bool valid_utf8 =
        std::all_of(row->cells.begin(), row->cells.end(),
                    [](const std::string& cell) { return text::is_valid_utf8(cell); });
    if (!valid_utf8) continue;  // reported with its line already
    if (row->cells.size() != columns->size()) {
      run.reject(row->line, "",
                 fmt::format("has {} cells but the header row has {} columns", row->cells.size(),
                             columns->size()));
      continue;
    }
    std::vector<FieldError> errors;
    auto record = csv_record_to_json(*columns, row->cells, errors);
    run.add(row->line, std::move(record), std::move(errors));
  }
}

// Returns N of an error field "line N" or "line N: name", and 0 for errors
// about the whole file.
std::size_t line_of(const FieldError& error) {
  std::string_view field = error.field;
  if (!field.starts_with("line ")) return 0;
  field.remove_prefix(5);
  return static_cast<std::size_t>(parse_whole_number(field.substr(0, field.find(':'))).value_or(0));
}

void log_import(const std::filesystem::path& file, const RecordType& type,
                const ImportReport& report, ImportMode mode, double seconds) {
  std::string_view status = !report.errors.empty()      ? "rejected"
                            : mode == ImportMode::kSave ? "imported"
                                                        : "checked";
  auto level = report.errors.empty() ? spdlog::level::info : spdlog::level::warn;
  spdlog::log(level,
              "event=import record_type={} file=\"{}\" format={} status={} rows={} created={} "
              "updated={} unchanged={} errors={} seconds={:.3f}",
              type.noun, file.string(), report.format.empty() ? "unknown" : report.format, status,
              report.rows, report.created, report.updated, report.unchanged, report.errors.size(),
              seconds);
}

ImportReport import_file(db::Connection& connection, const std::filesystem::path& file,
                         const RecordType& type, ImportMode mode) {
  auto started = std::chrono::steady_clock::now();
  ImportReport report;
  auto content = read_file(file, report.errors);
  auto lines = content ? split_lines(*content) : std::vector<Line>{};
  std::optional<Format> format;
  if (content) format = detect_format(file, lines, report.errors);
  if (format) report.format = format_name(*format);
  if (format == Format::kNasa && !type.accepts_nasa) {
    report.errors.push_back({"file", fmt::format("is NASA's technology-transfer portfolio, which "
                                                 "contains offers; import it as offers, not as {}",
                                                 type.plural)});
    format.reset();
  }

  if (format) {
    db::Transaction transaction(connection, db::Transaction::Mode::kWrite);
    ImportRun run(connection, type, report);
    auto invalid = find_invalid_utf8(lines, run);
    switch (*format) {
      case Format::kCsv:
        import_csv(*content, type, run);
        break;
      case Format::kJsonLines:
        import_json_lines(lines, invalid, run);
        break;
      case Format::kNasa:
        import_nasa(lines, invalid, connection, run);
        break;
    }
    if (report.errors.empty() && mode == ImportMode::kSave) transaction.commit();
    // A check saves nothing, so the ids it was given were rolled back.
    if (mode != ImportMode::kSave) report.changed_ids.clear();
  }

  if (!report.errors.empty()) {
    report.created = report.updated = report.unchanged = report.not_published = 0;
    report.changed_ids.clear();
    // Invalid UTF-8 is found before the records are read, so put its errors in line order.
    std::stable_sort(
        report.errors.begin(), report.errors.end(),
        [](const FieldError& a, const FieldError& b) { return line_of(a) < line_of(b); });
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  log_import(file, type, report, mode, elapsed.count());
  return report;
}

}  // namespace

ImportReport import_offers(db::Connection& connection, const std::filesystem::path& file,
                           ImportMode mode) {
  return import_file(connection, file, offer_record_type(), mode);
}

ImportReport import_needs(db::Connection& connection, const std::filesystem::path& file,
                          ImportMode mode) {
  return import_file(connection, file, need_record_type(), mode);
}

ImportReport import_organizations(db::Connection& connection, const std::filesystem::path& file,
                                  ImportMode mode) {
  return import_file(connection, file, organization_record_type(), mode);
}

}  // namespace techmarket::imports
