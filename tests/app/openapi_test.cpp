#include "app/openapi.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "app/platform.h"
#include "support/temp_dir.h"

namespace techmarket::app {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST(OpenApi, DocumentsEveryRoute) {
  testing::TempDir dir;
  Platform platform(dir.path());
  auto document = nlohmann::json::parse(openapi_json());
  const auto& paths = document.at("paths");

  for (const auto& route : platform.router().routes()) {
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern << " is not in docs/openapi.yaml";
    EXPECT_TRUE(paths[route.pattern].contains(lower(route.method)))
        << route.method << " " << route.pattern << " is not in docs/openapi.yaml";
  }
}

TEST(OpenApi, ListsNoRouteThatDoesNotExist) {
  testing::TempDir dir;
  Platform platform(dir.path());
  auto document = nlohmann::json::parse(openapi_json());
  const auto& routes = platform.router().routes();

  for (const auto& [path, operations] : document.at("paths").items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      bool served = std::any_of(routes.begin(), routes.end(), [&](const auto& route) {
        return route.pattern == path && lower(route.method) == method;
      });
      EXPECT_TRUE(served) << method << " " << path << " is documented but not served";
    }
  }
}

TEST(OpenApi, IsServedAsJson) {
  testing::TempDir dir;
  Platform platform(dir.path());
  http::Request request;
  request.method = "GET";
  request.path = "/api/v1/openapi.json";
  auto response = platform.router().dispatch(request);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body)["openapi"], "3.0.3");
}

}  // namespace
}  // namespace techmarket::app
