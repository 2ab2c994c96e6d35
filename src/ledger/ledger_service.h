// The rules of the ledger: validation against the reference data, and every
// write (create, edit, verify) saved with its audit entry and its change to
// the yearly aggregates in one SQLite transaction.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/principal.h"
#include "db/sqlite.h"
#include "ledger/transaction.h"
#include "ledger/transaction_store.h"

namespace techmarket::ledger {

struct TransactionPage {
  std::vector<Transaction> items;
  std::optional<std::int64_t> next_after_id;  // set when more transactions follow
};

struct TransactionType {
  std::string code;
  std::string group;
  std::string name_vi;
  std::string name_en;
};

std::vector<TransactionType> list_transaction_types(db::Connection& connection);

// Inserts a validated transaction, unverified, inside the caller's write
// transaction, with its audit entry and its aggregate change.
Transaction insert_with_aggregates(db::Connection& connection, const auth::Principal& actor,
                                   Transaction transaction);

// Records the contract of a deal that reached contract_signed, inside the
// deal's write transaction: kind "contract", source "deal", unverified.
// `contract` contains the transaction fields; "kind", "source" and "deal_id"
// are set here. Throws ValidationError naming the transaction fields (an
// empty field name when `contract` is not an object); the deal service adds
// the "contract." prefix.
Transaction record_deal_contract(db::Connection& connection, const auth::Principal& actor,
                                 std::int64_t deal_id, const nlohmann::json& contract);

// Reads and validates a whole transaction from `body`, including the checks
// that need the database; throws ValidationError listing every invalid field.
Transaction validate_transaction(db::Connection& connection, const nlohmann::json& body);

class LedgerService {
 public:
  explicit LedgerService(db::Pool& pool) : pool_(pool) {}

  // Each method throws ValidationError, NotFoundError or ConflictError for
  // expected failures and changes nothing then. Routes check the caller's role.
  Transaction create(const auth::Principal& actor, const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field). A verified
  // transaction stays verified, and the figures follow the new values.
  Transaction update(const auth::Principal& actor, std::int64_t id, const nlohmann::json& patch);
  // Marks the transaction verified by `actor`; a verified one is a ConflictError.
  Transaction verify(const auth::Principal& actor, std::int64_t id);
  Transaction get(std::int64_t id);
  TransactionPage list(TransactionFilter filter);
  std::vector<TransactionType> types();

 private:
  db::Pool& pool_;
};

}  // namespace techmarket::ledger
