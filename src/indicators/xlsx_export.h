// Writes the indicator report as an XLSX workbook with libxlsxwriter: one
// sheet of indicators by year with their targets and definitions, and one
// sheet of the verified contracts behind the figures.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "indicators/indicators.h"
#include "ledger/transaction.h"

namespace techmarket::indicators {

// The largest number of transactions written; an XLSX sheet has 1,048,576 rows.
inline constexpr std::size_t kMaxExportedTransactions = 1'000'000;

// The verified contracts behind the figures, with the names their codes
// and ids stand for, so that the sheet reads without the platform.
struct LedgerSheet {
  std::vector<ledger::Transaction> transactions;
  std::map<std::string, std::string> type_names;           // code -> Vietnamese name
  std::map<std::int64_t, std::string> organization_names;  // id -> name
};

// Returns the bytes of the workbook: the indicators sheet, and the sheet of
// verified contracts when `ledger` is not null. The file is built in
// `work_dir` and removed afterwards. Throws std::runtime_error naming the
// libxlsxwriter call that failed.
std::string export_xlsx(const IndicatorReport& report, const LedgerSheet* ledger,
                        const std::filesystem::path& work_dir);

}  // namespace techmarket::indicators
