#include "deals/deal_store.h"

namespace techmarket::deals {
namespace {

constexpr const char* kDealColumns =
    "id, title, stage, abandon_reason, certificate_number, origin, offer_id, need_id, "
    "opened_by_user_id, created_at, updated_at";

Deal read_deal_row(const db::Statement& row) {
  Deal deal;
  deal.id = row.column_int64(0);
  deal.title = row.column_text(1);
  deal.stage = row.column_text(2);
  deal.abandon_reason = row.column_optional_text(3);
  deal.certificate_number = row.column_optional_text(4);
  deal.origin = row.column_text(5);
  deal.offer_id = row.column_optional_int64(6);
  deal.need_id = row.column_optional_int64(7);
  deal.opened_by_user_id = row.column_optional_int64(8);
  deal.created_at = row.column_text(9);
  deal.updated_at = row.column_text(10);
  return deal;
}

// Fills the parties and the history of `deal` from their tables.
void read_parts(db::Connection& connection, Deal& deal) {
  // The role order puts buyers first, then sellers, then intermediaries.
  auto parties = connection.prepare(
      "SELECT p.role, p.organization_id, o.name, o.province_code FROM deal_parties p"
      " JOIN organizations o ON o.id = p.organization_id WHERE p.deal_id = ?"
      " ORDER BY CASE p.role WHEN 'buyer' THEN 0 WHEN 'seller' THEN 1 ELSE 2 END,"
      " p.organization_id");
  parties.bind(1, deal.id);
  while (parties.step()) {
    deal.parties.push_back({parties.column_text(0), parties.column_int64(1),
                            parties.column_text(2), parties.column_optional_text(3)});
  }

  auto history = connection.prepare(
      "SELECT stage, at, actor_user_id, note FROM deal_stage_history WHERE deal_id = ?"
      " ORDER BY id");
  history.bind(1, deal.id);
  while (history.step()) {
    deal.history.push_back({history.column_text(0), history.column_text(1),
                            history.column_optional_int64(2), history.column_optional_text(3)});
  }
}

DealMessage read_message_row(const db::Statement& row) {
  return {row.column_int64(0), row.column_int64(1), row.column_optional_int64(2),
          row.column_text(3), row.column_text(4)};
}

DealDocument read_document_row(const db::Statement& row) {
  DealDocument document;
  document.id = row.column_int64(0);
  document.deal_id = row.column_int64(1);
  document.uploader_user_id = row.column_optional_int64(2);
  document.file_name = row.column_text(3);
  document.stored_name = row.column_text(4);
  document.content_type = row.column_text(5);
  document.size_bytes = row.column_int64(6);
  document.created_at = row.column_text(7);
  return document;
}

constexpr const char* kDocumentColumns =
    "id, deal_id, uploader_user_id, file_name, stored_name, content_type, size_bytes, created_at";

}  // namespace

std::int64_t insert_deal(db::Connection& connection, const Deal& deal) {
  auto now = db::now_utc();
  connection
      .prepare(
          "INSERT INTO deals (title, stage, abandon_reason, certificate_number, origin, offer_id,"
          " need_id, opened_by_user_id, created_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)")
      .bind(1, deal.title)
      .bind(2, deal.stage)
      .bind(3, deal.abandon_reason)
      .bind(4, deal.certificate_number)
      .bind(5, deal.origin)
      .bind(6, deal.offer_id)
      .bind(7, deal.need_id)
      .bind(8, deal.opened_by_user_id)
      .bind(9, now)
      .run();
  auto id = connection.last_insert_id();
  for (const auto& party : deal.parties) {
    connection.prepare("INSERT INTO deal_parties (deal_id, role, organization_id) VALUES (?, ?, ?)")
        .bind(1, id)
        .bind(2, party.role)
        .bind(3, party.organization_id)
        .run();
  }
  return id;
}

void update_deal_stage(db::Connection& connection, const Deal& deal) {
  connection
      .prepare(
          "UPDATE deals SET stage = ?, abandon_reason = ?, certificate_number = ?, updated_at = ?"
          " WHERE id = ?")
      .bind(1, deal.stage)
      .bind(2, deal.abandon_reason)
      .bind(3, deal.certificate_number)
      .bind(4, db::now_utc())
      .bind(5, deal.id)
      .run();
}

void insert_stage_change(db::Connection& connection, std::int64_t deal_id,
                         const StageChange& change) {
  connection
      .prepare(
          "INSERT INTO deal_stage_history (deal_id, stage, at, actor_user_id, note)"
          " VALUES (?, ?, ?, ?, ?)")
      .bind(1, deal_id)
      .bind(2, change.stage)
      .bind(3, change.at)
      .bind(4, change.actor_user_id)
      .bind(5, change.note)
      .run();
}

std::optional<Deal> find_deal(db::Connection& connection, std::int64_t id) {
  auto query =
      connection.prepare(std::string("SELECT ") + kDealColumns + " FROM deals WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  auto deal = read_deal_row(query);
  read_parts(connection, deal);
  return deal;
}

std::vector<Deal> list_deals(db::Connection& connection, const DealFilter& filter) {
  // Each condition is switched off when its parameter is NULL or 0.
  auto query = connection.prepare(
      std::string("SELECT ") + kDealColumns +
      " FROM deals d WHERE id > :after"
      " AND (:stage IS NULL OR stage = :stage)"
      " AND (:involved_only = 0 OR opened_by_user_id = :viewer_user"
      "      OR EXISTS (SELECT 1 FROM deal_parties p WHERE p.deal_id = d.id"
      "                 AND p.organization_id = :viewer_organization))"
      " ORDER BY id LIMIT :limit");
  query.bind(":after", filter.after_id)
      .bind(":stage", filter.stage)
      .bind(":involved_only", filter.involved_only ? 1 : 0)
      .bind(":viewer_user", filter.viewer_user_id)
      .bind(":viewer_organization", filter.viewer_organization_id)
      .bind(":limit", static_cast<std::int64_t>(filter.limit));
  std::vector<Deal> deals;
  while (query.step()) deals.push_back(read_deal_row(query));
  for (auto& deal : deals) read_parts(connection, deal);
  return deals;
}

std::int64_t insert_message(db::Connection& connection, const DealMessage& message) {
  connection
      .prepare(
          "INSERT INTO deal_messages (deal_id, author_user_id, body, created_at)"
          " VALUES (?, ?, ?, ?)")
      .bind(1, message.deal_id)
      .bind(2, message.author_user_id)
      .bind(3, message.body)
      .bind(4, db::now_utc())
      .run();
  return connection.last_insert_id();
}

std::optional<DealMessage> find_message(db::Connection& connection, std::int64_t id) {
  auto query = connection.prepare(
      "SELECT id, deal_id, author_user_id, body, created_at FROM deal_messages WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_message_row(query);
}

std::vector<DealMessage> list_messages(db::Connection& connection, std::int64_t deal_id,
                                       std::int64_t after_id, std::size_t limit) {
  auto query = connection.prepare(
      "SELECT id, deal_id, author_user_id, body, created_at FROM deal_messages"
      " WHERE deal_id = ? AND id > ? ORDER BY id LIMIT ?");
  query.bind(1, deal_id).bind(2, after_id).bind(3, static_cast<std::int64_t>(limit));
  std::vector<DealMessage> messages;
  while (query.step()) messages.push_back(read_message_row(query));
  return messages;
}

std::int64_t insert_document(db::Connection& connection, const DealDocument& document) {
  connection
      .prepare(
          "INSERT INTO deal_documents (deal_id, uploader_user_id, file_name, stored_name,"
          " content_type, size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, document.deal_id)
      .bind(2, document.uploader_user_id)
      .bind(3, document.file_name)
      .bind(4, document.stored_name)
      .bind(5, document.content_type)
      .bind(6, document.size_bytes)
      .bind(7, db::now_utc())
      .run();
  return connection.last_insert_id();
}

std::optional<DealDocument> find_document(db::Connection& connection, std::int64_t deal_id,
                                          std::int64_t document_id) {
  auto query = connection.prepare(std::string("SELECT ") + kDocumentColumns +
                                  " FROM deal_documents WHERE id = ? AND deal_id = ?");
  query.bind(1, document_id).bind(2, deal_id);
  if (!query.step()) return std::nullopt;
  return read_document_row(query);
}

std::vector<DealDocument> list_documents(db::Connection& connection, std::int64_t deal_id,
                                         std::int64_t after_id, std::size_t limit) {
  auto query = connection.prepare(std::string("SELECT ") + kDocumentColumns +
                                  " FROM deal_documents WHERE deal_id = ? AND id > ?"
                                  " ORDER BY id LIMIT ?");
  query.bind(1, deal_id).bind(2, after_id).bind(3, static_cast<std::int64_t>(limit));
  std::vector<DealDocument> documents;
  while (query.step()) documents.push_back(read_document_row(query));
  return documents;
}

}  // namespace techmarket::deals
