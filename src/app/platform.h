// Everything a running techmarket needs, built from one data directory: the
// database (migrated), the search index (brought up to date from the outbox),
// the services and the HTTP routes.
#pragma once

#include <filesystem>
#include <memory>

#include "catalog/offer_service.h"
#include "db/sqlite.h"
#include "http/metrics.h"
#include "http/router.h"
#include "needs/need_service.h"
#include "organizations/organization_service.h"
#include "search/index.h"
#include "search/outbox.h"

namespace techmarket::app {

class Platform {
 public:
  // Creates `data_dir` if needed, opens techmarket.db and the index under it,
  // applies migrations and replays pending index updates.
  explicit Platform(const std::filesystem::path& data_dir);

  db::Pool& pool() { return pool_; }
  search::SearchIndex& index() { return index_; }
  search::Indexer& indexer() { return indexer_; }
  http::Metrics& metrics() { return metrics_; }
  const http::Router& router() const { return router_; }

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
  http::Router router_;
};

}  // namespace techmarket::app
