// The server over real loopback sockets: answers, keep-alive, size limits,
// malformed and smuggled requests, idle connections, the connection cap,
// running out of descriptors and graceful shutdown.
#include "web/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>
#include <thread>

namespace mubiao::web {
namespace {

// Echoes the request; /throw throws.
HttpResponse Echo(const HttpRequest& request) {
  if (request.path == "/throw") throw std::runtime_error("boom");
  return HtmlResponse(request.method + " " + request.path + " " + std::string(request.Query("q")) +
                      " body=" + request.body);
}

// A connection to 127.0.0.1:port whose reads give up after 10 s, so a
// server that never answers fails the test instead of hanging it.
int ConnectTo(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return fd;
}

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<HttpServer>(options, Echo, &log_);
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
    if (thread_.joinable()) thread_.join();
  }

  int Connect() { return ConnectTo(server_->port()); }

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

  static int Count(const std::string& text, const std::string& what) {
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }

  std::ostringstream log_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST(ClientAddressTest, TrustsForwardedForOnlyFromTrustedProxies) {
  const std::vector<std::string> proxies = {"127.0.0.1", "::1"};
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", proxies), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, 203.0.113.7 ", proxies), "203.0.113.7")
      << "the entry the nearest proxy appended";
  EXPECT_EQ(ClientAddress("::1", "2001:0db8::0001", proxies), "2001:db8::1") << "canonical";
  EXPECT_EQ(ClientAddress("192.0.2.9", "203.0.113.7", proxies), "192.0.2.9") << "not a proxy";
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7, <script>", proxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", proxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", {}), "127.0.0.1");
}

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

TEST_F(ServerTest, RefusesAmbiguousBodyFramingAndClosesTheConnection) {
  Start({});
  // Each request is followed by a second one that a server misreading the
  // framing would answer: it must never be.
  const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string framing : {
           "Transfer-Encoding: xchunked\r\nContent-Length: 0\r\n",
           "Transfer-Encoding: xchunked\r\n",
           "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n",
           "Content-Length: 0\r\nTransfer-Encoding: chunked\r\n",
           "Transfer-Encoding: gzip, chunked\r\n",
           "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
           "Transfer-Encoding: identity\r\nContent-Length: 0\r\n",
           "Transfer-Encoding: \r\nContent-Length: 0\r\n",
       }) {
    const int fd = Connect();
    Send(fd, "POST /first HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n" + smuggled);
    const std::string answer = ReadAll(fd);  // returns because the server closes
    close(fd);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << framing << answer;
    EXPECT_EQ(Count(answer, "HTTP/1.1"), 1) << framing << answer;
    EXPECT_EQ(answer.find("smuggled"), std::string::npos) << framing;
  }
  // Plain chunked bodies still work, in any letter case, on a kept connection.
  const int fd = Connect();
  Send(fd,
       "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
       "5\r\nhello\r\n0\r\n\r\n"
       "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string both = ReadAll(fd);
  close(fd);
  EXPECT_NE(both.find("POST /a  body=hello"), std::string::npos) << both;
  EXPECT_NE(both.find("GET /b"), std::string::npos) << both;
  server_->Shutdown();
  thread_.join();
  EXPECT_EQ(log_.str().find("/smuggled"), std::string::npos) << log_.str();
  EXPECT_EQ(log_.str().find("/first"), std::string::npos) << "refused before the handler";
}

TEST_F(ServerTest, AnswersConnectionsOverTheCapBusyAndClosesThem) {
  ServerOptions options;
  options.max_connections = 2;
  Start(options);
  EXPECT_EQ(server_->max_connections(), 2);
  const int first = Connect();
  const int second = Connect();
  for (int fd : {first, second}) {
    Send(fd, "GET /kept HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(ReadUntil(fd, "body=").find("200 OK"), std::string::npos);
  }
  EXPECT_EQ(server_->stats().open, 2);
  // A third is answered at once, without sending anything, and closed.
  const int third = Connect();
  const std::string busy = ReadAll(third);
  close(third);
  EXPECT_TRUE(busy.starts_with("HTTP/1.1 503")) << busy;
  EXPECT_NE(busy.find("Retry-After: 1"), std::string::npos) << busy;
  EXPECT_NE(busy.find("服务器繁忙"), std::string::npos) << busy;
  EXPECT_EQ(server_->stats().refused, 1);
  // When one of the two ends, a new connection is served again.
  close(first);
  std::string answer;
  for (int attempt = 0; attempt < 500 && answer.find("200 OK") == std::string::npos; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const int fd = Connect();
    Send(fd, "GET /again HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    answer = ReadAll(fd);
    close(fd);
  }
  EXPECT_NE(answer.find("GET /again"), std::string::npos) << answer;
  close(second);
}

TEST_F(ServerTest, DerivesTheConnectionCapFromTheOpenFileLimit) {
  Start({});
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  EXPECT_GE(server_->max_connections(), 8);
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur > 128) {
    EXPECT_LT(static_cast<rlim_t>(server_->max_connections()), limit.rlim_cur - 32)
        << "room is left for the database and logs";
  }
}

TEST(OpenFileLimitTest, RaisesTheSoftLimitToTheHardLimit) {
  rlimit before{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &before), 0);
  if (before.rlim_max == RLIM_INFINITY || before.rlim_max < 128) {
    GTEST_SKIP() << "hard limit unlimited or too low to lower the soft one";
  }
  rlimit lowered = before;
  lowered.rlim_cur = 100;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
  EXPECT_EQ(RaiseOpenFileLimit(), static_cast<int64_t>(before.rlim_max));
  rlimit after{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &after), 0);
  EXPECT_EQ(after.rlim_cur, before.rlim_max);
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &before), 0);
}

// In a forked child: a server with no cap of its own whose process may open
// only `spare` more descriptors once it serves. Writes its port to `out`;
// after SIGTERM, its counters (ServerStats); then exits.
[[noreturn]] void ServeWithFewDescriptors(int out, int spare) {
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.max_connections = 100000;
  std::ostringstream log;
  HttpServer server(options, Echo, &log);
  if (!server.Listen().ok()) _exit(2);
  std::thread loop([&server] { server.Run(); });
  // A request and a client hanging up first: the sanitizers need
  // descriptors of their own (to probe memory) the first time they check
  // the code serving these, not later.
  const int warm_up = ConnectTo(server.port());
  const std::string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  send(warm_up, request.data(), request.size(), MSG_NOSIGNAL);
  char buffer[512];
  if (recv(warm_up, buffer, sizeof buffer, 0) <= 0) _exit(6);
  close(warm_up);
  while (server.stats().open > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // Fill every free descriptor below a low limit, then give back `spare`.
  const rlimit few{256, 256};
  if (setrlimit(RLIMIT_NOFILE, &few) != 0) _exit(3);
  std::vector<int> filler;
  for (int fd; (fd = open("/dev/null", O_RDONLY)) >= 0;) filler.push_back(fd);
  if (static_cast<int>(filler.size()) < spare) _exit(3);
  for (int i = 0; i < spare; ++i) {
    close(filler.back());
    filler.pop_back();
  }
  const int port = server.port();
  if (write(out, &port, sizeof port) != sizeof port) _exit(4);
  loop.join();
  const ServerStats stats = server.stats();
  if (write(out, &stats, sizeof stats) != sizeof stats) _exit(5);
  _exit(0);
}

TEST(ServerDescriptorsTest, BacksOffWhenOutOfDescriptorsAndRecovers) {
  constexpr int kSpare = 2;
  constexpr int kWaiting = 10;
  int channel[2];
  ASSERT_EQ(pipe(channel), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) ServeWithFewDescriptors(channel[1], kSpare);
  close(channel[1]);
  int port = 0;
  ASSERT_EQ(read(channel[0], &port, sizeof port), static_cast<ssize_t>(sizeof port));
  const auto started = std::chrono::steady_clock::now();

  // Two kept connections use the spare descriptors; the next ones wait in
  // the listen queue while every accept fails (EMFILE).
  std::vector<int> kept;
  for (int i = 0; i < kSpare; ++i) {
    kept.push_back(ConnectTo(port));
    const std::string request = "GET /kept HTTP/1.1\r\nHost: x\r\n\r\n";
    send(kept.back(), request.data(), request.size(), MSG_NOSIGNAL);
    char buffer[512];
    EXPECT_GT(recv(kept.back(), buffer, sizeof buffer, 0), 0);
  }
  std::vector<int> waiting;
  for (int i = 0; i < kWaiting; ++i) {
    waiting.push_back(ConnectTo(port));
    const std::string request = "GET /waited HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    send(waiting.back(), request.data(), request.size(), MSG_NOSIGNAL);
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // Descriptors come free: every waiting client is served.
  for (int fd : kept) close(fd);
  int served = 0;
  for (int fd : waiting) {
    std::string answer;
    char buffer[512];
    ssize_t n;
    while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0)
      answer.append(buffer, static_cast<size_t>(n));
    close(fd);
    if (answer.find("GET /waited") != std::string::npos) ++served;
  }
  EXPECT_EQ(served, kWaiting);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  kill(child, SIGTERM);
  ServerStats stats;
  ASSERT_EQ(read(channel[0], &stats, sizeof stats), static_cast<ssize_t>(sizeof stats));
  close(channel[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(stats.accepted, 1 + kSpare + kWaiting) << "with the warm-up";
  // It did run out, and then retried at a measured pace: at most one failed
  // accept per 20 ms of the test (the server waits 100 ms), where spinning
  // made hundreds of thousands.
  EXPECT_GE(stats.accept_failures, 1);
  EXPECT_LE(stats.accept_failures, 10 + elapsed.count() / 20) << elapsed.count() << " ms";
}

}  // namespace
}  // namespace mubiao::web
