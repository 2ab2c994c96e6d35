#include "db/schema.h"

namespace techmarket::db {
namespace {

// Reference data, organizations, offers, needs and the search outbox.
constexpr std::string_view kCatalogSchema = R"sql(
CREATE TABLE admin_provinces (
  edition TEXT NOT NULL CHECK (edition IN ('2025', '2021')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  full_name TEXT NOT NULL,
  full_name_en TEXT,
  PRIMARY KEY (edition, code)
);

CREATE TABLE admin_districts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  full_name TEXT NOT NULL,
  province_code TEXT NOT NULL
);

CREATE TABLE admin_communes (
  edition TEXT NOT NULL CHECK (edition IN ('2025', '2021')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  full_name TEXT NOT NULL,
  full_name_en TEXT,
  province_code TEXT NOT NULL,
  district_code TEXT,
  PRIMARY KEY (edition, code)
);
CREATE INDEX admin_communes_by_province ON admin_communes (edition, province_code, code);

CREATE TABLE admin_commune_links (
  new_commune_code TEXT NOT NULL,
  old_commune_code TEXT NOT NULL,
  merge_type TEXT NOT NULL CHECK (merge_type IN ('full', 'partial')),
  PRIMARY KEY (new_commune_code, old_commune_code)
);
CREATE INDEX admin_commune_links_by_old ON admin_commune_links (old_commune_code);

CREATE TABLE ipc_codes (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('section', 'class', 'subclass')),
  title_en TEXT NOT NULL
);

CREATE TABLE st_fields (
  code TEXT PRIMARY KEY,
  parent_code TEXT REFERENCES st_fields (code),
  name_vi TEXT,
  name_en TEXT NOT NULL,
  scheme TEXT NOT NULL
);

CREATE TABLE industry_sections (
  version TEXT NOT NULL CHECK (version IN ('2018', '2025')),
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (version, code)
);

CREATE TABLE trl_levels (
  level INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 9),
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL
);

CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  tax_code TEXT,
  website TEXT,
  email TEXT,
  phone TEXT,
  country_code TEXT NOT NULL DEFAULT 'VN',
  address TEXT,
  province_code TEXT,
  commune_code TEXT,
  old_province_code TEXT,
  old_district_code TEXT,
  old_commune_code TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE offers (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT,
  summary TEXT NOT NULL,
  summary_en TEXT,
  description TEXT,
  description_en TEXT,
  language TEXT NOT NULL DEFAULT 'vi',
  st_field TEXT,
  industry_section TEXT,
  industry_version TEXT,
  ipc_codes TEXT NOT NULL DEFAULT '[]',
  trl INTEGER CHECK (trl BETWEEN 1 AND 9),
  ip_status TEXT,
  ip_number TEXT,
  owner_organization_id INTEGER REFERENCES organizations (id),
  province_code TEXT,
  transfer_modes TEXT NOT NULL DEFAULT '[]',
  price_vnd INTEGER CHECK (price_vnd >= 0),
  price_negotiable INTEGER NOT NULL DEFAULT 0,
  keywords TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'draft',
  published_on TEXT,
  expires_on TEXT,
  source_url TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX offers_by_owner ON offers (owner_organization_id, id);
CREATE INDEX offers_by_status ON offers (status, id);

CREATE TABLE needs (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  title TEXT NOT NULL,
  problem TEXT NOT NULL,
  desired_result TEXT,
  language TEXT NOT NULL DEFAULT 'vi',
  st_field TEXT,
  industry_section TEXT,
  industry_version TEXT,
  budget_min_vnd INTEGER CHECK (budget_min_vnd >= 0),
  budget_max_vnd INTEGER CHECK (budget_max_vnd >= 0),
  deadline TEXT,
  province_code TEXT,
  commune_code TEXT,
  owner_organization_id INTEGER REFERENCES organizations (id),
  keywords TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'draft',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX needs_by_owner ON needs (owner_organization_id, id);
CREATE INDEX needs_by_status ON needs (status, id);

-- Each change to an indexed record adds a row here in the same transaction;
-- the indexer applies rows to Xapian and then deletes them.
CREATE TABLE search_outbox (
  id INTEGER PRIMARY KEY,
  record_type TEXT NOT NULL CHECK (record_type IN ('offer', 'need')),
  record_id INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

}  // namespace

// The platform expires records at start and on `techmarket expire`. Without
// these, finding the few records past their date read every published one:
// over a second at 1,000,000 offers.
constexpr std::string_view kExpirySchema = R"sql(
CREATE INDEX offers_due_to_expire ON offers (expires_on)
  WHERE status = 'published' AND expires_on IS NOT NULL;
CREATE INDEX needs_due_to_expire ON needs (deadline)
  WHERE status = 'published' AND deadline IS NOT NULL;
)sql";

// Needs state the lowest readiness they accept and their IPC codes, so
// matching need not guess them from the deadline and the keywords.
constexpr std::string_view kNeedFieldsSchema = R"sql(
ALTER TABLE needs ADD COLUMN trl_min INTEGER CHECK (trl_min BETWEEN 1 AND 9);
ALTER TABLE needs ADD COLUMN ipc_codes TEXT NOT NULL DEFAULT '[]';
)sql";

std::string_view reference_seed_sql();
std::string_view accounts_schema_sql();
std::string_view ledger_schema_sql();
std::string_view deals_schema_sql();
std::string_view matching_schema_sql();

const std::vector<SchemaVersion>& schema_versions() {
  static const std::vector<SchemaVersion> versions = {
      {1, "catalog: reference data, organizations, offers, needs, search outbox", kCatalogSchema},
      {2, "hand-entered classifications: S&T fields, VSIC sections, TRL scale",
       reference_seed_sql()},
      {3, "accounts: users, sessions, API tokens, password resets, audit log",
       accounts_schema_sql()},
      {4, "ledger: transactions, yearly aggregates, plans and targets, network connections",
       ledger_schema_sql()},
      {5, "deals: parties, stage history, messages and documents", deals_schema_sql()},
      {6, "matching: stored matches, follows, inbox of alerts", matching_schema_sql()},
      {7, "indexes of published offers and needs by expiry date", kExpirySchema},
      {8, "needs: lowest accepted TRL and IPC codes", kNeedFieldsSchema},
  };
  return versions;
}

}  // namespace techmarket::db
