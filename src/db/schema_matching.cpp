// Schema version 6: stored matches between needs and offers, follows of
// records and saved searches, and the in-app inbox of match alerts.
#include <string_view>

namespace techmarket::db {

std::string_view matching_schema_sql() {
  return R"sql(
-- Derived data: `techmarket match recompute` rebuilds it from needs and offers.
CREATE TABLE matches (
  need_id INTEGER NOT NULL REFERENCES needs (id),
  offer_id INTEGER NOT NULL REFERENCES offers (id),
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  reasons TEXT NOT NULL,  -- JSON list of {"code", "text_vi", "text_en"}
  computed_at TEXT NOT NULL,
  PRIMARY KEY (need_id, offer_id)
);
CREATE INDEX matches_by_offer ON matches (offer_id, need_id);

-- What a user follows: a need, an offer, or a saved search (a query string).
CREATE TABLE follows (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  target TEXT NOT NULL CHECK (target IN ('need', 'offer', 'search')),
  record_id INTEGER,
  query TEXT,
  created_at TEXT NOT NULL,
  CHECK ((target = 'search' AND query IS NOT NULL AND record_id IS NULL) OR
         (target <> 'search' AND record_id IS NOT NULL AND query IS NULL))
);
CREATE UNIQUE INDEX follows_once
  ON follows (user_id, target, coalesce(record_id, 0), coalesce(query, ''));
CREATE INDEX follows_by_record ON follows (target, record_id);

-- One alert per user and pair of records: the unique index makes a second
-- alert for the same match impossible, also across recomputes. A saved
-- search hit has one of need_id and offer_id only.
CREATE TABLE inbox (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('match')),
  need_id INTEGER REFERENCES needs (id),
  offer_id INTEGER REFERENCES offers (id),
  title_vi TEXT NOT NULL,
  title_en TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX inbox_once ON inbox (user_id, coalesce(need_id, 0), coalesce(offer_id, 0));
)sql";
}

}  // namespace techmarket::db
