// An account: a person who signs in with an email and a password, with one
// role and, except for admins and staff, one organization.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"

namespace techmarket::auth {

inline constexpr std::array<std::string_view, 2> kUserStatuses = {"active", "disabled"};
inline constexpr std::size_t kMinPasswordLength = 10;   // Unicode code points
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // bounds the cost of hashing

struct User {
  std::int64_t id = 0;
  std::string email;  // lower case
  std::string name;
  Role role = Role::kMember;
  std::optional<std::int64_t> organization_id;
  std::string status = "active";
  std::string created_at;
  std::string updated_at;
};

// The API form of a user. It never contains the password hash.
nlohmann::json to_json(const User& user);

// Trims `email` and lowers its ASCII letters, so sign-in ignores case.
std::string normalize_email(std::string_view email);

// Returns an error message when `password` is too short or too long, or
// std::nullopt when it is acceptable.
std::optional<std::string> check_password(std::string_view password);

}  // namespace techmarket::auth
