// The supervision pages' entry: sign-in and sign-out (/ducha/denglu,
// /ducha/tuichu, kept apart from the moderators') and the home page
// (/ducha/) with the government's ledgers, the office's form to make one
// from a report, and the ledgers governments show to the public.

#include <chrono>

#include "regions/gazetteer.h"
#include "web/ducha_view.h"
#include "web/labels.h"
#include "web/moderators.h"

namespace mubiao::web {
namespace {

HttpResponse LoginPage(PortalState* state, const Visitor& visitor, const std::string& error,
                       int status) {
  Page page = state->NewVisitorPage("督查账号登录", visitor);
  page.dict->SetValue("HEADING", "督查账号登录");
  page.dict->SetValue("ACTION", "/ducha/denglu");
  page.dict->SetValue("CSRF", state->csrf.Token(visitor.id));
  page.dict->AddSectionDictionary("NOTE")->SetValue(
      "TEXT",
      "账号由本级政府督查室开设：督查室管理全部任务，承办单位只能查看和填报本单位的任务，"
      "查看账号只能阅读。");
  if (!error.empty()) page.dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  HttpResponse response = state->RenderPage("login.tpl", page, status);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse Login(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<SignInCheck> checked =
      CheckSignInForm(state, **store, request, visitor, "ducha:", ducha::kMaxAccountName,
                      [](store::Store& s, const std::string& name) -> Result<std::string> {
                        Result<store::AccountRecord> record = s.GetAccount(name);
                        if (!record.ok()) return record.status();
                        return record->password_hash;
                      });
  if (!checked.ok()) return state->StoreErrorPage(checked.status());
  if (!checked->refusal.empty()) {
    return RefusedSignIn(*checked, LoginPage(state, visitor, checked->refusal, checked->status));
  }
  Result<store::AccountRecord> record = (*store)->GetAccount(checked->name);
  if (!record.ok()) return state->StoreErrorPage(record.status());
  Result<std::string> session =
      StartSession(**store, SessionValue(*record), state->Now(), store::SharedKind::kDuchaSession);
  if (!session.ok()) return state->StoreErrorPage(session.status());
  HttpResponse response = RedirectResponse("/ducha/");
  response.headers.emplace_back("Set-Cookie", SessionCookie(kDuchaCookie, *session, false));
  return response;
}

HttpResponse Logout(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  if (!state->csrf.Valid(visitor.id, std::string(FieldValue(request.Form(), "csrf")))) {
    return state->ErrorPage(403, "表单已过期，请刷新页面后重试。");
  }
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Status ended = EndSession(**store, request.Cookie(kDuchaCookie), state->Now(),
                            store::SharedKind::kDuchaSession);
  if (!ended.ok()) return state->StoreErrorPage(ended);
  HttpResponse response = RedirectResponse("/ducha/");
  response.headers.emplace_back("Set-Cookie", SessionCookie(kDuchaCookie, "", true));
  return response;
}

// "2026年3月31日" from a ledger's stored date.
std::string DayText(const ducha::Date& date) { return ChineseDate(ducha::DateText(date)); }

void AddPublicLedgers(store::Store& store, ctemplate::TemplateDictionary* dict, Status* status) {
  Result<std::vector<store::LedgerRecord>> shown = PublicLedgers(store);
  if (!shown.ok()) {
    *status = shown.status();
    return;
  }
  if (shown->empty()) dict->ShowSection("NO_PUBLIC");
  for (const store::LedgerRecord& l : *shown) {
    ctemplate::TemplateDictionary* item = dict->AddSectionDictionary("PUBLIC");
    item->SetIntValue("ID", static_cast<long>(l.id));
    item->SetValue("TITLE", l.title);
    item->SetValue("PLACE", GovernmentName(l.region_code));
    item->SetIntValue("YEAR", l.year);
    item->SetIntValue("TASKS", static_cast<long>(l.tasks));
  }
}

// The office's form to make a ledger from one of its government's reports.
Status AddCreateForm(store::Store& store, const ducha::Account& account, const std::string& csrf,
                     ctemplate::TemplateDictionary* user) {
  store::DocumentFilter filter;
  filter.exact_region_code = account.region_code;
  filter.filters.doc_type = report::DocType::kWorkReport;
  filter.limit = 50;
  Result<store::DocumentPage> reports = store.ListDocuments(filter);
  if (!reports.ok()) return reports.status();
  ctemplate::TemplateDictionary* create = user->AddSectionDictionary("CREATE");
  if (reports->documents.empty()) {
    create->ShowSection("NO_REPORT");
    return Status::Ok();
  }
  ctemplate::TemplateDictionary* form = create->AddSectionDictionary("FORM");
  form->SetValue("CSRF", csrf);
  for (const store::DocumentSummary& doc : reports->documents) {
    ctemplate::TemplateDictionary* option = form->AddSectionDictionary("REPORT");
    option->SetIntValue("ID", static_cast<long>(doc.id));
    option->SetValue("TITLE", ReportHeading(doc));
  }
  return Status::Ok();
}

Status AddUserPart(PortalState* state, store::Store& store, const ducha::Account& account,
                   const Visitor& visitor, ctemplate::TemplateDictionary* dict) {
  ctemplate::TemplateDictionary* user = dict->AddSectionDictionary("USER");
  const std::string csrf = state->csrf.Token(visitor.id);
  user->SetValue("NAME", account.name);
  user->SetValue("ROLE", std::string(ducha::RoleLabel(account.role)));
  if (!account.unit.empty()) user->AddSectionDictionary("UNIT")->SetValue("NAME", account.unit);
  user->SetValue("PLACE", GovernmentName(account.region_code));
  user->SetValue("TODAY", DayText(state->DuchaToday()));
  user->SetValue("CSRF", csrf);
  if (ducha::CanManage(account)) user->ShowSection("ADMIN");
  Result<std::vector<store::LedgerRecord>> all = store.ListLedgers();
  if (!all.ok()) return all.status();
  bool any = false;
  for (const store::LedgerRecord& l : *all) {
    if (!ducha::CanReadLedger(account, l.region_code)) continue;
    any = true;
    ctemplate::TemplateDictionary* item = user->AddSectionDictionary("LEDGER");
    item->SetValue("URL", LedgerUrl(l.id));
    item->SetValue("TITLE", l.title);
    item->SetIntValue("YEAR", l.year);
    item->SetIntValue("TASKS", static_cast<long>(l.tasks));
    item->SetValue("CREATED", CommentTime(l.created_at));
    item->SetValue("BY", l.created_by);
  }
  if (!any) user->ShowSection("NO_LEDGER");
  if (ducha::CanManage(account)) return AddCreateForm(store, account, csrf, user);
  return Status::Ok();
}

HttpResponse Home(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::optional<ducha::Account>> account = DuchaAccountOf(state, **store, request);
  if (!account.ok()) return state->StoreErrorPage(account.status());
  Page page = state->NewVisitorPage("督查督办", visitor);
  Status filled = Status::Ok();
  if (*account) {
    filled = AddUserPart(state, **store, **account, visitor, page.dict.get());
  } else {
    page.dict->ShowSection("GUEST");
  }
  if (filled.ok()) AddPublicLedgers(**store, page.dict.get(), &filled);
  if (!filled.ok()) return state->StoreErrorPage(filled);
  HttpResponse response = state->RenderPage("ducha_home.tpl", page);
  if (*account) response = PrivatePage(std::move(response));
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

std::string GovernmentName(const std::string& region_code) {
  const regions::Region* region = regions::Gazetteer::Builtin().FindByCode(region_code);
  return region != nullptr ? region->name + "人民政府" : region_code;
}

void AddDuchaSignInRoutes(PortalState* state) {
  state->router.Add("GET", "/ducha/", [state](const HttpRequest& request, const RouteParams&) {
    return Home(state, request);
  });
  state->router.Add("GET", "/ducha/denglu",
                    [state](const HttpRequest& request, const RouteParams&) {
                      return LoginPage(state, state->VisitorOf(request), "", 200);
                    });
  state->router.Add(
      "POST", "/ducha/denglu",
      [state](const HttpRequest& request, const RouteParams&) { return Login(state, request); });
  state->router.Add(
      "POST", "/ducha/tuichu",
      [state](const HttpRequest& request, const RouteParams&) { return Logout(state, request); });
}

}  // namespace mubiao::web
