#include "matching/scoring.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "matching/weights.h"

namespace techmarket::matching {
namespace {

// Shared words named in the reason, at most.
constexpr std::size_t kWordsInReason = 4;

std::pair<std::string, std::string> name_of(const NameTables::Names& names,
                                            const std::string& code) {
  auto found = names.find(code);
  if (found == names.end()) return {code, code};
  auto vi = found->second.first.empty() ? found->second.second : found->second.first;
  return {code + " " + vi, code + " " + found->second.second};
}

// Writes an ISO date "2027-06-30" as Vietnamese text writes it, "30/06/2027".
std::string vietnamese_date(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string top_field(const std::string& code) { return code.substr(0, code.find('.')); }

// Returns the IPC symbol without spaces, upper case: "a01b 1/00" -> "A01B1/00".
std::string compact_ipc(const std::string& code) {
  std::string compact;
  for (char c : code) {
    if (c != ' ') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return compact;
}

struct Scorer {
  const NeedProfile& need;
  const OfferProfile& offer;
  const NameTables& names;
  std::string_view today;

  double sum = 0;
  double penalty = 1;
  std::vector<MatchReason> reasons;

  void add(double weight, double credit) { sum += weight * std::clamp(credit, 0.0, 1.0); }
  void reason(std::string code, std::string vi, std::string en) {
    reasons.push_back({std::move(code), std::move(vi), std::move(en)});
  }

  void score_text(const TextSimilarity& text, double similarity) {
    add(kTextWeight, similarity / kTextSaturation);
    if (text.shared_words.empty()) return;
    std::string quoted;
    for (std::size_t i = 0; i < text.shared_words.size() && i < kWordsInReason; ++i) {
      if (i > 0) quoted += ", ";
      quoted += "\"" + text.shared_words[i] + "\"";
    }
    reason("shared_words", "Từ khóa chung: " + quoted, "Shared words: " + quoted);
  }

  void score_field() {
    if (!need.st_field || !offer.st_field) return;
    if (*need.st_field == *offer.st_field) {
      add(kFieldWeight, 1);
      auto [vi, en] = name_of(names.st_fields, *need.st_field);
      reason("same_field", "Cùng lĩnh vực " + vi, "Same field " + en);
    } else if (top_field(*need.st_field) == top_field(*offer.st_field)) {
      add(kFieldWeight, 0.5);
      auto [vi, en] = name_of(names.st_fields, top_field(*need.st_field));
      reason("same_top_field", "Cùng nhóm lĩnh vực " + vi, "Same field group " + en);
    }
  }

  void score_ipc() {
    double best = 0;
    std::string shared;
    for (const auto& wanted : need.ipc_codes) {
      auto a = compact_ipc(wanted);
      for (const auto& offered : offer.ipc_codes) {
        auto b = compact_ipc(offered);
        if (a.size() >= 4 && b.size() >= 4 && a.compare(0, 4, b, 0, 4) == 0) {
          best = 1;
          shared = a.substr(0, 4);
        } else if (best < 0.5 && a.size() >= 3 && b.size() >= 3 && a.compare(0, 3, b, 0, 3) == 0) {
          best = 0.5;
          shared = a.substr(0, 3);
        }
      }
    }
    if (best == 0) return;
    add(kIpcWeight, best);
    auto [vi, en] = name_of(names.ipc, shared);
    reason("same_ipc", "Cùng phân loại IPC " + vi, "Same IPC class " + en);
  }

  void score_sector() {
    if (!need.industry_section || !offer.industry_section) return;
    if (need.industry_version != offer.industry_version) return;
    if (*need.industry_section != *offer.industry_section) return;
    add(kSectorWeight, 1);
    const auto& letter = *need.industry_section;
    auto [vi, en] = name_of(names.industry_sections, need.industry_version + ":" + letter);
    // name_of puts the key ("2025:C") first; the reason shows the letter instead.
    auto key_length = need.industry_version.size() + 1 + letter.size();
    reason("same_sector", "Cùng ngành " + letter + vi.substr(key_length),
           "Same industry " + letter + en.substr(key_length));
  }

  void score_trl() {
    if (!offer.trl) return;
    if (need.trl_min) {
      score_trl_minimum(*offer.trl, *need.trl_min);
    } else {
      score_trl_by_deadline(*offer.trl);
    }
  }

  // The need states the lowest readiness it accepts.
  void score_trl_minimum(int trl, int minimum) {
    if (trl >= minimum) {
      add(kTrlWeight, 1);
      reason("trl_meets_minimum", fmt::format("TRL {}, đạt mức yêu cầu tối thiểu {}", trl, minimum),
             fmt::format("TRL {} meets the minimum of {}", trl, minimum));
      return;
    }
    add(kTrlWeight, 1 - kTrlCreditLostPerLevel * (minimum - trl));
    if (trl <= kEarlyResearchTrl && minimum >= kReadyTrl) {
      penalty *= kEarlyResearchPenalty;
      reason("trl_early",
             fmt::format("Còn ở giai đoạn nghiên cứu (TRL {}), nhu cầu yêu cầu tối thiểu TRL {}",
                         trl, minimum),
             fmt::format("Early research (TRL {}), while the need asks for TRL {} or higher", trl,
                         minimum));
      return;
    }
    reason("trl_below_minimum", fmt::format("TRL {}, dưới mức yêu cầu tối thiểu {}", trl, minimum),
           fmt::format("TRL {} is below the minimum of {}", trl, minimum));
  }

  // The need states no readiness, so a near deadline counts as a request for a
  // ready solution.
  void score_trl_by_deadline(int trl) {
    if (!need.deadline) return;
    auto days_left = days_between(today, *need.deadline);
    if (!days_left || *days_left > kReadyNeededWithinDays) return;
    if (trl >= kReadyTrl) {
      add(kTrlWeight, 1);
      reason("trl_ready",
             fmt::format("Sẵn sàng ứng dụng (TRL {}), kịp hạn {}", trl,
                         vietnamese_date(*need.deadline)),
             fmt::format("Ready to use (TRL {}) by the deadline {}", trl, *need.deadline));
    } else if (trl <= kEarlyResearchTrl) {
      penalty *= kEarlyResearchPenalty;
      reason("trl_early",
             fmt::format("Còn ở giai đoạn nghiên cứu (TRL {}), nhu cầu cần giải pháp sẵn sàng "
                         "trước {}",
                         trl, vietnamese_date(*need.deadline)),
             fmt::format("Early research (TRL {}), while the need wants a ready solution by {}",
                         trl, *need.deadline));
    } else {
      add(kTrlWeight, 0.5);
    }
  }

  void score_price() {
    if (!need.budget_max_vnd) return;
    auto budget = *need.budget_max_vnd;
    if (offer.price_vnd) {
      auto price = *offer.price_vnd;
      auto price_vi = format_vnd_vi(price);
      auto price_en = format_vnd_en(price);
      if (price <= budget) {
        add(kPriceWeight, 1);
        reason("price_within_budget",
               fmt::format("Giá {} trong ngân sách (tối đa {})", price_vi, format_vnd_vi(budget)),
               fmt::format("Price {} within the budget (at most {})", price_en,
                           format_vnd_en(budget)));
        return;
      }
      double ratio = static_cast<double>(price) / static_cast<double>(std::max<std::int64_t>(budget, 1));
      if (ratio <= 1 + kPriceTolerance) add(kPriceWeight, kNearBudgetCredit);
      if (ratio > kOverBudgetFactor) penalty *= kOverBudgetPenalty;
      reason("price_above_budget",
             fmt::format("Giá {} vượt ngân sách (tối đa {})", price_vi, format_vnd_vi(budget)),
             fmt::format("Price {} above the budget (at most {})", price_en,
                         format_vnd_en(budget)));
      return;
    }
    if (offer.price_negotiable) {
      add(kPriceWeight, kNegotiableCredit);
      reason("price_negotiable", "Giá thỏa thuận", "Price open to negotiation");
    }
  }

  void score_place() {
    if (need.province_code && offer.province_code && *need.province_code == *offer.province_code) {
      add(kPlaceWeight, 1);
      auto found = names.provinces.find(*need.province_code);
      std::string vi = found != names.provinces.end() ? found->second.first : *need.province_code;
      std::string en = found != names.provinces.end() && !found->second.second.empty()
                           ? found->second.second
                           : vi;
      reason("same_province", "Cùng tỉnh " + vi, "Same province " + en);
    } else if (offer.foreign) {
      add(kPlaceWeight, kForeignPlaceCredit);
      reason("foreign_technology", "Công nghệ nước ngoài", "Foreign technology");
    } else if (need.province_code && offer.province_code) {
      add(kPlaceWeight, kOtherProvinceCredit);
    }
  }

  void score_freshness() {
    auto age = days_between(offer.date, today);
    if (!age) return;
    int days = std::max(0, *age);
    double credit = days <= kFreshDays ? 1.0
                                       : 1.0 - static_cast<double>(days - kFreshDays) /
                                                   static_cast<double>(kStaleDays - kFreshDays);
    add(kFreshnessWeight, credit);
    if (days <= kRecentDays) {
      reason("recent", "Mới cập nhật ngày " + offer.date, "Updated recently, on " + offer.date);
    }
  }
};

std::string group_thousands(std::int64_t amount, char separator) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return amount < 0 ? "-" + grouped : grouped;
}

}  // namespace

nlohmann::json to_json(const MatchReason& reason) {
  return {{"code", reason.code}, {"text_vi", reason.text_vi}, {"text_en", reason.text_en}};
}

MatchReason reason_from_json(const nlohmann::json& json) {
  return {json.at("code").get<std::string>(), json.at("text_vi").get<std::string>(),
          json.at("text_en").get<std::string>()};
}

std::string format_vnd_vi(std::int64_t amount) { return group_thousands(amount, '.') + " ₫"; }
std::string format_vnd_en(std::int64_t amount) { return group_thousands(amount, ',') + " VND"; }

std::optional<int> days_between(std::string_view from, std::string_view to) {
  auto parse = [](std::string_view text) -> std::optional<std::chrono::sys_days> {
    if (text.size() < 10) return std::nullopt;
    int year = 0;
    unsigned month = 0, day = 0;
    std::string copy(text.substr(0, 10));
    if (std::sscanf(copy.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return std::nullopt;
    std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                     std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days{date};
  };
  auto start = parse(from);
  auto end = parse(to);
  if (!start || !end) return std::nullopt;
  return static_cast<int>((*end - *start).count());
}

std::optional<PairScore> score_pair(const NeedProfile& need, const OfferProfile& offer,
                                    const TextSimilarity& text, const NameTables& names,
                                    std::string_view today) {
  double similarity =
      kNeedSideShare * text.need_in_offer + (1 - kNeedSideShare) * text.offer_in_need;
  if (similarity < kMinTextSimilarity) return std::nullopt;

  Scorer scorer{need, offer, names, today, 0, 1, {}};
  scorer.score_text(text, similarity);
  scorer.score_field();
  scorer.score_ipc();
  scorer.score_sector();
  const double topical = scorer.sum;
  scorer.score_trl();
  scorer.score_price();
  scorer.score_place();
  scorer.score_freshness();
  // Readiness, price, place and freshness measure whether a fit is practical,
  // not whether there is one, so they count in proportion to the text similarity.
  const double practical = (scorer.sum - topical) * std::min(1.0, similarity / kTextSaturation);

  double score = std::clamp((topical + practical) * scorer.penalty, 0.0, 1.0);
  score = std::round(score * 10000) / 10000;
  if (score < kMinScore) return std::nullopt;
  return PairScore{score, std::move(scorer.reasons)};
}

}  // namespace techmarket::matching
