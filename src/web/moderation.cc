// Moderators: sign-in (/guanli/denglu), sign-out (/guanli/tuichu) and the
// moderation queue (/guanli/pinglun) where pending comments are approved,
// rejected or deleted. The session cookie is HttpOnly and SameSite=Strict;
// every form carries the CSRF token.

#include <map>

#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

// Pending comments per page of the moderation queue, and the last page
// one may ask for.
constexpr int kQueuePerPage = 50;
constexpr int kMaxQueuePage = 100000;

HttpResponse LoginPage(PortalState* state, const Visitor& visitor, const std::string& error,
                       int status) {
  Page page = state->NewVisitorPage("管理员登录", visitor);
  page.dict->SetValue("HEADING", "管理员登录");
  page.dict->SetValue("ACTION", "/guanli/denglu");
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
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<SignInCheck> checked = CheckSignInForm(
      state, **store, request, visitor, "guanli:", kMaxModeratorName,
      [](store::Store& s, const std::string& name) { return s.ModeratorPasswordHash(name); });
  if (!checked.ok()) return state->StoreErrorPage(checked.status());
  if (!checked->refusal.empty()) {
    return RefusedSignIn(*checked, LoginPage(state, visitor, checked->refusal, checked->status));
  }
  Result<std::string> session = StartSession(**store, checked->name, state->Now());
  if (!session.ok()) return state->StoreErrorPage(session.status());
  HttpResponse response = RedirectResponse("/guanli/pinglun");
  response.headers.emplace_back("Set-Cookie", SessionCookie(kModeratorCookie, *session, false));
  return response;
}

HttpResponse Logout(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (!state->csrf.Valid(visitor.id, std::string(FieldValue(request.Form(), "csrf")))) {
    return state->ErrorPage(403, "表单已过期，请刷新页面后重试。");
  }
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Status ended = EndSession(**store, request.Cookie(kModeratorCookie), state->Now());
  if (!ended.ok()) return state->StoreErrorPage(ended);
  HttpResponse response = RedirectResponse("/");
  response.headers.emplace_back("Set-Cookie", SessionCookie(kModeratorCookie, "", true));
  return response;
}

// The queue's page `page` ("/guanli/pinglun" for the first).
std::string QueueUrl(int page) {
  return page > 1 ? "/guanli/pinglun?page=" + std::to_string(page) : "/guanli/pinglun";
}

// One ITEM per pending comment, with the report it is on.
Status AddQueueItems(store::Store& store, const std::vector<store::Comment>& pending, int page,
                     const std::string& csrf, ctemplate::TemplateDictionary* dict) {
  std::map<int64_t, store::DocumentSummary> documents;
  for (const store::Comment& c : pending) {
    if (!documents.contains(c.document_id)) {
      Result<store::StoredDocument> doc = store.GetDocument(c.document_id);
      if (!doc.ok()) return doc.status();
      documents[c.document_id] = doc->summary;
    }
    const store::DocumentSummary& doc = documents[c.document_id];
    ctemplate::TemplateDictionary* item = dict->AddSectionDictionary("ITEM");
    item->SetIntValue("ID", static_cast<long>(c.id));
    item->SetValue("AUTHOR", c.author);
    item->SetValue("BODY", c.body);
    item->SetValue("TIME", CommentTime(c.created_at));
    item->SetValue("DOC_URL", ReportUrl(doc));
    item->SetValue("DOC_TITLE", ReportHeading(doc));
    item->SetValue("CSRF", csrf);
    item->SetIntValue("PAGE", page);
  }
  return Status::Ok();
}

HttpResponse Queue(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (visitor.moderator.empty()) return RedirectResponse("/guanli/denglu");
  Result<int> page_number = PageFromQuery(request, kMaxQueuePage);
  if (!page_number.ok()) return state->ErrorPage(400, "页码无效。", "/guanli/pinglun");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  store::CommentFilter filter;
  filter.status = store::CommentStatus::kPending;  // every document, oldest first
  filter.offset = (*page_number - 1) * kQueuePerPage;
  filter.limit = kQueuePerPage;
  Result<store::CommentPage> pending = (*store)->ListComments(filter);
  if (!pending.ok()) return state->StoreErrorPage(pending.status());
  const int pages = static_cast<int>((pending->total + kQueuePerPage - 1) / kQueuePerPage);
  // Past the end (the last page was just worked off): the last page.
  if (pending->comments.empty() && pages > 0) return RedirectResponse(QueueUrl(pages));
  Page page = state->NewVisitorPage("评论审核", visitor);
  page.dict->SetValue("NAME", visitor.moderator);
  page.dict->SetIntValue("COUNT", static_cast<long>(pending->total));
  page.dict->SetIntValue("START", filter.offset + 1);
  const std::string csrf = state->csrf.Token(visitor.id);
  page.dict->SetValue("CSRF", csrf);
  if (pending->total == 0) page.dict->ShowSection("NONE");
  Status added = AddQueueItems(**store, pending->comments, *page_number, csrf, page.dict.get());
  if (!added.ok()) return state->StoreErrorPage(added);
  AddPager(page.dict.get(), *page_number, pages, QueueUrl);
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
  // Comment counts and lists changed, on every process's report pages.
  if (Status dropped = state->report_pages.Invalidate(**store, state->Now()); !dropped.ok()) {
    return state->StoreErrorPage(dropped);
  }
  // Back to the page of the queue the moderator was on.
  const std::string_view page = FieldValue(form, "page");
  const bool page_ok = !page.empty() && page.size() <= 6 &&
                       page.find_first_not_of("0123456789") == std::string_view::npos;
  return RedirectResponse(QueueUrl(page_ok ? std::stoi(std::string(page)) : 1));
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
