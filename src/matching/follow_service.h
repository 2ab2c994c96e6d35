// Follows of needs, offers and saved searches, and the inbox where their
// alerts arrive. Each user sees and changes only their own.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/principal.h"
#include "catalog/offer_service.h"
#include "db/sqlite.h"
#include "matching/match_store.h"
#include "needs/need_service.h"

namespace techmarket::matching {

inline constexpr std::array<std::string_view, 3> kFollowTargets = {"need", "offer", "search"};
inline constexpr std::size_t kMaxSavedQueryLength = 200;

nlohmann::json to_json(const Follow& follow);
nlohmann::json to_json(const InboxItem& item);

struct InboxPage {
  std::vector<InboxItem> items;
  std::optional<std::int64_t> next_after_id;  // set when more items follow
};

class FollowService {
 public:
  FollowService(db::Pool& pool, catalog::OfferService& offers, needs::NeedService& needs)
      : pool_(pool), offers_(offers), needs_(needs) {}

  // Each method throws ValidationError, NotFoundError or ForbiddenError for
  // expected failures and changes nothing then. Only signed-in users follow:
  // API tokens and the system have no inbox.
  //
  // Follows the record or saved search in `body` ({"target", "id"?,
  // "query"?}); following a record needs the right to see it. Following the
  // same thing twice returns the first follow; `created` says which.
  Follow follow(const auth::Principal& actor, const nlohmann::json& body, bool& created);
  std::vector<Follow> list(const auth::Principal& actor);
  void unfollow(const auth::Principal& actor, std::int64_t id);

  InboxPage inbox(const auth::Principal& actor, std::int64_t after_id, std::size_t limit);
  InboxItem mark_read(const auth::Principal& actor, std::int64_t id);

 private:
  db::Pool& pool_;
  catalog::OfferService& offers_;
  needs::NeedService& needs_;
};

}  // namespace techmarket::matching
