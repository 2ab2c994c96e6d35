#include "app/platform.h"

#include <spdlog/spdlog.h>

#include <thread>

#include "app/summary_routes.h"
#include "app/system_routes.h"
#include "auth/admin_routes.h"
#include "auth/session_routes.h"
#include "catalog/offer_routes.h"
#include "db/migrations.h"
#include "deals/deal_routes.h"
#include "http/static_files.h"
#include "imports/import_routes.h"
#include "indicators/indicator_routes.h"
#include "ledger/ledger_routes.h"
#include "ledger/ledger_service.h"
#include "matching/match_routes.h"
#include "needs/need_routes.h"
#include "organizations/organization_routes.h"
#include "reference/routes.h"
#include "search/search_routes.h"

namespace techmarket::app {
namespace {

constexpr std::size_t kConnections = 4;

std::filesystem::path prepare_directory(const std::filesystem::path& data_dir) {
  std::filesystem::create_directories(data_dir);
  return data_dir;
}

// Records the contract of a deal that reached contract_signed in the ledger.
// The parties and their provinces always come from the deal, so a party
// cannot name other organizations in the ledger. The title comes from the
// deal when the request leaves it out.
void record_deal_in_ledger(db::Connection& connection, const auth::Principal& actor,
                           const deals::Deal& deal, const nlohmann::json& contract) {
  if (!contract.is_object()) {
    ledger::record_deal_contract(connection, actor, deal.id, contract);
    return;
  }
  auto body = contract;
  if (!body.contains("title")) body["title"] = deal.title;
  for (const auto* field : {"buyer_organization_id", "seller_organization_id",
                            "intermediary_organization_id", "buyer_province_code",
                            "seller_province_code"}) {
    body.erase(field);
  }
  for (const auto& party : deal.parties) {
    body[party.role + "_organization_id"] = party.organization_id;
    if (party.role != "intermediary" && party.province_code) {
      body[party.role + "_province_code"] = *party.province_code;
    }
  }
  ledger::record_deal_contract(connection, actor, deal.id, body);
}

}  // namespace

Platform::Platform(const std::filesystem::path& data_dir, PlatformOptions options)
    : data_dir_(prepare_directory(data_dir)),
      pool_(data_dir_ / "techmarket.db", kConnections),
      index_(data_dir_ / "index"),
      indexer_(pool_, index_),
      offers_(pool_, indexer_),
      needs_(pool_, indexer_),
      organizations_(pool_),
      ledger_(pool_),
      plans_(pool_),
      deals_(pool_, offers_, needs_, data_dir_ / "deal-documents"),
      matches_(pool_, index_, offers_, needs_, organizations_),
      follows_(pool_, offers_, needs_),
      sessions_(pool_, options.auth),
      users_(pool_, options.auth.password_cost) {
  {
    auto connection = pool_.acquire();
    db::migrate(*connection);
  }
  indexer_.add_source("offer", {"offers", catalog::offer_search_document});
  indexer_.add_source("need", {"needs", needs::need_search_document});

  offers_.set_after_change([this](std::int64_t id) { matches_.offer_changed(id); });
  needs_.set_after_change([this](std::int64_t id) { matches_.need_changed(id); });

  std::size_t replayed = indexer_.drain();
  if (replayed > 0) spdlog::info("event=outbox_replay records={}", replayed);
  if (index_.needs_rebuild()) {
    spdlog::info("event=index_format_changed action=reindex");
    indexer_.reindex();
  }
  expired_at_open_ = expire_due_records();
  deals_.set_contract_hook(record_deal_in_ledger);
  add_routes();
}

std::size_t Platform::expire_due_records() {
  auto today = auth::format_date(sessions_.options().clock->now());
  std::size_t expired = offers_.expire_due(today) + needs_.expire_due(today);
  if (expired > 0) spdlog::info("event=records_expired count={} before={}", expired, today);
  return expired;
}

void Platform::add_routes() {
  add_system_routes(router_, *this);
  catalog::add_offer_routes(router_, offers_);
  needs::add_need_routes(router_, needs_);
  organizations::add_organization_routes(router_, organizations_);
  deals::add_deal_routes(router_, deals_);
  reference::add_reference_routes(router_, pool_);
  search::add_search_routes(router_, index_);
  matching::add_match_routes(router_, matches_, follows_);

  router_.set_authenticator(auth::make_authenticator(sessions_));
  auth::add_session_routes(router_, sessions_);
  auth::add_admin_routes(router_, users_, pool_);
  imports::add_import_routes(
      router_, pool_, indexer_, data_dir_ / "uploads",
      [this](const std::string& record_type, const std::vector<std::int64_t>& ids) {
        matches_.records_imported(record_type, ids, std::thread::hardware_concurrency());
      });
  add_summary_routes(router_, pool_);
  ledger::add_ledger_routes(router_, ledger_);
  indicators::add_indicator_routes(router_, pool_, plans_, sessions_.options().clock,
                                   data_dir_ / "exports");
}

void Platform::serve_web_files(const std::filesystem::path& web_dir) {
  auto files = std::make_shared<http::StaticFiles>(web_dir);
  router_.set_fallback([files](http::Request& request) { return files->serve(request); });
  spdlog::info("event=web_files directory=\"{}\"", files->root().string());
}

}  // namespace techmarket::app
