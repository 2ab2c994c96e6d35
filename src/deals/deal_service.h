// The rules of deals: who opens them and how, who reads and acts on them, the
// allowed stage moves with their history and audit entries, messages,
// documents, and the hook that records a signed contract in the ledger.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "catalog/offer_service.h"
#include "db/sqlite.h"
#include "deals/deal.h"
#include "deals/deal_store.h"
#include "http/upload.h"
#include "needs/need_service.h"

namespace techmarket::deals {

// Called inside the database transaction that moves a deal to
// "contract_signed", with the deal in its new stage and the request's
// "contract" object ({} when the request has none). A ValidationError it
// throws rolls the stage change back and reaches the caller with each field
// prefixed by "contract.".
using ContractHook = std::function<void(db::Connection&, const auth::Principal& actor,
                                        const Deal&, const nlohmann::json& contract)>;

// The largest document accepted. NOTE: the HTTP server also limits request
// bodies outside /api/v1/imports/ to 1 MiB, so a larger limit here would
// need the server's upload prefix to cover the document routes as well.
inline constexpr std::size_t kMaxDocumentBytes = 1 << 20;

struct DealPage {
  std::vector<Deal> items;
  std::optional<std::int64_t> next_after_id;
};

struct MessagePage {
  std::vector<DealMessage> items;
  std::optional<std::int64_t> next_after_id;
};

struct DocumentPage {
  std::vector<DealDocument> items;
  std::optional<std::int64_t> next_after_id;
};

struct DocumentFile {
  DealDocument document;
  std::string bytes;
};

class DealService {
 public:
  // Documents are stored in `document_dir`, which is created if needed.
  DealService(db::Pool& pool, catalog::OfferService& offers, needs::NeedService& needs,
              const std::filesystem::path& document_dir);

  // Sets the hook run when a deal reaches "contract_signed"; an empty
  // function removes it.
  void set_contract_hook(ContractHook hook) { contract_hook_ = std::move(hook); }

  // Every method throws ValidationError, NotFoundError, ForbiddenError or
  // ConflictError for expected failures and changes nothing then. Deals that
  // the caller may not see are NotFoundError.
  //
  // Opens a deal from `body` (see docs/openapi.yaml): an expression of
  // interest by a member of an organization, a deal recorded by staff after
  // an event, or one brokered by an intermediary. An expression of interest
  // queues an email to the users of the other side's organization.
  Deal open(const auth::Principal& actor, const nlohmann::json& body);
  Deal get(const auth::Principal& viewer, std::int64_t id);
  // Lists the deals `viewer` may see: all for staff, administrators and
  // officers, otherwise those the viewer opened or whose parties include the
  // viewer's organization.
  DealPage list(const auth::Principal& viewer, DealFilter filter);
  // Moves the deal to body["stage"] when the table of allowed moves permits
  // it, records the change in the history and the audit log, and runs the
  // contract hook for "contract_signed", all in one transaction.
  Deal change_stage(const auth::Principal& actor, std::int64_t id, const nlohmann::json& body);

  DealMessage post_message(const auth::Principal& actor, std::int64_t id,
                           const nlohmann::json& body);
  MessagePage list_messages(const auth::Principal& viewer, std::int64_t id,
                            std::int64_t after_id, std::size_t limit);

  // Checks `bytes` by content (PDF, PNG, JPEG, WebP, DOCX or XLSX, at most
  // kMaxDocumentBytes) and stores them as a document of the deal.
  DealDocument upload_document(const auth::Principal& actor, std::int64_t id,
                               std::string_view bytes, std::string_view file_name);
  DocumentPage list_documents(const auth::Principal& viewer, std::int64_t id,
                              std::int64_t after_id, std::size_t limit);
  DocumentFile read_document(const auth::Principal& viewer, std::int64_t id,
                             std::int64_t document_id);

 private:
  // Returns the deal if `viewer` may see it; throws NotFoundError otherwise.
  Deal visible_deal(db::Connection& connection, const auth::Principal& viewer, std::int64_t id);
  // As visible_deal, and throws ForbiddenError when `actor` may only read it.
  Deal actionable_deal(db::Connection& connection, const auth::Principal& actor,
                       std::int64_t id);
  // Queues an email to every active user of the deal's parties, except
  // those of the organization of `author`, who made the change.
  static void notify_parties(db::Connection& connection, const Deal& deal,
                             const auth::Principal& author, const std::string& subject,
                             const std::string& body);

  db::Pool& pool_;
  catalog::OfferService& offers_;
  needs::NeedService& needs_;
  http::UploadStore documents_;
  ContractHook contract_hook_;
};

}  // namespace techmarket::deals
