#include "http/upload.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <magic.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <map>
#include <memory>
#include <stdexcept>
#include <system_error>

#include "common/errors.h"
#include "text/fold.h"

namespace techmarket::http {
namespace {

constexpr std::size_t kMaxNameBytes = 255;

// A libmagic handle for the calling thread, because a magic_t must not be
// used by two threads at once.
magic_t thread_magic() {
  struct Handle {
    magic_t cookie = nullptr;
    ~Handle() {
      if (cookie != nullptr) magic_close(cookie);
    }
  };
  thread_local Handle handle;
  if (handle.cookie == nullptr) {
    // MAGIC_COMPRESS is left off, so compressed content is never unpacked.
    magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (cookie == nullptr) throw std::runtime_error("libmagic: magic_open failed");
    if (magic_load(cookie, nullptr) != 0) {
      std::string error = magic_error(cookie) ? magic_error(cookie) : "unknown error";
      magic_close(cookie);
      throw std::runtime_error("libmagic: failed to load the magic database: " + error);
    }
    handle.cookie = cookie;
  }
  return handle.cookie;
}

std::string extension_for(const std::string& content_type) {
  static const std::map<std::string, std::string> kExtensions = {
      {"text/csv", ".csv"},
      {"text/plain", ".txt"},
      {"application/json", ".json"},
      {"application/pdf", ".pdf"},
      {"image/png", ".png"},
      {"image/jpeg", ".jpg"},
      {"image/webp", ".webp"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
      {"application/zip", ".zip"},
  };
  auto found = kExtensions.find(content_type);
  return found == kExtensions.end() ? "" : found->second;
}

std::string random_hex_name() {
  std::array<unsigned char, 16> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    auto got = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    filled += static_cast<std::size_t>(got);
  }
  std::string name;
  for (unsigned char byte : bytes) name += fmt::format("{:02x}", byte);
  return name;
}

// Returns the last segment of `name` after "/" or "\", or std::nullopt when
// the name is not valid UTF-8, contains control characters or is too long.
std::optional<std::string> display_name(std::string_view name) {
  if (name.size() > kMaxNameBytes || !text::is_valid_utf8(name)) return std::nullopt;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return std::nullopt;
  }
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  if (name == "." || name == "..") return std::string();
  return std::string(name);
}

[[noreturn]] void reject_file(std::string message) {
  throw ValidationError(std::vector<FieldError>{{"file", std::move(message)}});
}

bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
  std::size_t written = 0;
  while (written < bytes.size()) {
    auto count = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      int error = errno;
      ::close(fd);
      throw std::system_error(error, std::generic_category(), "write " + path.string());
    }
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    throw std::system_error(error, std::generic_category(), "fsync " + path.string());
  }
  ::close(fd);
}

// Makes a rename in `directory` durable.
void sync_directory(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + directory.string());
  int result = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (result != 0)
    throw std::system_error(error, std::generic_category(), "fsync " + directory.string());
}

}  // namespace

std::string detect_content_type(std::string_view bytes) {
  const char* type = magic_buffer(thread_magic(), bytes.data(), bytes.size());
  if (type == nullptr) {
    const char* error = magic_error(thread_magic());
    throw std::runtime_error(fmt::format("libmagic failed to classify the content: {}",
                                         error ? error : "unknown error"));
  }
  return type;
}

UploadStore::UploadStore(std::filesystem::path directory,
                         const std::optional<std::filesystem::path>& web_root) {
  std::filesystem::create_directories(directory);
  directory_ = std::filesystem::weakly_canonical(directory);
  if (web_root && is_inside(directory_, std::filesystem::weakly_canonical(*web_root))) {
    throw std::invalid_argument(
        fmt::format("the upload directory {} is inside the web root {}; choose a folder outside it",
                    directory_.string(), web_root->string()));
  }
}

StoredUpload UploadStore::store(std::string_view bytes, std::string_view original_name,
                                const UploadPolicy& policy) const {
  if (bytes.size() > policy.max_bytes) {
    throw PayloadTooLargeError(fmt::format("the file is {} bytes; the maximum is {} bytes",
                                           bytes.size(), policy.max_bytes));
  }
  if (bytes.empty()) reject_file("is empty; choose a file with content");
  auto name = display_name(original_name);
  if (!name) {
    reject_file(
        fmt::format("the file name must be valid UTF-8 without "
                    "control characters and at most {} bytes",
                    kMaxNameBytes));
  }

  auto content_type = detect_content_type(bytes);
  bool allowed = false;
  for (const auto& type : policy.allowed_types) allowed = allowed || type == content_type;
  if (!allowed) {
    std::string expected;
    for (const auto& type : policy.allowed_types) expected += (expected.empty() ? "" : ", ") + type;
    reject_file(
        fmt::format("the content is {}, whatever the file name "
                    "says; upload one of: {}",
                    content_type, expected));
  }

  StoredUpload upload;
  upload.stored_name = random_hex_name() + extension_for(content_type);
  upload.path = directory_ / upload.stored_name;
  upload.content_type = content_type;
  upload.original_name = *name;
  upload.size = bytes.size();

  // Written under a ".part" name first, so a process killed halfway never
  // leaves a partial file under the final name.
  auto partial = directory_ / (upload.stored_name + ".part");
  write_file(partial, bytes);
  std::filesystem::rename(partial, upload.path);
  sync_directory(directory_);
  return upload;
}

}  // namespace techmarket::http
