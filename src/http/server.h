// The HTTP server: RESTinio underneath, the Router on top. Logs each request
// and stops cleanly, letting requests in flight finish.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/metrics.h"
#include "http/request_guard.h"
#include "http/router.h"

namespace techmarket::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 2;
  // Requests over these limits get 413, 414 or 431 problem+json and the
  // connection is closed.
  RequestLimits limits;
  // Time a client has to send one whole request, header and body, counted
  // from the end of the previous reply; a slower client is disconnected.
  std::chrono::seconds read_timeout{20};
  // Time a client has to take one reply off the socket.
  std::chrono::seconds write_timeout{30};
  // Time a route has to produce its reply. NOTE: RESTinio can enforce it
  // only on replies finished after the handler returns, and every route here
  // replies before returning, so a slow route is not cut off.
  std::chrono::seconds handler_timeout{30};
  // Paths under upload_path_prefix accept bodies up to max_upload_bytes
  // instead of limits.max_body_bytes.
  std::string upload_path_prefix = "/api/v1/imports/";
  std::size_t max_upload_bytes = 16 << 20;
};

class Server {
 public:
  Server(const Router& router, Metrics& metrics, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket and serves on background threads. Throws when the
  // address cannot be bound.
  void start();
  // Blocks until SIGINT or SIGTERM arrives, then calls stop().
  void wait_for_shutdown_signal();
  // Stops accepting connections, waits up to ten seconds for requests in
  // flight to finish, then ends the worker threads. Safe to call twice.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace techmarket::http
