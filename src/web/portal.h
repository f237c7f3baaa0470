// The portal: every page, asset and API endpoint of the site, answering
// HttpRequests from a pool of store connections. Independent of the network
// (server.h carries requests to it), so tests call Handle directly.
#ifndef MUBIAO_WEB_PORTAL_H_
#define MUBIAO_WEB_PORTAL_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "web/http.h"
#include "web/moderators.h"
#include "web/store_pool.h"

namespace mubiao::web {

// How the portal is set up.
struct PortalOptions {
  // Directory with ECharts' echarts.min.js (from npm), served as
  // /static/vendor/echarts.min.js. "" serves no vendor files.
  std::string vendor_dir;
  std::string captcha_font;  // TrueType font for the 验证码 ("" = DejaVu Sans Bold)
  // Serves the open captcha answer of the asking visitor at
  // /ceshi/yanzhengma, for the browser test only. Never set in production:
  // the serve command sets it only with --insecure-test-captcha on a
  // loopback address.
  bool insecure_test_captcha = false;
  // How long a rendered report page may be reused (0 renders every view).
  int page_cache_seconds = 5;
  // Comments a client may post at once, and then one per interval.
  int comment_burst = 3;
  int comment_interval_seconds = 60;
  // Sign-in attempts a client may make at once, and then one per interval.
  // Failed attempts also lock the name tried (sign_in_guard.h), whatever
  // the address.
  int login_burst = 5;
  int login_interval_seconds = 30;
  // Checks moderator passwords; tests wrap it to count the checks.
  PasswordVerifier verify_password = VerifyPassword;
  // FOR TESTS ONLY: a file holding the date (YYYY-MM-DD) the supervision
  // pages judge pace and lights on, read on every request, so a browser
  // test can let time pass. "" (always in production): today in Beijing.
  std::string ducha_clock_file;
  // Captcha images a client may fetch at once, and then one per interval.
  int captcha_burst = 30;
  int captcha_interval_seconds = 2;
};

// Bounds on a comment, in characters.
inline constexpr size_t kMaxCommentAuthor = 32;
inline constexpr size_t kMaxCommentBody = 2000;

struct PortalState;

// The site. Thread-safe: Handle may be called from many threads at once.
class Portal {
 public:
  // `pool` must outlive the portal.
  Portal(PortalOptions options, StorePool* pool);
  ~Portal();

  // Checks what the portal needs before serving (templates parse, crypto
  // library initialised). kInternal with a message otherwise.
  Status Init();

  // Answers one request: routing, the page or API call, then ETag, 304 and
  // gzip (conditional.h). Never throws for bad input.
  HttpResponse Handle(const HttpRequest& request);

  Portal(const Portal&) = delete;
  Portal& operator=(const Portal&) = delete;

 private:
  std::unique_ptr<PortalState> state_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_PORTAL_H_
