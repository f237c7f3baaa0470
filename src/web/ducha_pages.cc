// The supervision pages that show a ledger: by unit, topic, light or
// deadline with the units' ranking (/ducha/taizhang/N), its print view and
// downloads, one task with its progress, notices and history
// (/ducha/renwu/N), the office's settings (/ducha/guanli) and the public
// view of a ledger (/ducha/gongkai/N). Every page is for the signed-in
// account only (never cached) except the public view; the forms they show
// post to ducha_forms.cc.

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "ducha/sheet.h"
#include "quantity/format.h"
#include "tracking/ledger_outcomes.h"
#include "web/ducha_view.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

// Tasks per page of a ledger, and the last page one may ask for.
constexpr int kRowsPerPage = 200;
constexpr int kMaxPage = 1000;

// How a ledger's tasks are grouped on its page.
enum class Grouping { kNone, kUnit, kTopic, kLight, kDeadline };

struct GroupingName {
  Grouping grouping;
  const char* key;
  const char* label;
};
constexpr GroupingName kGroupings[] = {{Grouping::kNone, "", "按序号"},
                                       {Grouping::kUnit, "unit", "按牵头单位"},
                                       {Grouping::kTopic, "topic", "按领域"},
                                       {Grouping::kLight, "light", "按进度灯"},
                                       {Grouping::kDeadline, "deadline", "按截止日期"}};

// The light filter's choices: any, one light, or closed tasks.
constexpr std::pair<const char*, const char*> kLightChoices[] = {
    {"", "全部"}, {"red", "红灯"}, {"yellow", "黄灯"}, {"green", "绿灯"}, {"none", "已销号或撤销"}};

// Whether a task is still worked on: neither closed nor withdrawn.
bool StillWorkedOn(ducha::TaskStatus status) {
  return status == ducha::TaskStatus::kOpen || status == ducha::TaskStatus::kCompletionRequested;
}

std::string OneDecimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// "不低于6000人", "6%左右"; "定性任务" for a commitment.
std::string TargetText(const ducha::Task& task) {
  if (!task.target_value) return "定性任务";
  const std::string value = quantity::FormatNumber(*task.target_value) + task.unit;
  switch (task.cmp) {
    case quantity::Comparator::kAtLeast:
    case quantity::Comparator::kAtMost:
      return std::string(quantity::ComparatorLabel(task.cmp)) + value;
    case quantity::Comparator::kAbout:
      return value + "左右";
    default:
      return value;
  }
}

// How far a task is from its time, in words: 落后12.5个百分点, 超前3.0个百分点,
// 符合序时; 已销号, 已撤销 or 未开始 when it is not judged.
std::string PaceText(const ducha::Task& task, const ducha::Pace& pace) {
  if (pace.light == ducha::Light::kNone) {
    if (task.status == ducha::TaskStatus::kClosed || task.status == ducha::TaskStatus::kWithdrawn) {
      return std::string(ducha::TaskStatusLabel(task.status));
    }
    return "未开始";
  }
  if (pace.behind >= 0.05) return "落后" + OneDecimal(pace.behind) + "个百分点";
  if (pace.behind <= -0.05) return "超前" + OneDecimal(-pace.behind) + "个百分点";
  return "符合序时";
}

// The share the latest progress reports (also on a closed task, which has
// no pace); 已填报 when it states none, 未填报 without progress.
std::string DoneText(const ducha::LedgerRow& row) {
  if (!row.latest) return "未填报";
  const std::optional<double> share = ducha::ShareDone(row.task, *row.latest);
  return share ? OneDecimal(*share) + "%" : "已填报";
}

// A ledger's task as a table row: ROW with NUMBER, TEXT, TARGET, DUE, LEAD,
// CO, STATUS, DONE, PACE and section LIGHT (KEY, LABEL) when judged.
void AddRow(const ducha::LedgerRow& row, const ducha::Pace& pace,
            ctemplate::TemplateDictionary* parent) {
  ctemplate::TemplateDictionary* r = parent->AddSectionDictionary("ROW");
  const ducha::Task& t = row.task;
  r->SetValue("NUMBER", t.number);
  r->SetValue("TEXT", t.text);
  r->SetValue("TASK_URL", TaskUrl(t.id));
  r->SetValue("TARGET", TargetText(t));
  r->SetValue("DUE", ducha::DateText(t.due));
  r->SetValue("LEAD", t.lead_unit.empty() ? "未分配" : t.lead_unit);
  r->SetValue("CO", t.co_units);
  r->SetValue("STATUS", std::string(ducha::TaskStatusLabel(t.status)));
  r->SetValue("DONE", DoneText(row));
  r->SetValue("PACE", PaceText(t, pace));
  r->SetValue("NOTE", row.latest ? row.latest->done : "");
  if (pace.light != ducha::Light::kNone) {
    ctemplate::TemplateDictionary* light = r->AddSectionDictionary("LIGHT");
    light->SetValue("KEY", std::string(ducha::LightName(pace.light)));
    light->SetValue("LABEL", std::string(ducha::LightLabel(pace.light)));
  }
}

// A task with its pace on the day the page is for.
struct PacedRow {
  const ducha::LedgerRow* row;
  ducha::Pace pace;
};

std::vector<PacedRow> Paced(const LedgerView& view, const ducha::Date& today) {
  std::vector<PacedRow> paced;
  paced.reserve(view.rows.size());
  for (const ducha::LedgerRow& row : view.rows) {
    paced.push_back({&row, ducha::PaceOf(row, view.ledger.year, today)});
  }
  return paced;
}

// The counts of lights shown above a ledger: GREEN, YELLOW_COUNT, RED_COUNT,
// CLOSED (closed tasks).
void AddLightCounts(const std::vector<PacedRow>& rows, ctemplate::TemplateDictionary* dict) {
  int counts[4] = {0, 0, 0, 0};
  int closed = 0;
  for (const PacedRow& p : rows) {
    ++counts[static_cast<int>(p.pace.light)];
    if (p.row->task.status == ducha::TaskStatus::kClosed) ++closed;
  }
  dict->SetIntValue("GREEN", counts[static_cast<int>(ducha::Light::kGreen)]);
  dict->SetIntValue("YELLOW_COUNT", counts[static_cast<int>(ducha::Light::kYellow)]);
  dict->SetIntValue("RED_COUNT", counts[static_cast<int>(ducha::Light::kRed)]);
  dict->SetIntValue("CLOSED", closed);
}

// The heading of a task's group; tasks are shown sorted by it.
std::string GroupLabel(Grouping grouping, const PacedRow& p) {
  const ducha::Task& t = p.row->task;
  switch (grouping) {
    case Grouping::kUnit:
      return t.lead_unit.empty() ? "未分配牵头单位" : t.lead_unit;
    case Grouping::kTopic:
      return t.topic.empty() ? "其他" : t.topic;
    case Grouping::kLight:
      return p.pace.light == ducha::Light::kNone ? "不计序时（已销号、撤销或未开始）"
                                                 : std::string(ducha::LightLabel(p.pace.light));
    case Grouping::kDeadline:
      return "截止" + ChineseDate(ducha::DateText(t.due));
    case Grouping::kNone:
      break;
  }
  return "全部任务";
}

// Orders groups: red first for lights, earliest first for deadlines, by
// name otherwise.
std::string GroupOrder(Grouping grouping, const PacedRow& p) {
  if (grouping == Grouping::kLight) {
    static constexpr char kOrder[] = {'3', '2', '1', '0'};  // none, green, yellow, red
    return std::string(1, kOrder[static_cast<int>(p.pace.light)]);
  }
  if (grouping == Grouping::kDeadline) return ducha::DateText(p.row->task.due);
  return GroupLabel(grouping, p);
}

bool Selected(const PacedRow& p, std::string_view light, std::string_view unit,
              std::string_view keyword) {
  const ducha::Task& t = p.row->task;
  if (!light.empty() && ducha::LightName(p.pace.light) != light) return false;
  if (!unit.empty() && t.lead_unit != unit) return false;
  if (!keyword.empty() && t.text.find(keyword) == std::string::npos &&
      t.indicator.find(keyword) == std::string::npos) {
    return false;
  }
  return true;
}

void AddOptions(ctemplate::TemplateDictionary* dict, const char* section, const std::string& key,
                const std::string& label, bool selected) {
  ctemplate::TemplateDictionary* option = dict->AddSectionDictionary(section);
  option->SetValue("KEY", key);
  option->SetValue("LABEL", label);
  if (selected) option->ShowSection("SELECTED");
}

// The filter form: grouping, light and unit choices, keyword.
void AddFilterForm(const LedgerView& view, Grouping grouping, std::string_view light,
                   std::string_view unit, std::string_view keyword,
                   ctemplate::TemplateDictionary* dict) {
  for (const GroupingName& g : kGroupings) {
    AddOptions(dict, "GROUP", g.key, g.label, g.grouping == grouping);
  }
  for (const auto& [key, label] : kLightChoices) {
    AddOptions(dict, "LIGHT_OPTION", key, label, key == light);
  }
  std::vector<std::string> units;
  for (const ducha::LedgerRow& row : view.rows) {
    if (!row.task.lead_unit.empty()) units.push_back(row.task.lead_unit);
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  AddOptions(dict, "UNIT_OPTION", "", "全部", unit.empty());
  for (const std::string& u : units) AddOptions(dict, "UNIT_OPTION", u, u, u == unit);
  dict->SetValue("Q", std::string(keyword));
}

// The units worst first (the office's and viewers' page).
void AddRanking(const LedgerView& view, const ducha::Date& today,
                ctemplate::TemplateDictionary* dict) {
  const std::vector<ducha::UnitStanding> ranked =
      ducha::RankUnits(view.rows, view.ledger.year, today);
  if (ranked.empty()) return;
  ctemplate::TemplateDictionary* ranking = dict->AddSectionDictionary("RANKING");
  int rank = 0;
  for (const ducha::UnitStanding& u : ranked) {
    ctemplate::TemplateDictionary* s = ranking->AddSectionDictionary("STANDING");
    s->SetIntValue("RANK", ++rank);
    s->SetValue("UNIT", u.unit.empty() ? "未分配" : u.unit);
    s->SetValue("UNIT_URL", u.unit.empty()
                                ? LedgerUrl(view.ledger.id) + "?group=unit"
                                : LedgerUrl(view.ledger.id) + "?unit=" + PercentEncode(u.unit));
    s->SetIntValue("TASKS", u.tasks);
    s->SetIntValue("GREEN", u.green);
    s->SetIntValue("YELLOW", u.yellow);
    s->SetIntValue("RED", u.red);
    s->SetIntValue("CLOSED", u.closed);
    s->SetValue("ON_PACE", OneDecimal(u.on_pace));
  }
}

// The shown tasks, grouped, on page `page`: a HEADING per group.
void AddGroupedRows(const std::vector<const PacedRow*>& shown, Grouping grouping, int page,
                    ctemplate::TemplateDictionary* dict) {
  const size_t begin = static_cast<size_t>(page - 1) * kRowsPerPage;
  const size_t end = std::min(shown.size(), begin + kRowsPerPage);
  ctemplate::TemplateDictionary* heading = nullptr;
  std::string label;
  for (size_t i = begin; i < end; ++i) {
    const std::string here = GroupLabel(grouping, *shown[i]);
    if (heading == nullptr || here != label) {
      label = here;
      heading = dict->AddSectionDictionary("HEADING");
      heading->SetValue("LABEL", label);
      const auto same = [&](const PacedRow* p) { return GroupLabel(grouping, *p) == label; };
      heading->SetIntValue("COUNT",
                           static_cast<long>(std::count_if(shown.begin(), shown.end(), same)));
    }
    AddRow(*shown[i]->row, shown[i]->pace, heading);
  }
}

// Whether a notice waits for its reply past its reply date, on a task
// still being worked on.
bool NoticeOverdue(const ducha::Notice& n, ducha::TaskStatus status, const ducha::Date& today) {
  return StillWorkedOn(status) && n.reply.empty() && today > n.reply_by;
}

// How many notices the account's tasks have had (NOTICES) and how many wait
// past their reply date (OVERDUE_NOTICES).
Status AddNoticeCounts(store::Store& store, const LedgerView& view, const ducha::Date& today,
                       ctemplate::TemplateDictionary* dict) {
  Result<std::vector<ducha::Notice>> notices = store.LedgerNotices(view.ledger.id);
  if (!notices.ok()) return notices.status();
  std::map<int64_t, ducha::TaskStatus> seen;  // the account's tasks
  for (const ducha::LedgerRow& row : view.rows) seen[row.task.id] = row.task.status;
  int count = 0, overdue = 0;
  for (const ducha::Notice& n : *notices) {
    const auto task = seen.find(n.task_id);
    if (task == seen.end()) continue;
    ++count;
    if (NoticeOverdue(n, task->second, today)) ++overdue;
  }
  dict->SetIntValue("NOTICES", count);
  dict->SetIntValue("OVERDUE_NOTICES", overdue);
  return Status::Ok();
}

HttpResponse LedgerPage(PortalState* state, store::Store& store, const ducha::Account& account,
                        const HttpRequest& request, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有这个台账。", "/ducha/");
  Result<LedgerView> view = OpenLedger(store, account, *id);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  Result<int> page_number = PageFromQuery(request, kMaxPage);
  if (!page_number.ok()) return state->ErrorPage(400, "页码无效。", LedgerUrl(*id));
  Grouping grouping = Grouping::kNone;
  for (const GroupingName& g : kGroupings) {
    if (request.Query("group") == g.key) grouping = g.grouping;
  }
  const ducha::Date today = state->DuchaToday();
  const std::vector<PacedRow> paced = Paced(*view, today);
  const std::string_view light = request.Query("light"), unit = request.Query("unit"),
                         keyword = request.Query("q");
  std::vector<const PacedRow*> shown;
  for (const PacedRow& p : paced) {
    if (Selected(p, light, unit, keyword)) shown.push_back(&p);
  }
  std::stable_sort(shown.begin(), shown.end(), [&](const PacedRow* a, const PacedRow* b) {
    return GroupOrder(grouping, *a) < GroupOrder(grouping, *b);
  });

  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage(view->ledger.title, visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  dict->SetValue("TITLE", view->ledger.title);
  dict->SetValue("URL", LedgerUrl(*id));
  dict->SetValue("PLACE", GovernmentName(view->ledger.region_code));
  dict->SetIntValue("YEAR", view->ledger.year);
  dict->SetIntValue("TOTAL", static_cast<long>(view->ledger.tasks));
  if (account.role == ducha::Role::kUnit) {
    ctemplate::TemplateDictionary* mine = dict->AddSectionDictionary("UNIT");
    mine->SetIntValue("COUNT", static_cast<long>(view->rows.size()));
  }
  dict->SetValue("TODAY", ChineseDate(ducha::DateText(today)));
  dict->SetValue("YELLOW", quantity::FormatNumber(ducha::kYellowPoints));
  dict->SetValue("RED", quantity::FormatNumber(ducha::kRedPoints));
  AddLightCounts(paced, dict);
  if (Status counted = AddNoticeCounts(store, *view, today, dict); !counted.ok()) {
    return state->StoreErrorPage(counted);
  }
  AddFilterForm(*view, grouping, light, unit, keyword, dict);
  if (account.role != ducha::Role::kUnit) AddRanking(*view, today, dict);
  dict->SetIntValue("SHOWN", static_cast<long>(shown.size()));
  if (shown.empty()) dict->ShowSection("NONE");
  AddGroupedRows(shown, grouping, *page_number, dict);
  const int pages = static_cast<int>((shown.size() + kRowsPerPage - 1) / kRowsPerPage);
  AddPager(dict, *page_number, pages, [&](int n) {
    std::string url = LedgerUrl(*id) + "?page=" + std::to_string(n);
    for (const char* name : {"group", "light", "unit", "q"}) {
      if (!request.Query(name).empty())
        url += "&" + std::string(name) + "=" + PercentEncode(request.Query(name));
    }
    return url;
  });
  if (ducha::CanManage(account)) {
    ctemplate::TemplateDictionary* manage = dict->AddSectionDictionary("MANAGE");
    manage->SetValue("URL", LedgerUrl(*id));
    manage->SetValue("CSRF", state->csrf.Token(visitor.id));
    Result<std::vector<std::string>> units = store.ListUnits(account.region_code);
    if (!units.ok()) return state->StoreErrorPage(units.status());
    for (const std::string& u : *units)
      manage->AddSectionDictionary("UNIT_NAME")->SetValue("NAME", u);
  }
  HttpResponse response = PrivatePage(state->RenderPage("ducha_ledger.tpl", page));
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse PrintPage(PortalState* state, store::Store& store, const ducha::Account& account,
                       const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有这个台账。", "/ducha/");
  Result<LedgerView> view = OpenLedger(store, account, *id);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  const ducha::Date today = state->DuchaToday();
  ctemplate::TemplateDictionary dict("ducha_print");
  dict.SetValue("TITLE", view->ledger.title);
  dict.SetValue("PLACE", GovernmentName(view->ledger.region_code));
  dict.SetIntValue("YEAR", view->ledger.year);
  dict.SetValue("TODAY", ChineseDate(ducha::DateText(today)));
  dict.SetIntValue("SHOWN", static_cast<long>(view->rows.size()));
  for (const PacedRow& p : Paced(*view, today)) AddRow(*p.row, p.pace, &dict);
  Result<std::string> html = Render("ducha_print.tpl", dict);
  if (!html.ok()) return state->StoreErrorPage(html.status());
  return HtmlResponse(std::move(*html));
}

// The ledger (任务台账) or year-end table (对照表) as .xlsx or .csv, with the
// tasks the account may see.
HttpResponse Download(PortalState* state, store::Store& store, const ducha::Account& account,
                      const HttpRequest& request, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有这个台账。", "/ducha/");
  const std::string_view sheet_name = request.Query("sheet"), format = request.Query("format");
  if ((sheet_name != "ledger" && sheet_name != "year_end") ||
      (format != "xlsx" && format != "csv")) {
    return state->ErrorPage(
        400, "下载参数无效：sheet 应为 ledger 或 year_end，format 应为 xlsx 或 csv。",
        LedgerUrl(*id));
  }
  Result<LedgerView> view = OpenLedger(store, account, *id);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  ducha::Sheet sheet;
  if (sheet_name == "ledger") {
    sheet = ducha::LedgerSheet(view->rows, view->ledger.year, state->DuchaToday());
  } else {
    Result<std::vector<ducha::YearEndRow>> rows = tracking::YearEndRows(&store, *id);
    if (!rows.ok()) return state->StoreErrorPage(rows.status());
    std::erase_if(*rows, [&](const ducha::YearEndRow& r) {
      return !ducha::CanSeeTask(account, r.ledger.task);
    });
    sheet = ducha::YearEndSheet(*rows);
  }
  HttpResponse response;
  if (format == "csv") {
    response.content_type = "text/csv; charset=utf-8";
    response.body = ducha::SheetCsv(sheet);
  } else {
    Result<std::string> bytes = ducha::SheetXlsxBytes(view->ledger.title, sheet);
    if (!bytes.ok()) return state->StoreErrorPage(bytes.status());
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.body = std::move(*bytes);
  }
  const std::string file =
      "ducha-" + std::to_string(*id) + "-" + std::string(sheet_name) + "." + std::string(format);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return response;
}

// What the history says an entry did, in Chinese.
std::string ActionLabel(const std::string& action) {
  static const std::map<std::string, std::string> kLabels = {
      {"create_ledger", "创建台账"},  {"create_task", "由报告生成任务"}, {"add_task", "新增任务"},
      {"change_task", "修改任务"},    {"progress", "填报进展"},          {"notice", "下发督办单"},
      {"notice_reply", "回复督办单"}, {"milestone", "设定节点目标"}};
  const auto found = kLabels.find(action);
  return found != kLabels.end() ? found->second : action;
}

// The part of a history entry worth a line: the note of a change with the
// status it led to, the share or value of a progress report, a notice's
// reason, a reply.
std::string ActionDetail(const store::LedgerAuditEntry& entry) {
  const nlohmann::json after = nlohmann::json::parse(entry.after, nullptr, false);
  if (!after.is_object()) return "";
  const auto text = [&](const char* key) {
    return after.contains(key) && after[key].is_string() ? after[key].get<std::string>() : "";
  };
  if (entry.action == "change_task") {
    const nlohmann::json before = nlohmann::json::parse(entry.before, nullptr, false);
    const auto changed = [&](const char* key) {
      return !text(key).empty() &&
             (!before.is_object() || !before.contains(key) || before[key] != after[key]);
    };
    std::vector<std::string> parts;
    if (const std::optional<ducha::TaskStatus> s = ducha::ParseTaskStatus(text("status"));
        s && changed("status")) {
      parts.push_back("改为" + std::string(ducha::TaskStatusLabel(*s)));
    }
    if (changed("lead_unit")) parts.push_back("牵头单位" + text("lead_unit"));
    if (changed("co_units")) parts.push_back("配合单位" + text("co_units"));
    if (changed("leader")) parts.push_back("责任领导" + text("leader"));
    if (const std::optional<ducha::CheckMethod> check = ducha::ParseCheckMethod(text("check"))) {
      parts.push_back("核验方式：" + std::string(ducha::CheckMethodLabel(*check)));
    }
    if (!text("note").empty()) parts.push_back(text("note"));
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : "，") + part;
    return out;
  }
  if (entry.action == "progress") {
    std::string out = "截至" + text("date");
    if (after.contains("share")) out += "，完成" + OneDecimal(after["share"].get<double>()) + "%";
    if (after.contains("value"))
      out += "，完成值" + quantity::FormatNumber(after["value"].get<double>());
    return out;
  }
  if (entry.action == "notice") return text("reason");
  if (entry.action == "milestone") {
    std::string out = text("date") + "前";
    if (after.contains("value"))
      out += "完成" + quantity::FormatNumber(after["value"].get<double>());
    if (after.contains("share")) out += "完成" + OneDecimal(after["share"].get<double>()) + "%";
    if (!text("step").empty()) out += "，" + text("step");
    return out;
  }
  if (entry.action == "notice_reply") return text("reply");
  return "";
}

ducha::Date DaysAfter(const ducha::Date& date, int count) {
  using namespace std::chrono;
  const sys_days later = sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                                  day{static_cast<unsigned>(date.day)}} +
                         std::chrono::days{count};
  const year_month_day ymd{later};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The form that moves a task on, as the account's part allows: the lead
// unit asks to close an open task; the office closes (销号) or returns a
// task asked to be closed, and withdraws any task not yet closed.
void AddStatusForm(const ducha::Account& account, const ducha::Task& task,
                   ctemplate::TemplateDictionary* dict) {
  using ducha::TaskStatus;
  struct Choice {
    TaskStatus to;
    const char* label;
    bool danger;
  };
  std::vector<Choice> choices;
  const char* heading = "办理";
  const char* note = "说明";
  if (task.status == TaskStatus::kOpen && account.role == ducha::Role::kUnit) {
    choices = {{TaskStatus::kCompletionRequested, "申请办结", false}};
    heading = "申请办结";
    note = "完成情况（办结依据）";
  } else if (task.status == TaskStatus::kOpen && ducha::CanManage(account)) {
    choices = {{TaskStatus::kCompletionRequested, "代为申请办结", false},
               {TaskStatus::kWithdrawn, "撤销任务", true}};
    note = "办结依据，或撤销原因（如“并入第N项”）";
  } else if (task.status == TaskStatus::kCompletionRequested && ducha::CanManage(account)) {
    choices = {{TaskStatus::kClosed, "核验通过，销号", false},
               {TaskStatus::kOpen, "退回继续办理", false},
               {TaskStatus::kWithdrawn, "撤销任务", true}};
    heading = "核验销号";
    note = "核验情况或退回原因";
  }
  if (choices.empty()) return;
  ctemplate::TemplateDictionary* form = dict->AddSectionDictionary("STATUS_FORM");
  if (task.status == TaskStatus::kCompletionRequested) {
    ctemplate::TemplateDictionary* check = form->AddSectionDictionary("CHECK");
    for (ducha::CheckMethod m : {ducha::CheckMethod::kDocuments, ducha::CheckMethod::kSiteVisit,
                                 ducha::CheckMethod::kData}) {
      ctemplate::TemplateDictionary* method = check->AddSectionDictionary("METHOD");
      method->SetValue("KEY", std::string(ducha::CheckMethodName(m)));
      method->SetValue("LABEL", std::string(ducha::CheckMethodLabel(m)));
    }
  }
  form->SetValue("HEADING", heading);
  form->SetValue("NOTE_LABEL", note);
  for (const Choice& c : choices) {
    ctemplate::TemplateDictionary* choice = form->AddSectionDictionary("CHOICE");
    choice->SetValue("KEY", std::string(ducha::TaskStatusName(c.to)));
    choice->SetValue("LABEL", c.label);
    if (c.danger) choice->ShowSection("DANGER");
  }
}

void AddTaskFacts(const ducha::Task& t, ctemplate::TemplateDictionary* dict) {
  dict->SetValue("NUMBER", t.number);
  dict->SetValue("TEXT", t.text);
  dict->SetValue("STATUS", std::string(ducha::TaskStatusLabel(t.status)));
  dict->SetValue("DEADLINE", t.deadline.empty() ? "年底前" : t.deadline);
  dict->SetValue("DUE", ChineseDate(ducha::DateText(t.due)));
  dict->SetValue("LEAD", t.lead_unit.empty() ? "未分配" : t.lead_unit);
  dict->SetValue("CO", t.co_units.empty() ? "无" : t.co_units);
  dict->SetValue("LEADER", t.leader.empty() ? "未指定" : t.leader);
  const auto optional = [&](const char* section, const std::string& text) {
    if (!text.empty()) dict->AddSectionDictionary(section)->SetValue("TEXT", text);
  };
  optional("INDICATOR", t.indicator);
  if (t.target_value) optional("TARGET", TargetText(t));
  optional("TOPIC", t.topic);
  optional("SECTION", t.section);
}

void AddProgressList(const std::vector<ducha::Progress>& all, ctemplate::TemplateDictionary* dict) {
  if (all.empty()) {
    dict->ShowSection("NO_PROGRESS");
    return;
  }
  ctemplate::TemplateDictionary* list = dict->AddSectionDictionary("HAS_PROGRESS");
  for (auto p = all.rbegin(); p != all.rend(); ++p) {
    ctemplate::TemplateDictionary* r = list->AddSectionDictionary("PROGRESS");
    r->SetValue("DATE", ducha::DateText(p->date));
    r->SetValue("VALUE", p->value ? quantity::FormatNumber(*p->value) : "");
    r->SetValue("SHARE", p->share ? OneDecimal(*p->share) + "%" : "");
    r->SetValue("DONE", p->done);
    r->SetValue("PROBLEMS", p->problems);
    r->SetValue("NEXT", p->next_steps);
    r->SetValue("AUTHOR", p->author);
  }
}

// The task's milestones: HAS_MILESTONE with a MILESTONE each (DATE, PLAN,
// STEP, BY), or NO_MILESTONE.
void AddMilestones(const std::vector<ducha::Milestone>& milestones, const ducha::Task& task,
                   ctemplate::TemplateDictionary* dict) {
  if (milestones.empty()) {
    dict->ShowSection("NO_MILESTONE");
    return;
  }
  ctemplate::TemplateDictionary* table = dict->AddSectionDictionary("HAS_MILESTONE");
  for (const ducha::Milestone& m : milestones) {
    ctemplate::TemplateDictionary* row = table->AddSectionDictionary("MILESTONE");
    row->SetValue("DATE", ducha::DateText(m.date));
    std::string plan;
    if (m.value) plan = quantity::FormatNumber(*m.value) + task.unit;
    if (m.share) plan += (plan.empty() ? "" : "，") + OneDecimal(*m.share) + "%";
    row->SetValue("PLAN", plan.empty() ? "—" : plan);
    row->SetValue("STEP", m.step);
    row->SetValue("BY", m.created_by);
  }
}

// The task's notices with their replies; a notice past its reply date
// without a reply says so (OVERDUE).
Status AddNotices(store::Store& store, const ducha::Account& account, const ducha::Task& task,
                  const std::string& csrf, const ducha::Date& today,
                  ctemplate::TemplateDictionary* dict) {
  Result<std::vector<ducha::Notice>> notices = store.TaskNotices(task.id);
  if (!notices.ok()) return notices.status();
  for (const ducha::Notice& n : *notices) {
    ctemplate::TemplateDictionary* card = dict->AddSectionDictionary("NOTICE");
    card->SetIntValue("ID", static_cast<long>(n.id));
    card->SetValue("REASON", n.reason);
    card->SetValue("ISSUED_BY", n.issued_by);
    card->SetValue("ISSUED_AT", CommentTime(n.issued_at));
    if (NoticeOverdue(n, task.status, today)) card->ShowSection("OVERDUE");
    card->SetValue("REPLY_BY", ChineseDate(ducha::DateText(n.reply_by)));
    if (!n.reply.empty()) {
      ctemplate::TemplateDictionary* reply = card->AddSectionDictionary("REPLY");
      reply->SetValue("TEXT", n.reply);
      reply->SetValue("BY", n.replied_by);
      reply->SetValue("AT", CommentTime(n.replied_at));
    }
    if (StillWorkedOn(task.status) && ducha::CanAnswer(account, task)) {
      card->AddSectionDictionary("REPLY_FORM")->SetValue("CSRF", csrf);
    }
  }
  if (notices->empty()) dict->ShowSection("NO_NOTICE");
  return Status::Ok();
}

Status AddHistory(store::Store& store, int64_t task_id, ctemplate::TemplateDictionary* dict) {
  Result<std::vector<store::LedgerAuditEntry>> log = store.TaskAudit(task_id);
  if (!log.ok()) return log.status();
  for (const store::LedgerAuditEntry& e : *log) {
    ctemplate::TemplateDictionary* event = dict->AddSectionDictionary("EVENT");
    event->SetValue("AT", CommentTime(e.at));
    event->SetValue("ACTOR", e.actor);
    event->SetValue("ACTION", ActionLabel(e.action));
    const std::string detail = ActionDetail(e);
    if (!detail.empty()) event->AddSectionDictionary("DETAIL")->SetValue("TEXT", detail);
  }
  return Status::Ok();
}

// The office's forms on a task still worked on: assignment, a notice (its
// reason drafted from the pace) and a split.
Status AddManageForms(store::Store& store, const ducha::Account& account, const ducha::Task& task,
                      const ducha::Pace& pace, const ducha::Date& today,
                      ctemplate::TemplateDictionary* dict) {
  ctemplate::TemplateDictionary* manage = dict->AddSectionDictionary("MANAGE");
  Result<std::vector<std::string>> units = store.ListUnits(account.region_code);
  if (!units.ok()) return units.status();
  for (const std::string& u : *units)
    manage->AddSectionDictionary("UNIT_NAME")->SetValue("NAME", u);
  manage->SetValue("LEAD", task.lead_unit);
  manage->SetValue("CO", task.co_units);
  manage->SetValue("LEADER", task.leader);
  ctemplate::TemplateDictionary* open = manage->AddSectionDictionary("OPEN");
  open->SetValue("REASON", ducha::NoticeReason(task, pace, today));
  open->SetValue("REPLY_BY", ducha::DateText(DaysAfter(today, 7)));
  return Status::Ok();
}

}  // namespace

HttpResponse TaskPage(PortalState* state, store::Store& store, const HttpRequest& request,
                      const ducha::Account& account, int64_t id, const FormOutcome& outcome) {
  Result<TaskView> view = OpenTask(store, account, id);
  if (!view.ok()) return state->StoreErrorPage(view.status());
  Result<TaskRecords> records = ReadTaskRecords(store, view->task);
  if (!records.ok()) return state->StoreErrorPage(records.status());
  const ducha::Task& task = view->task;
  const ducha::Date today = state->DuchaToday();
  const std::optional<ducha::Progress>& latest = records->row.latest;
  const ducha::Pace pace = ducha::PaceOf(records->row, view->ledger.year, today);
  const Visitor visitor = state->VisitorOf(request);
  const std::string csrf = state->csrf.Token(visitor.id);
  Page page = state->NewVisitorPage("第" + task.number + "项 · " + view->ledger.title, visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  AddTaskFacts(task, dict);
  if (task.parent_id != 0) {
    Result<ducha::Task> parent = store.GetTask(task.parent_id);
    if (!parent.ok()) return state->StoreErrorPage(parent.status());
    ctemplate::TemplateDictionary* from = dict->AddSectionDictionary("PARENT");
    from->SetValue("URL", TaskUrl(parent->id));
    from->SetValue("NUMBER", parent->number);
  }
  dict->SetValue("LEDGER_URL", LedgerUrl(task.ledger_id));
  dict->SetValue("LEDGER_TITLE", view->ledger.title);
  dict->SetValue("TASK_URL", TaskUrl(id));
  dict->SetValue("CSRF", csrf);
  dict->SetIntValue("VERSION", static_cast<long>(task.version));
  std::string pace_text = PaceText(task, pace);
  if (pace.light != ducha::Light::kNone) {
    pace_text += latest ? "，完成" + OneDecimal(pace.done) + "%" : "，尚未填报进展";
    pace_text += pace.planned ? "，按节点目标应完成" + OneDecimal(pace.expected) + "%"
                              : "，时间过去" + OneDecimal(pace.elapsed) + "%";
  }
  dict->SetValue("PACE", pace_text);
  if (pace.light != ducha::Light::kNone) {
    ctemplate::TemplateDictionary* light = dict->AddSectionDictionary("LIGHT");
    light->SetValue("KEY", std::string(ducha::LightName(pace.light)));
    light->SetValue("LABEL", std::string(ducha::LightLabel(pace.light)));
  }
  if (!task.finding_key.empty()) {
    Result<store::StoredDocument> doc = store.GetDocument(view->ledger.document_id);
    if (doc.ok()) dict->AddSectionDictionary("SOURCE")->SetValue("URL", ReportUrl(doc->summary));
  }
  if (!outcome.error.empty())
    dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", outcome.error);
  if (!outcome.flash.empty())
    dict->AddSectionDictionary("FLASH")->SetValue("MESSAGE", outcome.flash);
  if (ducha::CanReport(account, task) && StillWorkedOn(task.status)) {
    ctemplate::TemplateDictionary* report = dict->AddSectionDictionary("REPORT");
    report->SetValue("TODAY",
                     ducha::DateText(std::min(today, ducha::Date{view->ledger.year, 12, 31})));
    if (!task.unit.empty()) report->AddSectionDictionary("UNIT")->SetValue("TEXT", task.unit);
  }
  AddProgressList(records->progress, dict);
  AddMilestones(records->row.milestones, task, dict);
  if (ducha::CanManage(account) && StillWorkedOn(task.status)) {
    ctemplate::TemplateDictionary* form = dict->AddSectionDictionary("MILESTONE_FORM");
    if (!task.unit.empty()) form->AddSectionDictionary("UNIT")->SetValue("TEXT", task.unit);
  }
  Status filled = AddNotices(store, account, task, csrf, today, dict);
  if (filled.ok()) AddStatusForm(account, task, dict);
  if (filled.ok() && ducha::CanManage(account) && StillWorkedOn(task.status)) {
    filled = AddManageForms(store, account, task, pace, today, dict);
  }
  if (filled.ok()) filled = AddHistory(store, id, dict);
  if (!filled.ok()) return state->StoreErrorPage(filled);
  HttpResponse response = PrivatePage(state->RenderPage("ducha_task.tpl", page, outcome.status));
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse AdminPage(PortalState* state, store::Store& store, const HttpRequest& request,
                       const ducha::Account& account, const FormOutcome& outcome) {
  if (!ducha::CanManage(account)) {
    return state->ErrorPage(403, "只有本级政府督查室管理员可以管理单位、账号和公开设置。",
                            "/ducha/");
  }
  Result<std::vector<std::string>> units = store.ListUnits(account.region_code);
  if (!units.ok()) return state->StoreErrorPage(units.status());
  Result<std::vector<ducha::Account>> accounts = store.ListAccounts(account.region_code);
  if (!accounts.ok()) return state->StoreErrorPage(accounts.status());
  Result<std::vector<std::string>> shown = store.PublicViews();
  if (!shown.ok()) return state->StoreErrorPage(shown.status());
  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage("单位、账号与公开设置", visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  dict->SetValue("PLACE", GovernmentName(account.region_code));
  dict->SetValue("CSRF", state->csrf.Token(visitor.id));
  if (!outcome.error.empty())
    dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", outcome.error);
  if (!outcome.flash.empty())
    dict->AddSectionDictionary("FLASH")->SetValue("MESSAGE", outcome.flash);
  if (units->empty()) dict->ShowSection("NO_UNIT");
  for (const std::string& u : *units) dict->AddSectionDictionary("UNIT")->SetValue("NAME", u);
  const std::string csrf = state->csrf.Token(visitor.id);
  for (const ducha::Account& a : *accounts) {
    Result<store::AccountRecord> record = store.GetAccount(a.name);
    if (!record.ok()) return state->StoreErrorPage(record.status());
    ctemplate::TemplateDictionary* row = dict->AddSectionDictionary("ACCOUNT");
    row->SetValue("NAME", a.name);
    row->SetValue("ROLE", std::string(ducha::RoleLabel(a.role)));
    row->SetValue("UNIT", a.unit);
    row->SetValue("STATE", record->disabled() ? "已停用" : "正常");
    if (!record->disabled() && a.name != account.name) {
      row->AddSectionDictionary("DISABLE")->SetValue("CSRF", csrf);
    }
  }
  for (ducha::Role role : {ducha::Role::kUnit, ducha::Role::kViewer, ducha::Role::kAdmin}) {
    AddOptions(dict, "ROLE_OPTION", std::string(ducha::RoleName(role)),
               std::string(ducha::RoleLabel(role)), false);
  }
  const bool is_shown = std::binary_search(shown->begin(), shown->end(), account.region_code);
  dict->ShowSection(is_shown ? "SHOWN" : "HIDDEN");
  HttpResponse response = PrivatePage(state->RenderPage("ducha_admin.tpl", page, outcome.status));
  state->SetVisitorCookie(visitor, &response);
  return response;
}

namespace {

// A ledger as its government shows it to everyone: tasks, lead units,
// shares done and lights, without leaders, notes, notices or history.
HttpResponse PublicPage(PortalState* state, store::Store& store, const HttpRequest& request,
                        const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有这个公开台账。", "/ducha/");
  Result<int> page_number = PageFromQuery(request, kMaxPage);
  if (!page_number.ok()) return state->ErrorPage(400, "页码无效。");
  Result<LedgerView> opened = OpenPublicLedger(store, *id);
  if (opened.status().code() == StatusCode::kNotFound) {
    return state->ErrorPage(404, opened.status().message(), "/ducha/");
  }
  if (!opened.ok()) return state->StoreErrorPage(opened.status());
  const LedgerView& view = *opened;
  const ducha::Date today = state->DuchaToday();
  const std::vector<PacedRow> paced = Paced(view, today);
  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage(view.ledger.title, visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  dict->SetValue("TITLE", view.ledger.title);
  dict->SetValue("PLACE", GovernmentName(view.ledger.region_code));
  dict->SetIntValue("YEAR", view.ledger.year);
  dict->SetIntValue("SHOWN", static_cast<long>(paced.size()));
  dict->SetValue("TODAY", ChineseDate(ducha::DateText(today)));
  AddLightCounts(paced, dict);
  const size_t begin = static_cast<size_t>(*page_number - 1) * kRowsPerPage;
  for (size_t i = begin; i < std::min(paced.size(), begin + kRowsPerPage); ++i) {
    AddRow(*paced[i].row, paced[i].pace, dict);
  }
  const int pages = static_cast<int>((paced.size() + kRowsPerPage - 1) / kRowsPerPage);
  AddPager(dict, *page_number, pages, [&](int n) {
    return "/ducha/gongkai/" + std::to_string(*id) + "?page=" + std::to_string(n);
  });
  HttpResponse response = state->RenderPage("ducha_public.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddDuchaPageRoutes(PortalState* state) {
  const auto on_error = [state](const Status& status) { return state->StoreErrorPage(status); };
  const auto on_guest = [] { return RedirectResponse("/ducha/denglu"); };
  state->router.Add("GET", "/ducha/taizhang/{id}",
                    ForAccount(
                        state,
                        [state](store::Store& store, const ducha::Account& account,
                                const HttpRequest& request, const RouteParams& params) {
                          return LedgerPage(state, store, account, request, params);
                        },
                        on_error, on_guest));
  state->router.Add(
      "GET", "/ducha/taizhang/{id}/dayin",
      ForAccount(
          state,
          [state](store::Store& store, const ducha::Account& account, const HttpRequest&,
                  const RouteParams& params) { return PrintPage(state, store, account, params); },
          on_error, on_guest));
  state->router.Add("GET", "/ducha/taizhang/{id}/xiazai",
                    ForAccount(
                        state,
                        [state](store::Store& store, const ducha::Account& account,
                                const HttpRequest& request, const RouteParams& params) {
                          return Download(state, store, account, request, params);
                        },
                        on_error, on_guest));
  state->router.Add("GET", "/ducha/renwu/{id}",
                    ForAccount(
                        state,
                        [state](store::Store& store, const ducha::Account& account,
                                const HttpRequest& request, const RouteParams& params) {
                          Result<int64_t> id = DocumentIdParam(params);
                          if (!id.ok()) return state->ErrorPage(404, "没有这项任务。", "/ducha/");
                          return TaskPage(state, store, request, account, *id, {});
                        },
                        on_error, on_guest));
  state->router.Add(
      "GET", "/ducha/guanli",
      ForAccount(
          state,
          [state](store::Store& store, const ducha::Account& account, const HttpRequest& request,
                  const RouteParams&) { return AdminPage(state, store, request, account, {}); },
          on_error, on_guest));
  state->router.Add(
      "GET", "/ducha/gongkai/{id}",
      WithStore(
          state,
          [state](store::Store& store, const HttpRequest& request, const RouteParams& params) {
            return PublicPage(state, store, request, params);
          },
          on_error));
}

void AddDuchaRoutes(PortalState* state) {
  AddDuchaSignInRoutes(state);
  AddDuchaPageRoutes(state);
  AddDuchaFormRoutes(state);
}

}  // namespace mubiao::web
