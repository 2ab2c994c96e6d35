// A RESTinio stream socket that passes what the client sends through a
// RequestGuard first. A request over a limit gets its problem+json reply
// from here, because RESTinio 0.6 would close the connection without one.
// Only server.cpp includes this file.
#pragma once

#include <spdlog/spdlog.h>

#include <array>
#include <memory>
#include <restinio/all.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http/request_guard.h"

namespace techmarket::http {

// Bytes read and dropped after a rejection, so that the client can finish
// sending and read the reply instead of getting a TCP reset.
inline constexpr std::size_t kMaxDrainedBytes = 16 << 20;

// The server's whole RequestLimits, upload limit included, which RESTinio's
// settings cannot carry. Server::start points it at its limits while it
// constructs the HttpServer, whose acceptor reads it on that thread.
inline thread_local const RequestLimits* limits_for_new_server = nullptr;

class GuardedSocket {
 public:
  using socket_t = asio::ip::tcp::socket;
  using executor_type = socket_t::executor_type;

  GuardedSocket(asio::io_context& io_context, const RequestLimits& limits)
      : state_(std::make_unique<State>(io_context, limits)) {}
  GuardedSocket(GuardedSocket&&) = default;
  GuardedSocket& operator=(GuardedSocket&&) = default;

  socket_t& lowest_layer() { return state_->socket; }
  const socket_t& lowest_layer() const { return state_->socket; }
  executor_type get_executor() { return state_->socket.get_executor(); }
  auto remote_endpoint() const { return state_->socket.remote_endpoint(); }
  bool is_open() const { return state_->socket.is_open(); }

  template <typename... Args>
  void cancel(Args&&... args) {
    state_->socket.cancel(std::forward<Args>(args)...);
  }
  template <typename... Args>
  void shutdown(Args&&... args) {
    state_->socket.shutdown(std::forward<Args>(args)...);
  }
  template <typename... Args>
  void close(Args&&... args) {
    state_->socket.close(std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto async_write_some(Args&&... args) {
    return state_->socket.async_write_some(std::forward<Args>(args)...);
  }

  // Reads like asio's async_read_some, but passes RESTinio only the bytes of
  // requests within the limits. A rejected request gets its reply, and then
  // the handler receives end of file once the client stops sending.
  template <typename Handler>
  void async_read_some(asio::mutable_buffer buffer, Handler&& handler) {
    State* state = state_.get();
    auto executor = asio::get_associated_executor(handler, state->socket.get_executor());
    if (state->rejection) {
      reply_and_drain(state, executor, std::forward<Handler>(handler));
      return;
    }
    state->socket.async_read_some(
        buffer, asio::bind_executor(
                    executor, [state, buffer, executor, handler = std::forward<Handler>(handler)](
                                  const asio::error_code& error, std::size_t length) mutable {
                      if (error) {
                        handler(error, length);
                        return;
                      }
                      auto verdict = state->guard.scan(
                          std::string_view(static_cast<const char*>(buffer.data()), length));
                      if (!verdict.rejection) {
                        handler(error, length);
                        return;
                      }
                      state->rejection = std::move(verdict.rejection);
                      if (verdict.accepted_bytes > 0) {
                        // Earlier requests in this read go to RESTinio first. The
                        // next read sends the rejection, after their replies.
                        handler(error, verdict.accepted_bytes);
                        return;
                      }
                      reply_and_drain(state, executor, std::move(handler));
                    }));
  }

 private:
  struct State {
    State(asio::io_context& io_context, const RequestLimits& limits)
        : socket(io_context), guard(limits) {}

    socket_t socket;
    RequestGuard guard;
    std::optional<Rejection> rejection;
    std::string reply;
    std::array<char, 16 * 1024> drain_buffer{};
    std::size_t drained_bytes = 0;
  };

  template <typename Executor, typename Handler>
  static void reply_and_drain(State* state, Executor executor, Handler&& handler) {
    if (!state->reply.empty()) {
      // The reply was sent already, and RESTinio is reading again. Posted,
      // because asio never runs a read handler inside async_read_some.
      asio::post(executor, [handler = std::forward<Handler>(handler)]() mutable {
        handler(asio::error::eof, 0);
      });
      return;
    }
    asio::error_code ignored;
    spdlog::info("event=request_rejected remote={} status={} detail=\"{}\"",
                 state->socket.remote_endpoint(ignored).address().to_string(),
                 state->rejection->status, state->rejection->detail);
    state->reply = rejection_reply(*state->rejection);
    asio::async_write(
        state->socket, asio::buffer(state->reply),
        asio::bind_executor(executor, [state, executor, handler = std::forward<Handler>(handler)](
                                          const asio::error_code& error, std::size_t) mutable {
          if (error) {
            handler(error, 0);
            return;
          }
          asio::error_code ignored_error;
          state->socket.shutdown(socket_t::shutdown_send, ignored_error);
          drain(state, executor, std::move(handler));
        }));
  }

  // Reads and drops what the client still sends until it closes, the limit
  // of drained bytes is reached, or RESTinio's read timeout closes the socket.
  template <typename Executor, typename Handler>
  static void drain(State* state, Executor executor, Handler&& handler) {
    if (state->drained_bytes > kMaxDrainedBytes) {
      handler(asio::error::eof, 0);
      return;
    }
    state->socket.async_read_some(
        asio::buffer(state->drain_buffer),
        asio::bind_executor(
            executor, [state, executor, handler = std::forward<Handler>(handler)](
                          const asio::error_code& error, std::size_t length) mutable {
              if (error) {
                handler(error == asio::error::operation_aborted ? error : asio::error::eof, 0);
                return;
              }
              state->drained_bytes += length;
              drain(state, executor, std::move(handler));
            }));
  }

  std::unique_ptr<State> state_;
};

// RESTinio finds these two by argument-dependent lookup. A plain TCP socket
// needs no preparation and has no TLS state.
template <typename Connection, typename StartRead, typename Failed>
void prepare_connection_and_start_read(GuardedSocket&, Connection&, StartRead start_read, Failed) {
  start_read();
}

inline restinio::impl::tls_socket_t* make_tls_socket_pointer_for_state_listener(
    GuardedSocket&) noexcept {
  return nullptr;
}

}  // namespace techmarket::http

namespace restinio::impl {

// Makes RESTinio's acceptor create GuardedSockets with the server's message
// limits, which RequestGuard then applies before RESTinio does.
template <>
class socket_supplier_t<techmarket::http::GuardedSocket> {
 protected:
  template <typename Settings>
  socket_supplier_t(Settings& settings, asio::io_context& io_context) {
    const auto& source = settings.incoming_http_msg_limits();
    techmarket::http::RequestLimits limits;
    limits.max_url_bytes = source.max_url_size();
    limits.max_field_name_bytes = source.max_field_name_size();
    limits.max_field_value_bytes = source.max_field_value_size();
    limits.max_field_count = source.max_field_count();
    limits.max_body_bytes = source.max_body_size();
    if (techmarket::http::limits_for_new_server != nullptr) {
      limits = *techmarket::http::limits_for_new_server;
    }
    for (std::size_t i = 0; i < settings.concurrent_accepts_count(); ++i) {
      sockets_.emplace_back(io_context, limits);
    }
    limits_ = limits;
    io_context_ = &io_context;
  }

  techmarket::http::GuardedSocket& socket(std::size_t index) { return sockets_.at(index); }

  // Hands the accepted socket over and leaves a fresh one in its place.
  techmarket::http::GuardedSocket move_socket(std::size_t index) {
    techmarket::http::GuardedSocket accepted = std::move(sockets_.at(index));
    sockets_.at(index) = techmarket::http::GuardedSocket(*io_context_, limits_);
    return accepted;
  }

  std::size_t concurrent_accept_sockets_count() const noexcept { return sockets_.size(); }

 private:
  asio::io_context* io_context_ = nullptr;
  techmarket::http::RequestLimits limits_;
  std::vector<techmarket::http::GuardedSocket> sockets_;
};

}  // namespace restinio::impl
