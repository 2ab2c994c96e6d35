#include "reference/importer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/csv.h"
#include "common/errors.h"
#include "reference/lookup.h"
#include "reference/store.h"
#include "text/fold.h"

namespace techmarket::reference {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kProvinces2025File = "admin_units/after_reform_provinces.csv";
constexpr std::string_view kCommunes2025File = "admin_units/after_reform_wards.csv";
constexpr std::string_view kProvinces2021File = "admin_units/before_reform_provinces.csv";
constexpr std::string_view kDistricts2021File = "admin_units/before_reform_districts.csv";
constexpr std::string_view kCommunes2021File = "admin_units/before_reform_wards.csv";
constexpr std::string_view kLinksFile = "admin_units/mapping_new_to_old_dvhcvn20250701.csv";
constexpr std::string_view kIpcFile = "classifications/ipc_titles_en.csv";
constexpr std::string_view kOecdFile = "classifications/oecd_fos_frascati_en.json";

// Problems past this number are counted but not listed, so that a wrong file
// of 10,000 rows gives a readable error.
constexpr std::size_t kMaxListedProblems = 100;

// Problems found in all files, each as {"<file>:<line>", reason}.
class Problems {
 public:
  void add(std::string field, std::string message) {
    if (errors_.size() < kMaxListedProblems) {
      errors_.push_back({std::move(field), std::move(message)});
    }
    ++count_;
  }
  void add(std::string_view file, std::size_t line, std::string message) {
    add(fmt::format("{}:{}", file, line), std::move(message));
  }
  std::size_t count() const { return count_; }

  ValidationError to_error() const {
    auto errors = errors_;
    if (count_ > errors.size()) {
      errors.push_back({"(more)", fmt::format("{} more problems are not listed; fix the ones above "
                                              "and run the import again",
                                              count_ - errors.size())});
    }
    return ValidationError(std::move(errors));
  }

 private:
  std::vector<FieldError> errors_;
  std::size_t count_ = 0;
};

std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char character) {
    return character >= '0' && character <= '9';
  });
}

// One CSV file of the data folder, read record by record after its header
// has been checked for the columns the importer needs. Every problem goes to
// `problems`, and a row with a problem is marked so that the caller drops it.
class SourceTable {
 public:
  SourceTable(const fs::path& data_dir, std::string_view file,
              std::initializer_list<std::string_view> columns, Problems& problems)
      : file_(file), problems_(problems), problems_before_(problems.count()) {
    input_.open(data_dir / file, std::ios::binary);
    if (!input_) {
      problems_.add(std::string(file_), "file is missing or cannot be read");
      return;
    }
    reader_.emplace(input_);
    try {
      header_.emplace(reader_->read_header());
    } catch (const CsvError& error) {
      problems_.add(file_, error.line(), error.what());
      return;
    }
    for (auto column : columns) {
      auto position = header_->find(column);
      if (!position) problems_.add(file_, 1, fmt::format("column \"{}\" is missing", column));
      positions_[column] = position.value_or(0);
    }
    readable_ = problems_.count() == problems_before_;
  }

  // Advances to the next row that has as many fields as the header. Blank
  // lines are skipped. Malformed rows are recorded and skipped.
  bool next() {
    while (readable_) {
      try {
        auto row = reader_->next();
        if (!row) return false;
        if (row->cells.empty()) continue;
        if (row->cells.size() != header_->size()) {
          problems_.add(file_, row->line,
                        fmt::format("expected {} fields as in the header, found {}",
                                    header_->size(), row->cells.size()));
          continue;
        }
        row_ = std::move(*row);
        row_rejected_ = false;
        return true;
      } catch (const CsvError& error) {
        problems_.add(file_, error.line(), error.what());
      }
    }
    return false;
  }

  // Returns the cell of `column`, trimmed and in NFC, or std::nullopt when empty.
  std::optional<std::string> optional_text(std::string_view column) {
    auto cell = trim(row_.cells[positions_.at(column)]);
    if (cell.empty()) return std::nullopt;
    if (!text::is_valid_utf8(cell)) {
      reject(fmt::format("{} is not valid UTF-8", column));
      return std::nullopt;
    }
    return text::to_nfc(cell);
  }

  std::string required_text(std::string_view column) {
    auto cell = optional_text(column);
    if (!cell && !row_rejected_) reject(fmt::format("{} is empty", column));
    return cell.value_or("");
  }

  // Returns a code of ASCII digits whose length is one of `lengths`.
  std::string code(std::string_view column, std::initializer_list<std::size_t> lengths) {
    auto cell = trim(row_.cells[positions_.at(column)]);
    bool length_ok = std::find(lengths.begin(), lengths.end(), cell.size()) != lengths.end();
    if (!is_digits(cell) || !length_ok) {
      reject(fmt::format("{} \"{}\" is not a code of {} digits", column, cell,
                         fmt::join(lengths, " or ")));
    }
    return cell;
  }

  void reject(std::string message) {
    problems_.add(file_, row_.line, std::move(message));
    row_rejected_ = true;
  }
  bool row_rejected() const { return row_rejected_; }
  // True when the file was read and no row of it was rejected so far.
  bool complete() const { return problems_.count() == problems_before_; }

 private:
  std::string_view file_;
  Problems& problems_;
  std::size_t problems_before_;
  std::ifstream input_;
  std::optional<CsvReader> reader_;
  std::optional<CsvHeader> header_;
  std::map<std::string_view, std::size_t> positions_;
  bool readable_ = false;
  CsvRow row_;
  bool row_rejected_ = false;
};

// The parsed contents of the data folder, ready to insert.
struct ReferenceData {
  std::vector<Province> provinces;
  std::vector<District> districts;
  std::vector<Commune> communes;
  std::vector<CommuneLink> links;
  std::vector<IpcEntry> ipc_entries;
  std::vector<StField> st_fields;
};

// Reads one province file into `data` and returns whether it had no problem.
bool read_provinces(const fs::path& data_dir, std::string_view file, const char* edition,
                    ReferenceData& data, Problems& problems) {
  SourceTable table(data_dir, file, {"code", "name", "name_en", "full_name", "full_name_en"},
                    problems);
  std::set<std::string> codes;
  while (table.next()) {
    Province province{edition,
                      table.code("code", {2}),
                      table.required_text("name"),
                      table.optional_text("name_en"),
                      table.required_text("full_name"),
                      table.optional_text("full_name_en")};
    if (!codes.insert(province.code).second) table.reject("code " + province.code + " repeats");
    if (!table.row_rejected()) data.provinces.push_back(std::move(province));
  }
  return table.complete();
}

// Returns the codes of the provinces of `edition` read so far.
std::set<std::string> province_codes(const ReferenceData& data, std::string_view edition) {
  std::set<std::string> codes;
  for (const auto& province : data.provinces) {
    if (province.edition == edition) codes.insert(province.code);
  }
  return codes;
}

bool read_districts(const fs::path& data_dir, bool provinces_complete, ReferenceData& data,
                    Problems& problems) {
  SourceTable table(data_dir, kDistricts2021File, {"code", "name", "full_name", "province_code"},
                    problems);
  auto provinces = province_codes(data, kFormerEdition);
  std::set<std::string> codes;
  while (table.next()) {
    District district{table.code("code", {3}), table.required_text("name"),
                      table.required_text("full_name"), table.code("province_code", {2})};
    if (!codes.insert(district.code).second) table.reject("code " + district.code + " repeats");
    if (provinces_complete && !table.row_rejected() &&
        !provinces.contains(district.province_code)) {
      table.reject(
          fmt::format("province_code {} is not in {}", district.province_code, kProvinces2021File));
    }
    if (!table.row_rejected()) data.districts.push_back(std::move(district));
  }
  return table.complete();
}

// Reads the communes of 2025, whose rows carry their province code.
void read_communes_2025(const fs::path& data_dir, bool provinces_complete, ReferenceData& data,
                        Problems& problems) {
  SourceTable table(data_dir, kCommunes2025File,
                    {"code", "name", "name_en", "full_name", "full_name_en", "province_code"},
                    problems);
  auto provinces = province_codes(data, kCurrentEdition);
  std::set<std::string> codes;
  while (table.next()) {
    Commune commune{kCurrentEdition,
                    table.code("code", {5}),
                    table.required_text("name"),
                    table.optional_text("name_en"),
                    table.required_text("full_name"),
                    table.optional_text("full_name_en"),
                    table.code("province_code", {2}),
                    std::nullopt};
    if (!codes.insert(commune.code).second) table.reject("code " + commune.code + " repeats");
    if (provinces_complete && !table.row_rejected() && !provinces.contains(commune.province_code)) {
      table.reject(
          fmt::format("province_code {} is not in {}", commune.province_code, kProvinces2025File));
    }
    if (!table.row_rejected()) data.communes.push_back(std::move(commune));
  }
}

// Reads the communes of 2021, whose rows carry only their district code, so the
// province code comes from the district.
void read_communes_2021(const fs::path& data_dir, bool districts_complete, ReferenceData& data,
                        Problems& problems) {
  SourceTable table(data_dir, kCommunes2021File,
                    {"code", "name", "name_en", "full_name", "full_name_en", "district_code"},
                    problems);
  std::map<std::string, std::string> province_of_district;
  for (const auto& district : data.districts) {
    province_of_district[district.code] = district.province_code;
  }
  std::set<std::string> codes;
  while (table.next()) {
    Commune commune{kFormerEdition,
                    table.code("code", {5}),
                    table.required_text("name"),
                    table.optional_text("name_en"),
                    table.required_text("full_name"),
                    table.optional_text("full_name_en"),
                    "",
                    table.code("district_code", {3})};
    if (!codes.insert(commune.code).second) table.reject("code " + commune.code + " repeats");
    auto district = province_of_district.find(*commune.district_code);
    if (district != province_of_district.end()) {
      commune.province_code = district->second;
    } else if (districts_complete && !table.row_rejected()) {
      table.reject(
          fmt::format("district_code {} is not in {}", *commune.district_code, kDistricts2021File));
    }
    // A district rejected in its own file already has a problem listed.
    if (!table.row_rejected() && !commune.province_code.empty()) {
      data.communes.push_back(std::move(commune));
    }
  }
}

// Reads the links from 2021 communes to 2025 communes. Codes are not checked
// against the commune tables, because the source links a few codes that the
// map files lack. list_former_communes returns those without a name.
void read_links(const fs::path& data_dir, ReferenceData& data, Problems& problems) {
  SourceTable table(data_dir, kLinksFile, {"new_ward_code", "old_ward_code", "merge_type"},
                    problems);
  std::set<std::pair<std::string, std::string>> pairs;
  while (table.next()) {
    CommuneLink link{table.code("new_ward_code", {5}), table.code("old_ward_code", {5, 3}),
                     table.required_text("merge_type")};
    if (!table.row_rejected() && link.merge_type != "full" && link.merge_type != "partial") {
      table.reject(fmt::format("merge_type \"{}\" is not full or partial", link.merge_type));
    }
    if (!pairs.emplace(link.new_commune_code, link.old_commune_code).second) {
      table.reject(
          fmt::format("link from {} to {} repeats", link.old_commune_code, link.new_commune_code));
    }
    if (!table.row_rejected()) data.links.push_back(std::move(link));
  }
}

// Returns whether `code` has the shape of an IPC symbol of `level`: section
// "A" to "H", class "A01", subclass "A01B".
bool is_ipc_code(std::string_view level, std::string_view code) {
  auto is_digit = [](char character) { return character >= '0' && character <= '9'; };
  std::size_t length = 4;
  if (level == "section") length = 1;
  if (level == "class") length = 3;
  if (code.size() != length || code[0] < 'A' || code[0] > 'H') return false;
  if (length >= 3 && !(is_digit(code[1]) && is_digit(code[2]))) return false;
  return length < 4 || (code[3] >= 'A' && code[3] <= 'Z');
}

void read_ipc(const fs::path& data_dir, ReferenceData& data, Problems& problems) {
  SourceTable table(data_dir, kIpcFile, {"level", "code", "title"}, problems);
  std::set<std::string> codes;
  while (table.next()) {
    IpcEntry entry{table.required_text("code"), table.required_text("level"),
                   table.required_text("title")};
    if (table.row_rejected()) continue;
    if (entry.level != "section" && entry.level != "class" && entry.level != "subclass") {
      table.reject(fmt::format("level \"{}\" is not section, class or subclass", entry.level));
    } else if (!is_ipc_code(entry.level, entry.code)) {
      table.reject(fmt::format("code \"{}\" is not an IPC {} symbol", entry.code, entry.level));
    } else if (!codes.insert(entry.code).second) {
      table.reject("code " + entry.code + " repeats");
    }
    if (!table.row_rejected()) data.ipc_entries.push_back(std::move(entry));
  }
}

// Reads the OECD sub-fields ("2.5") under the seeded top-level fields. JSON
// problems name the file and the item path, as the parsed tree has no lines.
void read_oecd_fields(const fs::path& data_dir, const std::set<std::string>& top_codes,
                      ReferenceData& data, Problems& problems) {
  std::string file(kOecdFile);
  std::ifstream input(data_dir / kOecdFile, std::ios::binary);
  if (!input) {
    problems.add(file, "file is missing or cannot be read");
    return;
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(input);
  } catch (const nlohmann::json::parse_error& error) {
    problems.add(file, fmt::format("invalid JSON: {}", error.what()));
    return;
  }
  if (!document.is_object() || !document.contains("items") || !document["items"].is_array()) {
    problems.add(file, "the top level must be an object with an \"items\" array");
    return;
  }

  // Returns value.identifier and value.name of `item`, or records a problem.
  auto read_item =
      [&](const nlohmann::json& item,
          const std::string& where) -> std::optional<std::pair<std::string, std::string>> {
    const auto* value = item.is_object() && item.contains("value") ? &item["value"] : nullptr;
    if (!value || !value->is_object() || !value->contains("identifier") ||
        !(*value)["identifier"].is_string() || !value->contains("name") ||
        !(*value)["name"].is_string() || (*value)["name"].get<std::string>().empty()) {
      problems.add(file, where + ": value.identifier and value.name must be non-empty strings");
      return std::nullopt;
    }
    return std::pair{(*value)["identifier"].get<std::string>(),
                     text::to_nfc((*value)["name"].get<std::string>())};
  };

  std::set<std::string> codes;
  const auto& fields = document["items"];
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string where = fmt::format("items[{}]", i);
    auto field = read_item(fields[i], where);
    if (!field) continue;
    if (!top_codes.contains(field->first)) {
      problems.add(file, fmt::format("{}: identifier \"{}\" is not a top-level S&T field", where,
                                     field->first));
      continue;
    }
    if (!fields[i].contains("items")) continue;
    const auto& subfields = fields[i]["items"];
    for (std::size_t j = 0; subfields.is_array() && j < subfields.size(); ++j) {
      std::string sub_where = fmt::format("{}.items[{}]", where, j);
      auto subfield = read_item(subfields[j], sub_where);
      if (!subfield) continue;
      const auto& [code, name] = *subfield;
      auto prefix = field->first + ".";
      if (!code.starts_with(prefix) || !is_digits(std::string_view(code).substr(prefix.size()))) {
        problems.add(file, fmt::format("{}: identifier \"{}\" is not of the form {}N", sub_where,
                                       code, prefix));
      } else if (!codes.insert(code).second) {
        problems.add(file, fmt::format("{}: identifier {} repeats", sub_where, code));
      } else {
        data.st_fields.push_back({code, field->first, std::nullopt, name, "oecd_fos"});
      }
    }
  }
}

std::set<std::string> top_st_field_codes(db::Connection& connection) {
  std::set<std::string> codes;
  auto query = connection.prepare("SELECT code FROM st_fields WHERE parent_code IS NULL");
  while (query.step()) codes.insert(query.column_text(0));
  return codes;
}

ReferenceData read_data_dir(db::Connection& connection, const fs::path& data_dir) {
  ReferenceData data;
  Problems problems;

  bool provinces_2025 =
      read_provinces(data_dir, kProvinces2025File, kCurrentEdition, data, problems);
  bool provinces_2021 =
      read_provinces(data_dir, kProvinces2021File, kFormerEdition, data, problems);
  bool districts = read_districts(data_dir, provinces_2021, data, problems);
  read_communes_2025(data_dir, provinces_2025, data, problems);
  read_communes_2021(data_dir, districts, data, problems);
  read_links(data_dir, data, problems);
  read_ipc(data_dir, data, problems);
  read_oecd_fields(data_dir, top_st_field_codes(connection), data, problems);

  if (problems.count() > 0) {
    spdlog::warn("event=import_reference status=rejected data_dir=\"{}\" problems={}",
                 data_dir.string(), problems.count());
    throw problems.to_error();
  }
  return data;
}

std::size_t count_if_field(const auto& rows, auto member, std::string_view value) {
  return static_cast<std::size_t>(std::count_if(
      rows.begin(), rows.end(), [&](const auto& row) { return row.*member == value; }));
}

ImportSummary summarize(const ReferenceData& data) {
  ImportSummary summary;
  summary.provinces_2025 = count_if_field(data.provinces, &Province::edition, kCurrentEdition);
  summary.provinces_2021 = count_if_field(data.provinces, &Province::edition, kFormerEdition);
  summary.districts_2021 = data.districts.size();
  summary.communes_2025 = count_if_field(data.communes, &Commune::edition, kCurrentEdition);
  summary.communes_2021 = count_if_field(data.communes, &Commune::edition, kFormerEdition);
  summary.commune_links = data.links.size();
  summary.ipc_sections = count_if_field(data.ipc_entries, &IpcEntry::level, "section");
  summary.ipc_classes = count_if_field(data.ipc_entries, &IpcEntry::level, "class");
  summary.ipc_subclasses = count_if_field(data.ipc_entries, &IpcEntry::level, "subclass");
  summary.st_subfields = data.st_fields.size();
  return summary;
}

// Logs the links whose codes name no commune (nor, for old codes, a district),
// which the source contains for a few merged units.
void log_unmatched_links(const ReferenceData& data) {
  std::set<std::string> new_codes;
  std::set<std::string> old_codes;
  for (const auto& commune : data.communes) {
    (commune.edition == kCurrentEdition ? new_codes : old_codes).insert(commune.code);
  }
  for (const auto& district : data.districts) old_codes.insert(district.code);

  std::size_t unmatched_new = 0;
  std::size_t unmatched_old = 0;
  for (const auto& link : data.links) {
    if (!new_codes.contains(link.new_commune_code)) ++unmatched_new;
    if (!old_codes.contains(link.old_commune_code)) ++unmatched_old;
  }
  if (unmatched_new + unmatched_old > 0) {
    spdlog::warn(
        "event=import_reference table=admin_commune_links unmatched_new_codes={} "
        "unmatched_old_codes={}",
        unmatched_new, unmatched_old);
  }
}

void log_summary(const ImportSummary& summary) {
  spdlog::info(
      "event=import_reference table=admin_provinces rows={} edition_2025={} "
      "edition_2021={}",
      summary.provinces_2025 + summary.provinces_2021, summary.provinces_2025,
      summary.provinces_2021);
  spdlog::info("event=import_reference table=admin_districts rows={}", summary.districts_2021);
  spdlog::info(
      "event=import_reference table=admin_communes rows={} edition_2025={} "
      "edition_2021={}",
      summary.communes_2025 + summary.communes_2021, summary.communes_2025, summary.communes_2021);
  spdlog::info("event=import_reference table=admin_commune_links rows={}", summary.commune_links);
  spdlog::info(
      "event=import_reference table=ipc_codes rows={} sections={} classes={} "
      "subclasses={}",
      summary.ipc_sections + summary.ipc_classes + summary.ipc_subclasses, summary.ipc_sections,
      summary.ipc_classes, summary.ipc_subclasses);
  spdlog::info("event=import_reference table=st_fields scheme=oecd_fos rows={}",
               summary.st_subfields);
}

}  // namespace

ImportSummary import_reference(db::Connection& connection, const fs::path& data_dir) {
  auto data = read_data_dir(connection, data_dir);

  db::Transaction transaction(connection, db::Transaction::Mode::kWrite);
  delete_imported_reference(connection);
  insert_provinces(connection, data.provinces);
  insert_districts(connection, data.districts);
  insert_communes(connection, data.communes);
  insert_commune_links(connection, data.links);
  insert_ipc_entries(connection, data.ipc_entries);
  insert_st_fields(connection, data.st_fields);
  transaction.commit();

  auto summary = summarize(data);
  log_summary(summary);
  log_unmatched_links(data);
  return summary;
}

}  // namespace techmarket::reference
