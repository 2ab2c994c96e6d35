#pragma once

#include "http/router.h"
#include "search/index.h"

namespace techmarket::search {

void add_search_routes(http::Router& router, const SearchIndex& index);

}  // namespace techmarket::search
