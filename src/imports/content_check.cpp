#include "imports/content_check.h"

#include <fmt/format.h>
#include <magic.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace techmarket::imports {
namespace {

struct MagicCloser {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};

// One libmagic handle for the process; libmagic handles are not
// thread-safe, so calls are serialised.
class MagicDatabase {
 public:
  MagicDatabase() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
    if (!cookie_) throw std::runtime_error("libmagic could not be opened");
    if (magic_load(cookie_.get(), nullptr) != 0) {
      throw std::runtime_error(
          fmt::format("libmagic could not load its database: {}", magic_error(cookie_.get())));
    }
  }

  std::string detect(std::string_view content) {
    std::lock_guard lock(mutex_);
    const char* type = magic_buffer(cookie_.get(), content.data(), content.size());
    if (!type) {
      throw std::runtime_error(
          fmt::format("libmagic could not check the file: {}", magic_error(cookie_.get())));
    }
    return type;
  }

 private:
  std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> cookie_;
  std::mutex mutex_;
};

}  // namespace

std::string detect_mime_type(std::string_view content) {
  static MagicDatabase database;
  return database.detect(content);
}

bool is_importable_mime_type(std::string_view mime_type) {
  return mime_type.starts_with("text/") || mime_type == "application/json" ||
         mime_type == "application/x-ndjson";
}

std::string import_extension_for(std::string_view content) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (content.starts_with(kByteOrderMark)) content.remove_prefix(kByteOrderMark.size());
  auto first = content.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && content[first] == '{') return ".jsonl";
  return ".csv";
}

}  // namespace techmarket::imports
