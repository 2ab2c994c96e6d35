#include "ledger/ledger_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/audit_log.h"
#include "auth/clock.h"
#include "common/errors.h"
#include "common/pagination.h"
#include "organizations/lookup.h"
#include "reference/lookup.h"

namespace techmarket::ledger {
namespace {

std::string not_found(std::int64_t id) { return fmt::format("no transaction has id {}", id); }

void check_references(db::Connection& connection, const Transaction& transaction,
                      FieldReader& reader) {
  if (!transaction.type.empty() && !transaction_type_exists(connection, transaction.type)) {
    reader.add_error("type", fmt::format("\"{}\" is not a transaction type; see "
                                         "GET /api/v1/transaction-types",
                                         transaction.type));
  }
  const std::pair<const char*, const std::optional<std::int64_t>*> organizations[] = {
      {"buyer_organization_id", &transaction.buyer_organization_id},
      {"seller_organization_id", &transaction.seller_organization_id},
      {"intermediary_organization_id", &transaction.intermediary_organization_id}};
  for (const auto& [field, id] : organizations) {
    if (*id && !organizations::organization_exists(connection, **id)) {
      reader.add_error(field, fmt::format("no organization has id {}; see "
                                          "GET /api/v1/organizations",
                                          **id));
    }
  }
  const std::pair<const char*, const std::optional<std::string>*> provinces[] = {
      {"buyer_province_code", &transaction.buyer_province_code},
      {"seller_province_code", &transaction.seller_province_code}};
  for (const auto& [field, code] : provinces) {
    if (*code && !reference::province_exists(connection, reference::kCurrentEdition, **code)) {
      reader.add_error(field, fmt::format("\"{}\" is not a province code in force since 1 July "
                                          "2025; see GET /api/v1/provinces",
                                          **code));
    }
  }
}

// Rejects a new contract for a deal whose contract is already in the ledger,
// so that one deal is never counted twice.
void reject_second_deal_contract(db::Connection& connection, const Transaction& transaction) {
  if (!transaction.deal_id || transaction.kind != "contract") return;
  auto query = connection.prepare(
      "SELECT id FROM transactions WHERE deal_id = ? AND kind = 'contract' LIMIT 1");
  query.bind(1, *transaction.deal_id);
  if (query.step()) {
    throw ValidationError(std::vector<FieldError>{
        {"deal_id", fmt::format("deal {} already has contract transaction {}; edit that one "
                                "instead of recording the contract again",
                                *transaction.deal_id, query.column_int64(0))}});
  }
}

}  // namespace

std::vector<TransactionType> list_transaction_types(db::Connection& connection) {
  auto query = connection.prepare(
      "SELECT code, group_code, name_vi, name_en FROM transaction_types ORDER BY position");
  std::vector<TransactionType> types;
  while (query.step()) {
    types.push_back(
        {query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3)});
  }
  return types;
}

Transaction validate_transaction(db::Connection& connection, const nlohmann::json& body) {
  FieldReader reader(body);
  auto transaction = read_transaction(reader, auth::vietnam_today());
  reader.reject_unknown_fields();
  check_references(connection, transaction, reader);
  reader.throw_if_errors();
  return transaction;
}

Transaction insert_with_aggregates(db::Connection& connection, const auth::Principal& actor,
                                   Transaction transaction) {
  transaction.verified = false;
  transaction.verified_by.reset();
  transaction.verified_at.reset();
  transaction.id = insert_transaction(connection, transaction);
  auto stored = *find_transaction(connection, transaction.id);
  apply_to_aggregates(connection, nullptr, &stored);
  auth::record_audit(connection, actor, "create", "transaction", stored.id, nullptr,
                     to_json(stored));
  return stored;
}

Transaction record_deal_contract(db::Connection& connection, const auth::Principal& actor,
                                 std::int64_t deal_id, const nlohmann::json& contract) {
  if (!contract.is_object()) {
    throw ValidationError(std::vector<FieldError>{
        {"", "must be an object with the transaction fields: type, title, value_vnd, "
             "signed_on, ..."}});
  }
  auto body = contract;
  body["kind"] = "contract";
  body["source"] = "deal";
  body["deal_id"] = deal_id;
  auto transaction = validate_transaction(connection, body);
  reject_second_deal_contract(connection, transaction);
  return insert_with_aggregates(connection, actor, std::move(transaction));
}

Transaction LedgerService::create(const auth::Principal& actor, const nlohmann::json& body) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto validated = validate_transaction(*connection, body);
  reject_second_deal_contract(*connection, validated);
  auto stored = insert_with_aggregates(*connection, actor, std::move(validated));
  transaction.commit();
  spdlog::info("event=transaction_create transaction_id={} by={}", stored.id, actor.describe());
  return stored;
}

Transaction LedgerService::update(const auth::Principal& actor, std::int64_t id,
                                  const nlohmann::json& patch) {
  if (!patch.is_object()) {
    throw ValidationError(std::vector<FieldError>{{"", "expected a JSON object"}});
  }
  for (const char* field : {"verified", "verified_by", "verified_at"}) {
    if (patch.contains(field)) {
      throw ValidationError(std::vector<FieldError>{
          {field, "cannot be changed by PATCH; verify with POST /api/v1/transactions/{id}/verify"}});
    }
  }

  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto before = find_transaction(*connection, id);
  if (!before) throw NotFoundError(not_found(id));

  auto merged = to_json(*before);
  merged.merge_patch(patch);
  auto after = validate_transaction(*connection, merged);
  after.id = id;
  after.verified = before->verified;
  after.verified_by = before->verified_by;
  after.verified_at = before->verified_at;

  update_transaction(*connection, after);
  auto stored = *find_transaction(*connection, id);
  apply_to_aggregates(*connection, &*before, &stored);
  auth::record_audit(*connection, actor, "update", "transaction", id, to_json(*before),
                     to_json(stored));
  transaction.commit();
  spdlog::info("event=transaction_update transaction_id={} verified={} by={}", id, stored.verified,
               actor.describe());
  return stored;
}

Transaction LedgerService::verify(const auth::Principal& actor, std::int64_t id) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto before = find_transaction(*connection, id);
  if (!before) throw NotFoundError(not_found(id));
  if (before->verified) {
    throw ConflictError(fmt::format("transaction {} was verified at {}; edit it with PATCH "
                                    "instead",
                                    id, before->verified_at.value_or("")));
  }

  auto after = *before;
  after.verified = true;
  if (actor.kind == auth::Principal::Kind::kUser) after.verified_by = actor.id;
  after.verified_at = db::now_utc();
  update_transaction(*connection, after);
  auto stored = *find_transaction(*connection, id);
  apply_to_aggregates(*connection, &*before, &stored);
  auth::record_audit(*connection, actor, "verify", "transaction", id, to_json(*before),
                     to_json(stored));
  transaction.commit();
  spdlog::info("event=transaction_verify transaction_id={} by={}", id, actor.describe());
  return stored;
}

Transaction LedgerService::get(std::int64_t id) {
  auto connection = pool_.acquire();
  auto stored = find_transaction(*connection, id);
  if (!stored) throw NotFoundError(not_found(id));
  return *stored;
}

TransactionPage LedgerService::list(TransactionFilter filter) {
  auto connection = pool_.acquire();
  return read_page<TransactionPage>(filter, [&](const TransactionFilter& one_more) {
    return list_transactions(*connection, one_more);
  });
}

std::vector<TransactionType> LedgerService::types() {
  auto connection = pool_.acquire();
  return list_transaction_types(*connection);
}

}  // namespace techmarket::ledger
