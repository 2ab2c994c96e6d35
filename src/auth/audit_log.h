// The append-only audit log: one row per write, with the actor, the time, the
// action and the record's JSON before and after. Callers write the row inside
// the transaction of the change, so a change and its entry commit together.
// SQLite triggers reject UPDATE and DELETE on the table.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "db/sqlite.h"

namespace techmarket::auth {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string actor_type;  // "user", "api_token", "system" or "visitor"
  std::optional<std::int64_t> actor_id;
  std::string action;       // "create", "update", "submit", "publish", "sign_out_everywhere", ...
  std::string record_type;  // "offer", "need", "organization", "user", "api_token", "session"
  std::optional<std::int64_t> record_id;
  nlohmann::json before;  // null when the record was created
  nlohmann::json after;   // null when the record was removed
};

// Appends one entry inside the caller's transaction.
void record_audit(db::Connection& connection, const Principal& actor, std::string_view action,
                  std::string_view record_type, std::optional<std::int64_t> record_id,
                  const nlohmann::json& before, const nlohmann::json& after);

struct AuditFilter {
  std::optional<std::string> record_type;
  std::optional<std::int64_t> record_id;
  std::optional<std::string> actor_type;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> action;
  std::optional<std::string> since;  // inclusive, ISO 8601 date or time
  std::optional<std::string> until;  // exclusive
  std::int64_t before_id = 0;        // keyset cursor: only ids below this; 0 starts at the newest
  std::size_t limit = 20;
};

// Returns up to filter.limit entries, newest first.
std::vector<AuditEntry> list_audit(db::Connection& connection, const AuditFilter& filter);

nlohmann::json to_json(const AuditEntry& entry);

}  // namespace techmarket::auth
