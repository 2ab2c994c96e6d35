// An organization on the market: an enterprise, research institute,
// university, intermediary, government agency or individual scientist. Offers
// and needs name one as their owner.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/field_reader.h"

namespace techmarket::organizations {

inline constexpr std::array<std::string_view, 6> kOrganizationKinds = {
    "enterprise",   "research_institute", "university",
    "intermediary", "government_agency",  "individual_scientist"};
inline constexpr std::array<std::string_view, 2> kOrganizationStatuses = {"active", "archived"};

struct Organization {
  std::int64_t id = 0;
  std::optional<std::string> external_id;
  std::string kind;
  std::string name;
  std::optional<std::string> name_en;
  std::optional<std::string> tax_code;  // "0312345678" or a branch's "0312345678-001"
  std::optional<std::string> website;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::string country_code = "VN";  // ISO 3166-1 alpha-2
  std::optional<std::string> address;
  // Administrative units in force since 1 July 2025 (edition "2025").
  std::optional<std::string> province_code;
  std::optional<std::string> commune_code;
  // Administrative units before 1 July 2025 (edition "2021"), kept on records
  // made before the reform.
  std::optional<std::string> old_province_code;
  std::optional<std::string> old_district_code;
  std::optional<std::string> old_commune_code;
  std::string status = "active";
  // The day an intermediary joined the national network of S&T market
  // intermediaries; only intermediaries may have one.
  std::optional<std::string> national_network_connected_on;
  std::string created_at;
  std::string updated_at;
};

nlohmann::json to_json(const Organization& organization);

// Reads an organization from its API JSON, checking types, lengths, shapes and
// allowed values. Every problem is recorded in `reader`. Checks that need the
// database (administrative codes exist) are the service's.
Organization read_organization(FieldReader& reader);

// Returns true for a Vietnamese tax code: 10 digits, or 10 digits, "-" and
// 3 digits for a branch. The check digit is not verified.
bool is_tax_code(std::string_view code);

// Returns true for text shaped like "name@example.vn": one "@", no spaces, and
// a domain of at least two non-empty labels. Deliverability is not checked.
bool is_email_address(std::string_view address);

// Returns true for an upper-case country code that ICU lists in
// uloc_getISOCountries(): ISO 3166-1 alpha-2 plus DG, EA, IC and XK (ICU 72).
bool is_country_code(std::string_view code);

}  // namespace techmarket::organizations
