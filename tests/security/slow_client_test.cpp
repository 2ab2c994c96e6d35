// Slow-loris: 200 connections that send their request a byte at a time do
// not stop ordinary requests, and the server closes each of them once the
// read timeout has passed.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "security/live_server.h"

namespace techmarket {
namespace {

constexpr int kSlowConnections = 200;
constexpr int kSlowBodies = 20;  // of kSlowConnections, these send a whole header and a slow body

struct SlowConnection {
  int socket_fd = -1;
  bool closed_by_server = false;
  std::string received;
};

int connect_non_blocking(std::uint16_t port) {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (socket_fd < 0 ||
      ::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  ::fcntl(socket_fd, F_SETFL, ::fcntl(socket_fd, F_GETFL) | O_NONBLOCK);
  return socket_fd;
}

// Reads whatever the server sent, then sends one more byte. Marks the
// connection closed once the server has closed it.
void trickle(SlowConnection& connection) {
  if (connection.closed_by_server) return;
  char buffer[4096];
  while (true) {
    auto received = ::recv(connection.socket_fd, buffer, sizeof buffer, 0);
    if (received > 0) {
      connection.received.append(buffer, static_cast<std::size_t>(received));
      continue;
    }
    if (received == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
      connection.closed_by_server = true;
      return;
    }
    break;
  }
  if (::send(connection.socket_fd, "a", 1, MSG_NOSIGNAL) < 0 && errno != EAGAIN) {
    connection.closed_by_server = true;
  }
}

int count_open(const std::vector<SlowConnection>& connections) {
  int open = 0;
  for (const auto& connection : connections) open += connection.closed_by_server ? 0 : 1;
  return open;
}

TEST(SlowClients, OrdinaryRequestsSucceedAndSlowOnesAreClosed) {
  testing::LiveServer server({"--read-timeout", "10"});
  std::vector<SlowConnection> connections(kSlowConnections);
  for (int i = 0; i < kSlowConnections; ++i) {
    connections[i].socket_fd = connect_non_blocking(server.port());
    std::string start = "GET /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    if (i < kSlowBodies) {
      start =
          "POST /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"title\": \"";
    }
    ASSERT_EQ(::send(connections[i].socket_fd, start.data(), start.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(start.size()));
  }

  // Ordinary requests while the slow connections are open.
  for (int i = 0; i < 20; ++i) {
    auto reply = server.request("GET", "/api/v1/offers?limit=5");
    EXPECT_EQ(reply.status, 200) << reply.body;
    for (auto& connection : connections) trickle(connection);
  }
  EXPECT_EQ(server
                .request("POST", "/api/v1/offers",
                         R"({"kind":"technology","title":"Máy sấy","summary":"Sấy"})")
                .status,
            201);
  for (auto& connection : connections) trickle(connection);
  EXPECT_GT(count_open(connections), 0)
      << "the slow connections must still be open after the ordinary requests";

  // The read timeout is 10 s. The 60 s bound only ends the wait if the server never closes them.
  auto give_up_at = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (count_open(connections) > 0 && std::chrono::steady_clock::now() < give_up_at) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (auto& connection : connections) trickle(connection);
  }
  EXPECT_EQ(count_open(connections), 0) << "slow connections that the server left open";

  for (auto& connection : connections) {
    EXPECT_EQ(connection.received.find("HTTP/1.1 2"), std::string::npos)
        << "a slow request was answered as if complete: " << connection.received;
    ::close(connection.socket_fd);
  }
  EXPECT_EQ(server.request("GET", "/healthz").status, 200);
  EXPECT_EQ(server.counts().offers, 1) << "only the ordinary POST may add an offer";
}

}  // namespace
}  // namespace techmarket
