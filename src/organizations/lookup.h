// Organization checks that other features may use without reading the
// organizations table themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/sqlite.h"

namespace techmarket::organizations {

bool organization_exists(db::Connection& connection, std::int64_t id);
// Returns the kind of organization `id` ("enterprise", "intermediary", ...),
// or std::nullopt when it does not exist.
std::optional<std::string> find_organization_kind(db::Connection& connection, std::int64_t id);
std::optional<std::int64_t> find_organization_id(db::Connection& connection,
                                                 const std::string& external_id);

}  // namespace techmarket::organizations
