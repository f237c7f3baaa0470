#include "ducha/ledger.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "base/enum_names.h"
#include "quantity/format.h"
#include "text/ascii.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace mubiao::ducha {
namespace {

constexpr EnumName<TaskStatus> kStatusNames[] = {
    {TaskStatus::kOpen, "open"},
    {TaskStatus::kCompletionRequested, "completion_requested"},
    {TaskStatus::kClosed, "closed"},
    {TaskStatus::kWithdrawn, "withdrawn"}};
constexpr EnumName<TaskStatus> kStatusLabels[] = {{TaskStatus::kOpen, "推进中"},
                                                  {TaskStatus::kCompletionRequested, "申请办结"},
                                                  {TaskStatus::kClosed, "已销号"},
                                                  {TaskStatus::kWithdrawn, "已撤销"}};
constexpr EnumName<CheckMethod> kCheckNames[] = {{CheckMethod::kDocuments, "documents"},
                                                 {CheckMethod::kSiteVisit, "site_visit"},
                                                 {CheckMethod::kData, "data"}};
constexpr EnumName<CheckMethod> kCheckLabels[] = {{CheckMethod::kDocuments, "材料审核"},
                                                  {CheckMethod::kSiteVisit, "实地核查"},
                                                  {CheckMethod::kData, "数据比对"}};

constexpr EnumName<Light> kLightNames[] = {{Light::kNone, "none"},
                                           {Light::kGreen, "green"},
                                           {Light::kYellow, "yellow"},
                                           {Light::kRed, "red"}};
constexpr EnumName<Light> kLightLabels[] = {
    {Light::kNone, ""}, {Light::kGreen, "绿灯"}, {Light::kYellow, "黄灯"}, {Light::kRed, "红灯"}};

std::chrono::sys_days DaysOf(const Date& d) {
  return std::chrono::sys_days{std::chrono::year{d.year} / d.month / d.day};
}

Date LastDayOf(int year, int month) {
  const std::chrono::year_month_day_last last{std::chrono::year{year} / month / std::chrono::last};
  return {year, month, static_cast<int>(static_cast<unsigned>(last.day()))};
}

// The month a deadline ends with ("6月底前", "十月底", "三季度", "上半年"), 0
// when it names none.
int MonthOf(std::string_view deadline) {
  struct Phrase {
    std::string_view words;
    int month;
  };
  static constexpr Phrase kPhrases[] = {{"一季度", 3}, {"上半年", 6}, {"二季度", 6},
                                        {"年中", 6},   {"三季度", 9}, {"四季度", 12}};
  for (const Phrase& p : kPhrases) {
    if (deadline.find(p.words) != std::string_view::npos) return p.month;
  }
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  const size_t at = deadline.find("月");
  if (at == std::string_view::npos) return 0;
  // The digits or Chinese numerals right before 月.
  std::string_view before = deadline.substr(0, at);
  size_t begin = before.size();
  while (begin > 0 && text::IsAsciiDigit(static_cast<unsigned char>(before[begin - 1]))) --begin;
  if (begin < before.size()) {
    int month = 0;
    std::from_chars(before.data() + begin, before.data() + before.size(), month);
    return month >= 1 && month <= 12 ? month : 0;
  }
  // Months in Chinese numerals are a closed set: 一月 … 十二月, not preceded
  // by another numeral ("二十二月" is no month).
  static constexpr std::string_view kMonths[] = {"十二", "十一", "十", "九", "八", "七",
                                                 "六",   "五",   "四", "三", "二", "一"};
  for (size_t i = 0; i < std::size(kMonths); ++i) {
    if (!before.ends_with(kMonths[i])) continue;
    const std::string_view rest = before.substr(0, before.size() - kMonths[i].size());
    if (!rest.empty()) {
      size_t pos = text::LastCodePointStart(rest);
      if (kNumerals.find(text::DecodeUtf8(rest, &pos)) != std::u32string_view::npos) return 0;
    }
    return static_cast<int>(std::size(kMonths) - i);
  }
  return 0;
}

// A later year the deadline names ("到2027年", "2027年底前"), else 0.
int LaterYearOf(std::string_view deadline, int year) {
  int later = 0;
  text::ForEachFourDigitNumber(deadline, /*spaced=*/false, [&](int value, size_t, size_t) {
    if (value > year && value < year + 20 && later == 0) later = value;
  });
  return later;
}

}  // namespace

std::string_view TaskStatusName(TaskStatus status) { return NameIn(kStatusNames, status); }
std::string_view TaskStatusLabel(TaskStatus status) { return NameIn(kStatusLabels, status); }
std::optional<TaskStatus> ParseTaskStatus(std::string_view name) {
  return ValueIn(kStatusNames, name);
}
std::string_view LightName(Light light) { return NameIn(kLightNames, light); }
std::string_view CheckMethodName(CheckMethod method) { return NameIn(kCheckNames, method); }
std::string_view CheckMethodLabel(CheckMethod method) { return NameIn(kCheckLabels, method); }
std::optional<CheckMethod> ParseCheckMethod(std::string_view name) {
  return ValueIn(kCheckNames, name);
}
std::string_view LightLabel(Light light) { return NameIn(kLightLabels, light); }

std::string DateText(const Date& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

std::optional<double> ParseTypedNumber(std::string_view text) {
  std::string digits;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',') continue;
    const bool allowed = (c >= '0' && c <= '9') || c == '.' || (c == '-' && i == 0);
    if (!allowed) return std::nullopt;  // no exponents, signs inside, or words
    digits += c;
  }
  double number = 0;
  const char* end = digits.data() + digits.size();
  const auto [stop, error] = std::from_chars(digits.data(), end, number);
  if (digits.empty() || error != std::errc() || stop != end || !std::isfinite(number)) {
    return std::nullopt;
  }
  return number;
}

Date BeijingDate(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  const year_month_day d{floor<days>(when + hours(8))};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d;
  const auto field = [&](size_t at, size_t len, int* out) {
    const char* end = text.data() + at + len;
    const auto [ptr, ec] = std::from_chars(text.data() + at, end, *out);
    return ec == std::errc() && ptr == end;
  };
  if (!field(0, 4, &d.year) || !field(5, 2, &d.month) || !field(8, 2, &d.day)) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{d.year} / d.month / d.day};
  if (!ymd.ok() || d.year < 1900) return std::nullopt;
  return d;
}

Date DueDate(std::string_view deadline, int year) {
  if (const int later = LaterYearOf(deadline, year); later > 0) return {later, 12, 31};
  const int month = MonthOf(deadline);
  return LastDayOf(year, month > 0 ? month : 12);
}

Task TaskFromFinding(const targets::Finding& finding, std::string finding_key, int year) {
  Task task;
  task.text = finding.text;
  task.indicator = finding.indicator;
  task.target_value = finding.value;
  task.unit = finding.unit;
  task.cmp = finding.cmp;
  task.deadline = finding.deadline;
  task.due = DueDate(finding.deadline, year);
  task.topic = finding.topic;
  task.section = finding.section;
  task.finding_key = std::move(finding_key);
  return task;
}

Result<Task> ApplyChange(const Task& task, const TaskChange& change) {
  if (task.status == TaskStatus::kClosed || task.status == TaskStatus::kWithdrawn) {
    return InvalidInput(task.status == TaskStatus::kClosed ? "任务已销号，不能再修改"
                                                           : "任务已撤销，不能再修改");
  }
  Task changed = task;
  if (change.lead_unit) changed.lead_unit = *change.lead_unit;
  if (change.co_units) changed.co_units = *change.co_units;
  if (change.leader) changed.leader = *change.leader;
  if (change.status && *change.status != task.status) {
    using enum TaskStatus;
    const TaskStatus to = *change.status;
    const bool allowed = (task.status == kOpen && to == kCompletionRequested) ||
                         (task.status == kCompletionRequested && (to == kClosed || to == kOpen)) ||
                         to == kWithdrawn;
    if (!allowed) {
      return InvalidInput("任务状态不能从“" + std::string(TaskStatusLabel(task.status)) + "”改为“" +
                          std::string(TaskStatusLabel(to)) + "”");
    }
    if (change.note.empty()) {
      return InvalidInput(to == kClosed      ? "销号须写明核验情况"
                          : to == kWithdrawn ? "撤销须写明理由"
                                             : "请写明完成情况或退回理由");
    }
    if ((to == kClosed) != change.check.has_value()) {
      return InvalidInput(to == kClosed ? "销号须选择核验方式（材料审核、实地核查或数据比对）"
                                        : "只有销号需要核验方式");
    }
    changed.status = to;
  }
  return changed;
}

bool Matches(const Task& task, const TaskRule& rule) {
  const auto contains = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };
  return contains(task.section, rule.section) && (rule.topic.empty() || task.topic == rule.topic) &&
         (contains(task.text, rule.keyword) || contains(task.indicator, rule.keyword));
}

namespace {

// The share of `task` a value reaches: for a target counted upwards (>=,
// ~, =, range) with a positive target; nullopt otherwise (a ceiling such
// as 失业率控制在5.5%以内 is no amount to be reached).
std::optional<double> ShareOfTarget(const Task& task, const std::optional<double>& value) {
  const bool upwards =
      task.cmp == quantity::Comparator::kAtLeast || task.cmp == quantity::Comparator::kAbout ||
      task.cmp == quantity::Comparator::kEqual || task.cmp == quantity::Comparator::kRange;
  if (!value || !task.target_value || *task.target_value <= 0 || !upwards) return std::nullopt;
  return std::clamp(*value / *task.target_value * 100, 0.0, 100.0);
}

}  // namespace

std::optional<double> ShareDone(const Task& task, const Progress& progress) {
  if (progress.share) return std::clamp(*progress.share, 0.0, 100.0);
  return ShareOfTarget(task, progress.value);
}

namespace {

// The share of `task` a milestone expects: its share, else its value over
// the target as ShareDone reads a value; nullopt for a step in words.
std::optional<double> PlannedShare(const Task& task, const Milestone& m) {
  if (m.share) return std::clamp(*m.share, 0.0, 100.0);
  return ShareOfTarget(task, m.value);
}

// The share expected after `day` days of `span` through the milestones'
// points (day, share), from (0, 0) to (span, 100).
double ExpectedShare(std::vector<std::pair<double, double>> points, double day, double span) {
  points.insert(points.begin(), {0.0, 0.0});
  points.emplace_back(span, 100.0);
  for (size_t i = 1; i < points.size(); ++i) {
    const auto [x0, y0] = points[i - 1];
    const auto [x1, y1] = points[i];
    if (day > x1) continue;
    if (x1 <= x0) return y1;
    return std::clamp(y0 + (y1 - y0) * (day - x0) / (x1 - x0), 0.0, 100.0);
  }
  return 100;
}

}  // namespace

Pace PaceOf(const LedgerRow& row, int year, const Date& today) {
  const Task& task = row.task;
  Pace pace;
  const std::chrono::sys_days start = DaysOf({year, 1, 1});
  const std::chrono::sys_days due = DaysOf(task.due);
  const std::chrono::sys_days now = DaysOf(today);
  if (task.status == TaskStatus::kClosed || task.status == TaskStatus::kWithdrawn || now < start) {
    return pace;
  }
  const double span = std::max<double>(1, (due - start).count() + 1);
  const double day = (now - start).count() + 1;
  pace.elapsed = std::clamp(day / span * 100, 0.0, 100.0);
  std::vector<std::pair<double, double>> points;
  for (const Milestone& m : row.milestones) {
    const std::optional<double> share = PlannedShare(task, m);
    const double at = (DaysOf(m.date) - start).count() + 1;
    if (share && at > 0 && at <= span) points.emplace_back(at, *share);
  }
  pace.planned = !points.empty();
  pace.expected = pace.planned ? ExpectedShare(std::move(points), day, span) : pace.elapsed;
  if (row.latest) pace.done = ShareDone(task, *row.latest).value_or(0);
  pace.behind = pace.expected - pace.done;
  const bool overdue = now > due && pace.done < 100;
  pace.light = overdue || pace.behind > kRedPoints ? Light::kRed
               : pace.behind > kYellowPoints       ? Light::kYellow
                                                   : Light::kGreen;
  return pace;
}

nlohmann::json LedgerRowJson(const LedgerRow& row, int year, const Date& today) {
  nlohmann::json j = TaskJson(row.task);
  const Pace pace = PaceOf(row, year, today);
  j["pace"] = {{"elapsed", pace.elapsed},
               {"expected", pace.expected},
               {"done", pace.done},
               {"behind", pace.behind},
               {"light", LightName(pace.light)}};
  if (pace.planned) j["pace"]["planned"] = true;
  if (row.latest) j["latest"] = ProgressJson(*row.latest);
  if (!row.milestones.empty()) {
    j["milestones"] = nlohmann::json::array();
    for (const Milestone& m : row.milestones) j["milestones"].push_back(MilestoneJson(m));
  }
  return j;
}

Status ValidateMilestone(const Task& task, const Milestone& m, int year) {
  if (task.status == TaskStatus::kClosed || task.status == TaskStatus::kWithdrawn) {
    return InvalidInput("任务" + std::string(TaskStatusLabel(task.status)) + "，不再设节点目标");
  }
  if (m.date.year != year || m.date > task.due) {
    return InvalidInput("节点日期须在台账年度（" + std::to_string(year) +
                        "年）内，且不晚于截止日期 " + DateText(task.due));
  }
  if (!m.value && !m.share && m.step.empty()) {
    return InvalidInput("节点目标须填写应完成的数值、比例或形象进度");
  }
  if (m.share && (!std::isfinite(*m.share) || *m.share < 0 || *m.share > 100)) {
    return InvalidInput("节点完成比例须在 0 到 100 之间");
  }
  if (m.value) {
    if (!std::isfinite(*m.value) || *m.value < 0) return InvalidInput("节点数值须为不小于 0 的数");
    if (task.target_value && *task.target_value > 0 && *m.value > 100 * *task.target_value) {
      return InvalidInput("节点数值超过目标值的 100 倍，请核对单位（万、亿）");
    }
  }
  return Status::Ok();
}

nlohmann::json MilestoneJson(const Milestone& m) {
  nlohmann::json j = {{"task_id", m.task_id}, {"date", DateText(m.date)}};
  if (m.id != 0) j["id"] = m.id;
  if (m.value) j["value"] = *m.value;
  if (m.share) j["share"] = *m.share;
  text::PutText(j, "step", m.step);
  text::PutText(j, "created_by", m.created_by);
  text::PutText(j, "created_at", m.created_at);
  return j;
}

Status ValidateProgress(const Task& task, const Progress& progress, int year) {
  if (task.status == TaskStatus::kClosed || task.status == TaskStatus::kWithdrawn) {
    return InvalidInput(task.status == TaskStatus::kClosed ? "任务已销号，不再填报进展"
                                                           : "任务已撤销，不再填报进展");
  }
  if (progress.date.year != year) {
    return InvalidInput("进展日期 " + DateText(progress.date) + " 不在台账年度（" +
                        std::to_string(year) + "年）内");
  }
  if (progress.share &&
      (!std::isfinite(*progress.share) || *progress.share < 0 || *progress.share > 100)) {
    return InvalidInput("完成比例须在 0 到 100 之间");
  }
  if (progress.value) {
    if (!std::isfinite(*progress.value) || *progress.value < 0) {
      return InvalidInput("完成值须为不小于 0 的数");
    }
    if (task.target_value && *task.target_value > 0 && *progress.value > 100 * *task.target_value) {
      return InvalidInput("完成值超过目标值的 100 倍，请核对单位（万、亿）");
    }
  }
  return Status::Ok();
}

nlohmann::json TaskJson(const Task& task) {
  nlohmann::json j = {{"number", task.number},
                      {"text", task.text},
                      {"due", DateText(task.due)},
                      {"status", TaskStatusName(task.status)},
                      {"version", task.version}};
  if (task.id != 0) j["id"] = task.id;
  if (task.parent_id != 0) j["parent_id"] = task.parent_id;
  text::PutText(j, "indicator", task.indicator);
  if (task.target_value) j["target_value"] = *task.target_value;
  text::PutText(j, "unit", task.unit);
  text::PutText(j, "cmp", quantity::ComparatorSymbol(task.cmp));
  text::PutText(j, "deadline", task.deadline);
  text::PutText(j, "topic", task.topic);
  text::PutText(j, "section", task.section);
  text::PutText(j, "finding_key", task.finding_key);
  text::PutText(j, "lead_unit", task.lead_unit);
  text::PutText(j, "co_units", task.co_units);
  text::PutText(j, "leader", task.leader);
  return j;
}

nlohmann::json ProgressJson(const Progress& progress) {
  nlohmann::json j = {{"task_id", progress.task_id}, {"date", DateText(progress.date)}};
  if (progress.id != 0) j["id"] = progress.id;
  if (progress.value) j["value"] = *progress.value;
  if (progress.share) j["share"] = *progress.share;
  text::PutText(j, "done", progress.done);
  text::PutText(j, "problems", progress.problems);
  text::PutText(j, "next_steps", progress.next_steps);
  text::PutText(j, "author", progress.author);
  text::PutText(j, "created_at", progress.created_at);
  return j;
}

std::string NoticeReason(const Task& task, const Pace& pace, const Date& today) {
  const auto one_decimal = [](double x) { return quantity::FormatNumber(std::round(x * 10) / 10); };
  if (today > task.due && pace.done < 100) {
    return "已逾期（截止" + DateText(task.due) + "），完成" + one_decimal(pace.done) + "%";
  }
  return "序时进度落后" + one_decimal(pace.behind) + "个百分点";
}

nlohmann::json NoticeJson(const Notice& notice) {
  nlohmann::json j = {{"task_id", notice.task_id},
                      {"reason", notice.reason},
                      {"reply_by", DateText(notice.reply_by)}};
  if (notice.id != 0) j["id"] = notice.id;
  text::PutText(j, "issued_by", notice.issued_by);
  text::PutText(j, "issued_at", notice.issued_at);
  text::PutText(j, "reply", notice.reply);
  text::PutText(j, "replied_by", notice.replied_by);
  text::PutText(j, "replied_at", notice.replied_at);
  return j;
}

std::vector<UnitStanding> RankUnits(const std::vector<LedgerRow>& rows, int year,
                                    const Date& today) {
  std::map<std::string, UnitStanding> by_unit;
  for (const LedgerRow& row : rows) {
    UnitStanding& u = by_unit[row.task.lead_unit];
    u.unit = row.task.lead_unit;
    if (row.task.status == TaskStatus::kClosed) ++u.closed;
    switch (PaceOf(row, year, today).light) {
      case Light::kGreen:
        ++u.green;
        break;
      case Light::kYellow:
        ++u.yellow;
        break;
      case Light::kRed:
        ++u.red;
        break;
      case Light::kNone:
        continue;
    }
    ++u.tasks;
  }
  std::vector<UnitStanding> ranked;
  for (auto& [unit, u] : by_unit) {
    if (u.tasks > 0) u.on_pace = 100.0 * u.green / u.tasks;
    ranked.push_back(std::move(u));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const UnitStanding& a, const UnitStanding& b) {
    if (a.on_pace != b.on_pace) return a.on_pace < b.on_pace;
    return a.red > b.red;
  });
  return ranked;
}

}  // namespace mubiao::ducha
