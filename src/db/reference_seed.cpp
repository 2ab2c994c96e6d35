// Classifications entered by hand because no machine-readable official list
// was available: the six top-level S&T fields, the VSIC sections and the TRL scale.
#include <string_view>

namespace techmarket::db {

std::string_view reference_seed_sql() {
  return R"sql(
INSERT INTO st_fields (code, parent_code, name_vi, name_en, scheme) VALUES
  ('1', NULL, 'Khoa học tự nhiên', 'Natural sciences', 'top'),
  ('2', NULL, 'Khoa học kỹ thuật và công nghệ', 'Engineering and technology', 'top'),
  ('3', NULL, 'Khoa học y, dược', 'Medical and health sciences', 'top'),
  ('4', NULL, 'Khoa học nông nghiệp', 'Agricultural and veterinary sciences', 'top'),
  ('5', NULL, 'Khoa học xã hội', 'Social sciences', 'top'),
  ('6', NULL, 'Khoa học nhân văn', 'Humanities and the arts', 'top');

-- VSIC 2018 (Decision 27/2018/QĐ-TTg): 21 sections, the same letters as ISIC Rev.4.
INSERT INTO industry_sections (version, code, name_vi, name_en) VALUES
  ('2018', 'A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
  ('2018', 'B', 'Khai khoáng', 'Mining and quarrying'),
  ('2018', 'C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
  ('2018', 'D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
   'Electricity, gas, steam and air conditioning supply'),
  ('2018', 'E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
   'Water supply; sewerage, waste management and remediation'),
  ('2018', 'F', 'Xây dựng', 'Construction'),
  ('2018', 'G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
   'Wholesale and retail trade; repair of motor vehicles and motorcycles'),
  ('2018', 'H', 'Vận tải kho bãi', 'Transportation and storage'),
  ('2018', 'I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
  ('2018', 'J', 'Thông tin và truyền thông', 'Information and communication'),
  ('2018', 'K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
  ('2018', 'L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
  ('2018', 'M', 'Hoạt động chuyên môn, khoa học và công nghệ',
   'Professional, scientific and technical activities'),
  ('2018', 'N', 'Hoạt động hành chính và dịch vụ hỗ trợ',
   'Administrative and support service activities'),
  ('2018', 'O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
   'Public administration and defence; compulsory social security'),
  ('2018', 'P', 'Giáo dục và đào tạo', 'Education'),
  ('2018', 'Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
  ('2018', 'R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation'),
  ('2018', 'S', 'Hoạt động dịch vụ khác', 'Other service activities'),
  ('2018', 'T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
   'Activities of households as employers and for own use'),
  ('2018', 'U', 'Hoạt động của các tổ chức và cơ quan quốc tế',
   'Activities of extraterritorial organizations and bodies');

-- VSIC 2025 (in force since 15 November 2025): 22 sections that follow ISIC Rev.5.
-- NOTE: the Vietnamese names below are our translation of the ISIC Rev.5 section
-- titles; replace them with the official wording when a copy of the list is at hand.
INSERT INTO industry_sections (version, code, name_vi, name_en) VALUES
  ('2025', 'A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
  ('2025', 'B', 'Khai khoáng', 'Mining and quarrying'),
  ('2025', 'C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
  ('2025', 'D', 'Sản xuất và phân phối điện, khí đốt, hơi nước và điều hòa không khí',
   'Electricity, gas, steam and air conditioning supply'),
  ('2025', 'E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
   'Water supply; sewerage, waste management and remediation activities'),
  ('2025', 'F', 'Xây dựng', 'Construction'),
  ('2025', 'G', 'Bán buôn và bán lẻ', 'Wholesale and retail trade'),
  ('2025', 'H', 'Vận tải kho bãi', 'Transportation and storage'),
  ('2025', 'I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
  ('2025', 'J', 'Hoạt động xuất bản, phát thanh truyền hình, sản xuất và phân phối nội dung',
   'Publishing, broadcasting, and content production and distribution activities'),
  ('2025', 'K', 'Viễn thông, lập trình máy tính, tư vấn, hạ tầng điện toán và dịch vụ thông tin khác',
   'Telecommunications, computer programming, consulting, computing infrastructure and other information service activities'),
  ('2025', 'L', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
  ('2025', 'M', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
  ('2025', 'N', 'Hoạt động chuyên môn, khoa học và công nghệ',
   'Professional, scientific and technical activities'),
  ('2025', 'O', 'Hoạt động hành chính và dịch vụ hỗ trợ',
   'Administrative and support service activities'),
  ('2025', 'P', 'Quản lý nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
   'Public administration and defence; compulsory social security'),
  ('2025', 'Q', 'Giáo dục và đào tạo', 'Education'),
  ('2025', 'R', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
  ('2025', 'S', 'Nghệ thuật, thể thao và giải trí', 'Arts, sports and recreation'),
  ('2025', 'T', 'Hoạt động dịch vụ khác', 'Other service activities'),
  ('2025', 'U', 'Hoạt động làm thuê trong các hộ gia đình, sản xuất sản phẩm và dịch vụ tự tiêu dùng của hộ gia đình',
   'Activities of households as employers and for own use'),
  ('2025', 'V', 'Hoạt động của các tổ chức và cơ quan quốc tế',
   'Activities of extraterritorial organizations and bodies');

INSERT INTO trl_levels (level, name_vi, name_en) VALUES
  (1, 'Nguyên lý cơ bản được quan sát và báo cáo', 'Basic principles observed'),
  (2, 'Khái niệm công nghệ và ứng dụng được hình thành', 'Technology concept formulated'),
  (3, 'Chứng minh khái niệm bằng phân tích và thực nghiệm', 'Experimental proof of concept'),
  (4, 'Công nghệ được kiểm chứng trong phòng thí nghiệm', 'Technology validated in lab'),
  (5, 'Công nghệ được kiểm chứng trong môi trường liên quan',
   'Technology validated in relevant environment'),
  (6, 'Công nghệ được trình diễn trong môi trường liên quan',
   'Technology demonstrated in relevant environment'),
  (7, 'Nguyên mẫu hệ thống được trình diễn trong môi trường vận hành',
   'System prototype demonstration in operational environment'),
  (8, 'Hệ thống hoàn chỉnh và được chứng nhận', 'System complete and qualified'),
  (9, 'Hệ thống thực tế được chứng minh qua vận hành', 'Actual system proven in operational environment');
)sql";
}

}  // namespace techmarket::db
