#pragma once

#include "catalog/offer_service.h"
#include "http/router.h"

namespace techmarket::catalog {

void add_offer_routes(http::Router& router, OfferService& service);

}  // namespace techmarket::catalog
