// Schema version 5: deals, their parties, stage history, messages and
// documents. It refers only to tables of versions 1 and 3.
#include <string_view>

namespace techmarket::db {

std::string_view deals_schema_sql() {
  return R"sql(
CREATE TABLE deals (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('contact', 'negotiation', 'mou', 'contract_signed',
                                       'registered', 'completed', 'abandoned')),
  abandon_reason TEXT,
  certificate_number TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('interest', 'event', 'intermediary', 'staff')),
  offer_id INTEGER REFERENCES offers (id),
  need_id INTEGER REFERENCES needs (id),
  opened_by_user_id INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (stage <> 'abandoned' OR abandon_reason IS NOT NULL),
  CHECK (stage <> 'registered' OR certificate_number IS NOT NULL)
);
CREATE INDEX deals_by_stage ON deals (stage, id);
CREATE INDEX deals_by_opener ON deals (opened_by_user_id, id);

CREATE TABLE deal_parties (
  deal_id INTEGER NOT NULL REFERENCES deals (id),
  role TEXT NOT NULL CHECK (role IN ('buyer', 'seller', 'intermediary')),
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (deal_id, role, organization_id)
);
CREATE INDEX deal_parties_by_organization ON deal_parties (organization_id, deal_id);

CREATE TABLE deal_stage_history (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals (id),
  stage TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_user_id INTEGER REFERENCES users (id),
  note TEXT
);
CREATE INDEX deal_stage_history_by_deal ON deal_stage_history (deal_id, id);

CREATE TABLE deal_messages (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals (id),
  author_user_id INTEGER REFERENCES users (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX deal_messages_by_deal ON deal_messages (deal_id, id);

-- The files live under the data directory; stored_name is their name there.
CREATE TABLE deal_documents (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals (id),
  uploader_user_id INTEGER REFERENCES users (id),
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  created_at TEXT NOT NULL
);
CREATE INDEX deal_documents_by_deal ON deal_documents (deal_id, id);
)sql";
}

}  // namespace techmarket::db
