#include "matching/match_store.h"

namespace techmarket::matching {
namespace {

std::string reasons_json(const std::vector<MatchReason>& reasons) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& reason : reasons) list.push_back(to_json(reason));
  return list.dump();
}

std::vector<MatchReason> read_reasons(const std::string& text) {
  std::vector<MatchReason> reasons;
  for (const auto& item : nlohmann::json::parse(text)) reasons.push_back(reason_from_json(item));
  return reasons;
}

void insert_matches(db::Connection& connection, const std::vector<StoredMatch>& matches) {
  auto insert = connection.prepare(
      "INSERT OR REPLACE INTO matches (need_id, offer_id, score, reasons, computed_at) "
      "VALUES (?, ?, ?, ?, ?)");
  for (const auto& match : matches) {
    insert.reset();
    insert.bind(1, match.need_id).bind(2, match.offer_id).bind(3, match.score);
    insert.bind(4, reasons_json(match.reasons)).bind(5, match.computed_at);
    insert.run();
  }
}

std::vector<StoredMatch> read_matches(db::Statement& query) {
  std::vector<StoredMatch> matches;
  while (query.step()) {
    StoredMatch match;
    match.need_id = query.column_int64(0);
    match.offer_id = query.column_int64(1);
    match.score = query.column_double(2);
    match.reasons = read_reasons(query.column_text(3));
    match.computed_at = query.column_text(4);
    match.title = query.column_text(5);
    matches.push_back(std::move(match));
  }
  return matches;
}

Follow read_follow(db::Statement& query) {
  Follow follow;
  follow.id = query.column_int64(0);
  follow.user_id = query.column_int64(1);
  follow.target = query.column_text(2);
  follow.record_id = query.column_optional_int64(3);
  follow.query = query.column_optional_text(4);
  follow.created_at = query.column_text(5);
  return follow;
}

std::vector<Follow> read_follows(db::Statement& query) {
  std::vector<Follow> follows;
  while (query.step()) follows.push_back(read_follow(query));
  return follows;
}

constexpr const char* kFollowColumns =
    "SELECT id, user_id, target, record_id, query, created_at FROM follows ";

InboxItem read_inbox_item(db::Statement& query) {
  InboxItem item;
  item.id = query.column_int64(0);
  item.user_id = query.column_int64(1);
  item.kind = query.column_text(2);
  item.need_id = query.column_optional_int64(3);
  item.offer_id = query.column_optional_int64(4);
  item.title_vi = query.column_text(5);
  item.title_en = query.column_text(6);
  item.read = query.column_int64(7) != 0;
  item.created_at = query.column_text(8);
  return item;
}

constexpr const char* kInboxColumns =
    "SELECT id, user_id, kind, need_id, offer_id, title_vi, title_en, read, created_at FROM inbox ";

}  // namespace

void replace_need_matches(db::Connection& connection, std::int64_t need_id,
                          const std::vector<StoredMatch>& matches) {
  connection.prepare("DELETE FROM matches WHERE need_id = ?").bind(1, need_id).run();
  insert_matches(connection, matches);
}

void replace_offer_matches(db::Connection& connection, std::int64_t offer_id,
                           const std::vector<StoredMatch>& matches) {
  connection.prepare("DELETE FROM matches WHERE offer_id = ?").bind(1, offer_id).run();
  insert_matches(connection, matches);
}

void delete_all_matches(db::Connection& connection) { connection.execute("DELETE FROM matches"); }

std::vector<StoredMatch> list_need_matches(db::Connection& connection, std::int64_t need_id,
                                           std::size_t offset, std::size_t limit) {
  auto query = connection.prepare(
      "SELECT m.need_id, m.offer_id, m.score, m.reasons, m.computed_at, o.title "
      "FROM matches m JOIN offers o ON o.id = m.offer_id "
      "WHERE m.need_id = ? AND o.status = 'published' "
      "ORDER BY m.score DESC, m.offer_id LIMIT ? OFFSET ?");
  query.bind(1, need_id)
      .bind(2, static_cast<std::int64_t>(limit))
      .bind(3, static_cast<std::int64_t>(offset));
  return read_matches(query);
}

std::vector<StoredMatch> list_offer_matches(db::Connection& connection, std::int64_t offer_id,
                                            std::size_t offset, std::size_t limit) {
  auto query = connection.prepare(
      "SELECT m.need_id, m.offer_id, m.score, m.reasons, m.computed_at, n.title "
      "FROM matches m JOIN needs n ON n.id = m.need_id "
      "WHERE m.offer_id = ? AND n.status = 'published' "
      "ORDER BY m.score DESC, m.need_id LIMIT ? OFFSET ?");
  query.bind(1, offer_id)
      .bind(2, static_cast<std::int64_t>(limit))
      .bind(3, static_cast<std::int64_t>(offset));
  return read_matches(query);
}

std::size_t count_matches(db::Connection& connection) {
  auto query = connection.prepare("SELECT count(*) FROM matches");
  query.step();
  return static_cast<std::size_t>(query.column_int64(0));
}

NameTables load_name_tables(db::Connection& connection) {
  NameTables names;
  auto fields = connection.prepare("SELECT code, coalesce(name_vi, ''), name_en FROM st_fields");
  while (fields.step()) {
    names.st_fields[fields.column_text(0)] = {fields.column_text(1), fields.column_text(2)};
  }
  auto sections =
      connection.prepare("SELECT version, code, name_vi, name_en FROM industry_sections");
  while (sections.step()) {
    names.industry_sections[sections.column_text(0) + ":" + sections.column_text(1)] = {
        sections.column_text(2), sections.column_text(3)};
  }
  auto ipc = connection.prepare("SELECT code, title_en FROM ipc_codes WHERE level <> 'section'");
  while (ipc.step()) names.ipc[ipc.column_text(0)] = {ipc.column_text(1), ipc.column_text(1)};
  auto provinces = connection.prepare(
      "SELECT code, name, coalesce(name_en, '') FROM admin_provinces WHERE edition = '2025'");
  while (provinces.step()) {
    names.provinces[provinces.column_text(0)] = {provinces.column_text(1),
                                                 provinces.column_text(2)};
  }
  return names;
}

std::int64_t insert_follow(db::Connection& connection, const Follow& follow) {
  auto insert = connection.prepare(
      "INSERT OR IGNORE INTO follows (user_id, target, record_id, query, created_at) "
      "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, follow.user_id).bind(2, follow.target).bind(3, follow.record_id);
  insert.bind(4, follow.query).bind(5, follow.created_at);
  insert.run();
  if (connection.changes() == 1) return connection.last_insert_id();

  auto existing = connection.prepare(
      "SELECT id FROM follows WHERE user_id = ? AND target = ? AND coalesce(record_id, 0) = ? "
      "AND coalesce(query, '') = ?");
  existing.bind(1, follow.user_id).bind(2, follow.target);
  existing.bind(3, follow.record_id.value_or(0)).bind(4, follow.query.value_or(""));
  existing.step();
  return existing.column_int64(0);
}

std::optional<Follow> find_follow(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(std::string(kFollowColumns) + "WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_follow(query);
}

std::vector<Follow> list_user_follows(db::Connection& connection, std::int64_t user_id) {
  auto query = connection.prepare(std::string(kFollowColumns) + "WHERE user_id = ? ORDER BY id");
  query.bind(1, user_id);
  return read_follows(query);
}

std::vector<Follow> list_record_follows(db::Connection& connection, const std::string& target,
                                        std::int64_t record_id) {
  auto query = connection.prepare(std::string(kFollowColumns) +
                                  "WHERE target = ? AND record_id = ? ORDER BY id");
  query.bind(1, target).bind(2, record_id);
  return read_follows(query);
}

std::vector<Follow> list_search_follows(db::Connection& connection) {
  auto query = connection.prepare(std::string(kFollowColumns) + "WHERE target = 'search' ORDER BY id");
  return read_follows(query);
}

bool any_record_follows(db::Connection& connection) {
  auto query = connection.prepare("SELECT EXISTS (SELECT 1 FROM follows WHERE target <> 'search')");
  query.step();
  return query.column_int64(0) != 0;
}

void delete_follow(db::Connection& connection, std::int64_t id) {
  connection.prepare("DELETE FROM follows WHERE id = ?").bind(1, id).run();
}

bool insert_inbox_item(db::Connection& connection, const InboxItem& item) {
  auto insert = connection.prepare(
      "INSERT OR IGNORE INTO inbox (user_id, kind, need_id, offer_id, title_vi, title_en, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, item.user_id).bind(2, item.kind).bind(3, item.need_id).bind(4, item.offer_id);
  insert.bind(5, item.title_vi).bind(6, item.title_en).bind(7, item.created_at);
  insert.run();
  return connection.changes() == 1;
}

std::vector<InboxItem> list_inbox(db::Connection& connection, std::int64_t user_id,
                                  std::int64_t after_id, std::size_t limit) {
  auto query = connection.prepare(std::string(kInboxColumns) +
                                  "WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?");
  query.bind(1, user_id).bind(2, after_id).bind(3, static_cast<std::int64_t>(limit));
  std::vector<InboxItem> items;
  while (query.step()) items.push_back(read_inbox_item(query));
  return items;
}

std::optional<InboxItem> find_inbox_item(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(std::string(kInboxColumns) + "WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_inbox_item(query);
}

void mark_inbox_item_read(db::Connection& connection, std::int64_t id) {
  connection.prepare("UPDATE inbox SET read = 1 WHERE id = ?").bind(1, id).run();
}

}  // namespace techmarket::matching
