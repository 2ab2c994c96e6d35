// Writes the indicator report as an XLSX workbook with libxlsxwriter: one
// sheet of indicators by year with their targets and definitions, and one
// sheet of the verified contracts behind the figures.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "indicators/indicators.h"
#include "ledger/transaction.h"

namespace techmarket::indicators {

// The largest number of transactions written; an XLSX sheet has 1,048,576 rows.
inline constexpr std::size_t kMaxExportedTransactions = 1'000'000;

// Returns the bytes of the workbook: the indicators sheet, and the sheet of
// verified contracts when `transactions` is not null. The file is built in
// `work_dir` and removed afterwards. Throws std::runtime_error naming the
// libxlsxwriter call that failed.
std::string export_xlsx(const IndicatorReport& report,
                        const std::vector<ledger::Transaction>* transactions,
                        const std::filesystem::path& work_dir);

}  // namespace techmarket::indicators
