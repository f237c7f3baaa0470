// Moderators: sign-in (/guanli/denglu), sign-out (/guanli/tuichu) and the
// moderation queue (/guanli/pinglun) where pending comments are approved,
// rejected or deleted. The session cookie is HttpOnly and SameSite=Strict;
// every form carries the CSRF token.

#include <map>

#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

constexpr int kQueueLimit = 200;

std::string SessionCookie(const std::string& value, bool expire) {
  return std::string(kModeratorCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" +
         (expire ? "; Max-Age=0" : "");
}

HttpResponse LoginPage(PortalState* state, const Visitor& visitor, const std::string& error,
                       int status) {
  Page page = state->NewVisitorPage("管理员登录", visitor);
  page.dict->SetValue("CSRF", state->csrf.Token(visitor.id));
  if (!error.empty()) page.dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  HttpResponse response = state->RenderPage("login.tpl", page, status);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse ShowLogin(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (!visitor.moderator.empty()) return RedirectResponse("/guanli/pinglun");
  return LoginPage(state, visitor, "", 200);
}

HttpResponse Login(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (!state->login_limiter.Allow(request.client_ip, state->Now())) {
    return LoginPage(state, visitor, "登录尝试过于频繁，请稍后再试。", 429);
  }
  const Fields form = request.Form();
  if (visitor.fresh || !state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    return LoginPage(state, visitor, "表单已过期，请重新登录。", 403);
  }
  const std::string name(FieldValue(form, "name"));
  const std::string password(FieldValue(form, "password"));
  if (name.empty() || password.empty() || name.size() > 4 * kMaxModeratorName ||
      password.size() > kMaxPasswordBytes) {
    return LoginPage(state, visitor, "请填写用户名和密码。", 400);
  }
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::string> hash = (*store)->ModeratorPasswordHash(name);
  if (!hash.ok() && hash.status().code() != StatusCode::kNotFound) {
    return state->StoreErrorPage(hash.status());
  }
  if (!hash.ok() || !VerifyPassword(*hash, password)) {
    return LoginPage(state, visitor, "用户名或密码错误。", 401);
  }
  HttpResponse response = RedirectResponse("/guanli/pinglun");
  response.headers.emplace_back("Set-Cookie",
                                SessionCookie(state->sessions.Start(name, state->Now()), false));
  return response;
}

HttpResponse Logout(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (!state->csrf.Valid(visitor.id, std::string(FieldValue(request.Form(), "csrf")))) {
    return state->ErrorPage(403, "表单已过期，请刷新页面后重试。");
  }
  state->sessions.End(request.Cookie(kModeratorCookie));
  HttpResponse response = RedirectResponse("/");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true));
  return response;
}

HttpResponse Queue(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (visitor.moderator.empty()) return RedirectResponse("/guanli/denglu");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::Comment>> pending =
      (*store)->CommentsWithStatus(store::CommentStatus::kPending, kQueueLimit);
  if (!pending.ok()) return state->StoreErrorPage(pending.status());
  Page page = state->NewVisitorPage("评论审核", visitor);
  page.dict->SetValue("NAME", visitor.moderator);
  page.dict->SetIntValue("COUNT", static_cast<long>(pending->size()));
  const std::string csrf = state->csrf.Token(visitor.id);
  page.dict->SetValue("CSRF", csrf);
  if (pending->empty()) page.dict->ShowSection("NONE");
  std::map<int64_t, store::DocumentSummary> documents;
  for (const store::Comment& c : *pending) {
    if (!documents.contains(c.document_id)) {
      Result<store::StoredDocument> doc = (*store)->GetDocument(c.document_id);
      if (!doc.ok()) return state->StoreErrorPage(doc.status());
      documents[c.document_id] = doc->summary;
    }
    const store::DocumentSummary& doc = documents[c.document_id];
    ctemplate::TemplateDictionary* item = page.dict->AddSectionDictionary("ITEM");
    item->SetIntValue("ID", static_cast<long>(c.id));
    item->SetValue("AUTHOR", c.author);
    item->SetValue("BODY", c.body);
    item->SetValue("TIME", CommentTime(c.created_at));
    item->SetValue("DOC_URL", ReportUrl(doc));
    item->SetValue("DOC_TITLE", ReportHeading(doc));
    item->SetValue("CSRF", csrf);
  }
  HttpResponse response = state->RenderPage("moderation.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse Moderate(PortalState* state, const HttpRequest& request, const RouteParams& params) {
  const Visitor visitor = state->VisitorOf(request);
  if (visitor.moderator.empty())
    return state->ErrorPage(403, "请先以管理员身份登录。", "/guanli/denglu");
  const Fields form = request.Form();
  if (!state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    return state->ErrorPage(403, "表单已过期，请刷新页面后重试。", "/guanli/pinglun");
  }
  const std::string_view id_text = FieldValue(params, "id");
  if (id_text.size() > 15 || id_text.find_first_not_of("0123456789") != std::string_view::npos) {
    return state->ErrorPage(404, "没有这条评论。", "/guanli/pinglun");
  }
  const int64_t id = std::stoll(std::string(id_text));
  const std::string_view action = FieldValue(form, "action");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Status done;
  if (action == "approve") {
    done = (*store)->SetCommentStatus(id, store::CommentStatus::kPublished);
  } else if (action == "reject") {
    done = (*store)->SetCommentStatus(id, store::CommentStatus::kRejected);
  } else if (action == "delete") {
    done = (*store)->DeleteComment(id);
  } else {
    return state->ErrorPage(400, "未知的操作。", "/guanli/pinglun");
  }
  if (done.code() == StatusCode::kNotFound) {
    return state->ErrorPage(404, "没有这条评论。", "/guanli/pinglun");
  }
  if (!done.ok()) return state->StoreErrorPage(done);
  state->report_pages.Clear();  // comment counts and lists changed
  return RedirectResponse("/guanli/pinglun");
}

}  // namespace

void AddModerationRoutes(PortalState* state) {
  state->router.Add("GET", "/guanli/denglu",
                    [state](const HttpRequest& request, const RouteParams&) {
                      return ShowLogin(state, request);
                    });
  state->router.Add(
      "POST", "/guanli/denglu",
      [state](const HttpRequest& request, const RouteParams&) { return Login(state, request); });
  state->router.Add(
      "POST", "/guanli/tuichu",
      [state](const HttpRequest& request, const RouteParams&) { return Logout(state, request); });
  state->router.Add(
      "GET", "/guanli/pinglun",
      [state](const HttpRequest& request, const RouteParams&) { return Queue(state, request); });
  state->router.Add("POST", "/guanli/pinglun/{id}",
                    [state](const HttpRequest& request, const RouteParams& params) {
                      return Moderate(state, request, params);
                    });
}

}  // namespace mubiao::web
