#pragma once

#include "http/router.h"

namespace techmarket::app {

class Platform;

void add_system_routes(http::Router& router, Platform& platform);

}  // namespace techmarket::app
