#include "http/security_headers.h"

namespace techmarket::http {

const std::vector<std::pair<std::string_view, std::string_view>>& security_headers() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kHeaders = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      // X-Frame-Options repeats frame-ancestors for browsers without CSP level 2.
      {"X-Frame-Options", "DENY"},
      // Record ids in URLs stay on this site.
      {"Referrer-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

}  // namespace techmarket::http
