// Schema version 3: accounts, sessions, sign-in limits, password resets, the
// email outbox, API tokens, the review workflow's rejection reason, and the
// append-only audit log.
#include <string_view>

namespace techmarket::db {

std::string_view accounts_schema_sql() {
  return R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,  -- stored in lower case
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'officer', 'member')),
  organization_id INTEGER REFERENCES organizations (id),
  password_hash TEXT NOT NULL,  -- argon2id, encoded by crypto_pwhash_str_alg
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (organization_id IS NOT NULL OR role IN ('admin', 'staff'))
);

-- Only the BLAKE2b digest of a session token is stored, so a copy of the
-- database cannot be used to sign in.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  client_address TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, failed_at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (client_address, failed_at);

CREATE TABLE password_resets (
  id INTEGER PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE email_outbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_digest TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL DEFAULT '[]',  -- JSON array such as ["catalog:write"]
  organization_id INTEGER REFERENCES organizations (id),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

ALTER TABLE offers ADD COLUMN rejection_reason TEXT;
ALTER TABLE needs ADD COLUMN rejection_reason TEXT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system', 'visitor')),
  actor_id INTEGER,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id INTEGER,
  before_json TEXT,  -- NULL for a created record
  after_json TEXT
);
CREATE INDEX audit_log_by_record ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_type, actor_id, id);

CREATE TRIGGER audit_log_rejects_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated');
END;
CREATE TRIGGER audit_log_rejects_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
)sql";
}

}  // namespace techmarket::db
