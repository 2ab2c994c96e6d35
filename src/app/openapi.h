// The OpenAPI document of the API (docs/openapi.yaml), compiled in as JSON.
#pragma once

#include <string_view>

namespace techmarket::app {

std::string_view openapi_json();

}  // namespace techmarket::app
