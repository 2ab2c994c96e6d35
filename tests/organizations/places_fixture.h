// Real rows of the administrative map around Tây Ninh for organization and
// need tests, so they do not depend on importing the whole map.
#pragma once

#include "db/sqlite.h"

namespace techmarket::testing {

// Inserts edition "2025" provinces 80 Tây Ninh and 79 Hồ Chí Minh with one ward
// each (25459 Tân Ninh, 25747 Thủ Dầu Một). Inserts edition "2021" provinces
// 72 Tây Ninh and 80 Long An, districts 703 and 705 of province 72, ward 25459
// in district 703 and township 25486 in district 705.
inline void insert_tay_ninh_places(db::Connection& connection) {
  connection.execute(R"sql(
INSERT INTO admin_provinces (edition, code, name, full_name) VALUES
  ('2025', '80', 'Tây Ninh', 'Tỉnh Tây Ninh'),
  ('2025', '79', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh'),
  ('2021', '72', 'Tây Ninh', 'Tỉnh Tây Ninh'),
  ('2021', '80', 'Long An', 'Tỉnh Long An');
INSERT INTO admin_districts (code, name, full_name, province_code) VALUES
  ('703', 'Tây Ninh', 'Thành phố Tây Ninh', '72'),
  ('705', 'Tân Biên', 'Huyện Tân Biên', '72');
INSERT INTO admin_communes (edition, code, name, full_name, province_code, district_code) VALUES
  ('2025', '25459', 'Tân Ninh', 'Phường Tân Ninh', '80', NULL),
  ('2025', '25747', 'Thủ Dầu Một', 'Phường Thủ Dầu Một', '79', NULL),
  ('2021', '25459', '3', 'Phường 3', '72', '703'),
  ('2021', '25486', 'Tân Biên', 'Thị trấn Tân Biên', '72', '705');
)sql");
}

}  // namespace techmarket::testing
