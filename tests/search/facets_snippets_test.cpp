// Facets, filters, snippets and autocomplete on a real index on disk.
#include <gtest/gtest.h>

#include "search/index.h"
#include "search_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

using testing::found_ids;
using testing::offer_document;
using testing::text_query;

std::size_t facet_count(const SearchResult& result, const std::string& facet,
                        const std::string& value) {
  auto found = result.facets.find(facet);
  if (found == result.facets.end()) return 0;
  for (const auto& count : found->second) {
    if (count.value == value) return count.count;
  }
  return 0;
}

std::string joined(const std::vector<SnippetSegment>& segments) {
  std::string text;
  for (const auto& segment : segments) text += segment.text;
  return text;
}

std::vector<std::string> matched(const std::vector<SnippetSegment>& segments) {
  std::vector<std::string> words;
  for (const auto& segment : segments) {
    if (segment.match) words.push_back(segment.text);
  }
  return words;
}

class FacetsAndSnippets : public ::testing::Test {
 protected:
  FacetsAndSnippets() : index_(dir_.path() / "index") {
    auto dryer = offer_document(1, "Công nghệ sấy lạnh thanh long",
                                "Sấy lạnh giữ màu và vitamin của thanh long.");
    dryer.st_field = "2.5";
    dryer.industry_section = "C";
    dryer.trl = 7;
    dryer.province_code = "80";
    dryer.transfer_modes = {"licence", "sale"};
    dryer.price_band = price_band(250'000'000, false);
    dryer.date = "2025-03-01";
    dryer.keywords = {"sấy lạnh", "nông sản"};
    index_.replace(dryer);

    auto service = offer_document(2, "Dịch vụ sấy nông sản", "Sấy thuê theo mẻ.");
    service.kind = "service";
    service.st_field = "4.1";
    service.industry_section = "A";
    service.trl = 9;
    service.province_code = "79";
    service.transfer_modes = {"service"};
    service.price_band = price_band(std::nullopt, true);
    service.date = "2024-01-15";
    index_.replace(service);

    SearchDocument need =
        offer_document(3, "Cần máy sấy cà phê", "Nhà máy cần sấy 5 tấn mỗi ngày.");
    need.record_type = "need";
    need.kind.clear();
    need.province_code = "80";
    need.price_band = price_band(12'000'000'000, false);
    need.date = "2025-06-01";
    index_.replace(need);

    auto draft = offer_document(4, "Bản nháp máy sấy");
    draft.status = "draft";
    draft.keywords = {"sấy phun"};
    index_.replace(draft);

    std::string long_summary =
        "Hệ thống được thiết kế cho các hợp tác xã vùng đồng bằng, gồm buồng chứa, quạt "
        "tuần hoàn, bộ điều khiển nhiệt độ và độ ẩm, cảm biến không dây và phần mềm theo dõi "
        "từ xa. Sau nhiều vụ thử nghiệm, thiết bị sấy lúa giữ chất lượng hạt và giảm hao hụt "
        "rõ rệt so với phơi nắng truyền thống trên sân gạch của nông hộ.";
    index_.replace(offer_document(5, "Buồng bảo quản lúa", long_summary));
    index_.commit();
  }

  techmarket::testing::TempDir dir_;
  SearchIndex index_;
};

TEST_F(FacetsAndSnippets, FacetsCountMatchingRecords) {
  auto result = index_.search(text_query("sấy"));
  ASSERT_EQ(result.total, 4u) << "the draft is not counted";
  EXPECT_EQ(facet_count(result, "type", "offer"), 3u);
  EXPECT_EQ(facet_count(result, "type", "need"), 1u);
  EXPECT_EQ(facet_count(result, "kind", "technology"), 2u);
  EXPECT_EQ(facet_count(result, "kind", "service"), 1u);
  EXPECT_EQ(facet_count(result, "st_field", "2.5"), 1u);
  EXPECT_EQ(facet_count(result, "industry_section", "C"), 1u);
  EXPECT_EQ(facet_count(result, "trl", "9"), 1u);
  EXPECT_EQ(facet_count(result, "province", "80"), 2u);
  EXPECT_EQ(facet_count(result, "transfer_mode", "licence"), 1u);
  EXPECT_EQ(facet_count(result, "transfer_mode", "sale"), 1u);
  EXPECT_EQ(facet_count(result, "transfer_mode", "service"), 1u);
  EXPECT_EQ(facet_count(result, "price_band", "100m_1b"), 1u);
  EXPECT_EQ(facet_count(result, "price_band", "negotiable"), 1u);
  EXPECT_EQ(facet_count(result, "price_band", "over_10b"), 1u);
}

TEST_F(FacetsAndSnippets, FacetsFollowTheQuery) {
  auto result = index_.search(text_query("thanh long"));
  ASSERT_EQ(result.total, 1u);
  EXPECT_EQ(facet_count(result, "province", "80"), 1u);
  EXPECT_EQ(facet_count(result, "type", "need"), 0u);
}

TEST_F(FacetsAndSnippets, NewFiltersNarrowResults) {
  auto query = text_query("sấy");
  query.transfer_mode = "sale";
  EXPECT_EQ(found_ids(index_.search(query)), std::vector<std::int64_t>{1});

  query = text_query("sấy");
  query.price_band = "negotiable";
  EXPECT_EQ(found_ids(index_.search(query)), std::vector<std::int64_t>{2});

  query = text_query("sấy");
  query.industry_section = "A";
  EXPECT_EQ(found_ids(index_.search(query)), std::vector<std::int64_t>{2});
  query.industry_section = "c";
  EXPECT_EQ(found_ids(index_.search(query)), std::vector<std::int64_t>{1}) << "any case";
}

TEST_F(FacetsAndSnippets, NewestOrderSortsByDate) {
  auto query = text_query("sấy");
  query.order = SearchOrder::kNewest;
  std::vector<std::int64_t> expected = {3, 1, 2};
  auto ids = found_ids(index_.search(query));
  ASSERT_GE(ids.size(), 3u);
  ids.resize(3);
  EXPECT_EQ(ids, expected);
}

TEST_F(FacetsAndSnippets, SnippetMarksAccentedWordsForFoldedQuery) {
  auto result = index_.search(text_query("say lanh"));
  ASSERT_FALSE(result.items.empty());
  const auto& hit = result.items.front();
  ASSERT_EQ(hit.id, 1);
  EXPECT_EQ(joined(hit.title_snippet), "Công nghệ sấy lạnh thanh long");
  EXPECT_EQ(matched(hit.title_snippet), (std::vector<std::string>{"sấy", "lạnh"}));
  EXPECT_EQ(joined(hit.summary_snippet), "Sấy lạnh giữ màu và vitamin của thanh long.");
  EXPECT_EQ(matched(hit.summary_snippet), (std::vector<std::string>{"Sấy", "lạnh"}));
}

TEST_F(FacetsAndSnippets, SnippetMarksWordsFoundThroughTelex) {
  auto result = index_.search(text_query("saays lanhj"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{1});
  EXPECT_EQ(matched(result.items.front().title_snippet), (std::vector<std::string>{"sấy", "lạnh"}));
  EXPECT_EQ(result.suggestion.value_or(""), "sấy lạnh");
}

TEST_F(FacetsAndSnippets, SnippetMarksWordsFoundThroughTypoCorrection) {
  auto result = index_.search(text_query("thanh loong"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{1});
  EXPECT_EQ(matched(result.items.front().title_snippet),
            (std::vector<std::string>{"thanh", "long"}));
}

TEST_F(FacetsAndSnippets, LongSummaryIsCutAroundTheMatch) {
  auto result = index_.search(text_query("say lua"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{5});
  const auto& snippet = result.items.front().summary_snippet;
  std::string text = joined(snippet);
  EXPECT_EQ(text.rfind("…", 0), 0u) << text;
  EXPECT_NE(text.find("thiết bị sấy lúa"), std::string::npos) << text;
  EXPECT_LT(text.size(), 300u);
  EXPECT_EQ(matched(snippet), (std::vector<std::string>{"sấy", "lúa"}));
}

TEST_F(FacetsAndSnippets, AutocompleteOffersTitlesAndKeywords) {
  auto titles = index_.complete("cong ng", 8);
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(titles[0].text, "Công nghệ sấy lạnh thanh long");
  EXPECT_EQ(titles[0].record_type, "offer");
  EXPECT_EQ(titles[0].id, 1);

  auto keywords = index_.complete("nông s", 8);
  std::vector<std::string> texts;
  for (const auto& completion : keywords) texts.push_back(completion.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "nông sản"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Dịch vụ sấy nông sản"), texts.end());

  EXPECT_TRUE(index_.complete("bản nh", 8).empty()) << "drafts are not offered";
  EXPECT_TRUE(index_.complete("", 8).empty());
}

TEST_F(FacetsAndSnippets, AutocompleteRespectsLimit) {
  EXPECT_EQ(index_.complete("s", 2).size(), 2u);
}

}  // namespace
}  // namespace techmarket::search
