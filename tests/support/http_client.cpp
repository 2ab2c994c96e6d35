#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <stdexcept>

namespace techmarket::testing {
namespace {

int connect_local(std::uint16_t port) {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket_fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(socket_fd);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  timeval timeout{30, 0};
  setsockopt(socket_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return socket_fd;
}

}  // namespace

HttpReply parse_http_reply(const std::string& raw) {
  HttpReply reply;
  auto header_end = raw.find("\r\n\r\n");
  if (header_end == std::string::npos || raw.size() < 12) {
    throw std::runtime_error("incomplete HTTP reply: " + raw.substr(0, 200));
  }
  reply.status = std::stoi(raw.substr(9, 3));
  std::size_t line_start = raw.find("\r\n") + 2;
  while (line_start < header_end) {
    auto line_end = raw.find("\r\n", line_start);
    auto line = raw.substr(line_start, line_end - line_start);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto value_start = line.find_first_not_of(' ', colon + 1);
      auto value = value_start == std::string::npos ? "" : line.substr(value_start);
      auto& stored = reply.headers[name];
      stored = stored.empty() ? value : stored + "\n" + value;
    }
    line_start = line_end + 2;
  }
  reply.body = raw.substr(header_end + 4);
  return reply;
}

namespace {

void send_all(int socket_fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    auto written = ::send(socket_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (written <= 0) break;
    sent += static_cast<std::size_t>(written);
  }
}

std::string receive_until_closed(int socket_fd) {
  std::string raw;
  char buffer[65536];
  while (true) {
    auto received = ::recv(socket_fd, buffer, sizeof buffer, 0);
    if (received <= 0) break;
    raw.append(buffer, static_cast<std::size_t>(received));
  }
  return raw;
}

}  // namespace

HttpReply http_request(std::uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body, const std::string& content_type,
                       const std::map<std::string, std::string>& headers) {
  int socket_fd = connect_local(port);
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Connection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH") {
    request += "Content-Type: " + content_type + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;

  send_all(socket_fd, request);
  std::string raw = receive_until_closed(socket_fd);
  ::close(socket_fd);
  return parse_http_reply(raw);
}

std::string send_raw(std::uint16_t port, const std::string& bytes) {
  int socket_fd = connect_local(port);
  send_all(socket_fd, bytes);
  std::string raw = receive_until_closed(socket_fd);
  ::close(socket_fd);
  return raw;
}

std::uint16_t free_port() {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace techmarket::testing
