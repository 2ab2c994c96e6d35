#include "http/router.h"

#include <exception>

#include "http/problem.h"

namespace techmarket::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) segments.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) segments.push_back(std::move(current));
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Router::Route& route, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) {
  if (route.segments.size() != segments.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto& expected = route.segments[i];
    if (is_parameter(expected)) {
      found[expected.substr(1, expected.size() - 2)] = segments[i];
    } else if (expected != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto segments = split_path(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Response Router::dispatch(Request& request) const {
  auto segments = split_path(request.path);
  bool path_known = false;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(route, segments, params)) continue;
    path_known = true;
    bool same_method =
        route.method == request.method || (route.method == "GET" && request.method == "HEAD");
    if (!same_method) continue;

    request.path_params = std::move(params);
    try {
      return route.handler(request);
    } catch (...) {
      return response_for_exception(std::current_exception(), request.request_id);
    }
  }
  if (path_known) {
    return problem_response(405, "Method not allowed",
                            request.method + " is not allowed on " + request.path);
  }
  if (fallback_ && (request.method == "GET" || request.method == "HEAD")) {
    try {
      return fallback_(request);
    } catch (...) {
      return response_for_exception(std::current_exception(), request.request_id);
    }
  }
  return problem_response(404, "Not found", "No resource at " + request.path);
}

}  // namespace techmarket::http
