// Serves the built web application (the files Vite writes to web/dist) for
// GET and HEAD requests that no API route matches.
#pragma once

#include <filesystem>
#include <string>

#include "http/message.h"

namespace techmarket::http {

class StaticFiles {
 public:
  // `root` is the directory that contains index.html, and it must exist.
  explicit StaticFiles(const std::filesystem::path& root);

  // Returns the file at the request path, or index.html for a path that is
  // not a file so that the application's own routes load on a deep link.
  // Paths under /api/ and missing files under /assets/ are 404 problems; a
  // path with a ".." segment is 400. Files under /assets/ carry content
  // hashes in their names and are cached for a year, index.html never.
  // index.html carries a Content-Security-Policy that allows only this origin.
  Response serve(const Request& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;  // canonical
};

// Returns the Content-Type for a file name by its extension, and
// application/octet-stream for an unknown one.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace techmarket::http
