#include "web/portal.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "text/json_text.h"
#include "tracking/store_tracking.h"
#include "web/conditional.h"
#include "web/portal_state.h"
#include "web/random.h"

namespace mubiao::web {
namespace {

// Scripts and styles only from this site; ECharts sets styles from script
// and its tooltips carry style attributes, hence 'unsafe-inline' for styles.
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

bool IsApi(const std::string& path) { return path.starts_with("/api/"); }

}  // namespace

PortalState::PortalState(PortalOptions o, StorePool* p)
    : options(std::move(o)),
      pool(p),
      comment_limiter("comment", options.comment_burst,
                      std::chrono::seconds(options.comment_interval_seconds)),
      login_limiter("login", options.login_burst,
                    std::chrono::seconds(options.login_interval_seconds)),
      sign_in(options.verify_password),
      captcha_limiter("captcha", options.captcha_burst,
                      std::chrono::seconds(options.captcha_interval_seconds)),
      report_pages("report_pages", std::chrono::seconds(options.page_cache_seconds), 256),
      search_pages("search_pages", std::chrono::seconds(options.page_cache_seconds), 256),
      token_placeholder(RandomHex(32)) {}

Visitor PortalState::VisitorOf(const HttpRequest& request) const {
  Visitor visitor;
  visitor.id = request.Cookie(kVisitorCookie);
  if (!IsHexId(visitor.id, 32)) {
    visitor.id = RandomHex(16);
    visitor.fresh = true;
  }
  const std::string session = request.Cookie(kModeratorCookie);
  if (!IsHexId(session, 64)) return visitor;
  // A store that cannot be asked signs nobody in: pages still serve.
  Result<StorePool::Lease> store = pool->Acquire();
  Result<std::string> moderator =
      store.ok() ? SessionModerator(**store, session, Now()) : Result<std::string>(store.status());
  if (moderator.ok()) {
    visitor.moderator = std::move(*moderator);
  } else {
    std::cerr << "mubiao serve: session: " << moderator.status().message() << "\n";
  }
  return visitor;
}

void PortalState::SetVisitorCookie(const Visitor& visitor, HttpResponse* response) const {
  if (!visitor.fresh) return;
  // Lax, not Strict: a reader arriving from a search engine keeps one id for
  // the page and its captcha. Forms are protected by their CSRF token.
  response->headers.emplace_back("Set-Cookie", std::string(kVisitorCookie) + "=" + visitor.id +
                                                   "; Path=/; Max-Age=31536000; HttpOnly; "
                                                   "SameSite=Lax");
}

ducha::Date PortalState::DuchaToday() const {
  if (!options.ducha_clock_file.empty()) {
    std::ifstream in(options.ducha_clock_file);
    std::string line;
    std::getline(in, line);
    if (std::optional<ducha::Date> date = ducha::ParseDate(line)) return *date;
    std::cerr << "mubiao serve: " << options.ducha_clock_file << ": no date (YYYY-MM-DD)\n";
  }
  return ducha::BeijingDate(std::chrono::system_clock::now());
}

Page PortalState::NewVisitorPage(const std::string& title, const Visitor& visitor) const {
  Page page = NewPage(title);
  if (!visitor.moderator.empty()) page.head->ShowSection("MODERATOR");
  return page;
}

HttpResponse PortalState::RenderPage(const std::string& name, const Page& page, int status) const {
  Result<std::string> html = Render(name, *page.dict);
  if (!html.ok()) {
    std::cerr << "mubiao serve: " << html.status().message() << "\n";
    return HtmlResponse("<!DOCTYPE html><meta charset=utf-8><p>服务器内部错误</p>", 500);
  }
  return PageResponse(std::move(*html), status);
}

HttpResponse PortalState::PageResponse(std::string html, int status) {
  HttpResponse response = HtmlResponse(std::move(html), status);
  // Pages differ by visitor (form tokens, the moderator link): a browser may
  // keep its own copy and revalidate it by ETag; shared caches may not.
  response.validatable = status == 200;
  if (response.validatable) response.headers.emplace_back("Cache-Control", "private, no-cache");
  return response;
}

HttpResponse PortalState::ErrorPage(int status, const std::string& message,
                                    const std::string& back_url) const {
  Page page = NewPage("出错了");
  page.dict->SetValue("HEADING", status == 404 ? "页面不存在" : "无法完成请求");
  page.dict->SetValue("MESSAGE", message);
  if (!back_url.empty()) page.dict->AddSectionDictionary("BACK")->SetValue("URL", back_url);
  return RenderPage("message.tpl", page, status);
}

std::string SessionCookie(const char* name, const std::string& value, bool expire) {
  return std::string(name) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" +
         (expire ? "; Max-Age=0" : "");
}

HttpResponse RefusedSignIn(const SignInCheck& check, HttpResponse page) {
  if (check.retry_after.count() > 0) {
    page.headers.emplace_back("Retry-After", std::to_string(check.retry_after.count()));
  }
  return page;
}

Result<SignInCheck> CheckSignInForm(PortalState* state, store::Store& store,
                                    const HttpRequest& request, const Visitor& visitor,
                                    const std::string& lock_prefix, size_t max_name_chars,
                                    const PasswordHashOf& hash_of) {
  const auto refused = [](std::string why, int status) {
    return SignInCheck{"", std::move(why), status, std::chrono::seconds(0)};
  };
  Result<bool> allowed = state->login_limiter.Allow(store, request.client_ip, state->Now());
  if (!allowed.ok()) return allowed.status();
  if (!*allowed) return refused("登录尝试过于频繁，请稍后再试。", 429);
  const Fields form = request.Form();
  if (visitor.fresh || !state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    return refused("表单已过期，请重新登录。", 403);
  }
  const std::string name(FieldValue(form, "name"));
  const std::string password(FieldValue(form, "password"));
  if (name.empty() || password.empty() || name.size() > 4 * max_name_chars ||
      password.size() > kMaxPasswordBytes) {
    return refused("请填写账号和密码。", 400);
  }
  const std::string lock_key = lock_prefix + name;
  Result<SignInGuard::Clock::duration> locked =
      state->sign_in.LockedFor(store, lock_key, state->Now());
  if (!locked.ok()) return locked.status();
  if (*locked > locked->zero()) {
    const auto minutes = std::chrono::ceil<std::chrono::minutes>(*locked).count();
    SignInCheck check = refused(
        "该账号登录失败次数过多，已暂时锁定，请 " + std::to_string(minutes) + " 分钟后再试。", 429);
    check.retry_after = std::chrono::ceil<std::chrono::seconds>(*locked);
    return check;
  }
  Result<std::string> hash = hash_of(store, name);
  if (!hash.ok() && hash.status().code() != StatusCode::kNotFound) return hash.status();
  Result<bool> signed_in = state->sign_in.Check(
      store, lock_key, hash.ok() ? std::optional<std::string>(*hash) : std::nullopt, password,
      state->Now());
  if (!signed_in.ok()) return signed_in.status();
  if (!*signed_in) return refused("用户名或密码错误。", 401);
  return SignInCheck{name, "", 200, std::chrono::seconds(0)};
}

HttpResponse ApiJson(const nlohmann::json& body) {
  HttpResponse response = JsonResponse(text::JsonText(body));
  response.validatable = true;
  return response;
}

HttpResponse JsonError(int status, const std::string& message) {
  return JsonResponse(text::JsonText(nlohmann::json{{"error", message}}), status);
}

HttpResponse JsonStatusError(const Status& status) {
  if (status.code() == StatusCode::kReadOnly) return JsonError(503, "数据库暂时只能读取");
  const int code = HttpStatusOf(status);
  if (code == 500) {
    std::cerr << "mubiao serve: store error: " << status.message() << "\n";
    return JsonError(500, "服务器内部错误");
  }
  return JsonError(code, status.message());
}

Result<int64_t> DocumentIdParam(const RouteParams& params) {
  const std::string_view id = FieldValue(params, "id");
  if (id.empty() || id.size() > 15 ||
      id.find_first_not_of("0123456789") != std::string_view::npos) {
    return NotFound("没有这篇报告");
  }
  return std::stoll(std::string(id));
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kReadOnly:
      return 503;
    case StatusCode::kInvalidInput:
      return 400;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kPermission:
      return 403;
    default:
      return 500;
  }
}

bool PortalState::ReadOnly() const {
  return Now().time_since_epoch().count() < read_only_until.load();
}

void PortalState::NoteReadOnly() const {
  read_only_until.store((Now() + std::chrono::minutes(1)).time_since_epoch().count());
}

HttpResponse PortalState::StoreErrorPage(const Status& status) const {
  if (status.code() == StatusCode::kReadOnly) {
    NoteReadOnly();
    HttpResponse response =
        ErrorPage(503, "本站数据库暂时只能读取，评论、登录等需要写入的操作暂停，请稍后再试。");
    response.headers.emplace_back("Retry-After", "60");
    return response;
  }
  const int http_status = HttpStatusOf(status);
  if (http_status == 500) {
    std::cerr << "mubiao serve: store error: " << status.message() << "\n";
    return ErrorPage(500, "服务器内部错误，请稍后再试。");
  }
  if (http_status == 404) return ErrorPage(404, "没有找到这篇报告或这个页面。");
  if (http_status == 403 || http_status == 409) return ErrorPage(http_status, status.message());
  return ErrorPage(http_status, "查询条件无效：" + status.message());
}

Portal::Portal(PortalOptions options, StorePool* pool) {
  // The state draws keys and ids from libsodium, which must be initialised
  // first; Init reports a failure.
  InitCrypto();
  state_ = std::make_unique<PortalState>(std::move(options), pool);
  AddHomeRoutes(state_.get());
  AddRegionRoutes(state_.get());
  AddReportRoutes(state_.get());
  AddSearchRoutes(state_.get());
  AddTargetsRoutes(state_.get());
  AddCommentRoutes(state_.get());
  AddModerationRoutes(state_.get());
  AddApiRoutes(state_.get());
  AddCompareRoutes(state_.get());  // before /genzong/{code}.html takes duibi for a code
  AddTrackingRoutes(state_.get());
  AddSiteFileRoutes(state_.get());
  AddMapRoutes(state_.get());
  AddHealthRoutes(state_.get());
  AddDuchaRoutes(state_.get());
  AddDuchaApiRoutes(state_.get());
  AddAssetRoutes(state_.get());
}

Portal::~Portal() = default;

Status Portal::Init() {
  if (!InitCrypto()) return Status(StatusCode::kInternal, "libsodium cannot be initialised");
  // Pages read stored verdicts: a database from an older mubiao has none,
  // or stale ones.
  Result<StorePool::Lease> store = state_->pool->Acquire();
  if (!store.ok()) return store.status();
  // A database that refuses writes still serves: verdicts are then derived
  // on reading, and comments wait (PortalState::ReadOnly).
  Result<int> updated = tracking::UpdateStoredVerdicts(&**store);
  Status shared = state_->csrf.UseSharedKey(**store, state_->Now());
  for (const Status& status : {updated.status(), shared}) {
    if (status.code() == StatusCode::kReadOnly) {
      std::cerr << "mubiao serve: the database refuses writes: pages serve, comments wait\n";
      state_->NoteReadOnly();
    } else if (!status.ok()) {
      return status;
    }
  }
  return LoadTemplates();
}

HttpResponse Portal::Handle(const HttpRequest& request) {
  RouteMatch match = state_->router.Match(request.method, request.path);
  HttpResponse response;
  if (match.kind == RouteMatch::Kind::kFound) {
    response = (*match.handler)(request, match.params);
  } else if (match.kind == RouteMatch::Kind::kWrongMethod) {
    response = IsApi(request.path) ? JsonError(405, "不支持的请求方法")
                                   : state_->ErrorPage(405, "不支持这种请求方法。");
    response.headers.emplace_back("Allow", match.allowed);
  } else {
    response = IsApi(request.path) ? JsonError(404, "没有这个接口")
                                   : state_->ErrorPage(404, "没有找到这个页面。");
  }
  response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  FinishResponse(request, &response);
  return response;
}

}  // namespace mubiao::web
