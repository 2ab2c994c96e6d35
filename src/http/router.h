// Maps a method and a path pattern such as "/api/v1/offers/{id}" to a handler.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"

namespace techmarket::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // Registers `handler` for `method` and `pattern`. A segment "{name}" matches
  // one non-empty path segment and is passed in Request::path_params.
  void add(std::string method, std::string pattern, Handler handler);

  // Runs the matching handler. Domain errors and environment failures thrown
  // by the handler become problem+json responses; an unknown path is 404 and
  // a known path with another method is 405.
  Response dispatch(Request& request) const;

  // Sets the handler for GET and HEAD requests whose path no route matches,
  // such as the files of the web application. Without one such paths are 404.
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace techmarket::http
