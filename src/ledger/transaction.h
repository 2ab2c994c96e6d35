// A technology-market transaction in the ledger: a signed contract, or a
// memorandum of understanding (MoU) that is stored and listed but never
// counted in the indicators.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/field_reader.h"

namespace techmarket::ledger {

inline constexpr std::array<std::string_view, 2> kTransactionKinds = {"contract", "mou"};
inline constexpr std::array<std::string_view, 3> kPaymentStatuses = {"unpaid", "partly_paid",
                                                                     "paid"};
inline constexpr std::array<std::string_view, 5> kSources = {
    "deal", "registered_contract", "intermediary_report", "event", "other"};
inline constexpr std::array<std::string_view, 5> kTypeGroups = {"technology", "ip", "rnd",
                                                                "service", "other"};
// The codes of the controlled list in the transaction_types table, in its order.
inline constexpr std::array<std::string_view, 20> kTransactionTypes = {
    "technology_licence",
    "technology_assignment",
    "patent_licence",
    "patent_assignment",
    "utility_solution_licence",
    "utility_solution_assignment",
    "industrial_design_licence",
    "industrial_design_assignment",
    "trademark_licence",
    "trademark_assignment",
    "plant_variety_licence",
    "plant_variety_assignment",
    "rnd_contract",
    "consulting",
    "assessment",
    "valuation",
    "appraisal",
    "brokering",
    "equipment_with_technology",
    "other"};

// The largest value one transaction may carry: one million billion đồng.
// Sums of many such values are still checked for int64 overflow.
inline constexpr std::int64_t kMaxValueVnd = 1'000'000'000'000'000;

struct Transaction {
  std::int64_t id = 0;
  std::string kind = "contract";
  std::string type;
  std::string title;
  std::int64_t value_vnd = 0;
  std::string signed_on;  // YYYY-MM-DD
  std::string payment_status = "unpaid";
  std::optional<std::string> contract_number;
  std::optional<std::string> registration_number;
  std::optional<std::string> evidence_file;  // a file name, never a path
  std::string source = "other";
  std::optional<std::int64_t> deal_id;
  std::optional<std::int64_t> buyer_organization_id;
  std::optional<std::int64_t> seller_organization_id;
  std::optional<std::int64_t> intermediary_organization_id;
  std::optional<std::string> buyer_province_code;
  std::optional<std::string> seller_province_code;
  bool verified = false;
  std::optional<std::int64_t> verified_by;
  std::optional<std::string> verified_at;
  std::string created_at;
  std::string updated_at;

  // Only verified contracts enter the figures.
  bool counted() const { return verified && kind == "contract"; }
  int year() const { return std::stoi(signed_on.substr(0, 4)); }
};

nlohmann::json to_json(const Transaction& transaction);

// Reads a transaction from its API JSON, checking types, lengths and allowed
// values, and records every problem in `reader`. The read-only fields (id,
// verified, verified_by, verified_at, created_at, updated_at) are skipped.
// Checks that need the database (organizations and provinces exist) are the
// service's. A signing date after `today` (YYYY-MM-DD) is an error.
Transaction read_transaction(FieldReader& reader, std::string_view today);

}  // namespace techmarket::ledger
