#pragma once

#include <filesystem>
#include <memory>

#include "auth/clock.h"
#include "db/sqlite.h"
#include "http/router.h"
#include "indicators/plans.h"

namespace techmarket::indicators {

// Returns the calendar year in Vietnam (UTC+7, no daylight saving) at `time`.
int vietnam_year(auth::TimePoint time);

// Adds the plan, target and indicator routes. `clock` gives the current year;
// the XLSX export builds its file under `work_dir`.
void add_indicator_routes(http::Router& router, db::Pool& pool, PlanService& plans,
                          std::shared_ptr<const auth::Clock> clock,
                          std::filesystem::path work_dir);

}  // namespace techmarket::indicators
