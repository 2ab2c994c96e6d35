// Messages and documents of a deal.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "auth/audit_log.h"
#include "common/errors.h"
#include "common/field_reader.h"
#include "deals/deal_service.h"

namespace techmarket::deals {
namespace {

// Contracts, certificates and scans: PDF, images, Word and Excel files.
const http::UploadPolicy& document_policy() {
  static const http::UploadPolicy kPolicy{
      kMaxDocumentBytes,
      {"application/pdf", "image/png", "image/jpeg", "image/webp",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  return kPolicy;
}

std::optional<std::int64_t> user_id_of(const auth::Principal& actor) {
  if (actor.kind == auth::Principal::Kind::kUser) return actor.id;
  return std::nullopt;
}

// Reads one page: `read` returns up to `limit` + 1 items after `after_id`.
template <typename Page, typename Read>
Page page_of(std::size_t limit, Read read) {
  Page page;
  page.items = read(limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace

DealMessage DealService::post_message(const auth::Principal& actor, std::int64_t id,
                                      const nlohmann::json& body) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto deal = actionable_deal(*connection, actor, id);

  FieldReader reader(body);
  auto text = reader.required_text("body", {.max_length = 5000, .multiline = true});
  reader.ignore("id");
  reader.ignore("author_user_id");
  reader.ignore("created_at");
  reader.reject_unknown_fields();
  reader.throw_if_errors();

  auto message_id = insert_message(*connection, {0, id, user_id_of(actor), text, {}});
  auto message = *find_message(*connection, message_id);
  auth::record_audit(*connection, actor, "post_message", "deal", id, nullptr, to_json(message));
  notify_parties(
      *connection, deal, actor,
      fmt::format("Tin nhắn mới trong giao dịch: {} / New message in deal: {}", deal.title,
                  deal.title),
      fmt::format("Có tin nhắn mới trong giao dịch số {} trên sàn giao dịch công nghệ.\n"
                  "There is a new message in deal {} on the technology market.\n\n"
                  "Tiêu đề / Title: {}\n"
                  "Xem và trả lời / View and reply: /deals/{}\n\n"
                  "Lời nhắn / Message:\n{}\n",
                  deal.id, deal.id, deal.title, deal.id, text));
  transaction.commit();
  return message;
}

MessagePage DealService::list_messages(const auth::Principal& viewer, std::int64_t id,
                                       std::int64_t after_id, std::size_t limit) {
  auto connection = pool_.acquire();
  visible_deal(*connection, viewer, id);
  return page_of<MessagePage>(limit, [&](std::size_t one_more) {
    return deals::list_messages(*connection, id, after_id, one_more);
  });
}

DealDocument DealService::upload_document(const auth::Principal& actor, std::int64_t id,
                                          std::string_view bytes, std::string_view file_name) {
  {
    auto connection = pool_.acquire();
    actionable_deal(*connection, actor, id);
  }
  if (file_name.empty()) {
    throw ValidationError(std::vector<FieldError>{
        {"file_name", "is missing; send the file's name in the X-File-Name header"}});
  }
  auto stored = documents_.store(bytes, file_name, document_policy());

  DealDocument document;
  try {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    // Checked again inside the transaction, in case the deal's parties changed.
    actionable_deal(*connection, actor, id);
    document.deal_id = id;
    document.uploader_user_id = user_id_of(actor);
    document.file_name = stored.original_name.empty() ? stored.stored_name : stored.original_name;
    document.stored_name = stored.stored_name;
    document.content_type = stored.content_type;
    document.size_bytes = static_cast<std::int64_t>(stored.size);
    document.id = insert_document(*connection, document);
    document = *find_document(*connection, id, document.id);
    auth::record_audit(*connection, actor, "upload_document", "deal", id, nullptr,
                       to_json(document));
    transaction.commit();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(stored.path, ignored);
    throw;
  }
  spdlog::info("event=deal_document_stored deal_id={} document_id={} type={} bytes={} by={}", id,
               document.id, document.content_type, document.size_bytes, actor.describe());
  return document;
}

DocumentPage DealService::list_documents(const auth::Principal& viewer, std::int64_t id,
                                         std::int64_t after_id, std::size_t limit) {
  auto connection = pool_.acquire();
  visible_deal(*connection, viewer, id);
  return page_of<DocumentPage>(limit, [&](std::size_t one_more) {
    return deals::list_documents(*connection, id, after_id, one_more);
  });
}

DocumentFile DealService::read_document(const auth::Principal& viewer, std::int64_t id,
                                        std::int64_t document_id) {
  DocumentFile file;
  {
    auto connection = pool_.acquire();
    visible_deal(*connection, viewer, id);
    auto document = find_document(*connection, id, document_id);
    if (!document) {
      throw NotFoundError(fmt::format("deal {} has no document with id {}", id, document_id));
    }
    file.document = *document;
  }
  auto path = documents_.directory() / file.document.stored_name;
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw std::runtime_error(fmt::format("failed to read document file {}; it is missing or unreadable", path.string()));
  }
  std::ostringstream bytes;
  bytes << input.rdbuf();
  file.bytes = std::move(bytes).str();
  return file;
}

}  // namespace techmarket::deals
