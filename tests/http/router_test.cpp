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
  router.add("POST", "/things", Access::open(), [](Request&) -> Response {
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

// A router whose caller is a session user with role `role` and CSRF token
// "csrf-right"; `handled` counts the handler runs.
Router guarded_router(auth::Role role, int& handled) {
  Router router;
  router.set_authenticator([role](const Request&) {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::kUser;
    principal.id = 7;
    principal.role = role;
    principal.session_id = 3;
    principal.csrf_token = "csrf-right";
    return principal;
  });
  auto handler = [&handled](Request&) {
    ++handled;
    return json_response(200, {{"ok", true}});
  };
  router.add("POST", "/default", handler);
  router.add("POST", "/admin", Access::roles_only({auth::Role::kAdmin}), handler);
  return router;
}

TEST(RouterAccess, DeniesWriteWithoutCallerByDefault) {
  Router router;
  int handled = 0;
  router.add("POST", "/later", [&handled](Request&) {
    ++handled;
    return json_response(200, {});
  });
  router.add("GET", "/later", [](Request&) { return json_response(200, {}); });
  auto write = make_request("POST", "/later");
  EXPECT_EQ(router.dispatch(write).status, 401);
  auto read = make_request("GET", "/later");
  EXPECT_EQ(router.dispatch(read).status, 200);
  EXPECT_EQ(handled, 0);
}

TEST(RouterAccess, RejectsMissingAndForgedCsrfToken) {
  int handled = 0;
  auto router = guarded_router(auth::Role::kMember, handled);
  auto missing = make_request("POST", "/default");
  EXPECT_EQ(router.dispatch(missing).status, 403);
  auto forged = make_request("POST", "/default");
  forged.headers["x-csrf-token"] = "csrf-wrong";
  EXPECT_EQ(router.dispatch(forged).status, 403);
  auto longer = make_request("POST", "/default");
  longer.headers["x-csrf-token"] = "csrf-right-and-more";
  EXPECT_EQ(router.dispatch(longer).status, 403);
  EXPECT_EQ(handled, 0);

  auto right = make_request("POST", "/default");
  right.headers["x-csrf-token"] = "csrf-right";
  EXPECT_EQ(router.dispatch(right).status, 200);
  EXPECT_EQ(handled, 1);
}

TEST(RouterAccess, RejectsWrongRole) {
  int handled = 0;
  auto router = guarded_router(auth::Role::kStaff, handled);
  auto request = make_request("POST", "/admin");
  request.headers["x-csrf-token"] = "csrf-right";
  auto response = router.dispatch(request);
  EXPECT_EQ(response.status, 403);
  EXPECT_NE(response.body.find("admin"), std::string::npos) << response.body;
  EXPECT_EQ(handled, 0);
}

TEST(RouterAccess, ApiTokenNeedsRouteScope) {
  Router router;
  router.set_authenticator([](const Request&) {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::kApiToken;
    principal.scopes = {"catalog:read"};
    return principal;
  });
  auto handler = [](Request&) { return json_response(200, {}); };
  router.add("POST", "/write", Access::signed_in("catalog:write"), handler);
  router.add("POST", "/read", Access::signed_in("catalog:read"), handler);
  router.add("POST", "/people", handler);
  auto write = make_request("POST", "/write");
  EXPECT_EQ(router.dispatch(write).status, 403);
  auto read = make_request("POST", "/read");
  EXPECT_EQ(router.dispatch(read).status, 200) << "bearer tokens need no CSRF token";
  auto people = make_request("POST", "/people");
  EXPECT_EQ(router.dispatch(people).status, 403);
}

}  // namespace
}  // namespace techmarket::http
