#include "auth/user.h"

#include <fmt/format.h>

namespace techmarket::auth {

nlohmann::json to_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"role", role_name(user.role)},
          {"organization_id",
           user.organization_id ? nlohmann::json(*user.organization_id) : nlohmann::json(nullptr)},
          {"status", user.status},
          {"created_at", user.created_at},
          {"updated_at", user.updated_at}};
}

std::string normalize_email(std::string_view email) {
  auto first = email.find_first_not_of(" \t\r\n");
  auto last = email.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  std::string result(email.substr(first, last - first + 1));
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

std::optional<std::string> check_password(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return fmt::format("is longer than {} bytes; choose a shorter passphrase", kMaxPasswordBytes);
  }
  std::size_t code_points = 0;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  if (code_points < kMinPasswordLength) {
    return fmt::format("must have at least {} characters", kMinPasswordLength);
  }
  return std::nullopt;
}

}  // namespace techmarket::auth
