// Read-only HTTP routes of the reference data: administrative units, IPC
// codes, S&T fields, VSIC sections and the TRL scale.
#pragma once

#include "db/sqlite.h"
#include "http/router.h"

namespace techmarket::reference {

// Registers the routes listed at the top of routes.cpp. `pool` must outlive `router`.
void add_reference_routes(http::Router& router, db::Pool& pool);

}  // namespace techmarket::reference
