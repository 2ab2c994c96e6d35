#include "http/static_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "http/problem.h"

namespace techmarket::http {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".txt", "text/plain; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
}};

constexpr std::string_view kHashedAssetCache = "public, max-age=31536000, immutable";
// The application loads only its own scripts, styles and API, and may not be
// framed, so injected markup cannot run script or load from elsewhere.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

std::vector<std::string> path_segments(const std::string& path) {
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

// A segment that could leave the root or that no file of a build has.
bool is_unsafe_segment(const std::string& segment) {
  if (segment == "." || segment == "..") return true;
  return std::any_of(segment.begin(), segment.end(), [](char c) { return c == '\\' || c == '\0'; });
}

std::optional<std::string> read_whole_file(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  if (!input) return std::nullopt;
  std::ostringstream content;
  content << input.rdbuf();
  if (input.bad()) return std::nullopt;
  return std::move(content).str();
}

bool is_inside(const std::filesystem::path& file, const std::filesystem::path& root) {
  auto difference = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return difference.first == root.end();
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [known, type] : kContentTypes) {
    if (extension == known) return std::string(type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root)
    : root_(std::filesystem::canonical(root)) {}

Response StaticFiles::serve(const Request& request) const {
  auto segments = path_segments(request.path);
  if (!segments.empty() && segments.front() == "api") {
    return problem_response(404, "Not found", "No resource at " + request.path);
  }
  if (std::any_of(segments.begin(), segments.end(), is_unsafe_segment)) {
    return problem_response(400, "Bad request",
                            "The path contains a \".\" or \"..\" segment or a backslash");
  }

  std::filesystem::path file = root_;
  for (const auto& segment : segments) file /= segment;
  std::error_code error;
  bool is_asset = !segments.empty() && segments.front() == "assets";
  if (segments.empty() || !std::filesystem::is_regular_file(file, error)) {
    if (is_asset) return problem_response(404, "Not found", "No file at " + request.path);
    file = root_ / "index.html";
  }

  // A symbolic link inside the build could point elsewhere, so only a file
  // that resolves to a path under the root is served.
  auto resolved = std::filesystem::canonical(file, error);
  std::optional<std::string> body;
  if (!error && is_inside(resolved, root_)) body = read_whole_file(resolved);
  if (!body) return problem_response(404, "Not found", "No file at " + request.path);

  Response response;
  response.content_type = content_type_for(resolved);
  response.body = std::move(*body);
  bool is_index = resolved.filename() == "index.html";
  response.headers.emplace_back("Cache-Control",
                                is_asset && !is_index ? kHashedAssetCache : "no-cache");
  if (is_index) response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  return response;
}

}  // namespace techmarket::http
