// `mubiao serve`: the portal on a database, until SIGINT or SIGTERM; and
// `mubiao moderator add NAME`: a moderator account for the portal.

#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "store/sql_store.h"
#include "text/utf8.h"
#include "web/moderators.h"
#include "web/portal.h"
#include "web/random.h"
#include "web/server.h"

namespace mubiao::cli {
namespace {

// "127.0.0.1:8080" or "[::1]:8080" → address and port.
bool SplitListen(const std::string& listen, std::string* address, int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == listen.size()) return false;
  const std::string port_text = listen.substr(colon + 1);
  if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *port = std::stoi(port_text);
  *address = listen.substr(0, colon);
  if (address->size() >= 2 && address->front() == '[' && address->back() == ']') {
    *address = address->substr(1, address->size() - 2);
  }
  return *port <= 65535 && !address->empty();
}

bool IsLoopback(const std::string& address) {
  return address.starts_with("127.") || address == "::1";
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDatabase;
    std::string listen = "127.0.0.1:8080";
    int threads = 0;
    int max_connections = 0;
    int db_connections = 0;
    std::string vendor_dir = MUBIAO_VENDOR_DIR;
    bool insecure_test_captcha = false;
    std::string test_clock;
    int cache_seconds = web::PortalOptions{}.page_cache_seconds;
    std::vector<std::string> trusted_proxies;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the portal (pages, search, targets, comments, JSON API) on a database");
  AddDatabaseOption(cmd, &opts->db);
  cmd->add_option("--listen", opts->listen,
                  "Address and port to listen on, e.g. 127.0.0.1:8080, 0.0.0.0:80, [::1]:8080; "
                  "port 0 picks a free one (printed)");
  cmd->add_option("--threads", opts->threads, "Server threads (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--max-connections", opts->max_connections,
                  "Connections open at once; more are answered 503 (default: from the "
                  "open-file limit, which serve raises to its hard limit)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--db-connections", opts->db_connections,
                  "Database connections open at once; a request waits up to 5 s for one "
                  "(default: two per thread and two more)")
      ->check(CLI::Range(2, 10000));
  cmd->add_option("--vendor-dir", opts->vendor_dir,
                  "Directory holding echarts.min.js (npm's echarts/dist)");
  cmd->add_option("--cache-seconds", opts->cache_seconds,
                  "How long rendered pages and tracking results are reused (0: never, as for "
                  "measuring cold pages)")
      ->check(CLI::Range(0, 3600));
  cmd->add_option("--trusted-proxy", opts->trusted_proxies,
                  "Address of a reverse proxy or load balancer whose X-Forwarded-For header names "
                  "the client (repeatable); limits then count clients, not the proxy");
  cmd->add_flag("--insecure-test-captcha", opts->insecure_test_captcha,
                "FOR TESTS ONLY: reveal captcha answers at /ceshi/yanzhengma (loopback only)");
  cmd->add_option("--insecure-test-clock", opts->test_clock,
                  "FOR TESTS ONLY: judge supervision ledgers on the date (YYYY-MM-DD) this file "
                  "holds, read on every request (loopback only)");
  cmd->callback([opts] {
    web::ServerOptions server;
    if (!SplitListen(opts->listen, &server.address, &server.port)) {
      Fail("--listen", "must be ADDRESS:PORT, got \"" + opts->listen + "\"", kExitUsage);
    }
    if (opts->insecure_test_captcha && !IsLoopback(server.address)) {
      Fail("--insecure-test-captcha", "refused unless listening on a loopback address", kExitUsage);
    }
    if (!opts->test_clock.empty() && !IsLoopback(server.address)) {
      Fail("--insecure-test-clock", "refused unless listening on a loopback address", kExitUsage);
    }
    web::RaiseOpenFileLimit();
    server.max_connections = opts->max_connections;
    server.trusted_proxies = opts->trusted_proxies;
    server.threads = opts->threads > 0
                         ? opts->threads
                         : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const std::string db = opts->db;
    // A request may hold two connections at once (a form post answered with
    // its page): two per thread never leaves a thread waiting on itself.
    const size_t db_connections = opts->db_connections > 0
                                      ? static_cast<size_t>(opts->db_connections)
                                      : 2 * static_cast<size_t>(server.threads) + 2;
    web::StorePool pool([db] { return store::OpenStore(db, store::OpenMode::kMustExist); },
                        db_connections);
    {
      Result<web::StorePool::Lease> probe = pool.Acquire();
      if (!probe.ok()) Fail("", probe.status().message());
    }
    web::PortalOptions portal_options;
    portal_options.vendor_dir = opts->vendor_dir;
    portal_options.insecure_test_captcha = opts->insecure_test_captcha;
    portal_options.ducha_clock_file = opts->test_clock;
    portal_options.page_cache_seconds = opts->cache_seconds;
    web::Portal portal(portal_options, &pool);
    if (Status init = portal.Init(); !init.ok()) Fail("", init.message());
    web::HttpServer http(
        server, [&portal](const web::HttpRequest& request) { return portal.Handle(request); },
        &std::cerr);
    if (Status listening = http.Listen(); !listening.ok()) Fail("", listening.message());
    if (opts->insecure_test_captcha) {
      std::cerr << "mubiao serve: WARNING: --insecure-test-captcha reveals captcha answers\n";
    }
    const bool v6 = server.address.find(':') != std::string::npos;
    std::cout << "mubiao serve: http://" << (v6 ? "[" + server.address + "]" : server.address)
              << ":" << http.port() << "/ (database " << store::RedactedUri(db) << ", "
              << server.threads << " threads, at most " << http.max_connections()
              << " connections; Ctrl-C stops)" << std::endl;
    http.Run();
    std::cout << "mubiao serve: stopped" << std::endl;
  });
}

void AddModeratorCommand(CLI::App& app) {
  struct Options {
    std::string name;
    std::string db = kDefaultDatabase;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("moderator", "Manage the portal's comment moderators");
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand(
      "add",
      "Create a moderator or set a new password (read from stdin; asked twice on a terminal)");
  add->add_option("name", opts->name, "Sign-in name")->required();
  AddDatabaseOption(add, &opts->db);
  add->callback([opts] {
    if (!web::InitCrypto()) Fail("", "libsodium cannot be initialised");
    const std::string password = ReadPassword();
    if (Status valid = web::ValidateModerator(opts->name, password); !valid.ok()) {
      Fail("", valid.message(), kExitUsage);
    }
    Result<std::string> hash = web::HashPassword(password);
    if (!hash.ok()) Fail("", hash.status().message());
    Result<std::unique_ptr<store::Store>> store =
        store::OpenStore(opts->db, store::OpenMode::kMustExist);
    if (!store.ok()) Fail("", store.status().message());
    if (Status saved = (*store)->PutModerator(opts->name, *hash); !saved.ok()) {
      Fail(opts->db, saved.message());
    }
    std::cout << "moderator " << opts->name << " saved\n";
  });
}

}  // namespace mubiao::cli
