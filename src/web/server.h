// The HTTP/1.1 server: Boost.Beast over Boost.Asio, asynchronous, keep-alive,
// one event loop run by several threads. Every request is bounded in size
// (header and body limits) and time (idle, read and write timeouts); the
// handler runs on one of the server's threads and may block briefly (a
// database read). Each answered request writes one access-log line.
//
// Under load the server degrades rather than stalls: connections beyond
// max_connections are answered 503 and closed at once, and when accepting
// fails (no descriptors left) it waits a moment before trying again instead
// of spinning. A request whose body framing is ambiguous (a transfer coding
// other than chunked, or one together with Content-Length) is refused with
// 400 and its connection closed, so no bytes after it are ever read as a
// further request (request smuggling).
#ifndef MUBIAO_WEB_SERVER_H_
#define MUBIAO_WEB_SERVER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "web/http.h"

namespace mubiao::web {

namespace internal {
struct ServerState;  // the event loop, acceptor and connections (server.cc)
}  // namespace internal

// How the server listens and what it allows.
struct ServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;                  // 0: any free port (see HttpServer::port)
  int threads = 1;                  // threads running the event loop
  size_t header_limit = 16 * 1024;  // bytes of request line and headers
  size_t body_limit = 64 * 1024;    // bytes of request body
  // A connection may wait this long for the next request's header to arrive
  // in full (keep-alive idle time included).
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds read_timeout{15};   // for the body, once the header is in
  std::chrono::seconds write_timeout{30};  // for sending a response
  // On shutdown, requests in progress get this long to finish.
  std::chrono::seconds shutdown_grace{10};
  // Connections open at once; a new one beyond this is answered 503 and
  // closed. 0: derived from the limit on open files (RLIMIT_NOFILE) when
  // listening, leaving room for the database and logs.
  int max_connections = 0;
  // Addresses of reverse proxies (a load balancer) whose X-Forwarded-For
  // header names the client: requests from them are counted against the
  // client's address, not the proxy's (rate limits, logs).
  std::vector<std::string> trusted_proxies;
};

// The client of a request that came from `peer`: the last address of its
// X-Forwarded-For header (`forwarded_for`, as the nearest proxy appended
// it) when `peer` is one of `trusted_proxies` and that address is an IP
// address; `peer` otherwise. Addresses compare and come back in canonical
// form.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// What a server has counted since Listen.
struct ServerStats {
  int64_t accepted = 0;         // connections accepted (refused ones included)
  int64_t accept_failures = 0;  // accept calls that failed (no descriptors left, ...)
  int64_t refused = 0;          // connections closed at once: over max_connections
  int64_t open = 0;             // connections open now
};

// Raises this process's soft limit on open files to its hard limit, so a
// busy server runs out of descriptors as late as allowed. Returns the soft
// limit in force afterwards (INT64_MAX when unlimited, -1 when it cannot be
// read). Call at start, before Listen (which derives the default cap from it).
int64_t RaiseOpenFileLimit();

// Answers one request. Called concurrently from the server's threads.
using RequestHandler = std::function<HttpResponse(const HttpRequest&)>;

// An HTTP server. Listen, then Run; Shutdown (from any thread or a signal
// handler's thread) stops accepting, closes idle connections, lets requests
// in progress finish (up to shutdown_grace) and makes Run return.
class HttpServer {
 public:
  // `access_log` receives one line per request: client address, time,
  // request line, status, body bytes and milliseconds. It must outlive the
  // server.
  HttpServer(ServerOptions options, RequestHandler handler, std::ostream* access_log);
  ~HttpServer();

  // Binds and listens. Errors: kInvalidInput for a bad address, kIoError
  // when the port cannot be bound.
  Status Listen();

  // The port listened on (the chosen one when options.port was 0).
  int port() const;

  // The connection cap in force (options.max_connections, or the one derived
  // from the open-file limit); valid after Listen.
  int max_connections() const;

  // Counters since Listen. Safe from any thread.
  ServerStats stats() const;

  // Serves until Shutdown; SIGINT and SIGTERM call Shutdown. Blocks.
  void Run();

  // Starts a graceful shutdown. Safe from any thread; idempotent.
  void Shutdown();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

 private:
  std::unique_ptr<internal::ServerState> state_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_SERVER_H_
