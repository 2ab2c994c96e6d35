// Matching through the services when a need states trl_min and ipc_codes:
// the stated values rank offers and show in the reasons.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/platform.h"
#include "matching/match_service.h"
#include "support/accounts.h"
#include "support/temp_dir.h"

namespace techmarket::matching {
namespace {

using auth::Principal;

class MatchStatedNeedFields : public ::testing::Test {
 protected:
  void SetUp() override {
    // Unrelated offers, so that the words of the records under test are rare.
    add_offer({{"title", "Phần mềm quản lý bệnh viện"},
               {"summary", "Hồ sơ bệnh án điện tử cho phòng khám."}});
    add_offer({{"title", "Vật liệu composite cho cánh quạt gió"},
               {"summary", "Sợi thủy tinh và nhựa epoxy bền."}});
    add_offer({{"title", "Cảm biến đo độ mặn nước sông"},
               {"summary", "Đo độ mặn liên tục, gửi số liệu qua mạng di động."}});
  }

  std::int64_t add_offer(nlohmann::json body) {
    body["kind"] = "technology";
    body["status"] = "published";
    return platform_.offers().create(Principal::system(), body).id;
  }

  // A published dryer offer; `extra` adds or replaces fields.
  std::int64_t add_dryer(const nlohmann::json& extra) {
    nlohmann::json body = {{"title", "Máy sấy nông sản bằng năng lượng mặt trời"},
                           {"summary", "Sấy khô nông sản như cà phê, tiêu, hạt điều."}};
    body.update(extra);
    return add_offer(body);
  }

  std::int64_t add_need(const nlohmann::json& extra) {
    nlohmann::json body = {{"title", "Cần công nghệ sấy nông sản"},
                           {"problem", "Hợp tác xã cần sấy cà phê và hạt điều."},
                           {"status", "published"}};
    body.update(extra);
    return platform_.needs().create(Principal::system(), body).id;
  }

  const StoredMatch* find_match(const std::vector<StoredMatch>& matches, std::int64_t offer_id) {
    auto found = std::find_if(matches.begin(), matches.end(),
                              [&](const StoredMatch& match) { return match.offer_id == offer_id; });
    return found == matches.end() ? nullptr : &*found;
  }

  static const MatchReason* find_reason(const StoredMatch& match, const std::string& code) {
    auto found = std::find_if(match.reasons.begin(), match.reasons.end(),
                              [&](const MatchReason& reason) { return reason.code == code; });
    return found == match.reasons.end() ? nullptr : &*found;
  }

  std::vector<StoredMatch> matches_of(std::int64_t need_id) {
    return platform_.matches().need_matches(Principal::system(), need_id, 0, 20).items;
  }

  testing::TempDir dir_;
  app::Platform platform_{dir_.path(), testing::test_platform_options()};
};

TEST_F(MatchStatedNeedFields, TrlMinRanksReadyOfferFirst) {
  auto research = add_dryer({{"trl", 2}});
  auto ready = add_dryer({{"trl", 8}});
  auto need = add_need({{"trl_min", 7}});

  auto matches = matches_of(need);
  auto* ready_match = find_match(matches, ready);
  auto* research_match = find_match(matches, research);
  ASSERT_NE(ready_match, nullptr);
  ASSERT_NE(research_match, nullptr);
  EXPECT_EQ(matches[0].offer_id, ready);
  EXPECT_GT(ready_match->score, research_match->score);

  auto* meets = find_reason(*ready_match, "trl_meets_minimum");
  ASSERT_NE(meets, nullptr);
  EXPECT_EQ(meets->text_vi, "TRL 8, đạt mức yêu cầu tối thiểu 7");
  EXPECT_EQ(meets->text_en, "TRL 8 meets the minimum of 7");
  EXPECT_NE(find_reason(*research_match, "trl_early"), nullptr);
}

TEST_F(MatchStatedNeedFields, IpcCodeRaisesOfferWithIt) {
  auto without = add_dryer({{"ipc_codes", nlohmann::json::array({"F26B"})}});
  auto with = add_dryer({{"ipc_codes", nlohmann::json::array({"A23B 7/02"})}});
  auto need = add_need({{"ipc_codes", nlohmann::json::array({"A23B"})}});

  auto matches = matches_of(need);
  auto* with_match = find_match(matches, with);
  auto* without_match = find_match(matches, without);
  ASSERT_NE(with_match, nullptr);
  ASSERT_NE(without_match, nullptr);
  EXPECT_GT(with_match->score, without_match->score);
  EXPECT_NE(find_reason(*with_match, "same_ipc"), nullptr);
  EXPECT_EQ(find_reason(*without_match, "same_ipc"), nullptr);
}

TEST_F(MatchStatedNeedFields, StatedIpcCodesReplaceKeywordGuess) {
  auto keyword_code = add_dryer({{"ipc_codes", nlohmann::json::array({"F26B"})}});
  auto stated_code = add_dryer({{"ipc_codes", nlohmann::json::array({"A23B"})}});
  // F26B among the keywords is only a guess; the stated A23B wins.
  auto need = add_need({{"keywords", nlohmann::json::array({"F26B"})},
                        {"ipc_codes", nlohmann::json::array({"A23B"})}});

  auto matches = matches_of(need);
  auto* keyword_match = find_match(matches, keyword_code);
  auto* stated_match = find_match(matches, stated_code);
  ASSERT_NE(keyword_match, nullptr);
  ASSERT_NE(stated_match, nullptr);
  EXPECT_NE(find_reason(*stated_match, "same_ipc"), nullptr);
  EXPECT_EQ(find_reason(*keyword_match, "same_ipc"), nullptr);
}

TEST_F(MatchStatedNeedFields, KeywordIpcGuessStaysWithoutIpcCodes) {
  auto dryer = add_dryer({{"ipc_codes", nlohmann::json::array({"F26B"})}});
  auto need = add_need({{"keywords", nlohmann::json::array({"F26B"})}});

  auto matches = matches_of(need);
  auto* match = find_match(matches, dryer);
  ASSERT_NE(match, nullptr);
  EXPECT_NE(find_reason(*match, "same_ipc"), nullptr);
}

}  // namespace
}  // namespace techmarket::matching
