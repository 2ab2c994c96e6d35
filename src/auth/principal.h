// The caller of a request, resolved once per request: a visitor, a signed-in
// user with a role and organization, an API token with scopes, or the system
// (command-line imports and scheduled jobs).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket::auth {

// An administrator manages users and reference data. Staff of the Department
// of Science and Technology review records. Officers of other agencies, and
// members of enterprises, suppliers and intermediaries, work on their own
// organization's records.
enum class Role { kAdmin, kStaff, kOfficer, kMember };

inline constexpr std::array<std::string_view, 4> kRoleNames = {"admin", "staff", "officer",
                                                               "member"};

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Principal {
  enum class Kind { kVisitor, kUser, kApiToken, kSystem };

  Kind kind = Kind::kVisitor;
  std::int64_t id = 0;                          // user id or API token id
  std::optional<Role> role;                     // users only
  std::optional<std::int64_t> organization_id;  // users and tokens bound to one
  std::vector<std::string> scopes;              // API tokens only
  std::int64_t session_id = 0;                  // set when the session cookie signed the caller in
  std::string csrf_token;                       // the session's CSRF token, when session_id is set

  static Principal visitor() { return {}; }
  static Principal system();

  bool signed_in() const { return kind != Kind::kVisitor; }
  bool has_role(Role wanted) const { return role && *role == wanted; }
  bool has_scope(std::string_view scope) const;
  // Admins, staff and the system may see and edit every record; officers,
  // members and API tokens only their own organization's.
  bool is_reviewer() const;
  // Returns true when the caller works for organization `organization_id`.
  bool belongs_to(std::optional<std::int64_t> organization_id) const;
  // Returns "user:12", "api_token:3", "system" or "visitor" for logs.
  std::string describe() const;
};

}  // namespace techmarket::auth
