#include "ducha/ledger.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace mubiao::ducha {
namespace {

TEST(Ledger, DatesReadAndWriteAsOfficesWriteThem) {
  EXPECT_EQ(DateText({2026, 3, 5}), "2026-03-05");
  ASSERT_TRUE(ParseDate("2026-02-28"));
  EXPECT_EQ(*ParseDate("2026-02-28"), (Date{2026, 2, 28}));
  EXPECT_FALSE(ParseDate("2026-02-30"));
  EXPECT_FALSE(ParseDate("2026-2-3"));
  EXPECT_FALSE(ParseDate("二〇二六年"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(Ledger, DueDatesComeFromTheDeadlineAsWritten) {
  EXPECT_EQ(DueDate("", 2026), (Date{2026, 12, 31}));
  EXPECT_EQ(DueDate("年底前", 2026), (Date{2026, 12, 31}));
  EXPECT_EQ(DueDate("6月底前", 2026), (Date{2026, 6, 30}));
  EXPECT_EQ(DueDate("二月底前", 2028), (Date{2028, 2, 29}));
  EXPECT_EQ(DueDate("十月底", 2026), (Date{2026, 10, 31}));
  EXPECT_EQ(DueDate("十一月底前", 2026), (Date{2026, 11, 30}));
  EXPECT_EQ(DueDate("二十二十二月底前", 2026),
            (Date{2026, 12, 31}));  // no month (found by fuzzing)
  EXPECT_EQ(DueDate("99999999999月底", 2026), (Date{2026, 12, 31}));
  EXPECT_EQ(DueDate("上半年", 2026), (Date{2026, 6, 30}));
  EXPECT_EQ(DueDate("一季度", 2026), (Date{2026, 3, 31}));
  EXPECT_EQ(DueDate("到2028年", 2026), (Date{2028, 12, 31}));
  EXPECT_EQ(DueDate("“十五五”时期", 2026), (Date{2026, 12, 31}));
}

Task JobsTask() {
  Task t;
  t.indicator = "城镇新增就业";
  t.target_value = 6000;
  t.unit = "人";
  t.cmp = quantity::Comparator::kAtLeast;
  t.due = {2026, 12, 31};
  return t;
}

Progress Reached(Date date, double value) {
  Progress p;
  p.date = date;
  p.value = value;
  return p;
}

TEST(Ledger, ShareDoneIsTheUnitsShareElseTheValueOverTheTarget) {
  const Task jobs = JobsTask();
  EXPECT_DOUBLE_EQ(*ShareDone(jobs, Reached({2026, 6, 30}, 3000)), 50);
  EXPECT_DOUBLE_EQ(*ShareDone(jobs, Reached({2026, 6, 30}, 9000)), 100);  // capped
  Progress stated;
  stated.share = 40;
  EXPECT_DOUBLE_EQ(*ShareDone(jobs, stated), 40);
  Task cap = jobs;  // 失业率控制在5.5%以内: a value reached is no share of it
  cap.cmp = quantity::Comparator::kAtMost;
  EXPECT_FALSE(ShareDone(cap, Reached({2026, 6, 30}, 5)));
  Task commitment;  // no number
  EXPECT_FALSE(ShareDone(commitment, Reached({2026, 6, 30}, 5)));
}

// The pace of a task without milestones.
Pace PaceOn(const Task& task, const std::optional<Progress>& latest, int year, const Date& today) {
  return PaceOf(LedgerRow{task, latest, {}}, year, today);
}

Milestone PlannedBy(Date date, std::optional<double> value, std::optional<double> share = {}) {
  Milestone m;
  m.date = date;
  m.value = value;
  m.share = share;
  return m;
}

TEST(Ledger, TheLightTurnsYellowThenRedAsTimePassesWithoutProgress) {
  const Task jobs = JobsTask();
  const std::optional<Progress> march = Reached({2026, 3, 31}, 1500);  // 25%
  Pace pace = PaceOn(jobs, march, 2026, {2026, 3, 31});                // 90 of 365 days
  EXPECT_NEAR(pace.elapsed, 24.7, 0.1);
  EXPECT_EQ(pace.light, Light::kGreen);
  pace = PaceOn(jobs, march, 2026, {2026, 5, 10});  // 130 days: 35.6%, 10.6 behind
  EXPECT_EQ(pace.light, Light::kYellow);
  EXPECT_NEAR(pace.behind, 10.6, 0.1);
  pace = PaceOn(jobs, march, 2026, {2026, 6, 30});  // 49.6%: 24.6 behind
  EXPECT_EQ(pace.light, Light::kRed);
  pace = PaceOn(jobs, Reached({2026, 6, 30}, 3200), 2026, {2026, 6, 30});
  EXPECT_EQ(pace.light, Light::kGreen);
  EXPECT_LT(pace.behind, 0);  // ahead
}

TEST(Ledger, AnOverdueTaskNotDoneIsRedAndAClosedOneHasNoLight) {
  Task due_june = JobsTask();
  due_june.due = {2026, 6, 30};
  const std::optional<Progress> most = Reached({2026, 6, 30}, 5900);
  EXPECT_EQ(PaceOn(due_june, most, 2026, {2026, 6, 30}).light, Light::kGreen);
  EXPECT_EQ(PaceOn(due_june, most, 2026, {2026, 7, 1}).light, Light::kRed);
  due_june.status = TaskStatus::kClosed;
  EXPECT_EQ(PaceOn(due_june, most, 2026, {2026, 7, 1}).light, Light::kNone);
  EXPECT_EQ(PaceOn(JobsTask(), std::nullopt, 2026, {2025, 12, 1}).light, Light::kNone);
  EXPECT_EQ(PaceOn(JobsTask(), std::nullopt, 2026, {2026, 1, 1}).light, Light::kGreen);
}

TEST(Ledger, MilestonesReplaceTheStraightLineOfTime) {
  // 6000 jobs: 1000 by March, 4000 by June (the season of graduates).
  LedgerRow row{JobsTask(), Reached({2026, 6, 30}, 2500), {}};
  row.milestones = {PlannedBy({2026, 3, 31}, 1000), PlannedBy({2026, 6, 30}, 4000)};
  Pace pace = PaceOf(row, 2026, {2026, 6, 30});
  EXPECT_TRUE(pace.planned);
  EXPECT_NEAR(pace.expected, 66.7, 0.1);  // 4000 of 6000, where time alone says 49.6
  EXPECT_NEAR(pace.elapsed, 49.6, 0.1);
  EXPECT_NEAR(pace.behind, 66.7 - 41.7, 0.1);
  EXPECT_EQ(pace.light, Light::kRed);
  pace = PaceOf(row, 2026, {2026, 2, 14});  // halfway to the March milestone: 1000 × 45/90
  EXPECT_NEAR(pace.expected, 16.7 * 45 / 90, 0.2);
  pace = PaceOf(row, 2026, {2026, 9, 30});  // between June (66.7) and the year's end (100)
  EXPECT_NEAR(pace.expected, 66.7 + 33.3 * 92 / 184, 0.2);
  // A step in words sets no figure: the straight line stays.
  row.milestones = {PlannedBy({2026, 6, 30}, std::nullopt)};
  row.milestones[0].step = "完成招聘会10场";
  pace = PaceOf(row, 2026, {2026, 6, 30});
  EXPECT_FALSE(pace.planned);
  EXPECT_DOUBLE_EQ(pace.expected, pace.elapsed);
  // A share planned works for a task without a number.
  LedgerRow park{Task{}, std::nullopt, {PlannedBy({2026, 6, 30}, std::nullopt, 30)}};
  park.task.due = {2026, 12, 31};
  EXPECT_NEAR(PaceOf(park, 2026, {2026, 6, 30}).expected, 30, 0.01);
}

TEST(Ledger, AMilestoneIsCheckedWithAChineseReason) {
  Task jobs = JobsTask();
  EXPECT_TRUE(ValidateMilestone(jobs, PlannedBy({2026, 6, 30}, 3000), 2026).ok());
  EXPECT_FALSE(ValidateMilestone(jobs, PlannedBy({2025, 6, 30}, 3000), 2026).ok());
  EXPECT_FALSE(ValidateMilestone(jobs, PlannedBy({2026, 6, 30}, std::nullopt), 2026).ok());
  EXPECT_FALSE(ValidateMilestone(jobs, PlannedBy({2026, 6, 30}, std::nullopt, 120), 2026).ok());
  EXPECT_FALSE(ValidateMilestone(jobs, PlannedBy({2026, 6, 30}, 6000 * 101.0), 2026).ok());
  jobs.due = {2026, 6, 30};
  const Status late = ValidateMilestone(jobs, PlannedBy({2026, 7, 31}, 100), 2026);
  EXPECT_NE(late.message().find("不晚于截止日期"), std::string::npos) << late.message();
  jobs.status = TaskStatus::kClosed;
  EXPECT_FALSE(ValidateMilestone(jobs, PlannedBy({2026, 6, 30}, 100), 2026).ok());
}

TEST(Ledger, ATaskKeepsTheFindingItCameFrom) {
  targets::Finding f;
  f.text = "新增城镇就业6000人以上";
  f.indicator = "城镇就业";
  f.value = 6000;
  f.unit = "人";
  f.cmp = quantity::Comparator::kAtLeast;
  f.deadline = "6月底前";
  f.topic = "社会保障";
  f.section = "二、2026年工作安排";
  const Task t = TaskFromFinding(f, "abc:10-40", 2026);
  EXPECT_EQ(t.finding_key, "abc:10-40");
  EXPECT_EQ(t.due, (Date{2026, 6, 30}));
  EXPECT_EQ(t.text, f.text);
  EXPECT_EQ(*t.target_value, 6000);
  EXPECT_EQ(t.status, TaskStatus::kOpen);
  EXPECT_EQ(TaskStatusLabel(t.status), "推进中");
  EXPECT_EQ(ParseTaskStatus("closed"), TaskStatus::kClosed);
  EXPECT_FALSE(ParseTaskStatus("done"));
}

TEST(Ledger, ProgressOutsideTheYearOrBeyondBelievingIsRefusedInChinese) {
  const Task jobs = JobsTask();
  EXPECT_TRUE(ValidateProgress(jobs, Reached({2026, 6, 30}, 3000), 2026).ok());
  Status s = ValidateProgress(jobs, Reached({2025, 12, 31}, 3000), 2026);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("不在台账年度"), std::string::npos);
  s = ValidateProgress(jobs, Reached({2026, 6, 30}, 6e9), 2026);  // 60万万: a slip of scale
  EXPECT_NE(s.message().find("100 倍"), std::string::npos);
  EXPECT_FALSE(ValidateProgress(jobs, Reached({2026, 6, 30}, -1), 2026).ok());
  EXPECT_FALSE(ValidateProgress(jobs, Reached({2026, 6, 30}, NAN), 2026).ok());
  Progress share;
  share.date = {2026, 6, 30};
  share.share = 120;
  EXPECT_FALSE(ValidateProgress(jobs, share, 2026).ok());
}

TEST(Ledger, TasksAndProgressHaveOneJsonShape) {
  Task t = JobsTask();
  t.number = "3";
  t.text = "新增城镇就业6000人";
  t.lead_unit = "市人社局";
  const nlohmann::json j = TaskJson(t);
  EXPECT_EQ(j["number"], "3");
  EXPECT_EQ(j["cmp"], ">=");
  EXPECT_EQ(j["due"], "2026-12-31");
  EXPECT_EQ(j["status"], "open");
  EXPECT_EQ(j["lead_unit"], "市人社局");
  EXPECT_FALSE(j.contains("leader"));  // absent, not ""
  const nlohmann::json p = ProgressJson(Reached({2026, 6, 30}, 3000));
  EXPECT_EQ(p["date"], "2026-06-30");
  EXPECT_EQ(p["value"], 3000);
  EXPECT_FALSE(p.contains("share"));
}

TaskChange ToStatus(TaskStatus status, std::string note = "") {
  TaskChange c;
  c.status = status;
  c.note = std::move(note);
  return c;
}

TEST(Ledger, StatusesFollowTheOfficesProcedure) {
  const Task t = JobsTask();
  EXPECT_NE(
      ApplyChange(t, ToStatus(TaskStatus::kCompletionRequested)).status().message().find("请写明"),
      std::string::npos);
  Result<Task> requested =
      ApplyChange(t, ToStatus(TaskStatus::kCompletionRequested, "已完成6200人"));
  ASSERT_TRUE(requested.ok());
  EXPECT_EQ(requested->status, TaskStatus::kCompletionRequested);
  EXPECT_NE(
      ApplyChange(*requested, ToStatus(TaskStatus::kClosed)).status().message().find("核验情况"),
      std::string::npos);
  TaskChange unchecked = ToStatus(TaskStatus::kClosed, "核验就业登记数据");
  EXPECT_NE(ApplyChange(*requested, unchecked).status().message().find("核验方式"),
            std::string::npos)
      << "销号 names how it was checked";
  TaskChange close = unchecked;
  close.check = CheckMethod::kData;
  EXPECT_FALSE(ApplyChange(t, close).ok()) << "销号 only after 申请办结";
  TaskChange returned = ToStatus(TaskStatus::kOpen, "缺少佐证材料");
  returned.check = CheckMethod::kSiteVisit;
  EXPECT_FALSE(ApplyChange(*requested, returned).ok()) << "a check is for closing only";
  EXPECT_EQ(ParseCheckMethod(CheckMethodName(CheckMethod::kSiteVisit)), CheckMethod::kSiteVisit);
  EXPECT_EQ(CheckMethodLabel(CheckMethod::kDocuments), "材料审核");
  Result<Task> closed = ApplyChange(*requested, close);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->status, TaskStatus::kClosed);
  TaskChange reassign;
  reassign.lead_unit = "市发改委";
  EXPECT_EQ(ApplyChange(*closed, reassign).status().message(), "任务已销号，不能再修改");
  // Returned to the unit, or withdrawn with a reason.
  EXPECT_EQ(ApplyChange(*requested, ToStatus(TaskStatus::kOpen, "缺少佐证材料"))->status,
            TaskStatus::kOpen);
  EXPECT_EQ(ApplyChange(t, ToStatus(TaskStatus::kWithdrawn, "上级政策调整"))->status,
            TaskStatus::kWithdrawn);
  TaskChange move;
  move.lead_unit = "市人社局";
  move.leader = "副市长";
  Result<Task> moved = ApplyChange(t, move);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->lead_unit, "市人社局");
  EXPECT_EQ(moved->leader, "副市长");
  EXPECT_EQ(moved->status, TaskStatus::kOpen);
}

TaskRule Rule(std::string section, std::string topic, std::string keyword) {
  TaskRule r;
  r.section = std::move(section);
  r.topic = std::move(topic);
  r.keyword = std::move(keyword);
  return r;
}

TEST(Ledger, RulesTakeTasksBySectionTopicAndWord) {
  Task t = JobsTask();
  t.text = "新增城镇就业6000人以上";
  t.section = "三、2026年重点工作 > （五）持续改善民生";
  t.topic = "社会保障";
  EXPECT_TRUE(Matches(t, TaskRule{}));
  EXPECT_TRUE(Matches(t, Rule("改善民生", "社会保障", "就业")));
  EXPECT_FALSE(Matches(t, Rule("", "农业", "")));
  EXPECT_FALSE(Matches(t, Rule("", "", "粮食")));
  EXPECT_FALSE(Matches(t, Rule("生态", "", "")));
}

TEST(Ledger, UnitsRankWorstFirstByShareOnPace) {
  const auto row = [](std::string unit, std::optional<double> value, TaskStatus status) {
    LedgerRow r;
    r.task = JobsTask();
    r.task.lead_unit = std::move(unit);
    r.task.status = status;
    if (value) r.latest = Reached({2026, 6, 30}, *value);
    return r;
  };
  const std::vector<LedgerRow> rows = {
      row("市人社局", 3000, TaskStatus::kOpen),          // 50% at 49.6%: green
      row("市人社局", 1000, TaskStatus::kOpen),          // red
      row("市发改委", 3100, TaskStatus::kOpen),          // green
      row("市发改委", 6000, TaskStatus::kClosed),        // not judged
      row("市住建局", std::nullopt, TaskStatus::kOpen),  // nothing filed: red
  };
  const std::vector<UnitStanding> ranked = RankUnits(rows, 2026, {2026, 6, 30});
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].unit, "市住建局");
  EXPECT_DOUBLE_EQ(ranked[0].on_pace, 0);
  EXPECT_EQ(ranked[1].unit, "市人社局");
  EXPECT_DOUBLE_EQ(ranked[1].on_pace, 50);
  EXPECT_EQ(ranked[1].red, 1);
  EXPECT_EQ(ranked[2].unit, "市发改委");
  EXPECT_EQ(ranked[2].tasks, 1);
  EXPECT_EQ(ranked[2].closed, 1);
  EXPECT_DOUBLE_EQ(ranked[2].on_pace, 100);
}

TEST(Ledger, TypedNumbersAreReadAsPeopleTypeThem) {
  EXPECT_EQ(ParseTypedNumber("3000"), 3000);
  EXPECT_EQ(ParseTypedNumber("62.5"), 62.5);
  EXPECT_EQ(ParseTypedNumber("1,200"), 1200);
  EXPECT_EQ(ParseTypedNumber(""), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("三千"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("12abc"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("inf"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("nan"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("1e19"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("+5"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("5-"), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("."), std::nullopt);
  EXPECT_EQ(ParseTypedNumber("-2.5"), -2.5);
}

}  // namespace
}  // namespace mubiao::ducha
