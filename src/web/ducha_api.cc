// The supervision JSON API (/api/v1/ducha/…), with the pages' permissions:
// the signed-in account's (its session cookie) ledgers and the tasks it may
// see; progress filed by the units that may file it; public ledgers for
// everyone. Posts must be JSON (a form of another site cannot send it) and
// the session cookie is SameSite=Strict.

#include <nlohmann/json.hpp>

#include "web/ducha_view.h"

namespace mubiao::web {
namespace {

using nlohmann::json;

constexpr char kSignInFirst[] = "请先登录督查账号（/ducha/denglu）。";

json LedgerJson(const store::LedgerRecord& l) {
  return {{"id", l.id},
          {"document_id", l.document_id},
          {"region_code", l.region_code},
          {"year", l.year},
          {"title", l.title},
          {"created_at", l.created_at},
          {"created_by", l.created_by},
          {"tasks", l.tasks}};
}

json RowsJson(const LedgerView& view, const ducha::Date& today, bool internal) {
  json tasks = json::array();
  for (const ducha::LedgerRow& row : view.rows) {
    tasks.push_back(RowJson(row, view.ledger.year, today, internal));
  }
  json j = LedgerJson(view.ledger);
  if (!internal) j.erase("created_by");  // an account's sign-in name
  j["today"] = ducha::DateText(today);
  j["rows"] = std::move(tasks);
  return j;
}

HttpResponse Ledgers(store::Store& store, const ducha::Account& account) {
  Result<std::vector<store::LedgerRecord>> all = store.ListLedgers();
  if (!all.ok()) return JsonStatusError(all.status());
  json list = json::array();
  for (const store::LedgerRecord& l : *all) {
    if (ducha::CanReadLedger(account, l.region_code)) list.push_back(LedgerJson(l));
  }
  return JsonResponse(json{{"ledgers", list}}.dump());
}

HttpResponse Ledger(PortalState* state, store::Store& store, const ducha::Account& account,
                    const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonError(404, "没有这个台账");
  Result<LedgerView> view = OpenLedger(store, account, *id);
  if (!view.ok()) return JsonStatusError(view.status());
  return JsonResponse(RowsJson(*view, state->DuchaToday(), true).dump());
}

HttpResponse Task(PortalState* state, store::Store& store, const ducha::Account& account,
                  const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonError(404, "没有这项任务");
  Result<TaskView> view = OpenTask(store, account, *id);
  if (!view.ok()) return JsonStatusError(view.status());
  Result<TaskRecords> records = ReadTaskRecords(store, view->task);
  if (!records.ok()) return JsonStatusError(records.status());
  Result<std::vector<ducha::Notice>> notices = store.TaskNotices(*id);
  if (!notices.ok()) return JsonStatusError(notices.status());
  json j = RowJson(records->row, view->ledger.year, state->DuchaToday(), true);
  j["progress"] = json::array();
  for (const ducha::Progress& p : records->progress)
    j["progress"].push_back(ducha::ProgressJson(p));
  j["notices"] = json::array();
  for (const ducha::Notice& n : *notices) j["notices"].push_back(ducha::NoticeJson(n));
  return JsonResponse(j.dump());
}

// Files progress from {"date", "value", "share", "done", "problems", "next_steps"}.
HttpResponse PostProgress(PortalState* state, store::Store& store, const ducha::Account& account,
                          const HttpRequest& request, const RouteParams& params) {
  if (!request.Header("content-type").starts_with("application/json")) {
    return JsonError(415, "请求体须为 JSON（Content-Type: application/json）");
  }
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonError(404, "没有这项任务");
  Result<TaskView> view = OpenTask(store, account, *id);
  if (!view.ok()) return JsonStatusError(view.status());
  if (!ducha::CanReport(account, view->task)) {
    return JsonError(403, "只有牵头单位、配合单位和督查室可以填报进展");
  }
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object()) return JsonError(400, "请求体不是 JSON 对象");
  ducha::Progress p;
  p.task_id = *id;
  p.author = ActorName(account);
  const auto text = [&](const char* key) {
    return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
  };
  const std::optional<ducha::Date> date = ducha::ParseDate(text("date"));
  if (!date) return JsonError(400, "date 须为 年-月-日，如 2026-06-30");
  p.date = *date;
  for (const auto& [key, field] : {std::pair{"value", &p.value}, std::pair{"share", &p.share}}) {
    if (!body.contains(key)) continue;
    if (!body[key].is_number()) return JsonError(400, std::string(key) + " 须为数字");
    *field = body[key].get<double>();
  }
  p.done = text("done");
  p.problems = text("problems");
  p.next_steps = text("next_steps");
  if (Status checked = CheckFiledProgress(p, state->DuchaToday()); !checked.ok()) {
    return JsonStatusError(checked);
  }
  Result<ducha::Progress> filed = store.AddProgress(p);
  if (!filed.ok()) return JsonStatusError(filed.status());
  return JsonResponse(ducha::ProgressJson(*filed).dump(), 201);
}

HttpResponse PublicLedger(PortalState* state, store::Store& store, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonError(404, "没有这个公开台账");
  Result<LedgerView> view = OpenPublicLedger(store, *id);
  if (!view.ok()) return JsonStatusError(view.status());
  return ApiJson(RowsJson(*view, state->DuchaToday(), false));
}

}  // namespace

void AddDuchaApiRoutes(PortalState* state) {
  const auto on_error = [](const Status& status) { return JsonStatusError(status); };
  const auto on_guest = [] { return JsonError(401, kSignInFirst); };
  Router& r = state->router;
  r.Add("GET", "/api/v1/ducha/ledgers",
        ForAccount(
            state,
            [](store::Store& store, const ducha::Account& account, const HttpRequest&,
               const RouteParams&) { return Ledgers(store, account); },
            on_error, on_guest));
  r.Add("GET", "/api/v1/ducha/ledgers/{id}",
        ForAccount(
            state,
            [state](store::Store& store, const ducha::Account& account, const HttpRequest&,
                    const RouteParams& params) { return Ledger(state, store, account, params); },
            on_error, on_guest));
  r.Add("GET", "/api/v1/ducha/tasks/{id}",
        ForAccount(
            state,
            [state](store::Store& store, const ducha::Account& account, const HttpRequest&,
                    const RouteParams& params) { return Task(state, store, account, params); },
            on_error, on_guest));
  r.Add("POST", "/api/v1/ducha/tasks/{id}/progress",
        ForAccount(
            state,
            [state](store::Store& store, const ducha::Account& account, const HttpRequest& request,
                    const RouteParams& params) {
              return PostProgress(state, store, account, request, params);
            },
            on_error, on_guest));
  r.Add("GET", "/api/v1/ducha/public/{id}",
        WithStore(
            state,
            [state](store::Store& store, const HttpRequest&, const RouteParams& params) {
              return PublicLedger(state, store, params);
            },
            on_error));
}

}  // namespace mubiao::web
