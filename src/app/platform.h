// Everything a running techmarket needs, built from one data directory: the
// database (migrated), the search index (brought up to date from the outbox),
// the services and the HTTP routes.
#pragma once

#include <filesystem>
#include <memory>

#include "auth/session_service.h"
#include "auth/user_service.h"
#include "catalog/offer_service.h"
#include "db/sqlite.h"
#include "deals/deal_service.h"
#include "http/metrics.h"
#include "http/router.h"
#include "indicators/plans.h"
#include "ledger/ledger_service.h"
#include "matching/follow_service.h"
#include "matching/match_service.h"
#include "needs/need_service.h"
#include "organizations/organization_service.h"
#include "search/index.h"
#include "search/outbox.h"

namespace techmarket::app {

struct PlatformOptions {
  auth::AuthOptions auth;
};

class Platform {
 public:
  // Creates `data_dir` if needed, opens techmarket.db and the index under it,
  // applies migrations, replays pending index updates and expires the offers
  // and needs whose date has passed.
  explicit Platform(const std::filesystem::path& data_dir, PlatformOptions options = {});

  db::Pool& pool() { return pool_; }
  search::SearchIndex& index() { return index_; }
  search::Indexer& indexer() { return indexer_; }
  http::Metrics& metrics() { return metrics_; }
  const http::Router& router() const { return router_; }
  auth::SessionService& sessions() { return sessions_; }
  auth::UserService& users() { return users_; }
  catalog::OfferService& offers() { return offers_; }
  needs::NeedService& needs() { return needs_; }
  organizations::OrganizationService& organizations() { return organizations_; }
  ledger::LedgerService& ledger() { return ledger_; }
  indicators::PlanService& plans() { return plans_; }
  // Deals; the ledger connects to them with DealService::set_contract_hook.
  deals::DealService& deals() { return deals_; }
  matching::MatchService& matches() { return matches_; }
  matching::FollowService& follows() { return follows_; }
  // Expires the published offers and needs whose date is before today; returns how many.
  // TODO: a running server expires records only when it starts; until a timer
  // calls this, run `techmarket expire` once a day.
  std::size_t expire_due_records();
  std::size_t expired_at_open() const { return expired_at_open_; }

  // Serves the built web application from `web_dir` for paths that no API
  // route matches. Throws std::filesystem::filesystem_error when it is missing.
  void serve_web_files(const std::filesystem::path& web_dir);

 private:
  void add_routes();

  std::filesystem::path data_dir_;
  db::Pool pool_;
  search::SearchIndex index_;
  search::Indexer indexer_;
  http::Metrics metrics_;
  catalog::OfferService offers_;
  needs::NeedService needs_;
  organizations::OrganizationService organizations_;
  ledger::LedgerService ledger_;
  indicators::PlanService plans_;
  deals::DealService deals_;
  matching::MatchService matches_;
  matching::FollowService follows_;
  auth::SessionService sessions_;
  auth::UserService users_;
  http::Router router_;
  std::size_t expired_at_open_ = 0;
};

}  // namespace techmarket::app
