// The server over real loopback sockets: answers, keep-alive, size limits,
// malformed requests, idle connections and graceful shutdown.
#include "web/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <thread>

namespace mubiao::web {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<HttpServer>(
        options,
        [](const HttpRequest& request) {
          if (request.path == "/throw") throw std::runtime_error("boom");
          return HtmlResponse(request.method + " " + request.path + " " +
                              std::string(request.Query("q")) + " body=" + request.body);
        },
        &log_);
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
    if (thread_.joinable()) thread_.join();
  }

  int Connect() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server_->port()));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return fd;
  }

  static void Send(int fd, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  // Reads until `marker` has been seen `times` times, or the peer closes.
  static std::string ReadUntil(int fd, const std::string& marker, int times = 1) {
    std::string data;
    char buffer[4096];
    while (true) {
      int seen = 0;
      for (size_t at = data.find(marker); at != std::string::npos; at = data.find(marker, at + 1)) {
        ++seen;
      }
      if (seen >= times) return data;
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return data;
      data.append(buffer, static_cast<size_t>(n));
    }
  }

  static std::string ReadAll(int fd) { return ReadUntil(fd, "\x01never\x02", 1); }

  std::ostringstream log_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(ServerTest, AnswersAndKeepsTheConnectionAlive) {
  Start({});
  const int fd = Connect();
  Send(fd,
       "GET /a?q=%E5%85%BB HTTP/1.1\r\nHost: x\r\n\r\n"
       "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  const std::string both = ReadUntil(fd, "HTTP/1.1 200 OK", 2);
  EXPECT_NE(both.find("GET /a 养 body="), std::string::npos) << both;
  EXPECT_NE(both.find("POST /b  body=hello"), std::string::npos) << both;
  Send(fd, "HEAD /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string head = ReadAll(fd);
  EXPECT_NE(head.find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(head.find("Content-Length: 14"), std::string::npos) << head;
  EXPECT_EQ(head.find("HEAD /c"), std::string::npos) << "HEAD must not carry the body";
  close(fd);
  server_->Shutdown();
  thread_.join();
  // One access-log line per request.
  const std::string log = log_.str();
  EXPECT_NE(log.find("\"GET /a?q=%E5%85%BB\" 200"), std::string::npos) << log;
  EXPECT_NE(log.find("\"POST /b\" 200"), std::string::npos) << log;
  EXPECT_NE(log.find("\"HEAD /c\" 200"), std::string::npos) << log;
}

TEST_F(ServerTest, RefusesOversizedHeadersAndBodies) {
  ServerOptions options;
  options.header_limit = 1024;
  options.body_limit = 100;
  Start(options);
  int fd = Connect();
  Send(fd, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  EXPECT_NE(ReadAll(fd).find("HTTP/1.1 431"), std::string::npos);
  close(fd);

  fd = Connect();
  Send(fd, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n" + std::string(101, 'b'));
  EXPECT_NE(ReadAll(fd).find("HTTP/1.1 413"), std::string::npos);
  close(fd);

  fd = Connect();
  Send(fd, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" +
               std::string(512, 'c') + "\r\n0\r\n\r\n");
  EXPECT_NE(ReadAll(fd).find("HTTP/1.1 413"), std::string::npos);
  close(fd);
}

TEST_F(ServerTest, RefusesMalformedRequestsAndSurvivesHandlerErrors) {
  Start({});
  int fd = Connect();
  Send(fd, "BLAH\r\n\r\n");
  EXPECT_NE(ReadAll(fd).find("HTTP/1.1 400"), std::string::npos);
  close(fd);

  fd = Connect();
  Send(fd, "GET /throw HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(ReadUntil(fd, "}").find("HTTP/1.1 500"), std::string::npos);
  // The connection and the server still work.
  Send(fd, "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(ReadAll(fd).find("GET /after"), std::string::npos);
  close(fd);
}

TEST_F(ServerTest, ClosesConnectionsThatSendNothing) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  Start(options);
  const int fd = Connect();
  // The server closes the idle connection: the read ends without a response.
  EXPECT_EQ(ReadAll(fd), "");
  close(fd);
}

TEST_F(ServerTest, ShutdownClosesIdleConnectionsAndReturns) {
  Start({});
  const int idle = Connect();
  Send(idle, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(ReadUntil(idle, "body=").find("200 OK"), std::string::npos);
  server_->Shutdown();
  thread_.join();  // Run returns although a keep-alive connection was open
  EXPECT_EQ(ReadAll(idle).find("HTTP"), std::string::npos);
  close(idle);
}

}  // namespace
}  // namespace mubiao::web
