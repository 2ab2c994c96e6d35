// Ranking on a real index: field weights as the offer service sets them,
// adjacency, exact accents, record boosts, and the fallbacks with their
// "did you mean" reading.
#include <gtest/gtest.h>

#include "catalog/offer_service.h"
#include "db/migrations.h"
#include "search/outbox.h"
#include "search/query_words.h"
#include "search_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

using testing::found_ids;
using testing::offer_document;
using testing::text_query;

class Ranking : public ::testing::Test {
 protected:
  Ranking() : pool_(dir_.path() / "techmarket.db", 2), index_(dir_.path() / "index") {
    auto connection = pool_.acquire();
    db::migrate(*connection);
    indexer_.add_source("offer", {"offers", catalog::offer_search_document});
  }

  std::int64_t create_offer(nlohmann::json fields) {
    nlohmann::json offer = {{"kind", "technology"}, {"status", "published"}};
    offer.update(fields);
    return offers_.create(auth::Principal::system(), offer).id;
  }

  techmarket::testing::TempDir dir_;
  db::Pool pool_;
  SearchIndex index_;
  Indexer indexer_{pool_, index_};
  catalog::OfferService offers_{pool_, indexer_};
};

TEST_F(Ranking, TitleAboveKeywordsAboveSummaryAboveDescription) {
  // Each offer contains "bơm" in one field and the same amount of filler elsewhere.
  auto in_description = create_offer({{"title", "Thiết bị nông nghiệp"},
                                      {"keywords", {"nông nghiệp"}},
                                      {"summary", "Dùng cho trang trại nhỏ."},
                                      {"description", "Máy bơm nước cho ruộng."}});
  auto in_summary = create_offer({{"title", "Thiết bị nông nghiệp"},
                                  {"keywords", {"nông nghiệp"}},
                                  {"summary", "Máy bơm nước cho ruộng."},
                                  {"description", "Dùng cho trang trại nhỏ."}});
  auto in_keywords = create_offer({{"title", "Thiết bị nông nghiệp"},
                                   {"keywords", {"bơm nước"}},
                                   {"summary", "Dùng cho trang trại nhỏ."},
                                   {"description", "Dùng cho ruộng nhỏ."}});
  auto in_title = create_offer({{"title", "Thiết bị bơm nước"},
                                {"keywords", {"nông nghiệp"}},
                                {"summary", "Dùng cho trang trại nhỏ."},
                                {"description", "Dùng cho ruộng nhỏ."}});

  auto ids = found_ids(index_.search(text_query("bơm")));
  std::vector<std::int64_t> expected = {in_title, in_keywords, in_summary, in_description};
  EXPECT_EQ(ids, expected);
}

TEST_F(Ranking, AdjacentSyllablesRankHigher) {
  auto apart = create_offer(
      {{"title", "Mặt bằng năng suất và trời nắng lượng mưa"}, {"summary", "Thống kê mùa vụ."}});
  auto adjacent = create_offer(
      {{"title", "Pin năng lượng mặt trời cho trang trại"}, {"summary", "Thống kê mùa vụ."}});

  auto ids = found_ids(index_.search(text_query("nang luong mat troi")));
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], adjacent);
  EXPECT_EQ(ids[1], apart);
}

TEST_F(Ranking, ExactAccentAboveFolded) {
  auto folded = create_offer({{"title", "Say mê công nghệ"}, {"summary", "Giới thiệu."}});
  auto exact = create_offer({{"title", "Lò sấy công nghệ"}, {"summary", "Giới thiệu."}});

  auto accented = found_ids(index_.search(text_query("sấy")));
  ASSERT_EQ(accented.size(), 2u) << "accents never hide a folded match";
  EXPECT_EQ(accented[0], exact);

  auto plain = found_ids(index_.search(text_query("say")));
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0], folded);
}

TEST_F(Ranking, NewerRecordFirstWhenTextIsEqual) {
  auto older = create_offer(
      {{"title", "Máy gặt đập"}, {"summary", "Gặt lúa."}, {"published_on", "2019-05-01"}});
  auto newer = create_offer(
      {{"title", "Máy gặt đập"}, {"summary", "Gặt lúa."}, {"published_on", "2025-05-01"}});

  auto ids = found_ids(index_.search(text_query("máy gặt")));
  std::vector<std::int64_t> expected = {newer, older};
  EXPECT_EQ(ids, expected);
}

TEST_F(Ranking, CompleteRecordFirstWhenTextIsEqual) {
  auto bare = create_offer(
      {{"title", "Máy gặt đập"}, {"summary", "Gặt lúa."}, {"published_on", "2024-05-01"}});
  auto complete = create_offer({{"title", "Máy gặt đập"},
                                {"summary", "Gặt lúa."},
                                {"published_on", "2024-05-01"},
                                {"trl", 7},
                                {"transfer_modes", {"licence"}},
                                {"price_negotiable", true}});

  auto ids = found_ids(index_.search(text_query("máy gặt")));
  std::vector<std::int64_t> expected = {complete, bare};
  EXPECT_EQ(ids, expected);
}

TEST_F(Ranking, BoostsStayMild) {
  auto fresh_without_word = create_offer({{"title", "Máy gặt đập liên hợp"},
                                          {"summary", "Gặt lúa."},
                                          {"published_on", "2026-01-01"},
                                          {"trl", 9}});
  auto old_with_word = create_offer({{"title", "Máy gặt đập liên hợp mini"},
                                     {"summary", "Gặt lúa."},
                                     {"published_on", "2005-01-01"}});

  auto ids = found_ids(index_.search(text_query("máy gặt mini")));
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0], old_with_word);
  EXPECT_EQ(found_ids(index_.search(text_query("máy gặt"))).size(), 2u) << fresh_without_word;
}

TEST_F(Ranking, TelexQueryReadsAsVietnameseWithSuggestion) {
  auto offer = create_offer({{"title", "Công nghệ sấy lạnh"}, {"summary", "Sấy nông sản."}});

  auto result = index_.search(text_query("coong ngheej"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{offer});
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_EQ(*result.suggestion, "công nghệ");
}

TEST_F(Ranking, LiteralMatchNeedsNoSuggestion) {
  create_offer({{"title", "Công nghệ sấy lạnh"}, {"summary", "Sấy nông sản."}});
  auto result = index_.search(text_query("cong nghe"));
  EXPECT_EQ(result.total, 1u);
  EXPECT_FALSE(result.suggestion.has_value());
}

TEST_F(Ranking, TypoIsCorrectedWithSuggestion) {
  auto offer = create_offer({{"title", "Gear Bearings"}, {"summary", "A gear bearing."}});

  auto result = index_.search(text_query("gear bearng"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{offer});
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_EQ(*result.suggestion, "gear bearing");

  auto folded_typo = index_.search(text_query("cong ngjhe"));
  EXPECT_TRUE(folded_typo.items.empty()) << "no record says công nghệ here";
}

TEST_F(Ranking, MarkedWordIsNotCorrectedToEnglish) {
  auto english = create_offer({{"title", "How gears wear"}, {"summary", "How bearings fail."}});

  EXPECT_TRUE(index_.search(text_query("hòa")).items.empty()) << "hòa is not the English how";
  auto unmarked = index_.search(text_query("hoq"));
  EXPECT_EQ(found_ids(unmarked), std::vector<std::int64_t>{english}) << "a plain typo still is";
}

TEST_F(Ranking, SeparateWordsFindJoinedWord) {
  // Unrelated records give the words a realistic rarity.
  for (const char* title : {"Máy gặt", "Lò sấy", "Pin mặt trời", "Bơm nước", "Cảm biến"}) {
    create_offer({{"title", title}, {"summary", "Thiết bị nông nghiệp."}});
  }
  auto joined = create_offer({{"title", "SpaceCube"}, {"summary", "A flight processor."}});
  auto apart = create_offer({{"title", "Cube satellite"}, {"summary", "Built for space."}});

  auto ids = found_ids(index_.search(text_query("space cube")));
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], joined);
  EXPECT_EQ(ids[1], apart);
}

TEST_F(Ranking, JoinedWordIsSplitWithSuggestion) {
  auto offer = create_offer({{"title", "Wind Tunnel Models"}, {"summary", "Icing tests."}});

  auto result = index_.search(text_query("windtunnel"));
  ASSERT_EQ(found_ids(result), std::vector<std::int64_t>{offer});
  EXPECT_EQ(result.suggestion.value_or(""), "wind tunnel");
}

TEST_F(Ranking, FallbackCanBeSwitchedOff) {
  create_offer({{"title", "Gear Bearings"}, {"summary", "A gear bearing."}});
  auto query = text_query("gear bearng");
  query.with_fallback = false;
  auto result = index_.search(query);
  EXPECT_TRUE(result.items.empty());
  EXPECT_FALSE(result.suggestion.has_value());
}

class InputMethodFallback : public ::testing::Test {
 protected:
  InputMethodFallback() : index_(dir_.path() / "index") {
    index_.replace(offer_document(1, "Công nghệ sấy lạnh"));
    index_.commit();
    database_ = Xapian::Database((dir_.path() / "index").string());
  }

  std::string decode(const std::string& text) {
    auto parsed = parse_query(text);
    return add_input_method_alternatives(parsed, database_, stemmer_);
  }

  techmarket::testing::TempDir dir_;
  SearchIndex index_;
  Xapian::Database database_;
  Xapian::Stem stemmer_{"english"};
};

TEST_F(InputMethodFallback, DecodesWhenOneWordIsOnlyKeystrokes) {
  EXPECT_EQ(decode("coong ngheej"), "công nghệ");
  EXPECT_EQ(decode("co6ng nghe65"), "công nghệ");
}

TEST_F(InputMethodFallback, LeavesValidSyllablesAlone) {
  EXPECT_EQ(decode("coong"), "") << "coong is a syllable, as in loong coong";
  EXPECT_EQ(decode("xoong noi"), "");
}

TEST_F(InputMethodFallback, LeavesIndexedWordsAlone) {
  EXPECT_EQ(decode("lanh"), "");
  EXPECT_EQ(decode("saasy"), "sấy") << "not indexed, not a syllable";
}

}  // namespace
}  // namespace techmarket::search
