#include "matching/match_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "auth/account_store.h"
#include "auth/clock.h"
#include "auth/email_outbox.h"
#include "auth/record_access.h"
#include "catalog/offer.h"
#include "common/errors.h"
#include "common/pagination.h"
#include "matching/weights.h"

namespace techmarket::matching {
namespace {

using Texts = std::vector<std::pair<std::string, unsigned>>;

// Records a saved search looks through for a changed record, newest first.
constexpr std::size_t kSavedSearchDepth = 100;

std::vector<StoredMatch> best_first(std::vector<StoredMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const StoredMatch& a, const StoredMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.need_id != b.need_id ? a.need_id < b.need_id : a.offer_id < b.offer_id;
  });
  if (matches.size() > kKeptMatches) matches.resize(kKeptMatches);
  return matches;
}

std::optional<auth::Principal> follower_principal(db::Connection& connection,
                                                  std::int64_t user_id, std::string& email) {
  auto user = auth::find_user(connection, user_id);
  if (!user || user->status != "active") return std::nullopt;
  email = user->email;
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::kUser;
  principal.id = user->id;
  principal.role = user->role;
  principal.organization_id = user->organization_id;
  return principal;
}

// Puts `item` in the follower's inbox and, the first time only, in the email outbox.
bool deliver(db::Connection& connection, const InboxItem& item, const std::string& email) {
  if (!insert_inbox_item(connection, item)) return false;
  std::string body = item.title_vi + "\n" + item.title_en + "\n";
  if (item.need_id) body += fmt::format("/needs/{}\n", *item.need_id);
  if (item.offer_id) body += fmt::format("/offers/{}\n", *item.offer_id);
  auth::enqueue_email(connection, email, item.title_vi + " / " + item.title_en, body);
  return true;
}

std::vector<StoredMatch> read_stored(db::Connection& connection, bool by_need, std::int64_t id) {
  constexpr std::size_t kAll = 1000;
  return by_need ? list_need_matches(connection, id, 0, kAll)
                 : list_offer_matches(connection, id, 0, kAll);
}

}  // namespace

Texts need_texts(const needs::Need& need) {
  Texts texts = {{need.title, 4}};
  for (const auto& keyword : need.keywords) texts.emplace_back(keyword, 3);
  for (const auto& code : need.ipc_codes) texts.emplace_back(code, 3);
  texts.emplace_back(need.problem, 2);
  if (need.desired_result) texts.emplace_back(*need.desired_result, 1);
  return texts;
}

Texts offer_texts(const catalog::Offer& offer) {
  Texts texts = {{offer.title, 4}};
  if (offer.title_en) texts.emplace_back(*offer.title_en, 4);
  for (const auto& keyword : offer.keywords) texts.emplace_back(keyword, 3);
  for (const auto& code : offer.ipc_codes) texts.emplace_back(code, 3);
  texts.emplace_back(offer.summary, 2);
  if (offer.summary_en) texts.emplace_back(*offer.summary_en, 2);
  if (offer.description) texts.emplace_back(*offer.description, 1);
  if (offer.description_en) texts.emplace_back(*offer.description_en, 1);
  return texts;
}

NeedProfile need_profile(const needs::Need& need) {
  NeedProfile profile;
  profile.id = need.id;
  profile.title = need.title;
  profile.status = need.status;
  profile.owner_organization_id = need.owner_organization_id;
  profile.st_field = need.st_field;
  profile.industry_section = need.industry_section;
  if (need.industry_version) profile.industry_version = *need.industry_version;
  // A need that leaves out trl_min or ipc_codes gets guesses: readiness from
  // the deadline (see scoring.cpp) and IPC codes from keywords that are IPC
  // symbols.
  profile.trl_min = need.trl_min;
  profile.ipc_codes = need.ipc_codes;
  if (profile.ipc_codes.empty()) {
    for (const auto& keyword : need.keywords) {
      if (catalog::is_ipc_symbol(keyword)) profile.ipc_codes.push_back(keyword);
    }
  }
  profile.budget_min_vnd = need.budget_min_vnd;
  profile.budget_max_vnd = need.budget_max_vnd;
  profile.deadline = need.deadline;
  profile.province_code = need.province_code;
  return profile;
}

OfferProfile offer_profile(const catalog::Offer& offer, bool foreign) {
  OfferProfile profile;
  profile.id = offer.id;
  profile.title = offer.title;
  profile.status = offer.status;
  profile.owner_organization_id = offer.owner_organization_id;
  profile.st_field = offer.st_field;
  profile.industry_section = offer.industry_section;
  if (offer.industry_version) profile.industry_version = *offer.industry_version;
  profile.ipc_codes = offer.ipc_codes;
  profile.trl = offer.trl;
  profile.price_vnd = offer.price_vnd;
  profile.price_negotiable = offer.price_negotiable;
  profile.province_code = offer.province_code;
  profile.foreign = foreign;
  profile.date = (offer.published_on ? *offer.published_on : offer.updated_at).substr(0, 10);
  return profile;
}

MatchService::MatchService(db::Pool& pool, search::SearchIndex& index,
                           catalog::OfferService& offers, needs::NeedService& needs,
                           organizations::OrganizationService& organizations)
    : today(auth::vietnam_today),
      pool_(pool),
      index_(index),
      offers_(offers),
      needs_(needs),
      organizations_(organizations) {}

const NameTables& MatchService::names() {
  std::lock_guard lock(cache_mutex_);
  if (!names_) {
    auto connection = pool_.acquire();
    names_ = load_name_tables(*connection);
  }
  return *names_;
}

bool MatchService::is_foreign(std::optional<std::int64_t> organization_id) {
  if (!organization_id) return false;
  {
    std::lock_guard lock(cache_mutex_);
    auto found = foreign_organizations_.find(*organization_id);
    if (found != foreign_organizations_.end()) return found->second;
  }
  bool foreign = false;
  try {
    foreign = organizations_.get(*organization_id).country_code != "VN";
  } catch (const NotFoundError&) {
  }
  std::lock_guard lock(cache_mutex_);
  foreign_organizations_[*organization_id] = foreign;
  return foreign;
}

std::optional<NeedProfile> MatchService::published_need(std::int64_t id, Texts& texts) {
  try {
    auto need = needs_.get(auth::Principal::system(), id);
    if (need.status != "published") return std::nullopt;
    texts = need_texts(need);
    return need_profile(need);
  } catch (const NotFoundError&) {
    return std::nullopt;
  }
}

std::optional<OfferProfile> MatchService::published_offer(std::int64_t id, Texts* texts) {
  try {
    auto offer = offers_.get(auth::Principal::system(), id);
    if (offer.status != "published") return std::nullopt;
    if (texts) *texts = offer_texts(offer);
    return offer_profile(offer, is_foreign(offer.owner_organization_id));
  } catch (const NotFoundError&) {
    return std::nullopt;
  }
}

std::vector<StoredMatch> MatchService::match_need(const NeedProfile& need, const Texts& texts) {
  search::SimilarQuery query;
  query.texts = texts;
  query.record_type = "offer";
  query.limit = kCandidates;
  query.texts_indexed = need.id != 0;
  auto day = today();
  auto computed_at = db::now_utc();

  std::vector<StoredMatch> matches;
  for (const auto& hit : index_.similar(query)) {
    auto offer = published_offer(hit.id, nullptr);
    if (!offer) continue;
    TextSimilarity text{hit.query_coverage, hit.record_coverage, hit.shared_words};
    auto scored = score_pair(need, *offer, text, names(), day);
    if (!scored) continue;
    matches.push_back(
        {need.id, offer->id, scored->score, std::move(scored->reasons), computed_at, offer->title});
  }
  return best_first(std::move(matches));
}

void MatchService::need_changed(std::int64_t need_id) {
  std::optional<needs::Need> need;
  try {
    need = needs_.get(auth::Principal::system(), need_id);
  } catch (const NotFoundError&) {
  }
  std::vector<StoredMatch> matches;
  if (need && need->status == "published") matches = match_need(need_profile(*need), need_texts(*need));

  std::optional<ChangedRecord> changed;
  if (need && need->status != "archived") {
    changed = ChangedRecord{"need", need_id, need->title, need->status,
                            need->owner_organization_id};
  }
  store_matches(true, need_id, matches, changed);
}

void MatchService::offer_changed(std::int64_t offer_id) {
  std::optional<catalog::Offer> offer;
  try {
    offer = offers_.get(auth::Principal::system(), offer_id);
  } catch (const NotFoundError&) {
  }
  std::vector<StoredMatch> matches;
  if (offer && offer->status == "published") {
    auto profile = offer_profile(*offer, is_foreign(offer->owner_organization_id));
    search::SimilarQuery query;
    query.texts = offer_texts(*offer);
    query.record_type = "need";
    query.limit = kCandidates;
    query.texts_indexed = true;
    auto day = today();
    auto computed_at = db::now_utc();
    for (const auto& hit : index_.similar(query)) {
      Texts unused;
      auto need = published_need(hit.id, unused);
      if (!need) continue;
      // The query is the offer here, so the coverages swap sides.
      TextSimilarity text{hit.record_coverage, hit.query_coverage, hit.shared_words};
      auto scored = score_pair(*need, profile, text, names(), day);
      if (!scored) continue;
      matches.push_back(
          {need->id, offer_id, scored->score, std::move(scored->reasons), computed_at, need->title});
    }
    matches = best_first(std::move(matches));
  }

  std::optional<ChangedRecord> changed;
  if (offer && offer->status != "archived") {
    changed = ChangedRecord{"offer", offer_id, offer->title, offer->status,
                            offer->owner_organization_id};
  }
  store_matches(false, offer_id, matches, changed);
}

void MatchService::store_matches(bool by_need, std::int64_t id,
                                 const std::vector<StoredMatch>& matches,
                                 const std::optional<ChangedRecord>& changed) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto before = read_stored(*connection, by_need, id);
  if (by_need) {
    replace_need_matches(*connection, id, matches);
  } else {
    replace_offer_matches(*connection, id, matches);
  }
  std::size_t alerts = alert_new_matches(*connection, before, matches);
  if (changed) alerts += alert_saved_searches(*connection, *changed);
  transaction.commit();
  spdlog::info("event=matches_updated {}_id={} matches={} alerts={}", by_need ? "need" : "offer",
               id, matches.size(), alerts);
}

std::size_t MatchService::alert_new_matches(db::Connection& connection,
                                            const std::vector<StoredMatch>& before,
                                            const std::vector<StoredMatch>& after) {
  std::set<std::pair<std::int64_t, std::int64_t>> known;
  for (const auto& match : before) known.emplace(match.need_id, match.offer_id);

  std::size_t sent = 0;
  for (const auto& match : after) {
    if (known.count({match.need_id, match.offer_id})) continue;
    auto followers = list_record_follows(connection, "need", match.need_id);
    auto offer_followers = list_record_follows(connection, "offer", match.offer_id);
    followers.insert(followers.end(), offer_followers.begin(), offer_followers.end());
    if (followers.empty()) continue;
    auto need = needs_.get(auth::Principal::system(), match.need_id);
    auto offer = offers_.get(auth::Principal::system(), match.offer_id);

    for (const auto& follow : followers) {
      std::string email;
      auto principal = follower_principal(connection, follow.user_id, email);
      if (!principal) continue;
      if (!auth::can_see_record(*principal, need.owner_organization_id, need.status) ||
          !auth::can_see_record(*principal, offer.owner_organization_id, offer.status)) {
        continue;
      }
      InboxItem item;
      item.user_id = follow.user_id;
      item.need_id = match.need_id;
      item.offer_id = match.offer_id;
      item.created_at = db::now_utc();
      if (follow.target == "need") {
        item.title_vi = fmt::format("Công nghệ phù hợp mới cho \"{}\": {}", need.title, offer.title);
        item.title_en = fmt::format("New offer matching \"{}\": {}", need.title, offer.title);
      } else {
        item.title_vi = fmt::format("Nhu cầu phù hợp mới với \"{}\": {}", offer.title, need.title);
        item.title_en = fmt::format("New need matching \"{}\": {}", offer.title, need.title);
      }
      if (deliver(connection, item, email)) ++sent;
    }
  }
  return sent;
}

std::size_t MatchService::alert_saved_searches(db::Connection& connection,
                                               const ChangedRecord& record) {
  const auto& [record_type, id, title, status, owner] = record;
  std::size_t sent = 0;
  for (const auto& follow : list_search_follows(connection)) {
    std::string email;
    auto principal = follower_principal(connection, follow.user_id, email);
    if (!principal || !auth::can_see_record(*principal, owner, status)) continue;

    search::SearchQuery query;
    query.text = follow.query.value_or("");
    query.record_type = record_type;
    query.status = status;
    query.order = search::SearchOrder::kNewest;
    query.limit = kSavedSearchDepth;
    query.with_facets = false;
    query.with_snippets = false;
    query.with_fallback = false;
    auto result = index_.search(query);
    bool found = std::any_of(result.items.begin(), result.items.end(),
                             [&](const search::SearchHit& hit) { return hit.id == id; });
    if (!found) continue;

    InboxItem item;
    item.user_id = follow.user_id;
    if (record_type == "need") item.need_id = id;
    if (record_type == "offer") item.offer_id = id;
    item.created_at = db::now_utc();
    item.title_vi = fmt::format("Kết quả mới cho tìm kiếm \"{}\": {}", *follow.query, title);
    item.title_en = fmt::format("New result for the search \"{}\": {}", *follow.query, title);
    if (deliver(connection, item, email)) ++sent;
  }
  return sent;
}

std::size_t MatchService::records_imported(const std::string& record_type,
                                           const std::vector<std::int64_t>& ids,
                                           unsigned threads) {
  if (ids.empty() || (record_type != "offer" && record_type != "need")) return 0;
  // One record costs about as much as one need of a recompute, and a
  // recompute costs one per published need, so past a few hundred records
  // the recompute is the cheaper way.
  if (ids.size() > kImportedOneByOne) {
    recompute_all(threads);
    return 0;
  }
  for (auto id : ids) {
    if (record_type == "need") {
      need_changed(id);
    } else {
      offer_changed(id);
    }
  }
  return ids.size();
}

RecomputeReport MatchService::recompute_all(unsigned threads) {
  std::vector<std::int64_t> need_ids;
  needs::NeedFilter filter;
  filter.status = "published";
  filter.limit = kMaxPageSize;
  for (;;) {
    auto page = needs_.list(auth::Principal::system(), filter);
    for (const auto& need : page.items) need_ids.push_back(need.id);
    if (!page.next_after_id) break;
    filter.after_id = *page.next_after_id;
  }

  // Each thread takes the next need until none is left.
  std::vector<std::vector<StoredMatch>> results(need_ids.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < need_ids.size(); i = next++) {
      Texts texts;
      auto need = published_need(need_ids[i], texts);
      if (need) results[i] = match_need(*need, texts);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();

  RecomputeReport report;
  report.needs = need_ids.size();
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  // Pairs stored before the recompute are not new, so they alert nobody.
  bool followed = any_record_follows(*connection);
  std::vector<std::vector<StoredMatch>> before(followed ? need_ids.size() : 0);
  for (std::size_t i = 0; i < before.size(); ++i) {
    before[i] = read_stored(*connection, true, need_ids[i]);
  }
  delete_all_matches(*connection);
  for (std::size_t i = 0; i < need_ids.size(); ++i) {
    replace_need_matches(*connection, need_ids[i], results[i]);
    report.matches += results[i].size();
    if (followed) report.alerts += alert_new_matches(*connection, before[i], results[i]);
  }
  transaction.commit();
  spdlog::info("event=matches_recomputed needs={} matches={} alerts={} threads={}", report.needs,
               report.matches, report.alerts, threads);
  return report;
}

MatchPage MatchService::need_matches(const auth::Principal& viewer, std::int64_t need_id,
                                     std::size_t offset, std::size_t limit) {
  needs_.get(viewer, need_id);  // throws NotFoundError when hidden from `viewer`
  auto connection = pool_.acquire();
  MatchPage page;
  page.items = list_need_matches(*connection, need_id, offset, limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_offset = offset + limit;
  }
  return page;
}

MatchPage MatchService::offer_matches(const auth::Principal& viewer, std::int64_t offer_id,
                                      std::size_t offset, std::size_t limit) {
  offers_.get(viewer, offer_id);  // throws NotFoundError when hidden from `viewer`
  auto connection = pool_.acquire();
  MatchPage page;
  page.items = list_offer_matches(*connection, offer_id, offset, limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_offset = offset + limit;
  }
  return page;
}

}  // namespace techmarket::matching
