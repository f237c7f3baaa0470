// The supervision pages' forms (POST, each with its CSRF token): making a
// ledger from a report, assigning, adding and splitting tasks, filing
// progress, moving a task through 办结 and 销号, notices (督办单) and
// replies, and the office's units, accounts and public view. Who may post
// what is ducha/access.h's; a form is refused with its page shown again
// and a Chinese message, and nothing already recorded is lost.

#include <charconv>

#include "store/store.h"
#include "text/utf8.h"
#include "web/ducha_view.h"
#include "web/moderators.h"

namespace mubiao::web {
namespace {

// Characters a note, reason or reply may hold.
constexpr size_t kMaxNoteChars = 2000;

// An id or version as a form sends it: digits only, within int64_t.
std::optional<int64_t> ParseId(std::string_view text) {
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id < 0) {
    return std::nullopt;
  }
  return id;
}

// The fields of a post whose form token is valid; nullopt otherwise.
std::optional<Fields> ValidForm(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Fields form = request.Form();
  if (visitor.fresh || !state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    return std::nullopt;
  }
  return form;
}

HttpResponse ExpiredForm(PortalState* state, const std::string& back) {
  return state->ErrorPage(403, "表单已过期，请刷新页面后重试。", back);
}

// The first failed of `statuses`; ok when none failed.
Status FirstError(std::initializer_list<Status> statuses) {
  for (const Status& s : statuses) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// `text` trimmed, or an error naming `what` when it is too long.
Result<std::string> TextField(const Fields& form, std::string_view name, const char* what,
                              size_t max_chars = kMaxNoteChars) {
  const std::string text(text::TrimSpace(FieldValue(form, name)));
  if (!text::IsValidUtf8(text) || text::CountCodePoints(text) > max_chars) {
    return InvalidInput(std::string(what) + "不能超过" + std::to_string(max_chars) + "个字。");
  }
  return text;
}

// A number field: absent when empty, an error naming `what` when not a number.
Result<std::optional<double>> NumberField(const Fields& form, std::string_view name,
                                          const char* what) {
  const std::string_view text = text::TrimSpace(FieldValue(form, name));
  if (text.empty()) return std::optional<double>();
  const std::optional<double> number = ducha::ParseTypedNumber(text);
  if (!number) return InvalidInput(std::string(what) + "须为数字，如 3000 或 62.5。");
  return number;
}

// The "due" field: `otherwise` when empty, an error when it is no date.
Result<ducha::Date> DueField(const Fields& form, const ducha::Date& otherwise) {
  const std::string_view text = FieldValue(form, "due");
  if (text.empty()) return otherwise;
  const std::optional<ducha::Date> due = ducha::ParseDate(text);
  if (!due) return InvalidInput("截止日期须为 年-月-日 的有效日期。");
  return *due;
}

// The status a refused form's page is shown again with (422 for input the
// ledger cannot take, else the refusal's own); 0 for the store's faults
// (500, 503), which the error page answers instead.
int RefusalStatus(const Status& refused) {
  const int status = HttpStatusOf(refused);
  if (status == 500 || status == 503) return 0;
  return status == 400 ? 422 : status;
}

// The task's page again with the refusal, or back to it after success.
HttpResponse AfterTaskChange(PortalState* state, store::Store& store, const HttpRequest& request,
                             const ducha::Account& account, int64_t task_id, const Status& done) {
  if (done.ok()) return RedirectResponse(TaskUrl(task_id));
  const int status = RefusalStatus(done);
  if (status == 0) return state->StoreErrorPage(done);
  return TaskPage(state, store, request, account, task_id, {done.message(), "", status});
}

// A task's id from the route, for the account: its view or the refusal.
using TaskAnswer = std::function<HttpResponse(store::Store&, const ducha::Account&,
                                              const HttpRequest&, const Fields&, const TaskView&)>;

// A handler for a form on task {id}: valid token, a task the account may
// see, and for an office's action (`office_action`, e.g. "分解任务"; null
// for a form units post too) an office account; `answer` does the rest.
Handler TaskForm(PortalState* state, const char* office_action, TaskAnswer answer) {
  return ForAccount(
      state,
      [state, office_action, answer](store::Store& store, const ducha::Account& account,
                                     const HttpRequest& request, const RouteParams& params) {
        Result<int64_t> id = DocumentIdParam(params);
        if (!id.ok()) return state->ErrorPage(404, "没有这项任务。", "/ducha/");
        const std::optional<Fields> form = ValidForm(state, request);
        if (!form) return ExpiredForm(state, TaskUrl(*id));
        Result<TaskView> view = OpenTask(store, account, *id);
        if (!view.ok()) return state->StoreErrorPage(view.status());
        if (office_action != nullptr && !ducha::CanManage(account)) {
          return AfterTaskChange(
              state, store, request, account, *id,
              PermissionDenied("只有督查室可以" + std::string(office_action) + "。"));
        }
        return answer(store, account, request, *form, *view);
      },
      [state](const Status& status) { return state->StoreErrorPage(status); },
      [] { return RedirectResponse("/ducha/denglu"); });
}

HttpResponse FileProgress(PortalState* state, store::Store& store, const ducha::Account& account,
                          const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  if (!ducha::CanReport(account, view.task)) {
    return AfterTaskChange(state, store, request, account, id,
                           PermissionDenied("只有牵头单位、配合单位和督查室可以填报进展。"));
  }
  ducha::Progress p;
  p.task_id = id;
  p.author = ActorName(account);
  const std::optional<ducha::Date> date = ducha::ParseDate(FieldValue(form, "date"));
  if (!date) {
    return AfterTaskChange(state, store, request, account, id,
                           InvalidInput("请填写截至日期（年-月-日）。"));
  }
  p.date = *date;
  Result<std::optional<double>> value = NumberField(form, "value", "完成值");
  Result<std::optional<double>> share = NumberField(form, "share", "完成比例");
  Result<std::string> done = TextField(form, "done", "完成情况");
  Result<std::string> problems = TextField(form, "problems", "存在问题");
  Result<std::string> next = TextField(form, "next", "下步打算");
  if (Status e = FirstError(
          {value.status(), share.status(), done.status(), problems.status(), next.status()});
      !e.ok()) {
    return AfterTaskChange(state, store, request, account, id, e);
  }
  p.value = *value;
  p.share = *share;
  p.done = *done;
  p.problems = *problems;
  p.next_steps = *next;
  if (Status checked = CheckFiledProgress(p, state->DuchaToday()); !checked.ok()) {
    return AfterTaskChange(state, store, request, account, id, checked);
  }
  return AfterTaskChange(state, store, request, account, id, store.AddProgress(p).status());
}

HttpResponse ChangeStatus(PortalState* state, store::Store& store, const ducha::Account& account,
                          const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  const std::optional<ducha::TaskStatus> to = ducha::ParseTaskStatus(FieldValue(form, "to"));
  const std::optional<int64_t> version = ParseId(FieldValue(form, "version"));
  if (!to || !version) {
    return AfterTaskChange(state, store, request, account, id,
                           InvalidInput("表单不完整，请刷新页面后重试。"));
  }
  // The lead unit may only ask for the task to be closed; the rest is the office's.
  const bool allowed =
      ducha::CanManage(account) ||
      (*to == ducha::TaskStatus::kCompletionRequested && ducha::CanAnswer(account, view.task));
  if (!allowed) {
    return AfterTaskChange(
        state, store, request, account, id,
        PermissionDenied("您无权将此任务改为“" + std::string(ducha::TaskStatusLabel(*to)) + "”。"));
  }
  Result<std::string> note = TextField(form, "note", "说明");
  if (!note.ok()) return AfterTaskChange(state, store, request, account, id, note.status());
  ducha::TaskChange change;
  change.task_id = id;
  change.version = *version;
  change.status = *to;
  change.note = *note;
  if (*to == ducha::TaskStatus::kClosed)
    change.check = ducha::ParseCheckMethod(FieldValue(form, "check"));
  change.actor = ActorName(account);
  return AfterTaskChange(state, store, request, account, id, store.ChangeTask(change).status());
}

// The units a form names must be on the government's list (or empty).
Status CheckUnits(store::Store& store, const ducha::Account& account,
                  const std::vector<std::string>& named) {
  Result<std::vector<std::string>> units = store.ListUnits(account.region_code);
  if (!units.ok()) return units.status();
  for (const std::string& unit : named) {
    if (!unit.empty() && std::find(units->begin(), units->end(), unit) == units->end()) {
      return InvalidInput("“" + unit +
                          "”不在本级政府的单位名单中，请先在“单位、账号与公开设置”中添加。");
    }
  }
  return Status::Ok();
}

// Lead unit, co-units and leader of an assignment form, checked.
Result<ducha::TaskChange> AssignmentOf(store::Store& store, const ducha::Account& account,
                                       const Fields& form) {
  Result<std::string> lead = TextField(form, "lead", "牵头单位", ducha::kMaxUnitName);
  Result<std::string> co = TextField(form, "co", "配合单位", 300);
  Result<std::string> leader = TextField(form, "leader", "责任领导", 32);
  if (Status e = FirstError({lead.status(), co.status(), leader.status()}); !e.ok()) {
    return e;
  }
  const std::vector<std::string> co_units = ducha::SplitUnits(*co);
  std::vector<std::string> named = co_units;
  named.push_back(*lead);
  if (Status known = CheckUnits(store, account, named); !known.ok()) return known;
  ducha::TaskChange change;
  change.lead_unit = *lead;
  change.co_units = ducha::JoinUnits(co_units);
  change.leader = *leader;
  change.actor = ActorName(account);
  return change;
}

HttpResponse AssignTask(PortalState* state, store::Store& store, const ducha::Account& account,
                        const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  Result<ducha::TaskChange> change = AssignmentOf(store, account, form);
  if (!change.ok()) return AfterTaskChange(state, store, request, account, id, change.status());
  change->task_id = id;
  change->version = ParseId(FieldValue(form, "version")).value_or(0);
  change->note = "分配";
  return AfterTaskChange(state, store, request, account, id, store.ChangeTask(*change).status());
}

HttpResponse IssueNotice(PortalState* state, store::Store& store, const ducha::Account& account,
                         const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  Result<std::string> reason = TextField(form, "reason", "督办事项");
  if (!reason.ok()) return AfterTaskChange(state, store, request, account, id, reason.status());
  const std::optional<ducha::Date> reply_by = ducha::ParseDate(FieldValue(form, "reply_by"));
  if (!reply_by || *reply_by < state->DuchaToday()) {
    return AfterTaskChange(state, store, request, account, id,
                           InvalidInput("请填写今天或以后的反馈时限（年-月-日）。"));
  }
  ducha::Notice notice;
  notice.task_id = id;
  notice.reason = *reason;
  notice.reply_by = *reply_by;
  notice.issued_by = account.name;
  return AfterTaskChange(state, store, request, account, id, store.IssueNotice(notice).status());
}

HttpResponse SetMilestone(PortalState* state, store::Store& store, const ducha::Account& account,
                          const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  const std::optional<ducha::Date> date = ducha::ParseDate(FieldValue(form, "date"));
  if (!date) {
    return AfterTaskChange(state, store, request, account, id,
                           InvalidInput("请填写节点日期（年-月-日）。"));
  }
  Result<std::optional<double>> value = NumberField(form, "value", "应完成数值");
  Result<std::optional<double>> share = NumberField(form, "share", "完成比例");
  Result<std::string> step = TextField(form, "step", "形象进度", 200);
  if (Status e = FirstError({value.status(), share.status(), step.status()}); !e.ok()) {
    return AfterTaskChange(state, store, request, account, id, e);
  }
  ducha::Milestone m;
  m.task_id = id;
  m.date = *date;
  m.value = *value;
  m.share = *share;
  m.step = *step;
  m.created_by = ActorName(account);
  return AfterTaskChange(state, store, request, account, id, store.AddMilestone(m).status());
}

HttpResponse SplitTask(PortalState* state, store::Store& store, const ducha::Account& account,
                       const HttpRequest& request, const Fields& form, const TaskView& view) {
  const int64_t id = view.task.id;
  Result<std::string> text = TextField(form, "text", "子任务内容", 1000);
  Result<std::string> lead = TextField(form, "lead", "牵头单位", ducha::kMaxUnitName);
  if (Status e = FirstError({text.status(), lead.status()}); !e.ok()) {
    return AfterTaskChange(state, store, request, account, id, e);
  }
  if (Status known = CheckUnits(store, account, {*lead}); !known.ok()) {
    return AfterTaskChange(state, store, request, account, id, known);
  }
  ducha::Task sub;
  sub.parent_id = id;
  sub.text = *text;
  sub.lead_unit = *lead;
  Result<ducha::Date> due = DueField(form, view.task.due);
  if (!due.ok()) return AfterTaskChange(state, store, request, account, id, due.status());
  sub.due = *due;
  Result<ducha::Task> added = store.AddTask(view.ledger.id, sub, account.name);
  if (!added.ok()) return AfterTaskChange(state, store, request, account, id, added.status());
  return RedirectResponse(TaskUrl(added->id));
}

// A handler for an office's form on a ledger or its settings: a valid token
// and an office account; `answer(store, account, form, params)` does the rest.
template <typename Answer>
Handler OfficeForm(PortalState* state, Answer answer) {
  return ForAccount(
      state,
      [state, answer](store::Store& store, const ducha::Account& account,
                      const HttpRequest& request, const RouteParams& params) {
        const std::optional<Fields> form = ValidForm(state, request);
        if (!form) return ExpiredForm(state, "/ducha/");
        if (!ducha::CanManage(account)) {
          return state->ErrorPage(403, "只有本级政府督查室管理员可以进行此操作。", "/ducha/");
        }
        return answer(store, account, request, *form, params);
      },
      [state](const Status& status) { return state->StoreErrorPage(status); },
      [] { return RedirectResponse("/ducha/denglu"); });
}

HttpResponse CreateLedger(PortalState* state, store::Store& store, const ducha::Account& account,
                          const Fields& form) {
  const std::optional<int64_t> document = ParseId(FieldValue(form, "document"));
  if (!document) return state->ErrorPage(400, "请选择一篇政府工作报告。", "/ducha/");
  Result<store::StoredDocument> doc = store.GetDocument(*document);
  if (!doc.ok()) return state->StoreErrorPage(doc.status());
  if (doc->summary.region_code != account.region_code) {
    return state->ErrorPage(403, "只能为本级政府的工作报告生成台账。", "/ducha/");
  }
  Result<std::string> title = TextField(form, "title", "台账名称", 100);
  if (!title.ok()) return state->ErrorPage(400, title.status().message(), "/ducha/");
  Result<store::NewLedger> made = store::LedgerOfReport(*doc, *title, account.name);
  if (!made.ok()) return state->ErrorPage(400, made.status().message(), "/ducha/");
  Result<int64_t> id = store.CreateLedger(made->ledger, made->tasks);
  if (!id.ok()) return state->StoreErrorPage(id.status());
  return RedirectResponse(LedgerUrl(*id));
}

// The ledger of route {id} for the office, or the refusal.
Result<LedgerView> OfficeLedger(store::Store& store, const ducha::Account& account,
                                const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return id.status();
  return OpenLedger(store, account, *id);
}

HttpResponse AssignLedger(PortalState* state, store::Store& store, const ducha::Account& account,
                          const Fields& form, const RouteParams& params) {
  Result<LedgerView> view = OfficeLedger(store, account, params);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  const std::string back = LedgerUrl(view->ledger.id);
  Result<ducha::TaskChange> change = AssignmentOf(store, account, form);
  if (!change.ok())
    return state->ErrorPage(HttpStatusOf(change.status()), change.status().message(), back);
  if (change->lead_unit->empty()) return state->ErrorPage(400, "请填写牵头单位。", back);
  if (change->co_units->empty()) change->co_units.reset();
  if (change->leader->empty()) change->leader.reset();
  change->note = "批量分配";
  ducha::TaskRule rule;
  rule.section = std::string(FieldValue(form, "section"));
  rule.topic = std::string(FieldValue(form, "topic"));
  rule.keyword = std::string(FieldValue(form, "keyword"));
  Result<int> assigned = store.AssignTasks(view->ledger.id, rule, *change);
  if (!assigned.ok()) return state->StoreErrorPage(assigned.status());
  return RedirectResponse(back + "?group=unit");
}

HttpResponse AddLedgerTask(PortalState* state, store::Store& store, const ducha::Account& account,
                           const Fields& form, const RouteParams& params) {
  Result<LedgerView> view = OfficeLedger(store, account, params);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  const std::string back = LedgerUrl(view->ledger.id);
  Result<std::string> text = TextField(form, "text", "任务内容", 1000);
  Result<std::string> indicator = TextField(form, "indicator", "指标", 50);
  Result<std::string> unit = TextField(form, "unit", "单位", 10);
  Result<std::optional<double>> value = NumberField(form, "value", "目标值");
  if (Status e = FirstError({text.status(), indicator.status(), unit.status(), value.status()});
      !e.ok()) {
    return state->ErrorPage(400, e.message(), back);
  }
  ducha::Task task;
  task.text = *text;
  task.indicator = *indicator;
  task.unit = *unit;
  task.target_value = *value;
  if (task.target_value) task.cmp = quantity::Comparator::kAtLeast;
  task.due =
      ducha::ParseDate(FieldValue(form, "due")).value_or(ducha::Date{view->ledger.year, 12, 31});
  Result<ducha::Task> added = store.AddTask(view->ledger.id, task, account.name);
  if (!added.ok())
    return state->ErrorPage(HttpStatusOf(added.status()), added.status().message(), back);
  return RedirectResponse(TaskUrl(added->id));
}

HttpResponse ReplyToNotice(PortalState* state, store::Store& store, const ducha::Account& account,
                           const HttpRequest& request, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有这份督办单。", "/ducha/");
  const std::optional<Fields> form = ValidForm(state, request);
  if (!form) return ExpiredForm(state, "/ducha/");
  Result<ducha::Notice> notice = store.GetNotice(*id);
  if (!notice.ok()) return state->StoreErrorPage(notice.status());
  Result<TaskView> view = OpenTask(store, account, notice->task_id);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  const int64_t task_id = notice->task_id;
  if (!ducha::CanAnswer(account, view->task)) {
    return AfterTaskChange(state, store, request, account, task_id,
                           PermissionDenied("只有牵头单位可以回复督办单。"));
  }
  Result<std::string> reply = TextField(*form, "reply", "回复");
  if (!reply.ok()) return AfterTaskChange(state, store, request, account, task_id, reply.status());
  const std::string who = ActorName(account);
  return AfterTaskChange(state, store, request, account, task_id,
                         store.ReplyToNotice(*id, *reply, who).status());
}

// The office's settings page again, with the outcome of its form.
HttpResponse AfterSetting(PortalState* state, store::Store& store, const HttpRequest& request,
                          const ducha::Account& account, const Status& done,
                          const std::string& flash) {
  if (done.ok()) return AdminPage(state, store, request, account, {"", flash, 200});
  const int status = RefusalStatus(done);
  if (status == 0) return state->StoreErrorPage(done);
  return AdminPage(state, store, request, account, {done.message(), "", status});
}

HttpResponse AddUnits(PortalState* state, store::Store& store, const ducha::Account& account,
                      const HttpRequest& request, const Fields& form) {
  int added = 0;
  std::string_view rest = FieldValue(form, "names");
  while (!rest.empty()) {
    const size_t cut = rest.find('\n');
    const std::string name(text::TrimSpace(rest.substr(0, cut)));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    if (name.empty()) continue;
    if (Status ok = store.AddUnit(account.region_code, name); !ok.ok()) {
      return AfterSetting(state, store, request, account, ok, "");
    }
    ++added;
  }
  if (added == 0)
    return AfterSetting(state, store, request, account, InvalidInput("请填写单位名称。"), "");
  return AfterSetting(state, store, request, account, Status::Ok(),
                      "已添加 " + std::to_string(added) + " 个单位。");
}

// Creates an account of the office's own government (never another's: the
// government is the office's, whatever the form says).
HttpResponse PutAccount(PortalState* state, store::Store& store, const ducha::Account& account,
                        const HttpRequest& request, const Fields& form) {
  const std::optional<ducha::Role> role = ducha::ParseRole(FieldValue(form, "role"));
  if (!role) return AfterSetting(state, store, request, account, InvalidInput("请选择角色。"), "");
  ducha::Account made{std::string(FieldValue(form, "name")), *role, account.region_code,
                      *role == ducha::Role::kUnit ? std::string(FieldValue(form, "unit")) : ""};
  Status valid = ducha::ValidateAccount(made);
  if (valid.ok() && !made.unit.empty()) valid = CheckUnits(store, account, {made.unit});
  const std::string password(FieldValue(form, "password"));
  if (valid.ok()) valid = ValidatePassword(password);
  if (valid.ok() && made.name == account.name) valid = InvalidInput("不能在这里修改自己的账号。");
  if (!valid.ok()) return AfterSetting(state, store, request, account, valid, "");
  Result<std::string> hash = HashPassword(password);
  if (!hash.ok()) return state->StoreErrorPage(hash.status());
  return AfterSetting(state, store, request, account, store.PutAccount({made, *hash, ""}),
                      "账号“" + made.name + "”已保存。");
}

HttpResponse DisableAccount(PortalState* state, store::Store& store, const ducha::Account& account,
                            const HttpRequest& request, const Fields& form) {
  const std::string name(FieldValue(form, "name"));
  if (name == account.name) {
    return AfterSetting(state, store, request, account, InvalidInput("不能停用自己的账号。"), "");
  }
  // Only an account of the office's own government: the store matches both.
  return AfterSetting(state, store, request, account,
                      store.DisableAccount(account.region_code, name),
                      "账号“" + name + "”已停用。");
}

HttpResponse SetPublic(PortalState* state, store::Store& store, const ducha::Account& account,
                       const HttpRequest& request, const Fields& form) {
  const bool shown = FieldValue(form, "shown") == "1";
  return AfterSetting(state, store, request, account,
                      store.SetPublicView(account.region_code, shown, account.name),
                      shown ? "任务台账已向公众公开。" : "任务台账已停止公开。");
}

}  // namespace

void AddDuchaFormRoutes(PortalState* state) {
  Router& r = state->router;
  r.Add("POST", "/ducha/taizhang",
        OfficeForm(state, [state](store::Store& store, const ducha::Account& account,
                                  const HttpRequest&, const Fields& form, const RouteParams&) {
          return CreateLedger(state, store, account, form);
        }));
  r.Add(
      "POST", "/ducha/taizhang/{id}/fenpei",
      OfficeForm(state, [state](store::Store& store, const ducha::Account& account,
                                const HttpRequest&, const Fields& form, const RouteParams& params) {
        return AssignLedger(state, store, account, form, params);
      }));
  r.Add(
      "POST", "/ducha/taizhang/{id}/renwu",
      OfficeForm(state, [state](store::Store& store, const ducha::Account& account,
                                const HttpRequest&, const Fields& form, const RouteParams& params) {
        return AddLedgerTask(state, store, account, form, params);
      }));
  // Each task form: its path, who may post it (null: any account the task's
  // page offers it to; else only the office, for the action named) and what
  // it does.
  struct TaskFormRoute {
    const char* path;
    const char* office_action;
    HttpResponse (*answer)(PortalState*, store::Store&, const ducha::Account&, const HttpRequest&,
                           const Fields&, const TaskView&);
  };
  constexpr TaskFormRoute task_forms[] = {
      {"/ducha/renwu/{id}/jinzhan", nullptr, &FileProgress},
      {"/ducha/renwu/{id}/zhuangtai", nullptr, &ChangeStatus},
      {"/ducha/renwu/{id}/fenpei", "分配任务", &AssignTask},
      {"/ducha/renwu/{id}/duban", "下发督办单", &IssueNotice},
      {"/ducha/renwu/{id}/chaifen", "分解任务", &SplitTask},
      {"/ducha/renwu/{id}/jiedian", "设定节点目标", &SetMilestone}};
  for (const TaskFormRoute& route : task_forms) {
    const auto answer = route.answer;
    r.Add("POST", route.path,
          TaskForm(state, route.office_action,
                   [state, answer](store::Store& store, const ducha::Account& account,
                                   const HttpRequest& request, const Fields& form,
                                   const TaskView& view) {
                     return answer(state, store, account, request, form, view);
                   }));
  }
  r.Add("POST", "/ducha/duban/{id}/huifu",
        ForAccount(
            state,
            [state](store::Store& store, const ducha::Account& account, const HttpRequest& request,
                    const RouteParams& params) {
              return ReplyToNotice(state, store, account, request, params);
            },
            [state](const Status& status) { return state->StoreErrorPage(status); },
            [] { return RedirectResponse("/ducha/denglu"); }));
  const std::pair<const char*, HttpResponse (*)(PortalState*, store::Store&, const ducha::Account&,
                                                const HttpRequest&, const Fields&)>
      settings[] = {{"/ducha/guanli/danwei", &AddUnits},
                    {"/ducha/guanli/zhanghu", &PutAccount},
                    {"/ducha/guanli/gongkai", &SetPublic},
                    {"/ducha/guanli/tingyong", &DisableAccount}};
  for (const auto& [path, answer] : settings) {
    r.Add("POST", path,
          OfficeForm(state, [state, answer](store::Store& store, const ducha::Account& account,
                                            const HttpRequest& request, const Fields& form,
                                            const RouteParams&) {
            return answer(state, store, account, request, form);
          }));
  }
}

}  // namespace mubiao::web
