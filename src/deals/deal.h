// A deal: the way from a first contact between a buyer and a seller of a
// technology to a signed, registered and completed contract. It names its
// parties, keeps the history of its stages and carries messages and
// documents.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace techmarket::deals {

inline constexpr std::array<std::string_view, 7> kStages = {
    "contact", "negotiation", "mou", "contract_signed", "registered", "completed", "abandoned"};
// interest: a user expressed interest in an offer, a need or a match of both;
// event: staff recorded a contact made at a fair or a conference;
// intermediary: an intermediary organization brokers the deal;
// staff: staff opened it for another reason.
inline constexpr std::array<std::string_view, 4> kOrigins = {"interest", "event", "intermediary",
                                                             "staff"};
inline constexpr std::array<std::string_view, 3> kPartyRoles = {"buyer", "seller",
                                                                "intermediary"};

struct DealParty {
  std::string role;  // one of kPartyRoles
  std::int64_t organization_id = 0;
  std::string organization_name;             // read from the organization
  std::optional<std::string> province_code;  // the organization's province (edition 2025)
};

struct StageChange {
  std::string stage;
  std::string at;  // ISO 8601 UTC time
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::string> note;
};

struct Deal {
  std::int64_t id = 0;
  std::string title;
  std::string stage = "contact";
  std::optional<std::string> abandon_reason;      // set with the stage "abandoned"
  std::optional<std::string> certificate_number;  // set with the stage "registered"
  std::string origin;
  std::optional<std::int64_t> offer_id;
  std::optional<std::int64_t> need_id;
  std::optional<std::int64_t> opened_by_user_id;  // not in the API; decides who may see it
  std::vector<DealParty> parties;
  std::vector<StageChange> history;  // oldest first
  std::string created_at;
  std::string updated_at;
};

struct DealMessage {
  std::int64_t id = 0;
  std::int64_t deal_id = 0;
  std::optional<std::int64_t> author_user_id;
  std::string body;
  std::string created_at;
};

struct DealDocument {
  std::int64_t id = 0;
  std::int64_t deal_id = 0;
  std::optional<std::int64_t> uploader_user_id;
  std::string file_name;    // the client's name, for display only
  std::string stored_name;  // the file's name in the document directory
  std::string content_type;  // detected by libmagic
  std::int64_t size_bytes = 0;
  std::string created_at;
};

nlohmann::json to_json(const Deal& deal);
nlohmann::json to_json(const DealMessage& message);
nlohmann::json to_json(const DealDocument& document);

// Returns the Vietnamese and English names of a stage, for messages.
std::pair<std::string_view, std::string_view> stage_names(std::string_view stage);

// Returns true for the stages that a deal cannot leave: completed and abandoned.
bool is_closed_stage(std::string_view stage);

// Returns the stages a deal may move to from `stage`, from the one table of
// allowed moves. Closed stages give an empty list.
std::span<const std::string_view> next_stages(std::string_view stage);

bool is_allowed_move(std::string_view from, std::string_view to);

// Returns true when `organization_id` is a party of `deal` in any role.
bool has_party(const Deal& deal, std::int64_t organization_id);

}  // namespace techmarket::deals
