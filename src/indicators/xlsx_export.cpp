#include "indicators/xlsx_export.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace techmarket::indicators {
namespace {

void check(lxw_error error, std::string_view call) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(fmt::format("libxlsxwriter {} failed: {}", call,
                                         lxw_strerror(error)));
  }
}

// The cells of one workbook. Every write is checked, because libxlsxwriter
// reports a bad value by its return code and otherwise writes a corrupt file.
class Sheet {
 public:
  Sheet(lxw_workbook* workbook, const char* name) : sheet_(workbook_add_worksheet(workbook, name)) {
    if (sheet_ == nullptr) throw std::runtime_error(fmt::format("sheet name \"{}\" rejected", name));
  }
  // Writes `value` as a text cell. Text that spreadsheet programs would read
  // as a formula once the cell is edited or saved as CSV (a leading =, +, -,
  // @, tab or carriage return) gets a leading apostrophe.
  void text(int row, int column, std::string_view value, lxw_format* format = nullptr) {
    std::string copy(value);
    if (!copy.empty() && std::string_view("=+-@\t\r").find(copy.front()) != std::string_view::npos) {
      copy.insert(copy.begin(), '\'');
    }
    check(worksheet_write_string(sheet_, row, column, copy.c_str(), format),
          "worksheet_write_string");
  }
  // Writes an ISO date "2026-03-15" as a date cell displayed with `format`.
  void date(int row, int column, const std::string& iso, lxw_format* format) {
    lxw_datetime value{};
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &value.year, &value.month, &value.day) != 3) {
      text(row, column, iso);
      return;
    }
    check(worksheet_write_datetime(sheet_, row, column, &value, format),
          "worksheet_write_datetime");
  }
  void number(int row, int column, double value, lxw_format* format) {
    check(worksheet_write_number(sheet_, row, column, value, format), "worksheet_write_number");
  }
  void width(int first, int last, double characters) {
    check(worksheet_set_column(sheet_, first, last, characters, nullptr), "worksheet_set_column");
  }

 private:
  lxw_worksheet* sheet_;
};

struct Formats {
  lxw_format* bold;
  lxw_format* whole;    // #,##0 for đồng and counts
  lxw_format* percent;  // #,##0.00 for percentages
  lxw_format* date;     // dd/mm/yyyy, as Vietnamese write dates
};

std::string_view status_text(const YearFigure& figure) {
  return figure.status == "missing" ? "thiếu số liệu (missing)" : "không xác định (undefined)";
}

std::string_view unit_text(std::string_view unit) {
  if (unit == "vnd") return "đồng";
  if (unit == "percent") return "%";
  return "số";
}

std::string_view met_text(const std::optional<bool>& met) {
  if (!met) return "chưa đánh giá";
  return *met ? "đạt" : "không đạt";
}

std::string_view comparison_text(const std::string& comparison) {
  if (comparison == "at_least") return "ít nhất (at least)";
  if (comparison == "above") return "trên (above)";
  return "trong khoảng (within)";
}

void write_indicators(Sheet& sheet, const Formats& formats, const IndicatorReport& report) {
  sheet.text(0, 0, fmt::format("{} ({}), {}–{}", report.plan.name_vi, report.plan.issued_on,
                               report.from, report.to),
             formats.bold);
  const int header = 2;
  sheet.text(header, 0, "Mã chỉ tiêu", formats.bold);
  sheet.text(header, 1, "Chỉ tiêu", formats.bold);
  sheet.text(header, 2, "Đơn vị", formats.bold);
  int column = 3;
  for (int year = report.from; year <= report.to; ++year) {
    sheet.number(header, column++, year, nullptr);
  }
  const int definition_column = column;
  sheet.text(header, definition_column, "Định nghĩa", formats.bold);
  sheet.text(header, definition_column + 1, "Indicator", formats.bold);
  sheet.text(header, definition_column + 2, "Definition", formats.bold);

  int row = header + 1;
  for (const auto& series : report.indicators) {
    const auto& definition = *series.definition;
    auto* format = definition.unit == "percent" ? formats.percent : formats.whole;
    sheet.text(row, 0, definition.code);
    sheet.text(row, 1, definition.name_vi);
    sheet.text(row, 2, unit_text(definition.unit));
    column = 3;
    for (const auto& figure : series.by_year) {
      if (figure.value) {
        sheet.number(row, column, *figure.value, format);
      } else {
        sheet.text(row, column, status_text(figure));
      }
      ++column;
    }
    sheet.text(row, definition_column, definition.definition_vi);
    sheet.text(row, definition_column + 1, definition.name_en);
    sheet.text(row, definition_column + 2, definition.definition_en);
    ++row;
  }

  row += 1;
  sheet.text(row, 0, "Tăng bình quân kép (%)", formats.bold);
  if (report.period.compound_growth) sheet.number(row, 3, *report.period.compound_growth, formats.percent);
  sheet.text(row, 4, report.period.note_vi);
  ++row;
  sheet.text(row, 0, "Trung bình tốc độ tăng hằng năm (%)", formats.bold);
  if (report.period.mean_yearly_growth) {
    sheet.number(row, 3, *report.period.mean_yearly_growth, formats.percent);
  }
  row += 2;

  sheet.text(row, 0, "Chỉ tiêu kế hoạch", formats.bold);
  ++row;
  const char* target_headers[] = {"Mã chỉ tiêu", "Năm mốc", "So sánh", "Giá trị", "Thấp", "Cao",
                                  "Số liệu so sánh", "Đạt"};
  for (int i = 0; i < 8; ++i) sheet.text(row, i, target_headers[i], formats.bold);
  ++row;
  for (const auto& series : report.indicators) {
    for (const auto& check : series.targets) {
      sheet.text(row, 0, series.definition->code);
      sheet.number(row, 1, check.target.year, nullptr);
      sheet.text(row, 2, comparison_text(check.target.comparison));
      if (check.target.value) sheet.number(row, 3, *check.target.value, formats.percent);
      if (check.target.low) sheet.number(row, 4, *check.target.low, formats.percent);
      if (check.target.high) sheet.number(row, 5, *check.target.high, formats.percent);
      if (check.figure) sheet.number(row, 6, *check.figure, formats.percent);
      sheet.text(row, 7, met_text(check.met));
      ++row;
    }
  }
  sheet.width(0, 0, 28);
  sheet.width(1, 1, 40);
}

void write_transactions(Sheet& sheet, const Formats& formats, const LedgerSheet& ledger) {
  const char* headers[] = {"Mã",           "Ngày ký",        "Loại giao dịch", "Tên hợp đồng",
                           "Giá trị (đồng)", "Số hợp đồng",   "Số đăng ký",     "Nguồn",
                           "Bên mua",      "Bên bán",        "Trung gian",     "Tỉnh bên mua",
                           "Tỉnh bên bán", "Thanh toán",     "Xác minh lúc"};
  for (int i = 0; i < 15; ++i) sheet.text(0, i, headers[i], formats.bold);
  int row = 1;
  // An organization by name, or by its id when the name is not known.
  auto organization = [&](int column, const std::optional<std::int64_t>& id) {
    if (!id) return;
    auto found = ledger.organization_names.find(*id);
    if (found == ledger.organization_names.end()) {
      sheet.number(row, column, static_cast<double>(*id), nullptr);
    } else {
      sheet.text(row, column, found->second);
    }
  };
  auto optional_text = [&](int column, const std::optional<std::string>& text) {
    if (text) sheet.text(row, column, *text);
  };
  for (const auto& transaction : ledger.transactions) {
    sheet.number(row, 0, static_cast<double>(transaction.id), nullptr);
    sheet.date(row, 1, transaction.signed_on, formats.date);
    auto type_name = ledger.type_names.find(transaction.type);
    sheet.text(row, 2, type_name == ledger.type_names.end() ? transaction.type
                                                            : type_name->second);
    sheet.text(row, 3, transaction.title);
    sheet.number(row, 4, static_cast<double>(transaction.value_vnd), formats.whole);
    optional_text(5, transaction.contract_number);
    optional_text(6, transaction.registration_number);
    sheet.text(row, 7, transaction.source);
    organization(8, transaction.buyer_organization_id);
    organization(9, transaction.seller_organization_id);
    organization(10, transaction.intermediary_organization_id);
    optional_text(11, transaction.buyer_province_code);
    optional_text(12, transaction.seller_province_code);
    sheet.text(row, 13, transaction.payment_status);
    optional_text(14, transaction.verified_at);
    ++row;
  }
  sheet.width(1, 1, 12);
  sheet.width(2, 3, 40);
  sheet.width(4, 4, 18);
  sheet.width(8, 10, 30);
}

std::filesystem::path unique_path(const std::filesystem::path& work_dir) {
  static std::atomic<int> counter{0};
  return work_dir / fmt::format("indicators-{}-{}.xlsx", getpid(), ++counter);
}

}  // namespace

std::string export_xlsx(const IndicatorReport& report, const LedgerSheet* ledger,
                        const std::filesystem::path& work_dir) {
  std::filesystem::create_directories(work_dir);
  auto path = unique_path(work_dir);
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("libxlsxwriter workbook_new failed");
  try {
    Formats formats{workbook_add_format(workbook), workbook_add_format(workbook),
                    workbook_add_format(workbook), workbook_add_format(workbook)};
    if (formats.bold == nullptr || formats.whole == nullptr || formats.percent == nullptr ||
        formats.date == nullptr) {
      throw std::runtime_error("libxlsxwriter workbook_add_format failed");
    }
    format_set_bold(formats.bold);
    format_set_num_format(formats.whole, "#,##0");
    format_set_num_format(formats.percent, "#,##0.00");
    format_set_num_format(formats.date, "dd/mm/yyyy");
    Sheet indicators(workbook, "Chỉ tiêu theo năm");
    write_indicators(indicators, formats, report);
    if (ledger != nullptr) {
      Sheet contracts(workbook, "Giao dịch đã xác minh");
      write_transactions(contracts, formats, *ledger);
    }
  } catch (...) {
    workbook_close(workbook);
    std::filesystem::remove(path);
    throw;
  }
  auto closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    check(closed, "workbook_close");
  }
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  file.close();
  std::filesystem::remove(path);
  return bytes.str();
}

}  // namespace techmarket::indicators
