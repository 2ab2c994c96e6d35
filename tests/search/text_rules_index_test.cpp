// Each text rule checked through a real index on disk: a query written one way
// finds the record written another way.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "search/index.h"
#include "search_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

std::string to_nfd(const std::string& input) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(input), status).toUTF8String(out);
  return out;
}

struct RuleCase {
  const char* rule;
  std::string query;
  std::int64_t expected_first;  // 0 when nothing may be found
};

void PrintTo(const RuleCase& rule_case, std::ostream* out) {
  *out << rule_case.rule << ": " << rule_case.query;
}

class TextRuleIndex : public ::testing::TestWithParam<RuleCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new techmarket::testing::TempDir();
    index_ = new SearchIndex(dir_->path() / "index");
    using testing::offer_document;
    index_->replace(offer_document(1, "Công nghệ sấy lạnh thanh long",
                                   "Sấy lạnh giữ màu và vitamin của thanh long."));
    index_->replace(offer_document(2, "Thiết bị thủy lợi hòa nhập"));
    index_->replace(offer_document(3, "Đào tạo kỹ sư điện tử"));
    // Stored decomposed, as text pasted from macOS arrives.
    index_->replace(offer_document(4, to_nfd("Năng lượng mặt trời cho hộ gia đình")));
    index_->replace(offer_document(5, "Hệ thống quản lý chất lượng",
                                   "Chứng nhận ISO 9001:2015, mức sẵn sàng TRL 6."));
    index_->replace(
        offer_document(6, "Pin lithium cho xe điện", "Phân loại IPC H01M 10/052 và A01B 1/00."));
    index_->replace(offer_document(7, "Trạm phát sóng 5G",
                                   "Giảm phát thải CO2; phần mềm v1.2.3, phiên bản 2.5."));
    index_->replace(offer_document(8, "Đường giao thông nông thôn"));
    index_->replace(offer_document(9, "Dạy tiếng Việt cho người nước ngoài"));
    index_->replace(offer_document(10, "Gear Bearings", "A gear bearing for motors."));
    index_->replace(offer_document(11, "Tôi được đi học nghề"));
    // Combining marks standing alone after a space, as in some article text.
    index_->replace(offer_document(12, "Bộ xử lý đồ họa \xCC\xA3\xCC\xA3 tích hợp"));
    index_->commit();
  }

  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }

  static inline techmarket::testing::TempDir* dir_ = nullptr;
  static inline SearchIndex* index_ = nullptr;
};

TEST_P(TextRuleIndex, FindsRecordFirst) {
  auto result = index_->search(testing::text_query(GetParam().query));
  if (GetParam().expected_first == 0) {
    EXPECT_TRUE(result.items.empty()) << "first: " << result.items.front().title;
    return;
  }
  ASSERT_FALSE(result.items.empty()) << GetParam().rule;
  EXPECT_EQ(result.items.front().id, GetParam().expected_first) << GetParam().rule;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, TextRuleIndex,
    ::testing::Values(
        RuleCase{"no diacritics", "cong nghe say", 1}, RuleCase{"upper case", "CÔNG NGHỆ SẤY", 1},
        RuleCase{"decomposed query", to_nfd("công nghệ sấy lạnh"), 1},
        RuleCase{"composed query, decomposed record", "năng lượng mặt trời", 4},
        RuleCase{"newer tone placement", "thuỷ lợi hoà", 2},
        RuleCase{"older tone placement", "thủy lợi hòa", 2},
        RuleCase{"đ as d", "dao tao ky su dien tu", 3},
        RuleCase{"đ inside a sentence", "toi duoc di hoc", 11},
        RuleCase{"Đ upper case", "ĐIỆN TỬ", 3}, RuleCase{"no-break space", "năng\u00A0lượng", 4},
        RuleCase{"zero-width space in a word", "nă\u200Bng lượng", 4},
        RuleCase{"soft hyphen in a word", "lư\u00ADợng mặt", 4},
        RuleCase{"full-width digits", "ISO ９００１", 5}, RuleCase{"Telex", "coong ngheej", 1},
        RuleCase{"VNI", "co6ng nghe65", 1},
        RuleCase{"Telex with horn and breve", "nawng luwowngj", 4},
        RuleCase{"Telex đ", "dduwowngf", 8}, RuleCase{"Telex circumflex", "tieengs vieetj", 9},
        RuleCase{"IPC group", "A01B 1/00", 6}, RuleCase{"IPC subclass", "H01M", 6},
        RuleCase{"IPC group with subgroup", "H01M 10/052", 6}, RuleCase{"standard", "ISO 9001", 5},
        RuleCase{"standard as one word", "iso9001", 5}, RuleCase{"readiness level", "TRL6", 5},
        RuleCase{"readiness level spaced", "TRL 6", 5}, RuleCase{"5G", "5G", 7},
        RuleCase{"CO2", "CO2", 7}, RuleCase{"subscript CO₂", "CO₂", 7},
        RuleCase{"version", "2.5", 7}, RuleCase{"version with v", "v1.2.3", 7},
        RuleCase{"English stem", "gear bearing", 10}, RuleCase{"other IPC group", "A01B 1/01", 0},
        RuleCase{"other standard", "ISO 9002", 0}, RuleCase{"other version", "v1.2.4", 0},
        RuleCase{"stray combining marks", "bo xu ly do hoa", 12},
        RuleCase{"punctuation only", "%", 0}, RuleCase{"underscore only", "_", 0}));

}  // namespace
}  // namespace techmarket::search
