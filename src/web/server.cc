#include "web/server.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "text/ascii.h"

namespace mubiao::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using ErrorCode = boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {
class Session;

// How long to wait before accepting again after accept failed for want of
// descriptors or memory: retrying at once would fail again and spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
}  // namespace

// Members are destroyed in reverse order: the io_context (and with it any
// session its pending handlers still own) goes before the session registry
// those sessions unregister from, and after the sockets and timers below it.
struct internal::ServerState {
  ServerState(ServerOptions o, RequestHandler h, std::ostream* log)
      : options(std::move(o)),
        handler(std::move(h)),
        access_log(log),
        io(std::max(1, options.threads)),
        acceptor(asio::make_strand(io)),
        accept_timer(acceptor.get_executor()),
        signals(io, SIGINT, SIGTERM),
        grace_timer(io) {}

  void Accept();
  void OnAccept(ErrorCode ec, tcp::socket socket);
  size_t OpenSessions() {
    std::lock_guard lock(sessions_mutex);
    return sessions.size();
  }
  void WatchShutdown(Clock::time_point deadline);
  void LogLine(const std::string& line) {
    std::lock_guard lock(log_mutex);
    *access_log << line << '\n' << std::flush;
  }

  const ServerOptions options;
  const RequestHandler handler;
  std::ostream* const access_log;
  std::mutex log_mutex;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  int bound_port = 0;
  size_t max_connections = 0;  // set by Listen
  std::atomic<int64_t> accepted{0};
  std::atomic<int64_t> accept_failures{0};
  std::atomic<int64_t> refused{0};

  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer accept_timer;  // on the acceptor's strand
  asio::signal_set signals;
  asio::steady_timer grace_timer;
};

namespace {

std::string LogTime() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// Whether a request's body framing is unambiguous (RFC 9112 sections 6.1
// and 6.3): either Content-Length, or a single Transfer-Encoding that is
// exactly "chunked", never both. Anything else is refused: a proxy in front
// could frame the body differently and read the bytes after it as a second
// request (request smuggling).
bool UnambiguousFraming(const http::request<http::string_body>& request) {
  const auto codings = request.equal_range(http::field::transfer_encoding);
  if (codings.first == codings.second) return true;
  if (request.count(http::field::content_length) > 0) return false;
  if (std::next(codings.first) != codings.second) return false;
  return beast::iequals(codings.first->value(), "chunked");
}

// The answer to a connection over the cap.
const std::string& BusyResponse() {
  static const std::string response = [] {
    const std::string body = "{\"error\":\"服务器繁忙，请稍后再试\"}";
    return "HTTP/1.1 503 Service Unavailable\r\nServer: mubiao\r\n"
           "Content-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n"
           "Connection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  return response;
}

// Answers 503 and closes, without waiting: the response fits the send
// buffer of a fresh connection, so a non-blocking write takes it whole (or
// the client is gone and gets nothing).
void Refuse(tcp::socket socket) {
  ErrorCode ignored;
  socket.non_blocking(true, ignored);
  socket.write_some(asio::buffer(BusyResponse()), ignored);
  socket.shutdown(tcp::socket::shutdown_send, ignored);
  socket.close(ignored);
}

// The cap on connections when none is configured: the open-file limit less
// room for everything else the process opens (database files, logs).
size_t DefaultMaxConnections() {
  constexpr int64_t kLargest = 10000;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kLargest;
  const auto files = static_cast<int64_t>(std::min<rlim_t>(limit.rlim_cur, 1 << 20));
  return static_cast<size_t>(
      std::clamp<int64_t>(files - std::max<int64_t>(64, files / 8), 8, kLargest));
}

// One connection: reads requests one after another (keep-alive), answers
// each through the handler. All its work runs on its socket's strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, internal::ServerState* state)
      : stream_(std::move(socket)), state_(state) {
    ErrorCode ec;
    const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    client_ip_ = ec ? "-" : peer.address().to_string();
  }

  ~Session() {
    std::lock_guard lock(state_->sessions_mutex);
    state_->sessions.erase(this);
  }

  void Start() {
    {
      std::lock_guard lock(state_->sessions_mutex);
      state_->sessions.emplace(this, weak_from_this());
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  // On shutdown: a connection waiting for its next request is closed now;
  // one in the middle of a request closes after answering it.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->waiting_ && self->parser_ && self->buffer_.size() == 0 &&
          !self->parser_->got_some()) {
        self->Close();
      }
    });
  }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(state_->options.header_limit));
    parser_->body_limit(state_->options.body_limit);
    waiting_ = true;
    if (state_->stopping && buffer_.size() == 0) return Close();
    stream_.expires_after(state_->options.idle_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](ErrorCode ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(ErrorCode ec) {
    waiting_ = false;
    started_ = Clock::now();
    if (ec) return OnReadError(ec);
    if (!UnambiguousFraming(parser_->get())) return Reject(400, "请求格式错误");
    if (parser_->content_length() && *parser_->content_length() > state_->options.body_limit) {
      return Reject(413, "请求内容过大");
    }
    if (parser_->is_done()) return Handle();
    stream_.expires_after(state_->options.read_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](ErrorCode ec, size_t) {
      if (ec) return self->OnReadError(ec);
      self->Handle();
    });
  }

  void OnReadError(ErrorCode ec) {
    if (ec == http::error::header_limit) return Reject(431, "请求头过大");
    if (ec == http::error::body_limit) return Reject(413, "请求内容过大");
    if (ec == beast::error::timeout && parser_->got_some()) return Reject(408, "请求超时");
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof || !parser_->got_some()) {
      return Close();
    }
    Reject(400, "请求格式错误");
  }

  // Answers a request that could not be read and closes the connection.
  void Reject(int status, const std::string& message) {
    HttpResponse response = JsonResponse("{\"error\":\"" + message + "\"}", status);
    request_line_ = "-";
    Send(std::move(response), false, false);
  }

  void Handle() {
    const auto& message = parser_->get();
    HttpRequest request =
        MakeRequest(std::string(message.method_string()), std::string(message.target()));
    for (const auto& field : message) {
      request.headers.emplace_back(
          text::AsciiLower({field.name_string().data(), field.name_string().size()}),
          std::string(field.value().data(), field.value().size()));
    }
    request.body = message.body();
    request.client_ip = ClientAddress(client_ip_, request.Header("x-forwarded-for"),
                                      state_->options.trusted_proxies);
    request_line_ = request.method + " " + request.target;
    HttpResponse response;
    try {
      response = state_->handler(request);
    } catch (const std::exception& e) {
      response = JsonResponse("{\"error\":\"服务器内部错误\"}", 500);
      state_->LogLine("error: handler threw for " + request_line_ + ": " + e.what());
    }
    const bool keep_alive = message.keep_alive() && !state_->stopping;
    Send(std::move(response), keep_alive, request.method == "HEAD");
  }

  void Send(HttpResponse response, bool keep_alive, bool head) {
    const int status = response.status;
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(status));
    response_.set(http::field::server, "mubiao");
    if (!response.content_type.empty())
      response_.set(http::field::content_type, response.content_type);
    response_.set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : response.headers) response_.insert(name, value);
    const size_t bytes = response.body.size();
    response_.keep_alive(keep_alive);
    if (status != 304) {
      if (!head) response_.body() = std::move(response.body);
      response_.content_length(bytes);
    }
    char line[64];
    std::snprintf(line, sizeof line, "\" %d %zu %.1fms", status, bytes,
                  std::chrono::duration<double, std::milli>(Clock::now() - started_).count());
    state_->LogLine(client_ip_ + " [" + LogTime() + "] \"" + request_line_ + line);
    stream_.expires_after(state_->options.write_timeout);
    http::async_write(stream_, response_,
                      [self = shared_from_this(), keep_alive](ErrorCode ec, size_t) {
                        if (ec || !keep_alive) return self->Close();
                        self->ReadHeader();
                      });
  }

  void Close() {
    ErrorCode ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  internal::ServerState* state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  std::string client_ip_;
  std::string request_line_;
  Clock::time_point started_ = Clock::now();
  bool waiting_ = false;  // waiting for the next request's header
};

}  // namespace

void internal::ServerState::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](ErrorCode ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void internal::ServerState::OnAccept(ErrorCode ec, tcp::socket socket) {
  if (!acceptor.is_open() || stopping) return;
  if (ec) {
    ++accept_failures;
    // A connection reset before it was accepted concerns that client only.
    if (ec == asio::error::connection_aborted) return Accept();
    // Out of descriptors or memory: an immediate retry would fail the same
    // way, at full speed, while the waiting clients time out. Wait for
    // connections to end.
    accept_timer.expires_after(kAcceptRetryDelay);
    accept_timer.async_wait([this](ErrorCode wait_error) {
      if (!wait_error && !stopping && acceptor.is_open()) Accept();
    });
    return;
  }
  ++accepted;
  if (OpenSessions() >= max_connections) {
    ++refused;
    Refuse(std::move(socket));
  } else {
    std::make_shared<Session>(std::move(socket), this)->Start();
  }
  Accept();
}

void internal::ServerState::WatchShutdown(Clock::time_point deadline) {
  bool idle;
  {
    std::lock_guard lock(sessions_mutex);
    idle = sessions.empty();
  }
  if (idle || Clock::now() >= deadline) {
    io.stop();
    return;
  }
  grace_timer.expires_after(std::chrono::milliseconds(50));
  grace_timer.async_wait([this, deadline](ErrorCode) { WatchShutdown(deadline); });
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler, std::ostream* access_log)
    : state_(std::make_unique<internal::ServerState>(std::move(options), std::move(handler),
                                                     access_log)) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Listen() {
  ErrorCode ec;
  const asio::ip::address address = asio::ip::make_address(state_->options.address, ec);
  if (ec) return InvalidInput("not an IP address: " + state_->options.address);
  for (const std::string& proxy : state_->options.trusted_proxies) {
    asio::ip::make_address(proxy, ec);
    if (ec) return InvalidInput("trusted proxy is not an IP address: " + proxy);
  }
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(state_->options.port));
  tcp::acceptor& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return IoError("cannot listen on " + state_->options.address + ":" +
                   std::to_string(state_->options.port) + ": " + ec.message());
  }
  state_->bound_port = acceptor.local_endpoint().port();
  state_->max_connections = state_->options.max_connections > 0
                                ? static_cast<size_t>(state_->options.max_connections)
                                : DefaultMaxConnections();
  state_->Accept();
  state_->signals.async_wait([this](ErrorCode ec, int) {
    if (!ec) Shutdown();
  });
  return Status::Ok();
}

int HttpServer::port() const { return state_->bound_port; }

int HttpServer::max_connections() const { return static_cast<int>(state_->max_connections); }

ServerStats HttpServer::stats() const {
  return ServerStats{state_->accepted.load(), state_->accept_failures.load(),
                     state_->refused.load(), static_cast<int64_t>(state_->OpenSessions())};
}

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  if (forwarded_for.empty() || trusted_proxies.empty()) return peer;
  ErrorCode ec;
  const asio::ip::address from = asio::ip::make_address(peer, ec);
  if (ec) return peer;
  const bool trusted =
      std::any_of(trusted_proxies.begin(), trusted_proxies.end(), [&](const std::string& proxy) {
        ErrorCode bad;
        const asio::ip::address address = asio::ip::make_address(proxy, bad);
        return !bad && address == from;
      });
  if (!trusted) return peer;
  const size_t comma = forwarded_for.rfind(',');
  std::string last(forwarded_for.substr(comma == std::string_view::npos ? 0 : comma + 1));
  last.erase(0, last.find_first_not_of(" \t"));
  last.erase(last.find_last_not_of(" \t") + 1);
  const asio::ip::address client = asio::ip::make_address(last, ec);
  return ec ? peer : client.to_string();
}

int64_t RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
  // An unlimited hard limit still cannot exceed the kernel's fs.nr_open
  // (1048576 unless changed).
  const rlim_t target = limit.rlim_max == RLIM_INFINITY ? rlim_t{1} << 20 : limit.rlim_max;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < target) {
    rlimit raised = limit;
    raised.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? INT64_MAX : static_cast<int64_t>(limit.rlim_cur);
}

void HttpServer::Run() {
  std::vector<std::thread> threads;
  for (int i = 1; i < state_->options.threads; ++i) {
    threads.emplace_back([this] { state_->io.run(); });
  }
  state_->io.run();
  for (std::thread& thread : threads) thread.join();
}

void HttpServer::Shutdown() {
  if (state_->stopping.exchange(true)) return;
  internal::ServerState* state = state_.get();
  asio::post(state->acceptor.get_executor(), [state] {
    ErrorCode ignored;
    state->acceptor.close(ignored);
    state->accept_timer.cancel();
    state->signals.cancel(ignored);
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lock(state->sessions_mutex);
      for (auto& [raw, weak] : state->sessions) {
        if (std::shared_ptr<Session> session = weak.lock()) live.push_back(std::move(session));
      }
    }
    for (const std::shared_ptr<Session>& session : live) session->CloseIfIdle();
    const Clock::time_point deadline = Clock::now() + state->options.shutdown_grace;
    asio::post(state->io, [state, deadline] { state->WatchShutdown(deadline); });
  });
}

}  // namespace mubiao::web
