// Uploaded files: checked by their content with libmagic (never by their
// name), limited in size, and stored outside the web root under a random
// name. Routes that take files (imports, attachments) store them here.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket::http {

struct UploadPolicy {
  std::size_t max_bytes = 10 << 20;
  // MIME types as libmagic reports them, such as "text/csv" or
  // "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
  std::vector<std::string> allowed_types;
};

struct StoredUpload {
  std::filesystem::path path;  // inside the upload directory
  std::string stored_name;     // 32 random hex digits and the extension of content_type
  std::string content_type;    // detected by libmagic
  std::string original_name;   // the client's name without folders, for display only
  std::size_t size = 0;
};

// Returns the MIME type that libmagic detects in `bytes`, such as
// "image/png". Throws std::runtime_error when libmagic cannot load its
// database.
std::string detect_content_type(std::string_view bytes);

// Stores checked uploads in one directory. Safe to use from several threads.
class UploadStore {
 public:
  // Creates `directory` if needed. Throws std::invalid_argument when
  // `directory` lies inside `web_root`, where the static file server could
  // send an uploaded file back as a page.
  explicit UploadStore(std::filesystem::path directory,
                       const std::optional<std::filesystem::path>& web_root = std::nullopt);

  // Checks `bytes` against `policy` and writes them to a new file. Throws
  // PayloadTooLargeError over the size limit and ValidationError (field
  // "file") for an empty file, a type outside the policy or an invalid name.
  // A process killed halfway through writing leaves only a ".part" file.
  StoredUpload store(std::string_view bytes, std::string_view original_name,
                     const UploadPolicy& policy) const;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
};

}  // namespace techmarket::http
