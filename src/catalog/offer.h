// A technology offer: what a supplier puts on the market (a technology, a
// research result, an IP asset, equipment or an S&T service).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/field_reader.h"

namespace techmarket::catalog {

inline constexpr std::array<std::string_view, 5> kOfferKinds = {"technology", "research_result",
                                                                "ip_asset", "equipment", "service"};
inline constexpr std::array<std::string_view, 6> kOfferStatuses = {
    "draft", "submitted", "published", "rejected", "expired", "archived"};
inline constexpr std::array<std::string_view, 5> kTransferModes = {
    "licence", "assignment", "joint_venture", "sale", "service"};
// IP status: none, an application filed, a title granted, a title that has lapsed,
// or know-how kept as a trade secret.
inline constexpr std::array<std::string_view, 5> kIpStatuses = {"none", "filed", "granted",
                                                                "expired", "trade_secret"};
inline constexpr std::array<std::string_view, 2> kLanguages = {"vi", "en"};
inline constexpr std::array<std::string_view, 2> kIndustryVersions = {"2025", "2018"};

struct Offer {
  std::int64_t id = 0;
  std::optional<std::string> external_id;
  std::string kind;
  std::string title;
  std::optional<std::string> title_en;
  std::string summary;
  std::optional<std::string> summary_en;
  std::optional<std::string> description;
  std::optional<std::string> description_en;
  std::string language = "vi";                  // the language of title, summary and description
  std::optional<std::string> st_field;          // "2" or OECD sub-field "2.5"
  std::optional<std::string> industry_section;  // VSIC section letter
  std::optional<std::string> industry_version;  // "2025" (default) or "2018"
  std::vector<std::string> ipc_codes;
  std::optional<int> trl;
  std::optional<std::string> ip_status;
  std::optional<std::string> ip_number;
  std::optional<std::int64_t> owner_organization_id;
  std::optional<std::string> province_code;
  std::vector<std::string> transfer_modes;
  std::optional<std::int64_t> price_vnd;
  bool price_negotiable = false;
  std::vector<std::string> keywords;
  std::string status = "draft";
  std::optional<std::string> published_on;
  std::optional<std::string> expires_on;
  std::optional<std::string> source_url;
  std::optional<std::string> rejection_reason;  // set by staff with the status "rejected"
  std::string created_at;
  std::string updated_at;
};

nlohmann::json to_json(const Offer& offer);

// Reads an offer from its API JSON, checking types, lengths and allowed
// values; every problem is recorded in `reader`. Checks that need the
// database (owner exists, codes exist) are the service's.
Offer read_offer(FieldReader& reader);

// Returns true for an IPC symbol such as "H01M", "A01B 1/00" or "G06F 16/3334".
bool is_ipc_symbol(const std::string& code);

}  // namespace techmarket::catalog
