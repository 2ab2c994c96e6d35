// Keeps the stored matches between published needs and published offers
// current, lists them, and sends alerts to followers. Text similarity comes
// from the search index, so it must be up to date (the services drain the
// index outbox before they call the change hooks).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "catalog/offer_service.h"
#include "db/sqlite.h"
#include "matching/match_store.h"
#include "matching/scoring.h"
#include "needs/need_service.h"
#include "organizations/organization_service.h"
#include "search/index.h"

namespace techmarket::matching {

struct MatchPage {
  std::vector<StoredMatch> items;
  std::optional<std::size_t> next_offset;  // set when more matches follow
};

struct RecomputeReport {
  std::size_t needs = 0;    // published needs matched
  std::size_t matches = 0;  // rows stored
  std::size_t alerts = 0;   // new inbox items
};

class MatchService {
 public:
  MatchService(db::Pool& pool, search::SearchIndex& index, catalog::OfferService& offers,
               needs::NeedService& needs, organizations::OrganizationService& organizations);

  // Recomputes the matches of one need (or offer) against every published
  // offer (or need), replaces that record's stored rows only, and alerts the
  // followers of new matches and the saved searches the record now meets.
  // A record that is not published loses its matches.
  void need_changed(std::int64_t need_id);
  void offer_changed(std::int64_t offer_id);

  // Brings stored matches up to date after an import created or updated the
  // records `ids` of `record_type`, "offer" or "need" (others are ignored).
  // Imports bypass the services. Up to kImportedOneByOne records are
  // matched one by one, with the same alerts as an edit. More run
  // recompute_all on `threads` threads, which alerts no saved search.
  // Returns how many records were matched one by one, 0 after a recompute.
  std::size_t records_imported(const std::string& record_type,
                               const std::vector<std::int64_t>& ids, unsigned threads);
  static constexpr std::size_t kImportedOneByOne = 200;

  // Scores the published offers most like `need` without storing anything.
  std::vector<StoredMatch> match_need(const NeedProfile& need,
                                      const std::vector<std::pair<std::string, unsigned>>& texts);

  // Replaces every stored match with the matches of every published need,
  // computed on `threads` threads, and alerts followers of new matches.
  RecomputeReport recompute_all(unsigned threads);

  // Lists the matches of a need or offer that `viewer` may see (NotFoundError
  // otherwise), best first.
  MatchPage need_matches(const auth::Principal& viewer, std::int64_t need_id, std::size_t offset,
                         std::size_t limit);
  MatchPage offer_matches(const auth::Principal& viewer, std::int64_t offer_id,
                          std::size_t offset, std::size_t limit);

  // Test and benchmark hook: the date used as today (YYYY-MM-DD); defaults
  // to the current UTC date.
  std::function<std::string()> today;

 private:
  std::optional<NeedProfile> published_need(std::int64_t id,
                                            std::vector<std::pair<std::string, unsigned>>& texts);
  std::optional<OfferProfile> published_offer(
      std::int64_t id, std::vector<std::pair<std::string, unsigned>>* texts);
  bool is_foreign(std::optional<std::int64_t> organization_id);
  std::size_t alert_new_matches(db::Connection& connection, const std::vector<StoredMatch>& before,
                                const std::vector<StoredMatch>& after);
  // A record that changed, as saved searches see it.
  struct ChangedRecord {
    std::string record_type;  // "need" or "offer"
    std::int64_t id = 0;
    std::string title;
    std::string status;
    std::optional<std::int64_t> owner_organization_id;
  };
  // Replaces the stored matches of need (by_need) or offer `id` with
  // `matches` and sends the alerts in one transaction. Saved searches look
  // at `changed` when it is set.
  void store_matches(bool by_need, std::int64_t id, const std::vector<StoredMatch>& matches,
                     const std::optional<ChangedRecord>& changed);
  std::size_t alert_saved_searches(db::Connection& connection, const ChangedRecord& record);
  const NameTables& names();

  db::Pool& pool_;
  search::SearchIndex& index_;
  catalog::OfferService& offers_;
  needs::NeedService& needs_;
  organizations::OrganizationService& organizations_;

  std::mutex cache_mutex_;
  std::optional<NameTables> names_;
  std::map<std::int64_t, bool> foreign_organizations_;
};

// The texts of a need and of an offer with their weights, as the search
// index weighs them (title 4, keywords 3, summary or problem 2, the rest 1).
std::vector<std::pair<std::string, unsigned>> need_texts(const needs::Need& need);
std::vector<std::pair<std::string, unsigned>> offer_texts(const catalog::Offer& offer);

NeedProfile need_profile(const needs::Need& need);
OfferProfile offer_profile(const catalog::Offer& offer, bool foreign);

}  // namespace techmarket::matching
