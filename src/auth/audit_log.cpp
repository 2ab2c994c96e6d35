#include "auth/audit_log.h"

namespace techmarket::auth {
namespace {

std::string_view actor_type(const Principal& actor) {
  switch (actor.kind) {
    case Principal::Kind::kUser:
      return "user";
    case Principal::Kind::kApiToken:
      return "api_token";
    case Principal::Kind::kSystem:
      return "system";
    case Principal::Kind::kVisitor:
      break;
  }
  return "visitor";
}

std::optional<std::string> dump_or_null(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json parse_or_null(const std::optional<std::string>& text) {
  return text ? nlohmann::json::parse(*text) : nlohmann::json(nullptr);
}

}  // namespace

void record_audit(db::Connection& connection, const Principal& actor, std::string_view action,
                  std::string_view record_type, std::optional<std::int64_t> record_id,
                  const nlohmann::json& before, const nlohmann::json& after) {
  std::optional<std::int64_t> actor_id;
  if (actor.kind == Principal::Kind::kUser || actor.kind == Principal::Kind::kApiToken) {
    actor_id = actor.id;
  }
  connection
      .prepare(
          "INSERT INTO audit_log (at, actor_type, actor_id, action, record_type, record_id, "
          "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, db::now_utc())
      .bind(2, actor_type(actor))
      .bind(3, actor_id)
      .bind(4, action)
      .bind(5, record_type)
      .bind(6, record_id)
      .bind(7, dump_or_null(before))
      .bind(8, dump_or_null(after))
      .run();
}

std::vector<AuditEntry> list_audit(db::Connection& connection, const AuditFilter& filter) {
  auto query = connection.prepare(
      "SELECT id, at, actor_type, actor_id, action, record_type, record_id, before_json, "
      "after_json FROM audit_log WHERE (:before = 0 OR id < :before)"
      " AND (:record_type IS NULL OR record_type = :record_type)"
      " AND (:record_id IS NULL OR record_id = :record_id)"
      " AND (:actor_type IS NULL OR actor_type = :actor_type)"
      " AND (:actor_id IS NULL OR actor_id = :actor_id)"
      " AND (:action IS NULL OR action = :action)"
      " AND (:since IS NULL OR at >= :since)"
      " AND (:until IS NULL OR at < :until)"
      " ORDER BY id DESC LIMIT :limit");
  query.bind(":before", filter.before_id)
      .bind(":record_type", filter.record_type)
      .bind(":record_id", filter.record_id)
      .bind(":actor_type", filter.actor_type)
      .bind(":actor_id", filter.actor_id)
      .bind(":action", filter.action)
      .bind(":since", filter.since)
      .bind(":until", filter.until)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<AuditEntry> entries;
  while (query.step()) {
    AuditEntry entry;
    entry.id = query.column_int64(0);
    entry.at = query.column_text(1);
    entry.actor_type = query.column_text(2);
    entry.actor_id = query.column_optional_int64(3);
    entry.action = query.column_text(4);
    entry.record_type = query.column_text(5);
    entry.record_id = query.column_optional_int64(6);
    entry.before = parse_or_null(query.column_optional_text(7));
    entry.after = parse_or_null(query.column_optional_text(8));
    entries.push_back(std::move(entry));
  }
  return entries;
}

nlohmann::json to_json(const AuditEntry& entry) {
  return {
      {"id", entry.id},
      {"at", entry.at},
      {"actor_type", entry.actor_type},
      {"actor_id", entry.actor_id ? nlohmann::json(*entry.actor_id) : nlohmann::json(nullptr)},
      {"action", entry.action},
      {"record_type", entry.record_type},
      {"record_id", entry.record_id ? nlohmann::json(*entry.record_id) : nlohmann::json(nullptr)},
      {"before", entry.before},
      {"after", entry.after}};
}

}  // namespace techmarket::auth
