// The catalog summary that the web application's home page shows: counts of
// published records and the newest offers and needs, in one request.
#pragma once

#include "db/sqlite.h"
#include "http/router.h"

namespace techmarket::app {

void add_summary_routes(http::Router& router, db::Pool& pool);

}  // namespace techmarket::app
