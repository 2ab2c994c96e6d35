#pragma once

#include "deals/deal_service.h"
#include "http/router.h"

namespace techmarket::deals {

void add_deal_routes(http::Router& router, DealService& service);

}  // namespace techmarket::deals
