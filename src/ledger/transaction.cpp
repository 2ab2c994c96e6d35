#include "ledger/transaction.h"

#include <fmt/format.h>

namespace techmarket::ledger {
namespace {

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// The earliest signing date accepted; older contracts predate the market's records.
constexpr std::string_view kEarliestSigningDate = "1990-01-01";

}  // namespace

nlohmann::json to_json(const Transaction& transaction) {
  return {
      {"id", transaction.id},
      {"kind", transaction.kind},
      {"type", transaction.type},
      {"title", transaction.title},
      {"value_vnd", transaction.value_vnd},
      {"signed_on", transaction.signed_on},
      {"payment_status", transaction.payment_status},
      {"contract_number", optional_json(transaction.contract_number)},
      {"registration_number", optional_json(transaction.registration_number)},
      {"evidence_file", optional_json(transaction.evidence_file)},
      {"source", transaction.source},
      {"deal_id", optional_json(transaction.deal_id)},
      {"buyer_organization_id", optional_json(transaction.buyer_organization_id)},
      {"seller_organization_id", optional_json(transaction.seller_organization_id)},
      {"intermediary_organization_id", optional_json(transaction.intermediary_organization_id)},
      {"buyer_province_code", optional_json(transaction.buyer_province_code)},
      {"seller_province_code", optional_json(transaction.seller_province_code)},
      {"verified", transaction.verified},
      {"verified_by", optional_json(transaction.verified_by)},
      {"verified_at", optional_json(transaction.verified_at)},
      {"created_at", transaction.created_at},
      {"updated_at", transaction.updated_at},
  };
}

Transaction read_transaction(FieldReader& reader, std::string_view today) {
  Transaction transaction;
  for (const char* name :
       {"id", "verified", "verified_by", "verified_at", "created_at", "updated_at"}) {
    reader.ignore(name);
  }

  transaction.kind = reader.choice("kind", kTransactionKinds).value_or("contract");
  auto type = reader.choice("type", kTransactionTypes);
  if (type) {
    transaction.type = *type;
  } else if (!reader.errors().empty() && reader.errors().back().field == "type") {
    // choice() has already explained the allowed codes.
  } else {
    reader.add_error("type", "is required; see GET /api/v1/transaction-types for the codes");
  }
  transaction.title = reader.required_text("title", {.max_length = 500});

  auto value = reader.integer("value_vnd", 0, kMaxValueVnd);
  if (value) {
    transaction.value_vnd = *value;
  } else if (reader.errors().empty() || reader.errors().back().field != "value_vnd") {
    reader.add_error("value_vnd", "is required: the contract value in whole đồng, 0 or more");
  }

  auto signed_on = reader.date("signed_on");
  if (signed_on) {
    transaction.signed_on = *signed_on;
    if (*signed_on < kEarliestSigningDate) {
      reader.add_error("signed_on", fmt::format("{} is before {}; check the year", *signed_on,
                                                kEarliestSigningDate));
    } else if (*signed_on > today) {
      // A contract counts in the figures of the year it was signed, so a
      // future date would count a contract that does not exist yet.
      reader.add_error("signed_on", fmt::format("{} is after today, {}; record a contract once "
                                                "it is signed, with the date it was signed",
                                                *signed_on, today));
    }
  } else if (reader.errors().empty() || reader.errors().back().field != "signed_on") {
    reader.add_error("signed_on", "is required: the signing date as YYYY-MM-DD");
  }

  transaction.payment_status = reader.choice("payment_status", kPaymentStatuses).value_or("unpaid");
  transaction.contract_number = reader.text("contract_number", {.max_length = 100});
  transaction.registration_number = reader.text("registration_number", {.max_length = 100});
  transaction.evidence_file = reader.text("evidence_file", {.max_length = 255});
  if (transaction.evidence_file &&
      (transaction.evidence_file->find_first_of("/\\") != std::string::npos ||
       transaction.evidence_file->starts_with("."))) {
    reader.add_error("evidence_file",
                     "must be a file name such as \"hop-dong-12.pdf\", without folders and not "
                     "starting with \".\"");
  }
  transaction.source = reader.choice("source", kSources).value_or("other");
  transaction.deal_id = reader.integer("deal_id", 1, INT64_MAX);
  transaction.buyer_organization_id = reader.integer("buyer_organization_id", 1, INT64_MAX);
  transaction.seller_organization_id = reader.integer("seller_organization_id", 1, INT64_MAX);
  transaction.intermediary_organization_id =
      reader.integer("intermediary_organization_id", 1, INT64_MAX);
  transaction.buyer_province_code = reader.text("buyer_province_code", {.max_length = 2});
  transaction.seller_province_code = reader.text("seller_province_code", {.max_length = 2});
  return transaction;
}

}  // namespace techmarket::ledger
