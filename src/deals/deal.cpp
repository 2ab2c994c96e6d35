#include "deals/deal.h"

#include <algorithm>

namespace techmarket::deals {
namespace {

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

struct Move {
  std::string_view from;
  std::array<std::string_view, 4> to;  // empty entries unused
  std::size_t count;
};

// The allowed moves. A deal may go back from an MoU to negotiation, because
// an MoU often reopens the terms, but never back from a signed contract.
// Every open stage may end in "abandoned"; "completed" and "abandoned" are
// final.
constexpr std::array<Move, 5> kMoves = {{
    {"contact", {"negotiation", "mou", "contract_signed", "abandoned"}, 4},
    {"negotiation", {"mou", "contract_signed", "abandoned", ""}, 3},
    {"mou", {"negotiation", "contract_signed", "abandoned", ""}, 3},
    {"contract_signed", {"registered", "completed", "abandoned", ""}, 3},
    {"registered", {"completed", "abandoned", "", ""}, 2},
}};

}  // namespace

nlohmann::json to_json(const Deal& deal) {
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& party : deal.parties) {
    parties.push_back({{"role", party.role},
                       {"organization_id", party.organization_id},
                       {"organization_name", party.organization_name},
                       {"province_code", optional_json(party.province_code)}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& change : deal.history) {
    history.push_back({{"stage", change.stage},
                       {"at", change.at},
                       {"actor_user_id", optional_json(change.actor_user_id)},
                       {"note", optional_json(change.note)}});
  }
  return {{"id", deal.id},
          {"title", deal.title},
          {"stage", deal.stage},
          {"abandon_reason", optional_json(deal.abandon_reason)},
          {"certificate_number", optional_json(deal.certificate_number)},
          {"origin", deal.origin},
          {"offer_id", optional_json(deal.offer_id)},
          {"need_id", optional_json(deal.need_id)},
          {"parties", parties},
          {"history", history},
          {"next_stages", next_stages(deal.stage)},
          {"created_at", deal.created_at},
          {"updated_at", deal.updated_at}};
}

nlohmann::json to_json(const DealMessage& message) {
  return {{"id", message.id},
          {"author_user_id", optional_json(message.author_user_id)},
          {"body", message.body},
          {"created_at", message.created_at}};
}

nlohmann::json to_json(const DealDocument& document) {
  return {{"id", document.id},
          {"file_name", document.file_name},
          {"content_type", document.content_type},
          {"size_bytes", document.size_bytes},
          {"uploader_user_id", optional_json(document.uploader_user_id)},
          {"created_at", document.created_at},
          {"download", "/api/v1/deals/" + std::to_string(document.deal_id) + "/documents/" +
                           std::to_string(document.id)}};
}

std::pair<std::string_view, std::string_view> stage_names(std::string_view stage) {
  static constexpr std::array<std::array<std::string_view, 3>, 7> kNames = {{
      {"contact", "Tiếp xúc", "Contact"},
      {"negotiation", "Đàm phán", "Negotiation"},
      {"mou", "Ký biên bản ghi nhớ", "Memorandum signed"},
      {"contract_signed", "Đã ký hợp đồng", "Contract signed"},
      {"registered", "Đã đăng ký hợp đồng", "Contract registered"},
      {"completed", "Hoàn thành", "Completed"},
      {"abandoned", "Dừng", "Abandoned"},
  }};
  for (const auto& [code, vi, en] : kNames) {
    if (code == stage) return {vi, en};
  }
  return {stage, stage};
}

bool is_closed_stage(std::string_view stage) {
  return stage == "completed" || stage == "abandoned";
}

std::span<const std::string_view> next_stages(std::string_view stage) {
  for (const auto& move : kMoves) {
    if (move.from == stage) return {move.to.data(), move.count};
  }
  return {};
}

bool is_allowed_move(std::string_view from, std::string_view to) {
  auto allowed = next_stages(from);
  return std::find(allowed.begin(), allowed.end(), to) != allowed.end();
}

bool has_party(const Deal& deal, std::int64_t organization_id) {
  return std::any_of(deal.parties.begin(), deal.parties.end(), [&](const DealParty& party) {
    return party.organization_id == organization_id;
  });
}

}  // namespace techmarket::deals
