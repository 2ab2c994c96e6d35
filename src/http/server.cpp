#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <future>
#include <restinio/all.hpp>
#include <thread>

#include "http/guarded_socket.h"
#include "http/problem.h"
#include "http/security_headers.h"
#include "http/url.h"

namespace techmarket::http {
namespace {

using ServerTraits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                                        restinio::default_request_handler_t,
                                        restinio::default_strand_t, GuardedSocket>;
using HttpServer = restinio::http_server_t<ServerTraits>;

std::string next_request_id() {
  static std::atomic<std::uint64_t> counter{0};
  static const auto start =
      static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  return fmt::format("{:x}-{}", start & 0xffffff, ++counter);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Converts RESTinio's request into ours; returns an error reply for a
// request that cannot be decoded.
std::optional<Response> convert_request(const restinio::request_t& source, Request& target,
                                        const ServerOptions& options) {
  const auto& header = source.header();
  target.method = std::string(header.method().c_str());
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    target.headers[lower(field.name())] = std::string(field.value());
  });

  auto path = percent_decode(header.path(), false);
  auto query = parse_query_string(header.query());
  if (!path || !query) {
    return problem_response(400, "Bad request",
                            "The URL contains a malformed percent escape such as %G1");
  }
  target.path = std::move(*path);
  target.query = std::move(*query);

  // RequestGuard lets bodies up to the upload limit through on every path,
  // so the smaller limit of ordinary routes is applied here.
  std::size_t max_body_bytes = target.path.starts_with(options.upload_path_prefix)
                                   ? options.max_upload_bytes
                                   : options.limits.max_body_bytes;
  if (source.body().size() > max_body_bytes) {
    return problem_response(413, "Payload too large",
                            fmt::format("The body is {} bytes; the maximum is {} bytes",
                                        source.body().size(), max_body_bytes));
  }
  target.body = source.body();
  return std::nullopt;
}

}  // namespace

struct Server::Impl {
  const Router& router;
  Metrics& metrics;
  ServerOptions options;
  asio::io_context io_context;
  std::unique_ptr<HttpServer> server;
  std::vector<std::thread> threads;
  std::atomic<bool> stopped{false};

  restinio::request_handling_status_t handle(const restinio::request_handle_t& source) {
    auto started = std::chrono::steady_clock::now();
    metrics.add_in_flight(1);

    Request request;
    request.request_id = next_request_id();
    request.client_address = source->remote_endpoint().address().to_string();
    Response response;
    try {
      auto early = convert_request(*source, request, options);
      response = early ? std::move(*early) : router.dispatch(request);
    } catch (...) {
      response = response_for_exception(std::current_exception(), request.request_id);
    }

    auto reply = source->create_response(restinio::http_status_line_t(
        restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)), ""));
    reply.append_header(restinio::http_field::content_type, response.content_type);
    reply.append_header("X-Request-Id", request.request_id);
    for (const auto& [name, value] : security_headers()) {
      reply.append_header(std::string(name), std::string(value));
    }
    for (const auto& [name, value] : response.headers) reply.append_header(name, value);
    if (request.method != "HEAD") reply.set_body(std::move(response.body));

    // Recorded before the reply is sent, so a client that has its reply can
    // already see the request in /metrics.
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics.record_request(response.status, seconds);
    spdlog::info("event=request id={} method={} path={} status={} ms={:.2f}", request.request_id,
                 request.method, request.path, response.status, seconds * 1000);
    reply.done();
    metrics.add_in_flight(-1);
    return restinio::request_accepted();
  }
};

Server::Server(const Router& router, Metrics& metrics, ServerOptions options)
    : impl_(new Impl{router, metrics, std::move(options), {}, {}, {}, {}}) {}

Server::~Server() { stop(); }

void Server::start() {
  auto& impl = *impl_;

  // Worker threads inherit this mask, so SIGINT and SIGTERM reach only
  // wait_for_shutdown_signal() and never interrupt a request.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const auto& limits = impl.options.limits;
  restinio::server_settings_t<ServerTraits> settings;
  settings.port(impl.options.port)
      .address(impl.options.host)
      .read_next_http_message_timelimit(impl.options.read_timeout)
      .write_http_response_timelimit(impl.options.write_timeout)
      .handle_request_timeout(impl.options.handler_timeout)
      // GuardedSocket applies the same limits first and replies to a request
      // over one of them, so such a request never reaches RESTinio's parser.
      .incoming_http_msg_limits(
          restinio::incoming_http_msg_limits_t{}
              .max_url_size(limits.max_url_bytes)
              .max_field_name_size(limits.max_field_name_bytes)
              .max_field_value_size(limits.max_field_value_bytes)
              .max_field_count(limits.max_field_count)
              .max_body_size(std::max(limits.max_body_bytes, impl.options.max_upload_bytes)))
      .request_handler([&impl](auto request) { return impl.handle(request); });
  RequestLimits guard_limits = limits;
  guard_limits.upload_path_prefix = impl.options.upload_path_prefix;
  guard_limits.max_upload_bytes = impl.options.max_upload_bytes;
  limits_for_new_server = &guard_limits;
  impl.server = std::make_unique<HttpServer>(restinio::external_io_context(impl.io_context),
                                             std::move(settings));
  limits_for_new_server = nullptr;

  std::promise<void> opened;
  impl.server->open_async([&opened] { opened.set_value(); },
                          [&opened](std::exception_ptr error) { opened.set_exception(error); });
  for (unsigned i = 0; i < std::max(1u, impl.options.threads); ++i) {
    impl.threads.emplace_back([&impl] { impl.io_context.run(); });
  }
  try {
    opened.get_future().get();
  } catch (const std::exception& e) {
    impl.io_context.stop();
    for (auto& thread : impl.threads) thread.join();
    impl.threads.clear();
    impl.stopped = true;
    throw std::runtime_error(
        fmt::format("cannot listen on {}:{}: {}", impl.options.host, impl.options.port, e.what()));
  }
  spdlog::info(
      "event=server_start listen={}:{} threads={} max_body_bytes={} max_url_bytes={} "
      "read_timeout_s={} write_timeout_s={} handler_timeout_s={}",
      impl.options.host, impl.options.port, impl.options.threads, limits.max_body_bytes,
      limits.max_url_bytes, impl.options.read_timeout.count(), impl.options.write_timeout.count(),
      impl.options.handler_timeout.count());
}

void Server::wait_for_shutdown_signal() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("event=shutdown_signal signal={}", received == SIGINT ? "SIGINT" : "SIGTERM");
  stop();
}

void Server::stop() {
  auto& impl = *impl_;
  if (impl.stopped.exchange(true)) return;

  std::promise<void> closed;
  impl.server->close_async([&closed] { closed.set_value(); },
                           [&closed](std::exception_ptr) { closed.set_value(); });
  closed.get_future().wait();

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (impl.metrics.in_flight() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Lets the last replies leave their sockets before the threads end.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  impl.io_context.stop();
  for (auto& thread : impl.threads) thread.join();
  spdlog::info("event=server_stop");
}

}  // namespace techmarket::http
