#include "app/cli.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/import_commands.h"
#include "app/platform.h"
#include "app/user_command.h"
#include "http/server.h"

namespace techmarket::app {
namespace {

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

// Splits "HOST:PORT"; returns std::nullopt when the port is not 1..65535.
std::optional<ListenAddress> parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  unsigned port = 0;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(begin, end, port);
  if (error != std::errc() || rest != end || port == 0 || port > 65535) return std::nullopt;
  return ListenAddress{text.substr(0, colon), static_cast<std::uint16_t>(port)};
}

int serve(const std::string& data_dir, const std::string& listen, http::ServerOptions options,
          const std::string& web_dir, bool behind_https) {
  auto address = parse_listen(listen);
  if (!address) {
    std::cerr << "techmarket: --listen must be HOST:PORT with a port from 1 to 65535, got \""
              << listen << "\"\n";
    return 2;
  }
  PlatformOptions platform_options;
  platform_options.auth.secure_cookies = behind_https;
  Platform platform(data_dir, platform_options);
  if (!web_dir.empty()) {
    if (!std::filesystem::is_directory(web_dir)) {
      std::cerr << "techmarket: --web-dir \"" << web_dir
                << "\" is not a directory; build the web application with "
                   "\"npm run build\" in web/ first\n";
      return 2;
    }
    platform.serve_web_files(web_dir);
  } else {
    spdlog::warn("event=web_files_missing detail=\"web/dist not found; serving the API only\"");
  }
  options.host = address->host;
  options.port = address->port;
  http::Server server(platform.router(), platform.metrics(), options);
  server.start();
  spdlog::info("event=ready data_dir={} url=http://{}:{}/", data_dir, address->host, address->port);
  server.wait_for_shutdown_signal();
  return 0;
}

// Adds the options that protect the server from oversized requests and slow clients.
void add_limit_options(CLI::App& command, http::ServerOptions& options) {
  command
      .add_option("--max-body-bytes", options.limits.max_body_bytes,
                  "Largest request body in bytes; larger ones get 413")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
      ->capture_default_str();
  command
      .add_option_function<unsigned>(
          "--read-timeout",
          [&options](unsigned seconds) { options.read_timeout = std::chrono::seconds(seconds); },
          "Seconds a client has to send a whole request, header and body (default 20)")
      ->check(CLI::Range(1, 3600));
  command
      .add_option_function<unsigned>(
          "--write-timeout",
          [&options](unsigned seconds) { options.write_timeout = std::chrono::seconds(seconds); },
          "Seconds a client has to read a whole reply (default 30)")
      ->check(CLI::Range(1, 3600));
}

int reindex(const std::string& data_dir) {
  Platform platform(data_dir);
  std::size_t count = platform.indexer().reindex();
  std::cout << "reindexed " << count << " records into " << platform.index().directory().string()
            << "\n";
  return 0;
}

int recompute_matches(const std::string& data_dir, unsigned threads) {
  Platform platform(data_dir);
  auto report = platform.matches().recompute_all(threads);
  std::cout << "matched " << report.needs << " published needs: " << report.matches
            << " matches stored, " << report.alerts << " new alerts\n";
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  // One line per event: time, level, then key=value fields.
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z level=%l %v");

  CLI::App cli{"techmarket: the platform of a provincial science and technology market"};
  cli.require_subcommand(1);
  std::string data_dir = "./var";
  cli.add_option("--data-dir", data_dir, "Directory of the database and search index")
      ->capture_default_str();

  auto* serve_command = cli.add_subcommand("serve", "Serve the JSON API and web application");
  std::string listen = "127.0.0.1:8080";
  http::ServerOptions server_options;
  serve_command->add_option("--listen", listen, "Address to listen on, HOST:PORT")
      ->capture_default_str();
  // The default is web/dist, where "npm run build" in web/ writes the
  // application, when that directory exists.
  std::string web_dir = std::filesystem::is_directory("web/dist") ? "web/dist" : "";
  serve_command
      ->add_option("--web-dir", web_dir,
                   "Directory of the built web application (index.html and assets/)")
      ->capture_default_str();
  serve_command->add_option("--threads", server_options.threads, "Worker threads for requests")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  add_limit_options(*serve_command, server_options);
  bool behind_https = false;
  serve_command->add_flag("--behind-https", behind_https,
                          "Mark session cookies Secure, for a site that a proxy serves over HTTPS");

  auto* import_command = cli.add_subcommand("import", "Import records from files");
  import_command->require_subcommand(1);
  std::string source;
  auto* import_reference = import_command->add_subcommand(
      "reference", "Load administrative units and classifications from a data folder");
  import_reference->add_option("DIR", source, "Folder laid out like shared/data")->required();
  auto* import_offers =
      import_command->add_subcommand("offers", "Import offers (CSV, JSONL, NASA)");
  import_offers->add_option("FILE", source, "CSV or JSONL file")->required();
  auto* import_needs = import_command->add_subcommand("needs", "Import needs (CSV, JSONL)");
  import_needs->add_option("FILE", source, "CSV or JSONL file")->required();
  auto* import_organizations =
      import_command->add_subcommand("organizations", "Import organizations (CSV, JSONL)");
  import_organizations->add_option("FILE", source, "CSV or JSONL file")->required();

  auto* reindex_command =
      cli.add_subcommand("reindex", "Rebuild the search index from the database");

  auto* user_command = cli.add_subcommand("user", "Manage accounts");
  user_command->require_subcommand(1);
  auto* user_add = user_command->add_subcommand(
      "add", "Create an account; reads its password from standard input (one line)");
  NewUserArguments new_user;
  user_add->add_option("--email", new_user.email, "Email address used to sign in")->required();
  user_add->add_option("--name", new_user.name, "Full name")->required();
  user_add->add_option("--role", new_user.role, "admin, staff, officer or member")
      ->required()
      ->check(CLI::IsMember({"admin", "staff", "officer", "member"}));
  user_add->add_option("--organization", new_user.organization_id,
                       "Id of the user's organization; required for officer and member");

  auto* expire_command = cli.add_subcommand(
      "expire", "Expire published offers and needs whose expiry date or deadline has passed");

  auto* match_command = cli.add_subcommand("match", "Match needs with offers");
  match_command->require_subcommand(1);
  auto* match_recompute = match_command->add_subcommand(
      "recompute", "Recompute the stored matches of every published need");
  unsigned match_threads = std::max(1u, std::thread::hardware_concurrency());
  match_recompute->add_option("--threads", match_threads, "Threads that compute matches")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();

  // --data-dir may come before or after the subcommand.
  for (auto* command : {serve_command, import_reference, import_offers, import_needs,
                        import_organizations, reindex_command, user_add, expire_command,
                        match_recompute}) {
    command->add_option("--data-dir", data_dir, "Directory of the database and search index");
  }

  CLI11_PARSE(cli, argc, argv);

  try {
    if (*serve_command) return serve(data_dir, listen, server_options, web_dir, behind_https);
    if (*user_add) return add_user(data_dir, new_user, std::cin);
    if (*expire_command) return expire_records(data_dir);
    if (*reindex_command) return reindex(data_dir);
    if (*match_recompute) return recompute_matches(data_dir, match_threads);
    if (*import_reference) return run_import(data_dir, ImportKind::kReference, source);
    if (*import_offers) return run_import(data_dir, ImportKind::kOffers, source);
    if (*import_needs) return run_import(data_dir, ImportKind::kNeeds, source);
    if (*import_organizations) return run_import(data_dir, ImportKind::kOrganizations, source);
  } catch (const std::exception& e) {
    spdlog::error("event=command_failed error=\"{}\"", e.what());
    std::cerr << "techmarket: " << e.what() << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    // Xapian's errors do not derive from std::exception.
    spdlog::error("event=command_failed error=\"{}\"", e.get_description());
    std::cerr << "techmarket: search index error: " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace techmarket::app
