// What the portal's handlers share (internal to src/web): options, store
// connections, anti-abuse state, and helpers every page uses.
#ifndef MUBIAO_WEB_PORTAL_STATE_H_
#define MUBIAO_WEB_PORTAL_STATE_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "ducha/ledger.h"
#include "web/captcha.h"
#include "web/csrf.h"
#include "web/moderators.h"
#include "web/page_cache.h"
#include "web/portal.h"
#include "web/rate_limiter.h"
#include "web/router.h"
#include "web/sign_in_guard.h"
#include "web/store_pool.h"
#include "web/templates.h"

namespace mubiao::web {

// Cookie names: the visitor id (captcha and form tokens hang on it) and the
// moderator session.
inline constexpr char kVisitorCookie[] = "mb_v";
inline constexpr char kModeratorCookie[] = "mb_mod";

// Who is asking: the visitor id from the cookie (a new one when absent or
// malformed, to be set on the response) and the moderator signed in, if any.
struct Visitor {
  std::string id;
  bool fresh = false;     // `id` is new: the response must set the cookie
  std::string moderator;  // "" when not signed in
};

// The portal's shared state. Thread-safe: every member is immutable after
// construction (and Portal::Init) or guards itself. What other portal
// processes must see too (验证码 challenges, moderator sessions, rate
// limits, sign-in locks, the form-token key, which cached pages are stale)
// is kept in the store.
struct PortalState {
  PortalState(PortalOptions o, StorePool* p);

  // The visitor of a request.
  Visitor VisitorOf(const HttpRequest& request) const;
  // Adds Set-Cookie for a fresh visitor id.
  void SetVisitorCookie(const Visitor& visitor, HttpResponse* response) const;
  // A page with the layout's per-visitor parts (moderator link) filled in.
  Page NewVisitorPage(const std::string& title, const Visitor& visitor) const;
  // Renders a page; a template failure becomes a 500.
  HttpResponse RenderPage(const std::string& name, const Page& page, int status = 200) const;
  // The response of a rendered page (RenderPage's, or one kept by a cache):
  // a 200 may be revalidated by its ETag, and kept by the browser only.
  static HttpResponse PageResponse(std::string html, int status = 200);
  // A page saying what went wrong, in Chinese, with `status`.
  HttpResponse ErrorPage(int status, const std::string& message,
                         const std::string& back_url = "") const;
  // A store error as an error page: 404 for kNotFound, 400 for kInvalidInput,
  // 503 for kReadOnly (saying so, and noted: ReadOnly), 500 (logged, no
  // details shown) otherwise.
  HttpResponse StoreErrorPage(const Status& status) const;

  // Whether the database refused a write within the last minute (a
  // read-only file, a standby server): pages then serve as usual but offer
  // no comment form. Noted by StoreErrorPage and JsonStatusError's callers
  // through NoteReadOnly.
  bool ReadOnly() const;
  void NoteReadOnly() const;

  // The day the supervision pages judge pace on: today in Beijing, or the
  // test clock's (PortalOptions::ducha_clock_file).
  ducha::Date DuchaToday() const;

  // The time for expiries and rate limits (wall-clock: the store shares
  // them with the other portal processes).
  store::SharedClock::time_point Now() const { return store::SharedClock::now(); }

  const PortalOptions options;
  StorePool* const pool;        // store connections, one per request at a time
  Router router;                // filled by the Add*Routes functions below
  CsrfGuard csrf;               // form tokens (its key from the store: Portal::Init)
  RateLimiter comment_limiter;  // comment posts per client address
  RateLimiter login_limiter;    // sign-in attempts per client address
  SignInGuard sign_in;          // password checks and per-name locks
  RateLimiter captcha_limiter;  // captcha images per client address
  PageCache report_pages;       // rendered report pages (report_page.cc)
  PageCache search_pages;       // anonymous visitors' search pages, by target (search_page.cc)
  // Stands in cached pages for the visitor's form token (random, so no
  // report can contain it by chance).
  const std::string token_placeholder;
  // Until when ReadOnly holds (store::SharedClock ticks since its epoch).
  mutable std::atomic<store::SharedClock::rep> read_only_until{0};
};

// An API answer: `body` as JSON text, 200, validatable (ETag).
HttpResponse ApiJson(const nlohmann::json& body);

// An API error: {"error": message} with `status`.
HttpResponse JsonError(int status, const std::string& message);

// HTTP status for a store error (404, 400, 403, 409, 413, 503 or 500).
int HttpStatusOf(const Status& status);

// An API error for a failed call: its message with HttpStatusOf(status);
// a 500 says only 服务器内部错误 to the client and logs the message.
HttpResponse JsonStatusError(const Status& status);

// The document id of a route's {id}: digits only, else kNotFound.
Result<int64_t> DocumentIdParam(const RouteParams& params);

// A handler that runs `answer(store, request, params)` with a pooled store
// connection; a connection failure answers `on_error(status)`.
template <typename Answer, typename OnError>
Handler WithStore(PortalState* state, Answer answer, OnError on_error) {
  return [state, answer, on_error](const HttpRequest& request, const RouteParams& params) {
    Result<StorePool::Lease> store = state->pool->Acquire();
    if (!store.ok()) return on_error(store.status());
    return answer(**store, request, params);
  };
}

// The Set-Cookie value of a session cookie `name` (HttpOnly,
// SameSite=Strict: no other site's request carries it); `expire` ends it.
std::string SessionCookie(const char* name, const std::string& value, bool expire);

// A posted sign-in form (name, password, csrf) checked the one way every
// kind of account signs in: the per-address limit, the form token, the
// name's lock (kept under `lock_prefix` + name: "guanli:" for moderators,
// "ducha:" for supervision accounts, so neither kind can lock the other),
// and one Argon2id check whether or not the name exists.
struct SignInCheck {
  std::string name;                     // signed in when `refusal` is empty
  std::string refusal;                  // why not, in Chinese
  int status = 200;                     // the status of the refusal
  std::chrono::seconds retry_after{0};  // a locked name: how long to wait
};
// `hash_of(store, name)` reads a name's password hash (kNotFound for an
// unknown name). Errors: the store's.
using PasswordHashOf = std::function<Result<std::string>(store::Store&, const std::string&)>;
Result<SignInCheck> CheckSignInForm(PortalState* state, store::Store& store,
                                    const HttpRequest& request, const Visitor& visitor,
                                    const std::string& lock_prefix, size_t max_name_chars,
                                    const PasswordHashOf& hash_of);

// The sign-in page of a refused sign-in (`page`, made with the refusal),
// with Retry-After when the name is locked.
HttpResponse RefusedSignIn(const SignInCheck& check, HttpResponse page);

// Adds a document to the DOC list of a page (home and region pages).
void AddDocumentListItem(ctemplate::TemplateDictionary* list, const store::DocumentSummary& doc);

// Route registration, one function per group of pages (each in its own file).
void AddHomeRoutes(PortalState* state);    // home_page.cc: /
void AddRegionRoutes(PortalState* state);  // region_page.cc: /baogao/<geo>/
void AddReportRoutes(
    PortalState* state);  // report_page.cc: /baogao/<geo>/<id>.html, /export/baogao/...
void AddSearchRoutes(PortalState* state);      // search_page.cc: /search
void AddTargetsRoutes(PortalState* state);     // targets_page.cc: /targets, /export/targets.csv
void AddCommentRoutes(PortalState* state);     // comments.cc: /pinglun/<id>, /yanzhengma.png
void AddModerationRoutes(PortalState* state);  // moderation.cc: /guanli/...
void AddApiRoutes(PortalState* state);         // api.cc: /api/v1/...
void AddAssetRoutes(PortalState* state);       // assets.cc: /static/...
void AddTrackingRoutes(PortalState* state);    // tracking_pages.cc: /genzong/..., tracking API
void AddSiteFileRoutes(PortalState* state);    // site_files.cc: robots, sitemap, feed, 数据说明
void AddMapRoutes(PortalState* state);         // map_page.cc: /ditu, /api/v1/map
void AddHealthRoutes(PortalState* state);      // health.cc: /healthz, /readyz
void AddDuchaRoutes(PortalState* state);       // ducha_pages.cc, ducha_forms.cc: /ducha/...
void AddDuchaApiRoutes(PortalState* state);    // ducha_api.cc: /api/v1/ducha/...
// compare_page.cc: /genzong/duibi.html, /api/v1/compare; added before
// AddTrackingRoutes, whose /genzong/{code}.html would take duibi for a code.
void AddCompareRoutes(PortalState* state);

// Comments and places (report_page.cc, comments.cc, region_page.cc).

// A comment form the portal refused, to be shown again as the reader left
// it: the text as typed and why it was refused, in Chinese, by field ("" for
// a field without fault). All reasons empty: a new 验证码 was asked for.
struct CommentForm {
  std::string author;
  std::string body;
  std::string author_error;
  std::string body_error;
  std::string captcha_error;
  std::string form_error;  // about the whole form (expired form, too many posts)
};

// The page of report `id` (comments page 1) with its comment form filled
// from `form`, answered with `status`; never cached. A store error or an
// unknown report answers an error page instead.
HttpResponse ReportPageWithForm(PortalState* state, const HttpRequest& request, int64_t id,
                                const CommentForm& form, int status);

// Adds CRUMB sections 全国 › 省 › 市 › 县 (each with URL and NAME) for a place:
// 全国 (/baogao/), then the divisions from the province down to
// `region_code`, each linking to its region page. Without a code (or one
// the gazetteer does not know) the crumb after 全国 is the page of `slug`
// (a geographic region, 中央 for national documents, 其他地区). With
// `here`, the last crumb is the current page (section HERE instead of LINK).
void AddPlaceCrumbs(ctemplate::TemplateDictionary* dict, const std::string& slug,
                    const std::string& region_code, bool here = false);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_PORTAL_STATE_H_
