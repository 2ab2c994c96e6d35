// The HTTP routes of matching, follows and the inbox.
#pragma once

#include "http/router.h"
#include "matching/follow_service.h"
#include "matching/match_service.h"

namespace techmarket::matching {

void add_match_routes(http::Router& router, MatchService& matches, FollowService& follows);

}  // namespace techmarket::matching
