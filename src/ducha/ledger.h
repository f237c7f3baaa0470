// Supervision (督查督办): a report's targets and commitments as a ledger of
// tasks (任务台账) that units are assigned, report progress on and close.
// This header is the domain: tasks made from a report's findings, their due
// dates, and how far each is behind the time elapsed (序时进度) with its
// light (绿/黄/红). Storing ledgers is the store's (store/store.h); sheets
// for download are sheet.h's.
#ifndef MUBIAO_DUCHA_LEDGER_H_
#define MUBIAO_DUCHA_LEDGER_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/status.h"
#include "targets/target.h"

namespace mubiao::ducha {

// Where a task stands in the office's procedure.
enum class TaskStatus {
  kOpen,                 // 推进中: assigned, being worked on
  kCompletionRequested,  // 申请办结: the unit says it is done
  kClosed,               // 已销号: the office checked and closed it
  kWithdrawn,            // 已撤销: withdrawn with a reason (never deleted)
};
// "open", "completion_requested", "closed", "withdrawn".
std::string_view TaskStatusName(TaskStatus status);
// For readers: 推进中, 申请办结, 已销号, 已撤销.
std::string_view TaskStatusLabel(TaskStatus status);
// The status named by TaskStatusName; nullopt for any other text.
std::optional<TaskStatus> ParseTaskStatus(std::string_view name);

// How a task's progress compares with the time elapsed.
enum class Light {
  kNone,    // not judged: closed, withdrawn, or the year has not begun
  kGreen,   // on pace or ahead
  kYellow,  // behind by more than kYellowPoints
  kRed,     // behind by more than kRedPoints, or overdue and not done
};
// "none", "green", "yellow", "red".
std::string_view LightName(Light light);
// For readers: 绿灯, 黄灯, 红灯; "" for kNone.
std::string_view LightLabel(Light light);

// The stated thresholds of the lights, in percentage points of the target
// behind the share of time elapsed.
inline constexpr double kYellowPoints = 5;
inline constexpr double kRedPoints = 15;

// A calendar date (Beijing), as offices write it.
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};
// "2026-03-31".
std::string DateText(const Date& date);
// The date of "YYYY-MM-DD"; nullopt for anything else or an impossible day.
std::optional<Date> ParseDate(std::string_view text);
// The date in Beijing (UTC+8), the calendar offices keep, at `when`.
Date BeijingDate(std::chrono::system_clock::time_point when);

// When a task of plan year `year` is due, from its deadline as the report
// writes it: 一季度/3月底前 → 03-31, 上半年/6月底前/年中 → 06-30, 三季度/
// 9月底前 → 09-30, anything else (年底前, none) → 12-31 of the year. A
// deadline of a later year ("到2027年") is that year's 12-31.
Date DueDate(std::string_view deadline, int year);

// A value or share as a person types it ("3000", "62.5", "1,200": ASCII
// digits, a decimal point, a leading minus, thousands commas ignored);
// nullopt for anything else (words, exponents, a lone point).
std::optional<double> ParseTypedNumber(std::string_view text);

// One task of a ledger.
struct Task {
  int64_t id = 0;  // as stored; 0 before
  int64_t ledger_id = 0;
  int64_t parent_id = 0;  // the task this one was split from; 0 for none
  std::string number;     // 序号 in report order ("12"), a sub-task's "12.1"
  std::string text;       // what is to be done, as the report writes it
  std::string indicator;
  std::optional<double> target_value;  // absent for a commitment
  std::string unit;
  quantity::Comparator cmp = quantity::Comparator::kNone;
  std::string deadline;  // as written ("6月底前"), or ""
  Date due;              // DueDate of the deadline
  std::string topic;
  std::string section;      // outline path of the paragraph
  std::string finding_key;  // store::FindingKey of the finding it came from; "" when added
  std::string lead_unit;    // 牵头单位
  std::string co_units;     // 配合单位, separated by 、
  std::string leader;       // 责任领导
  TaskStatus status = TaskStatus::kOpen;
  int64_t version = 1;  // raised by every change: a save from a stale read is refused
};

// The task of one target or commitment of a report of plan year `year`.
Task TaskFromFinding(const targets::Finding& finding, std::string finding_key, int year);

// One progress report of a unit on a task.
struct Progress {
  int64_t id = 0;
  int64_t task_id = 0;
  Date date;                    // as of when
  std::optional<double> value;  // value reached, in the task's base unit
  std::optional<double> share;  // share of the target done, 0-100, as the unit states it
  std::string done;             // 完成情况
  std::string problems;         // 存在问题
  std::string next_steps;       // 下步打算
  std::string author;
  std::string created_at;  // ISO 8601 UTC, set by the store
};

// How the office checked a task before closing it (销号).
enum class CheckMethod {
  kDocuments,  // 材料审核: the unit's documents and records
  kSiteVisit,  // 实地核查: on the spot
  kData,       // 数据比对: against statistics or a system's data
};
// "documents", "site_visit", "data".
std::string_view CheckMethodName(CheckMethod method);
// For readers: 材料审核, 实地核查, 数据比对.
std::string_view CheckMethodLabel(CheckMethod method);
// The method named by CheckMethodName; nullopt for any other text.
std::optional<CheckMethod> ParseCheckMethod(std::string_view name);

// A change one person makes to one task: the fields to set (absent: kept)
// and the task's version as that person read it.
struct TaskChange {
  int64_t task_id = 0;
  int64_t version = 0;
  std::optional<std::string> lead_unit, co_units, leader;
  std::optional<TaskStatus> status;
  // Why: for 申请办结 what was done, for 销号 how the office checked it
  // (材料, 实地, 数据), for 撤销 the reason, for a return to 推进中 what is
  // missing. Required for every change of status.
  std::string note;
  // How the office checked it: required to close (销号), absent otherwise.
  std::optional<CheckMethod> check;
  std::string actor;
};

// `task` with `change` applied, as the office's procedure allows: 申请办结
// from 推进中; 销号 (with how it was checked) or a return to 推进中 from 申请办结; 撤销 from any
// status but 已销号; a closed or withdrawn task changes no more. Errors (kInvalidInput) say why in
// Chinese. The version is not checked here.
Result<Task> ApplyChange(const Task& task, const TaskChange& change);

// Which tasks a bulk assignment takes: those whose section contains
// `section`, whose topic is `topic` and whose text or indicator contains
// `keyword` (an empty field takes every task).
struct TaskRule {
  std::string section;
  std::string topic;
  std::string keyword;
};
bool Matches(const Task& task, const TaskRule& rule);

// A milestone (节点目标) the office sets on a task: what is to be reached by
// a date, as a value or a share of the target, or a step in words
// (形象进度). Milestones with a value or share replace the straight line of
// time in the task's pace; a later milestone of the same date supersedes
// an earlier one (both are kept).
struct Milestone {
  int64_t id = 0;  // set by the store
  int64_t task_id = 0;
  Date date;
  std::optional<double> value;  // to have reached by `date`, in the task's unit
  std::optional<double> share;  // or the share of the target, 0-100
  std::string step;             // what is to be done by then; may be ""
  std::string created_by;
  std::string created_at;  // ISO 8601 UTC, set by the store
};

// Whether `milestone` may be set on `task` of a ledger of plan year `year`:
// a task neither closed nor withdrawn, a date within the year and not after
// the task is due, a value (finite, not below zero, at most 100 times the
// target) or a share (0-100) or a step. Errors (kInvalidInput) say why in
// Chinese.
Status ValidateMilestone(const Task& task, const Milestone& milestone, int year);

// The one JSON shape of a milestone.
nlohmann::json MilestoneJson(const Milestone& milestone);

// One task with its latest progress and its milestones (by date, the
// superseded left out), as the ledger's views and sheets show it.
struct LedgerRow {
  Task task;
  std::optional<Progress> latest;
  std::vector<Milestone> milestones;
};

// Whether `progress` may be filed on `task` of a ledger of plan year
// `year`: the task neither closed nor withdrawn, its date within the year, its share 0-100, its
// value a finite number not below zero and at most 100 times the target (a slip of the scale word,
// 万 for 亿, is refused rather than recorded). Errors (kInvalidInput) say why in Chinese.
Status ValidateProgress(const Task& task, const Progress& progress, int year);

// The one JSON shape of a task and of a progress report (the audit log's
// before and after, the API): names for closed vocabularies, absent fields
// left out, dates as "YYYY-MM-DD".
nlohmann::json TaskJson(const Task& task);
nlohmann::json ProgressJson(const Progress& progress);

// The share of `task` done by `progress`, 0-100: the unit's stated share,
// else the value reached over the target for a target counted upwards
// (>=, ~, =, range), capped at 100; nullopt when neither says.
std::optional<double> ShareDone(const Task& task, const Progress& progress);

// How far a task is behind its time (序时进度).
struct Pace {
  double elapsed = 0;    // share of the task's time elapsed on `today`, 0-100
  double expected = 0;   // share to be done by `today`: the time elapsed, or the milestones' plan
  bool planned = false;  // `expected` comes from milestones with a value or share
  double done = 0;       // share done by the latest progress, 0-100 (0 without one)
  double behind = 0;     // expected - done, in points (negative: ahead)
  Light light = Light::kNone;
};

// The pace of a task on `today`, its time running from 1 January of `year`
// to its due date: the share expected by then (the time elapsed; with
// milestones of a value or share, the line through them, from 0 on
// 1 January to 100 on the due date) against the share its latest progress
// reports.
Pace PaceOf(const LedgerRow& row, int year, const Date& today);

// The one JSON shape of a ledger's row on a day (the API, `mubiao ledger
// tasks`): TaskJson with "pace" (elapsed, expected, planned when true, done,
// behind, light), "latest" (ProgressJson) and "milestones" (MilestoneJson)
// when there are any.
nlohmann::json LedgerRowJson(const LedgerRow& row, int year, const Date& today);

// A supervision notice (督办单) the office issues on a task behind its time
// or overdue, and the unit's reply.
struct Notice {
  int64_t id = 0;  // set by the store
  int64_t task_id = 0;
  std::string reason;  // 督办事项: what is behind and what is asked
  Date reply_by;       // 反馈时限
  std::string issued_by;
  std::string issued_at;  // ISO 8601 UTC, set by the store
  // The unit's latest reply; "" until it replies.
  std::string reply;
  std::string replied_by;
  std::string replied_at;
};

// The reason of a notice on a task judged on a day: "序时进度落后24.6个百分点"
// or, overdue, "已逾期（截止2026-06-30），完成49.6%".
std::string NoticeReason(const Task& task, const Pace& pace, const Date& today);

// The one JSON shape of a notice.
nlohmann::json NoticeJson(const Notice& notice);

// How one lead unit's tasks stand on a day: the ranking offices publish
// (worst first), counting the tasks judged (neither closed nor withdrawn).
struct UnitStanding {
  std::string unit;  // 牵头单位; "" for tasks not assigned yet
  int tasks = 0;     // judged tasks
  int green = 0, yellow = 0, red = 0;
  int closed = 0;  // 已销号, not judged
  // Share of the judged tasks on pace (green), 0-100; 100 when none is judged.
  double on_pace = 100;
};

// The standing of every lead unit of `rows` on `today` (ledger of plan year
// `year`), worst first: by share on pace, then most red, then name.
std::vector<UnitStanding> RankUnits(const std::vector<LedgerRow>& rows, int year,
                                    const Date& today);

}  // namespace mubiao::ducha

#endif  // MUBIAO_DUCHA_LEDGER_H_
