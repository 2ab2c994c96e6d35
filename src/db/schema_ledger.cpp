// Schema version 4: the transaction ledger, its per-year aggregates, plans
// with their targets (seeded with the Tây Ninh plan and the national
// programme), and the date an intermediary joined the national network.
#include <string_view>

namespace techmarket::db {

std::string_view ledger_schema_sql() {
  return R"sql(
ALTER TABLE organizations ADD COLUMN national_network_connected_on TEXT;

CREATE TABLE transaction_types (
  code TEXT PRIMARY KEY,
  group_code TEXT NOT NULL CHECK (group_code IN ('technology', 'ip', 'rnd', 'service', 'other')),
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL
);

INSERT INTO transaction_types (code, group_code, name_vi, name_en, position) VALUES
  ('technology_licence', 'technology', 'Chuyển giao quyền sử dụng công nghệ',
   'Technology licence', 1),
  ('technology_assignment', 'technology', 'Chuyển giao quyền sở hữu công nghệ',
   'Technology assignment', 2),
  ('patent_licence', 'ip', 'Chuyển quyền sử dụng sáng chế', 'Patent licence', 3),
  ('patent_assignment', 'ip', 'Chuyển nhượng quyền sở hữu sáng chế', 'Patent assignment', 4),
  ('utility_solution_licence', 'ip', 'Chuyển quyền sử dụng giải pháp hữu ích',
   'Utility solution licence', 5),
  ('utility_solution_assignment', 'ip', 'Chuyển nhượng quyền sở hữu giải pháp hữu ích',
   'Utility solution assignment', 6),
  ('industrial_design_licence', 'ip', 'Chuyển quyền sử dụng kiểu dáng công nghiệp',
   'Industrial design licence', 7),
  ('industrial_design_assignment', 'ip', 'Chuyển nhượng quyền sở hữu kiểu dáng công nghiệp',
   'Industrial design assignment', 8),
  ('trademark_licence', 'ip', 'Chuyển quyền sử dụng nhãn hiệu', 'Trademark licence', 9),
  ('trademark_assignment', 'ip', 'Chuyển nhượng quyền sở hữu nhãn hiệu',
   'Trademark assignment', 10),
  ('plant_variety_licence', 'ip', 'Chuyển quyền sử dụng giống cây trồng',
   'Plant variety licence', 11),
  ('plant_variety_assignment', 'ip', 'Chuyển nhượng quyền đối với giống cây trồng',
   'Plant variety assignment', 12),
  ('rnd_contract', 'rnd', 'Hợp đồng nghiên cứu và phát triển', 'R&D contract', 13),
  ('consulting', 'service', 'Tư vấn chuyển giao công nghệ', 'Technology transfer consulting', 14),
  ('assessment', 'service', 'Đánh giá công nghệ', 'Technology assessment', 15),
  ('valuation', 'service', 'Định giá công nghệ', 'Technology valuation', 16),
  ('appraisal', 'service', 'Giám định công nghệ', 'Technology appraisal', 17),
  ('brokering', 'service', 'Môi giới chuyển giao công nghệ', 'Technology transfer brokering', 18),
  ('equipment_with_technology', 'technology', 'Mua bán thiết bị kèm chuyển giao công nghệ',
   'Equipment sold with its technology', 19),
  ('other', 'other', 'Giao dịch khác', 'Other transaction', 20);

CREATE TABLE transactions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('contract', 'mou')),
  type TEXT NOT NULL REFERENCES transaction_types (code),
  title TEXT NOT NULL,
  value_vnd INTEGER NOT NULL CHECK (value_vnd >= 0),
  signed_on TEXT NOT NULL,  -- YYYY-MM-DD, a calendar date in Vietnam
  payment_status TEXT NOT NULL CHECK (payment_status IN ('unpaid', 'partly_paid', 'paid')),
  contract_number TEXT,
  registration_number TEXT,
  evidence_file TEXT,
  source TEXT NOT NULL
    CHECK (source IN ('deal', 'registered_contract', 'intermediary_report', 'event', 'other')),
  deal_id INTEGER,
  buyer_organization_id INTEGER REFERENCES organizations (id),
  seller_organization_id INTEGER REFERENCES organizations (id),
  intermediary_organization_id INTEGER REFERENCES organizations (id),
  buyer_province_code TEXT,
  seller_province_code TEXT,
  verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  verified_by INTEGER REFERENCES users (id),
  verified_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX transactions_by_year ON transactions (substr(signed_on, 1, 4), id);

-- Verified contracts only, per signing year and type. Services change a row
-- in the same SQLite transaction as the ledger row it summarises.
CREATE TABLE ledger_aggregates (
  year INTEGER NOT NULL,
  type TEXT NOT NULL REFERENCES transaction_types (code),
  transaction_count INTEGER NOT NULL,
  value_vnd INTEGER NOT NULL,
  PRIMARY KEY (year, type)
) WITHOUT ROWID;

CREATE TABLE plans (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('province', 'national')),
  base_year INTEGER NOT NULL  -- growth targets compare with the value of this year
);

CREATE TABLE plan_targets (
  id INTEGER PRIMARY KEY,
  plan_code TEXT NOT NULL REFERENCES plans (code),
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  comparison TEXT NOT NULL CHECK (comparison IN ('at_least', 'above', 'within')),
  value REAL,
  low REAL,
  high REAL,
  CHECK (comparison = 'within' AND low IS NOT NULL AND high IS NOT NULL AND value IS NULL
         OR comparison <> 'within' AND value IS NOT NULL AND low IS NULL AND high IS NULL)
);
CREATE INDEX plan_targets_by_plan ON plan_targets (plan_code, indicator, year);

INSERT INTO plans (code, name_vi, name_en, issued_on, scope, base_year) VALUES
  ('tay-ninh-5008',
   'Kế hoạch 5008/KH-UBND phát triển thị trường khoa học và công nghệ tỉnh Tây Ninh',
   'Tây Ninh plan 5008/KH-UBND for the science and technology market',
   '2021-12-30', 'province', 2020),
  ('national-1158',
   'Chương trình phát triển thị trường khoa học và công nghệ quốc gia (Quyết định 1158/QĐ-TTg)',
   'National programme for the science and technology market (Decision 1158/QĐ-TTg)',
   '2021-07-13', 'national', 2020);

INSERT INTO plan_targets (plan_code, indicator, year, comparison, value, low, high) VALUES
  ('tay-ninh-5008', 'transaction_value_growth', 2025, 'at_least', 5, NULL, NULL),
  ('tay-ninh-5008', 'transaction_value_growth', 2030, 'at_least', 10, NULL, NULL),
  ('tay-ninh-5008', 'ip_share_value', 2025, 'above', 5, NULL, NULL),
  ('tay-ninh-5008', 'ip_share_value', 2030, 'above', 10, NULL, NULL),
  ('tay-ninh-5008', 'technology_share_value', 2025, 'within', NULL, 5, 10),
  ('tay-ninh-5008', 'technology_share_value', 2030, 'within', NULL, 10, 20),
  ('tay-ninh-5008', 'intermediaries_connected', 2025, 'at_least', 1, NULL, NULL),
  ('tay-ninh-5008', 'intermediaries_connected', 2030, 'at_least', 2, NULL, NULL),
  ('tay-ninh-5008', 'digitized_research_results', 2030, 'at_least', 1, NULL, NULL),
  ('national-1158', 'transaction_value_growth', 2025, 'at_least', 25, NULL, NULL),
  ('national-1158', 'transaction_value_growth', 2030, 'at_least', 30, NULL, NULL),
  ('national-1158', 'ip_share_value', 2025, 'above', 15, NULL, NULL),
  ('national-1158', 'ip_share_value', 2030, 'above', 20, NULL, NULL),
  ('national-1158', 'intermediaries_connected', 2025, 'at_least', 80, NULL, NULL),
  ('national-1158', 'intermediaries_connected', 2030, 'at_least', 240, NULL, NULL);
)sql";
}

}  // namespace techmarket::db
