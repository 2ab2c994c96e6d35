#pragma once

#include "http/router.h"
#include "needs/need_service.h"

namespace techmarket::needs {

void add_need_routes(http::Router& router, NeedService& service);

}  // namespace techmarket::needs
