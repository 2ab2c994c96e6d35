#include "organizations/organization.h"

#include <fmt/format.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace techmarket::organizations {
namespace {

constexpr std::size_t kMinPhoneDigits = 8;   // a Vietnamese 1900 hotline has 8
constexpr std::size_t kMaxPhoneDigits = 15;  // the E.164 maximum

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

// Accepts digits with spaces, dots, hyphens and brackets between them, and one
// leading "+" for an international number.
bool is_phone_number(std::string_view phone) {
  if (phone.starts_with('+')) phone.remove_prefix(1);
  std::size_t digits = 0;
  for (char c : phone) {
    if (is_digit(c)) {
      ++digits;
    } else if (std::strchr(" .-()", c) == nullptr) {
      return false;
    }
  }
  return digits >= kMinPhoneDigits && digits <= kMaxPhoneDigits;
}

bool is_web_address(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (!url.starts_with(scheme)) continue;
    auto rest = url.substr(scheme.size());
    auto host = rest.substr(0, rest.find_first_of("/?#"));
    return !host.empty() && rest.find_first_of(" \t") == std::string_view::npos;
  }
  return false;
}

}  // namespace

bool is_tax_code(std::string_view code) {
  if (code.size() == 10) return all_digits(code);
  return code.size() == 14 && code[10] == '-' && all_digits(code.substr(0, 10)) &&
         all_digits(code.substr(11));
}

bool is_email_address(std::string_view address) {
  auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != address.npos) {
    return false;
  }
  // The local part takes the characters that RFC 5322 allows without quotes,
  // and UTF-8 as RFC 6531 does. Quotes, brackets, "<", ">" and spaces are rejected.
  auto local = address.substr(0, at);
  for (unsigned char c : local) {
    if (std::isalnum(c) || c >= 0x80 || c == '.') continue;
    if (std::string_view("!#$%&'*+/=?^_`{|}~-").find(static_cast<char>(c)) ==
        std::string_view::npos) {
      return false;
    }
  }
  if (local.starts_with('.') || local.ends_with('.') || local.find("..") != local.npos) {
    return false;
  }

  auto domain = address.substr(at + 1);
  for (unsigned char c : domain) {
    if (!std::isalnum(c) && c < 0x80 && c != '.' && c != '-') return false;
  }
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) return false;
  return domain.find("..") == std::string_view::npos && !domain.starts_with('.');
}

bool is_country_code(std::string_view code) {
  if (code.size() != 2) return false;
  for (const char* const* country = uloc_getISOCountries(); *country != nullptr; ++country) {
    if (code == *country) return true;
  }
  return false;
}

nlohmann::json to_json(const Organization& organization) {
  return {
      {"id", organization.id},
      {"external_id", optional_json(organization.external_id)},
      {"kind", organization.kind},
      {"name", organization.name},
      {"name_en", optional_json(organization.name_en)},
      {"tax_code", optional_json(organization.tax_code)},
      {"website", optional_json(organization.website)},
      {"email", optional_json(organization.email)},
      {"phone", optional_json(organization.phone)},
      {"country_code", organization.country_code},
      {"address", optional_json(organization.address)},
      {"province_code", optional_json(organization.province_code)},
      {"commune_code", optional_json(organization.commune_code)},
      {"old_province_code", optional_json(organization.old_province_code)},
      {"old_district_code", optional_json(organization.old_district_code)},
      {"old_commune_code", optional_json(organization.old_commune_code)},
      {"status", organization.status},
      {"national_network_connected_on", optional_json(organization.national_network_connected_on)},
      {"created_at", organization.created_at},
      {"updated_at", organization.updated_at},
  };
}

Organization read_organization(FieldReader& reader) {
  Organization organization;
  reader.ignore("id");
  reader.ignore("created_at");
  reader.ignore("updated_at");

  organization.external_id = reader.text("external_id", {.max_length = 100});
  organization.kind = reader.choice("kind", kOrganizationKinds).value_or("");
  if (organization.kind.empty() && reader.errors().empty()) reader.add_error("kind", "is required");
  organization.name = reader.required_text("name", {.max_length = 300});
  organization.name_en = reader.text("name_en", {.max_length = 300});

  organization.tax_code = reader.text("tax_code", {.max_length = 14});
  if (organization.tax_code && !is_tax_code(*organization.tax_code)) {
    reader.add_error("tax_code", fmt::format("\"{}\" is not a tax code of 10 digits, or 10 digits, "
                                             "\"-\" and 3 digits such as \"0312345678-001\"",
                                             *organization.tax_code));
  }
  organization.website = reader.text("website", {.max_length = 2000});
  if (organization.website && !is_web_address(*organization.website)) {
    reader.add_error("website", "must be an address that starts with https:// or http://");
  }
  organization.email = reader.text("email", {.max_length = 254});
  if (organization.email && !is_email_address(*organization.email)) {
    reader.add_error("email", fmt::format("\"{}\" is not an email address such as "
                                          "\"contact@example.vn\"",
                                          *organization.email));
  }
  organization.phone = reader.text("phone", {.max_length = 30});
  if (organization.phone && !is_phone_number(*organization.phone)) {
    reader.add_error("phone", fmt::format("\"{}\" is not a phone number of {} to {} digits such "
                                          "as \"0276 3822 123\" or \"+84 276 3822 123\"",
                                          *organization.phone, kMinPhoneDigits, kMaxPhoneDigits));
  }

  organization.country_code = reader.text("country_code", {.max_length = 2}).value_or("VN");
  if (!is_country_code(organization.country_code)) {
    reader.add_error("country_code",
                     fmt::format("\"{}\" is not an upper-case ISO 3166-1 alpha-2 code such as "
                                 "\"VN\"",
                                 organization.country_code));
  }
  organization.address = reader.text("address", {.max_length = 500});
  organization.province_code = reader.text("province_code", {.max_length = 2});
  organization.commune_code = reader.text("commune_code", {.max_length = 5});
  organization.old_province_code = reader.text("old_province_code", {.max_length = 2});
  organization.old_district_code = reader.text("old_district_code", {.max_length = 3});
  organization.old_commune_code = reader.text("old_commune_code", {.max_length = 5});

  organization.status = reader.choice("status", kOrganizationStatuses).value_or("active");
  organization.national_network_connected_on = reader.date("national_network_connected_on");
  if (organization.national_network_connected_on && organization.kind != "intermediary") {
    reader.add_error("national_network_connected_on",
                     "only an organization of kind \"intermediary\" joins the national network; "
                     "remove the date or change the kind");
  }
  return organization;
}

}  // namespace techmarket::organizations
