#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <future>
#include <restinio/all.hpp>
#include <thread>

#include "http/problem.h"
#include "http/url.h"

namespace techmarket::http {
namespace {

using ServerTraits = restinio::default_traits_t;
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
                                        std::size_t max_body_bytes) {
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
      auto early = convert_request(*source, request, options.max_body_bytes);
      response = early ? std::move(*early) : router.dispatch(request);
    } catch (...) {
      response = response_for_exception(std::current_exception(), request.request_id);
    }

    auto reply = source->create_response(restinio::http_status_line_t(
        restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)), ""));
    reply.append_header(restinio::http_field::content_type, response.content_type);
    reply.append_header("X-Request-Id", request.request_id);
    reply.append_header("X-Content-Type-Options", "nosniff");
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

  restinio::server_settings_t<ServerTraits> settings;
  settings.port(impl.options.port)
      .address(impl.options.host)
      .read_next_http_message_timelimit(std::chrono::seconds(30))
      .write_http_response_timelimit(std::chrono::seconds(30))
      .handle_request_timeout(std::chrono::seconds(30))
      // Bodies a little over the limit still reach the handler, which answers
      // 413; RESTinio drops connections whose body exceeds this hard cap.
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(8 * 1024)
                                    .max_field_name_size(1024)
                                    .max_field_value_size(16 * 1024)
                                    .max_field_count(100)
                                    .max_body_size(impl.options.max_body_bytes * 8))
      .request_handler([&impl](auto request) { return impl.handle(request); });
  impl.server = std::make_unique<HttpServer>(restinio::external_io_context(impl.io_context),
                                             std::move(settings));

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
  spdlog::info("event=server_start listen={}:{} threads={} max_body_bytes={}", impl.options.host,
               impl.options.port, impl.options.threads, impl.options.max_body_bytes);
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
