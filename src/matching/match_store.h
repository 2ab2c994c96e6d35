// The SQL of matching: stored matches, follows, the inbox, and the names of
// reference codes that reasons show.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "matching/scoring.h"

namespace techmarket::matching {

struct StoredMatch {
  std::int64_t need_id = 0;
  std::int64_t offer_id = 0;
  double score = 0;
  std::vector<MatchReason> reasons;
  std::string computed_at;
  std::string title;  // of the other record, when listed for one side
};

// Replaces every stored match of one need (or one offer) with `matches`.
void replace_need_matches(db::Connection& connection, std::int64_t need_id,
                          const std::vector<StoredMatch>& matches);
void replace_offer_matches(db::Connection& connection, std::int64_t offer_id,
                           const std::vector<StoredMatch>& matches);
void delete_all_matches(db::Connection& connection);

// Lists the matches of a need with published offers (or of an offer with
// published needs), best first, from position `offset`.
std::vector<StoredMatch> list_need_matches(db::Connection& connection, std::int64_t need_id,
                                           std::size_t offset, std::size_t limit);
std::vector<StoredMatch> list_offer_matches(db::Connection& connection, std::int64_t offer_id,
                                            std::size_t offset, std::size_t limit);
std::size_t count_matches(db::Connection& connection);

NameTables load_name_tables(db::Connection& connection);

struct Follow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string target;  // "need", "offer" or "search"
  std::optional<std::int64_t> record_id;
  std::optional<std::string> query;
  std::string created_at;
};

// Inserts `follow` and returns its id, or returns the id of the same follow
// stored before.
std::int64_t insert_follow(db::Connection& connection, const Follow& follow);
std::optional<Follow> find_follow(db::Connection& connection, std::int64_t id);
std::vector<Follow> list_user_follows(db::Connection& connection, std::int64_t user_id);
std::vector<Follow> list_record_follows(db::Connection& connection, const std::string& target,
                                        std::int64_t record_id);
std::vector<Follow> list_search_follows(db::Connection& connection);
// Returns true when anyone follows a need or an offer.
bool any_record_follows(db::Connection& connection);
void delete_follow(db::Connection& connection, std::int64_t id);

struct InboxItem {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind = "match";
  std::optional<std::int64_t> need_id;
  std::optional<std::int64_t> offer_id;
  std::string title_vi;
  std::string title_en;
  bool read = false;
  std::string created_at;
};

// Inserts `item` unless the user already has one for the same need and
// offer; returns true when it was inserted.
bool insert_inbox_item(db::Connection& connection, const InboxItem& item);
std::vector<InboxItem> list_inbox(db::Connection& connection, std::int64_t user_id,
                                  std::int64_t after_id, std::size_t limit);
std::optional<InboxItem> find_inbox_item(db::Connection& connection, std::int64_t id);
void mark_inbox_item_read(db::Connection& connection, std::int64_t id);

}  // namespace techmarket::matching
