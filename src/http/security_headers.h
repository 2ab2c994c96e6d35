// The headers that every reply carries to limit what a browser does with it.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace techmarket::http {

// Content-Security-Policy of every reply. The web application is built by
// Vite into script and style files served from the same origin, so no inline
// script, no eval and no framing are allowed.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Returns the header names and values added to every reply, including the
// replies to requests rejected before routing.
const std::vector<std::pair<std::string_view, std::string_view>>& security_headers();

}  // namespace techmarket::http
