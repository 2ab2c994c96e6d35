#pragma once

#include "auth/user_service.h"
#include "db/sqlite.h"
#include "http/router.h"

namespace techmarket::auth {

void add_admin_routes(http::Router& router, UserService& users, db::Pool& pool);

}  // namespace techmarket::auth
