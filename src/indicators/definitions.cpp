#include "indicators/definitions.h"

namespace techmarket::indicators {

const std::array<IndicatorDefinition, 8>& indicator_definitions() {
  static const std::array<IndicatorDefinition, 8> definitions = {{
      {"transaction_value", "vnd", "Tổng giá trị giao dịch", "Total transaction value",
       "Tổng giá trị (đồng) các hợp đồng đã được xác minh, ký trong năm dương lịch. Biên bản "
       "ghi nhớ (MoU) và giao dịch chưa xác minh không được tính. Năm không có hợp đồng nào đã "
       "xác minh là năm thiếu số liệu, không phải năm có giá trị 0.",
       "Sum, in đồng, of the verified contracts signed in the calendar year. Memoranda of "
       "understanding (MoUs) and unverified transactions are not counted. A year without any "
       "verified contract is missing, not zero."},
      {"transaction_value_growth", "percent", "Tốc độ tăng giá trị giao dịch",
       "Growth of transaction value",
       "(Giá trị năm N − giá trị năm N−1) / giá trị năm N−1 × 100. Không xác định khi giá trị "
       "năm N−1 bằng 0; thiếu khi năm N hoặc năm N−1 thiếu số liệu. Chỉ tiêu của kế hoạch so "
       "với tốc độ tăng bình quân kép từ năm gốc của kế hoạch đến năm mốc.",
       "(Value of year N − value of year N−1) / value of year N−1 × 100. Undefined when the "
       "value of year N−1 is zero; missing when year N or year N−1 is missing. Plan targets "
       "compare the compound average growth from the plan's base year to the milestone year."},
      {"ip_share_value", "percent", "Tỷ trọng giá trị giao dịch quyền sở hữu trí tuệ",
       "IP share of transaction value",
       "Giá trị các hợp đồng thuộc nhóm sở hữu trí tuệ (chuyển quyền sử dụng hoặc chuyển "
       "nhượng sáng chế, giải pháp hữu ích, kiểu dáng công nghiệp, nhãn hiệu, giống cây trồng) "
       "/ tổng giá trị giao dịch của năm × 100. Không xác định khi tổng giá trị bằng 0.",
       "Value of the contracts of the IP group (licences and assignments of patents, utility "
       "solutions, industrial designs, trademarks and plant varieties) / total transaction "
       "value of the year × 100. Undefined when the total value is zero."},
      {"ip_share_count", "percent", "Tỷ trọng số giao dịch quyền sở hữu trí tuệ",
       "IP share of transaction count",
       "Số hợp đồng thuộc nhóm sở hữu trí tuệ / tổng số hợp đồng đã xác minh của năm × 100.",
       "Number of contracts of the IP group / number of verified contracts of the year × 100."},
      {"technology_share_value", "percent", "Tỷ trọng giá trị giao dịch công nghệ",
       "Technology share of transaction value",
       "Giá trị các hợp đồng thuộc nhóm công nghệ (chuyển giao quyền sử dụng hoặc quyền sở hữu "
       "công nghệ, mua bán thiết bị kèm chuyển giao công nghệ) / tổng giá trị giao dịch của năm "
       "× 100. Không xác định khi tổng giá trị bằng 0.",
       "Value of the contracts of the technology group (technology licences and assignments, "
       "equipment sold with its technology) / total transaction value of the year × 100. "
       "Undefined when the total value is zero."},
      {"technology_share_count", "percent", "Tỷ trọng số giao dịch công nghệ",
       "Technology share of transaction count",
       "Số hợp đồng thuộc nhóm công nghệ / tổng số hợp đồng đã xác minh của năm × 100.",
       "Number of contracts of the technology group / number of verified contracts of the year "
       "× 100."},
      {"intermediaries_connected", "count", "Tổ chức trung gian kết nối mạng lưới quốc gia",
       "Intermediaries connected to the national network",
       "Số tổ chức loại trung gian có ngày kết nối với mạng lưới trung gian quốc gia vào hoặc "
       "trước ngày 31 tháng 12 của năm.",
       "Number of organizations of kind intermediary whose date of connection to the national "
       "network of intermediaries is on or before 31 December of the year."},
      {"digitized_research_results", "count", "Kết quả nghiên cứu được số hóa",
       "Digitized research results",
       "Số chào bán loại kết quả nghiên cứu đang được công bố trên sàn, tạo vào hoặc trước năm "
       "đó (lũy kế, theo giờ Việt Nam). Chỉ tiêu \"có\" của kế hoạch nghĩa là ít nhất 1.",
       "Number of offers of kind research result that are published on the platform and were "
       "created in or before the year (cumulative, Vietnam time). A plan target of \"yes\" "
       "means at least 1."},
  }};
  return definitions;
}

const IndicatorDefinition* find_indicator(std::string_view code) {
  for (const auto& definition : indicator_definitions()) {
    if (definition.code == code) return &definition;
  }
  return nullptr;
}

}  // namespace techmarket::indicators
