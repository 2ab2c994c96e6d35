#pragma once

#include "http/router.h"
#include "organizations/organization_service.h"

namespace techmarket::organizations {

void add_organization_routes(http::Router& router, OrganizationService& service);

}  // namespace techmarket::organizations
