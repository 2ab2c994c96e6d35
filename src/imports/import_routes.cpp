// Routes of imports:
//   POST /api/v1/imports/{record_type}  admins and staff; record_type offers, needs or organizations; the body
//                                       is a CSV or JSON lines file (or NASA's portfolio, for
//                                       offers); ?dry_run=true checks it and saves nothing
#include "imports/import_routes.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>

#include "auth/principal.h"
#include "http/params.h"
#include "http/problem.h"
#include "imports/content_check.h"
#include "imports/importer.h"

namespace techmarket::imports {
namespace {

constexpr std::array<std::string_view, 2> kBooleans = {"true", "false"};

using ImportFunction = ImportReport (*)(db::Connection&, const std::filesystem::path&, ImportMode);

std::string random_name() {
  std::random_device device;
  std::string name;
  for (int i = 0; i < 4; ++i) name += fmt::format("{:08x}", device());
  return name;
}

// Writes `content` to a new file in `directory` and flushes it to disk, so
// an upload that was accepted survives a crash. Throws std::runtime_error.
std::filesystem::path store_upload(const std::filesystem::path& directory, std::string_view content,
                                   const std::string& extension) {
  std::filesystem::create_directories(directory);
  auto path = directory / (random_name() + extension);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error(
        fmt::format("cannot create upload {}: {}", path.string(), std::strerror(errno)));
  }
  std::size_t written = 0;
  while (written < content.size()) {
    auto result = ::write(fd, content.data() + written, content.size() - written);
    if (result < 0 && errno == EINTR) continue;
    if (result < 0) {
      int saved = errno;
      ::close(fd);
      std::filesystem::remove(path);
      throw std::runtime_error(
          fmt::format("cannot write upload {}: {}", path.string(), std::strerror(saved)));
    }
    written += static_cast<std::size_t>(result);
  }
  ::fsync(fd);
  ::close(fd);
  return path;
}

// Splits an importer error field "line 12: title" into its line and field.
nlohmann::json rejected_row_json(const FieldError& error) {
  std::size_t line = 0;
  std::string field = error.field;
  if (field.starts_with("line ")) {
    auto colon = field.find(':');
    auto number = field.substr(5, colon == std::string::npos ? std::string::npos : colon - 5);
    line = static_cast<std::size_t>(std::strtoull(number.c_str(), nullptr, 10));
    field = colon == std::string::npos ? "" : field.substr(colon + 1);
    if (field.starts_with(' ')) field.erase(0, 1);
  }
  return {{"line", line}, {"field", field}, {"message", error.message}};
}

http::Response report_response(const ImportReport& report, bool dry_run) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& error : report.errors) rejected.push_back(rejected_row_json(error));
  nlohmann::json body = {
      {"format", report.format.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.format)},
      {"dry_run", dry_run},
      {"rows", report.rows},
      {"created", report.created},
      {"updated", report.updated},
      {"unchanged", report.unchanged},
      {"not_published", report.not_published},
      {"rejected", rejected}};
  if (report.errors.empty()) return http::json_response(200, body);

  auto problem = http::problem_response(
      422, "Invalid rows",
      fmt::format("{} problem(s) found; nothing was saved. Fix the rows listed and upload the "
                  "file again.",
                  report.errors.size()),
      report.errors);
  auto merged = nlohmann::json::parse(problem.body);
  merged.update(body);
  problem.body = merged.dump();
  return problem;
}

ImportFunction import_function_for(const std::string& record_type) {
  if (record_type == "offers") return import_offers;
  if (record_type == "needs") return import_needs;
  if (record_type == "organizations") return import_organizations;
  throw NotFoundError("Imports take offers, needs or organizations, not \"" + record_type + "\"");
}

}  // namespace

void add_import_routes(http::Router& router, db::Pool& pool, search::Indexer& indexer,
                       const std::filesystem::path& upload_dir, AfterImport after_import) {
  // NOTE: an import through this route is recorded in the audit log as the
  // system's, not as the signed-in user's, because the importer runs as the system.
  router.add(
      "POST", "/api/v1/imports/{record_type}",
      http::Access::roles_only({auth::Role::kAdmin, auth::Role::kStaff}),
      [&pool, &indexer, upload_dir, after_import](http::Request& request) {
        const auto& record_type = request.path_params.at("record_type");
        auto import = import_function_for(record_type);
        bool dry_run =
            http::query_choice(request, "dry_run", kBooleans).value_or("false") == "true";
        if (request.body.empty()) {
          throw ValidationError(std::vector<FieldError>{
              {"file", "is empty; send the CSV or JSON lines file as the body"}});
        }
        if (request.body.size() > kMaxUploadBytes) {
          throw PayloadTooLargeError(fmt::format("The file is {} bytes; the maximum is {} bytes",
                                                 request.body.size(), kMaxUploadBytes));
        }
        auto mime_type = detect_mime_type(request.body);
        if (!is_importable_mime_type(mime_type)) {
          return http::problem_response(
              415, "Unsupported media type",
              fmt::format("The file's content is {}, not text; upload a CSV or JSON lines file "
                          "saved as UTF-8",
                          mime_type));
        }

        auto stored = store_upload(upload_dir, request.body, import_extension_for(request.body));
        ImportReport report;
        {
          auto connection = pool.acquire();
          report =
              import(*connection, stored, dry_run ? ImportMode::kValidateOnly : ImportMode::kSave);
        }
        bool saved = report.errors.empty() && !dry_run;
        // Only a file that changed the database is kept, as the record of what was imported.
        if (!saved) std::filesystem::remove(stored);
        if (saved) {
          indexer.drain();
          // "offers" names the route; the record type is "offer".
          if (after_import) after_import(record_type.substr(0, record_type.size() - 1),
                                         report.changed_ids);
        }
        spdlog::info("event=import_upload request_id={} path={} stored=\"{}\" dry_run={} errors={}",
                     request.request_id, request.path, saved ? stored.string() : "", dry_run,
                     report.errors.size());
        return report_response(report, dry_run);
      });
}

}  // namespace techmarket::imports
