#include "http/router.h"

#include <gtest/gtest.h>

#include "common/errors.h"

namespace techmarket::http {
namespace {

Request make_request(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

TEST(Router, PassesPathParameters) {
  Router router;
  router.add("GET", "/api/v1/offers/{id}", [](Request& request) {
    return json_response(200, {{"id", request.path_params.at("id")}});
  });
  auto request = make_request("GET", "/api/v1/offers/42");
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body)["id"], "42");
}

TEST(Router, AnswersNotFoundForUnknownPath) {
  Router router;
  auto request = make_request("GET", "/nowhere");
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/problem+json");
}

TEST(Router, AnswersMethodNotAllowed) {
  Router router;
  router.add("GET", "/api/v1/offers", [](Request&) { return json_response(200, {}); });
  auto request = make_request("DELETE", "/api/v1/offers");
  EXPECT_EQ(router.dispatch(request).status, 405);
}

TEST(Router, MapsValidationErrorToProblemWithFields) {
  Router router;
  router.add("POST", "/things", [](Request&) -> Response {
    throw ValidationError({{"title", "is required"}, {"trl", "must be between 1 and 9"}});
  });
  auto request = make_request("POST", "/things");
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  ASSERT_EQ(body["errors"].size(), 2u);
  EXPECT_EQ(body["errors"][0]["field"], "title");
  EXPECT_EQ(body["errors"][1]["message"], "must be between 1 and 9");
}

TEST(Router, HidesDetailsOfUnexpectedErrors) {
  Router router;
  router.add("GET", "/boom",
             [](Request&) -> Response { throw std::runtime_error("secret internal path /etc/x"); });
  auto request = make_request("GET", "/boom");
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace techmarket::http
