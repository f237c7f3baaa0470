// Supervision ledgers in the store (Store::CreateLedger and the rest): tasks
// kept in order with their latest progress, progress checked against the
// ledger's year, and an audit log that records every change and that
// neither UPDATE nor DELETE can rewrite.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::StoreTest;

class LedgerStoreTest : public StoreTest {
 protected:
  // A ledger of plan year 2026 with a numeric task and a commitment.
  int64_t MakeLedger() {
    ducha::Task jobs;
    jobs.text = "新增城镇就业6000人以上";
    jobs.indicator = "城镇就业";
    jobs.target_value = 6000;
    jobs.unit = "人";
    jobs.cmp = quantity::Comparator::kAtLeast;
    jobs.due = {2026, 12, 31};
    jobs.finding_key = "0123456789abcdef:10-40";
    jobs.lead_unit = "市人社局";
    ducha::Task park;
    park.text = "建成青禾湿地公园";
    park.due = {2026, 6, 30};
    LedgerRecord ledger;
    ledger.document_id = 7;
    ledger.region_code = "410184";
    ledger.year = 2026;
    ledger.title = "2026年政府工作报告重点任务台账";
    ledger.created_by = "督查室";
    Result<int64_t> id = store_->CreateLedger(ledger, {jobs, park});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  ducha::Progress Report(int64_t task_id, ducha::Date date, double value) {
    ducha::Progress p;
    p.task_id = task_id;
    p.date = date;
    p.value = value;
    p.done = "已完成" + std::to_string(static_cast<int>(value)) + "人";
    p.author = "市人社局";
    return p;
  }
};

TEST_F(LedgerStoreTest, ALedgerKeepsItsTasksInOrderWithTheirLatestProgress) {
  const int64_t id = MakeLedger();
  Result<LedgerRecord> ledger = store_->GetLedger(id);
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->tasks, 2);
  EXPECT_EQ(ledger->year, 2026);
  EXPECT_FALSE(ledger->created_at.empty());
  Result<std::vector<ducha::LedgerRow>> rows = store_->LedgerRows(id);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const ducha::Task& jobs = (*rows)[0].task;
  EXPECT_EQ(jobs.number, "1");
  EXPECT_EQ((*rows)[1].task.number, "2");
  EXPECT_EQ(jobs.finding_key, "0123456789abcdef:10-40");
  EXPECT_EQ(*jobs.target_value, 6000);
  EXPECT_EQ(jobs.cmp, quantity::Comparator::kAtLeast);
  EXPECT_EQ(jobs.due, (ducha::Date{2026, 12, 31}));
  EXPECT_FALSE((*rows)[1].task.target_value);
  EXPECT_FALSE((*rows)[0].latest);

  // Filed out of order: the latest is the one of the latest date.
  ASSERT_TRUE(store_->AddProgress(Report(jobs.id, {2026, 6, 30}, 3000)).ok());
  ASSERT_TRUE(store_->AddProgress(Report(jobs.id, {2026, 3, 31}, 1200)).ok());
  rows = store_->LedgerRows(id);
  ASSERT_TRUE(rows.ok());
  ASSERT_TRUE((*rows)[0].latest);
  EXPECT_EQ(*(*rows)[0].latest->value, 3000);
  EXPECT_FALSE((*rows)[1].latest);

  Result<std::vector<LedgerRecord>> all = store_->ListLedgers();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].title, "2026年政府工作报告重点任务台账");
}

TEST_F(LedgerStoreTest, ProgressTheLedgerCannotTakeIsRefusedAndNothingIsKept) {
  const int64_t id = MakeLedger();
  const int64_t task = (*store_->LedgerRows(id))[0].task.id;
  Result<ducha::Progress> wrong_year = store_->AddProgress(Report(task, {2025, 12, 31}, 100));
  EXPECT_EQ(wrong_year.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(wrong_year.status().message().find("不在台账年度"), std::string::npos);
  EXPECT_EQ(store_->AddProgress(Report(task + 100, {2026, 1, 31}, 1)).status().code(),
            StatusCode::kNotFound);
  EXPECT_FALSE((*store_->LedgerRows(id))[0].latest);
  EXPECT_EQ(store_->LedgerRows(id + 1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetLedger(id + 1).status().code(), StatusCode::kNotFound);
  LedgerRecord untitled;
  untitled.year = 2026;
  untitled.created_by = "督查室";
  EXPECT_EQ(store_->CreateLedger(untitled, {}).status().code(), StatusCode::kInvalidInput);
}

TEST_F(LedgerStoreTest, EveryChangeIsInTheAuditLogWithBeforeAndAfter) {
  const int64_t id = MakeLedger();
  const int64_t task = (*store_->LedgerRows(id))[0].task.id;
  ASSERT_TRUE(store_->AddProgress(Report(task, {2026, 3, 31}, 1200)).ok());
  ASSERT_TRUE(store_->AddProgress(Report(task, {2026, 6, 30}, 3000)).ok());
  Result<std::vector<LedgerAuditEntry>> log = store_->LedgerAudit(id);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 5u);  // the ledger, two tasks, two progress reports
  EXPECT_EQ((*log)[0].action, "create_ledger");
  EXPECT_EQ((*log)[0].actor, "督查室");
  EXPECT_EQ((*log)[1].action, "create_task");
  EXPECT_EQ(nlohmann::json::parse((*log)[1].after)["lead_unit"], "市人社局");
  EXPECT_EQ((*log)[3].before, "{}");
  EXPECT_EQ((*log)[4].action, "progress");
  EXPECT_EQ((*log)[4].actor, "市人社局");
  EXPECT_EQ(nlohmann::json::parse((*log)[4].before)["value"], 1200);
  EXPECT_EQ(nlohmann::json::parse((*log)[4].after)["value"], 3000);
  EXPECT_EQ((*log)[4].task_id, task);
  Result<std::vector<LedgerAuditEntry>> history = store_->TaskAudit(task);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);  // its creation and its two progress reports
  EXPECT_EQ((*history)[0].action, "create_task");
  EXPECT_EQ((*history)[2].id, (*log)[4].id);
}

TEST_F(LedgerStoreTest, MilestonesAreKeptByDateTheLaterOfADateInForceAndLogged) {
  const int64_t id = MakeLedger();
  const int64_t task = (*store_->LedgerRows(id))[0].task.id;
  ducha::Milestone m;
  m.task_id = task;
  m.date = {2026, 6, 30};
  m.value = 3000;
  m.created_by = "督查室";
  ASSERT_TRUE(store_->AddMilestone(m).ok());
  m.value = 3500;  // corrected: supersedes the first
  ASSERT_TRUE(store_->AddMilestone(m).ok());
  m.date = {2026, 3, 31};
  m.value.reset();
  m.step = "完成招聘会5场";
  ASSERT_TRUE(store_->AddMilestone(m).ok());
  m.date = {2025, 3, 31};
  EXPECT_EQ(store_->AddMilestone(m).status().code(), StatusCode::kInvalidInput);
  Result<std::vector<ducha::Milestone>> kept = store_->TaskMilestones(task);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->size(), 2u);
  EXPECT_EQ((*kept)[0].step, "完成招聘会5场");
  EXPECT_EQ((*kept)[1].value, 3500);
  const ducha::LedgerRow row = (*store_->LedgerRows(id))[0];
  ASSERT_EQ(row.milestones.size(), 2u);
  EXPECT_EQ(row.milestones[1].value, 3500);
  EXPECT_TRUE(ducha::PaceOf(row, 2026, {2026, 6, 30}).planned);
  EXPECT_EQ(store_->TaskAudit(task)->back().action, "milestone");
  Database db = OpenDatabase();
  EXPECT_FALSE(db.Exec("UPDATE ledger_milestones SET value = 1").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM ledger_milestones").ok());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM ledger_milestones"), 3);
}

TEST_F(LedgerStoreTest, AnAccountIsKeptWithItsRoleGovernmentUnitAndHash) {
  EXPECT_EQ(store_->GetAccount("rsj").status().code(), StatusCode::kNotFound);
  AccountRecord unit{{"rsj", ducha::Role::kUnit, "410184", "市人社局"}, "$argon2id$one", ""};
  ASSERT_TRUE(store_->PutAccount(unit).ok());
  ASSERT_TRUE(
      store_->PutAccount({{"督查室", ducha::Role::kAdmin, "410184", ""}, "$argon2id$two", ""})
          .ok());
  ASSERT_TRUE(
      store_->PutAccount({{"other", ducha::Role::kViewer, "320500", ""}, "$argon2id$3", ""}).ok());
  Result<AccountRecord> read = store_->GetAccount("rsj");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->account.role, ducha::Role::kUnit);
  EXPECT_EQ(read->account.unit, "市人社局");
  EXPECT_EQ(read->password_hash, "$argon2id$one");
  EXPECT_FALSE(read->created_at.empty());
  unit.account.unit = "市财政局";
  unit.password_hash = "$argon2id$new";
  ASSERT_TRUE(store_->PutAccount(unit).ok());
  EXPECT_FALSE(store_->GetAccount("rsj")->disabled());
  EXPECT_EQ(store_->DisableAccount("320500", "rsj").code(), StatusCode::kNotFound)
      << "another government's office cannot disable it";
  ASSERT_TRUE(store_->DisableAccount("410184", "rsj").ok());
  ASSERT_TRUE(store_->DisableAccount("410184", "rsj").ok());
  EXPECT_TRUE(store_->GetAccount("rsj")->disabled());
  EXPECT_EQ(store_->GetAccount("rsj")->password_hash, "!$argon2id$new") << "disabled once";
  ASSERT_TRUE(store_->PutAccount(unit).ok());
  EXPECT_FALSE(store_->GetAccount("rsj")->disabled()) << "a new password enables it again";
  AccountRecord taken = unit;  // another government's office wants the name
  taken.account.region_code = "320500";
  EXPECT_EQ(store_->PutAccount(taken).code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->GetAccount("rsj")->account.unit, "市财政局");
  EXPECT_EQ(store_->GetAccount("rsj")->password_hash, "$argon2id$new");
  Result<std::vector<ducha::Account>> here = store_->ListAccounts("410184");
  ASSERT_TRUE(here.ok());
  ASSERT_EQ(here->size(), 2u);
  EXPECT_EQ((*here)[0].name, "rsj");
  const Status refused = store_->PutAccount({{"x", ducha::Role::kUnit, "410184", ""}, "h", ""});
  EXPECT_EQ(refused.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->PutAccount({{"y", ducha::Role::kViewer, "410184", ""}, "", ""}).code(),
            StatusCode::kInvalidInput);
}

TEST_F(LedgerStoreTest, AGovernmentKeepsItsUnitsAndChoosesWhetherThePublicSeesItsTasks) {
  ASSERT_TRUE(store_->AddUnit("410184", "市人社局").ok());
  ASSERT_TRUE(store_->AddUnit("410184", "市发展改革委").ok());
  ASSERT_TRUE(store_->AddUnit("410184", "市人社局").ok());  // once only
  ASSERT_TRUE(store_->AddUnit("320500", "市教育局").ok());
  EXPECT_EQ(store_->AddUnit("410184", "甲、乙").code(), StatusCode::kInvalidInput);
  Result<std::vector<std::string>> units = store_->ListUnits("410184");
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(*units, (std::vector<std::string>{"市人社局", "市发展改革委"}));
  EXPECT_TRUE(store_->PublicViews()->empty());
  ASSERT_TRUE(store_->SetPublicView("410184", true, "督查室").ok());
  ASSERT_TRUE(store_->SetPublicView("320500", true, "督查室").ok());
  ASSERT_TRUE(store_->SetPublicView("320500", false, "督查室").ok());
  EXPECT_EQ(*store_->PublicViews(), std::vector<std::string>{"410184"});
}

TEST_F(LedgerStoreTest, TheStoreRefusesToRewriteTheAuditLogOrTheProgressReports) {
  const int64_t id = MakeLedger();
  const int64_t task = (*store_->LedgerRows(id))[0].task.id;
  ASSERT_TRUE(store_->AddProgress(Report(task, {2026, 3, 31}, 1200)).ok());
  Database db = OpenDatabase();
  for (const char* sql :
       {"UPDATE ledger_audit SET actor = 'x'", "DELETE FROM ledger_audit",
        "UPDATE ledger_progress SET value = 6000", "DELETE FROM ledger_progress"}) {
    EXPECT_FALSE(db.Exec(sql).ok()) << sql;
  }
  EXPECT_EQ(QueryInt("SELECT count(*) FROM ledger_audit"), 4);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM ledger_progress"), 1);
}

TEST_F(LedgerStoreTest, TheLaterOfTwoSavesOfATaskSeesTheConflictAndOverwritesNothing) {
  const int64_t id = MakeLedger();
  const ducha::Task read = (*store_->LedgerRows(id))[0].task;
  EXPECT_EQ(read.version, 1);
  ducha::TaskChange first;
  first.task_id = read.id;
  first.version = read.version;
  first.lead_unit = "市发改委";
  first.actor = "张三";
  Result<ducha::Task> saved = store_->ChangeTask(first);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(saved->version, 2);
  ducha::TaskChange second = first;  // made from the same read
  second.lead_unit = "市财政局";
  second.actor = "李四";
  Result<ducha::Task> stale = store_->ChangeTask(second);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_NE(stale.status().message().find("请刷新后再改"), std::string::npos);
  EXPECT_EQ((*store_->LedgerRows(id))[0].task.lead_unit, "市发改委");
  second.version = 2;
  ASSERT_TRUE(store_->ChangeTask(second).ok());
  EXPECT_EQ((*store_->LedgerRows(id))[0].task.lead_unit, "市财政局");
}

TEST_F(LedgerStoreTest, ATaskIsRequestedClosedAndThenTakesNoMoreProgressEveryStepLogged) {
  const int64_t id = MakeLedger();
  ducha::Task task = (*store_->LedgerRows(id))[0].task;
  ducha::TaskChange request;
  request.task_id = task.id;
  request.version = task.version;
  request.status = ducha::TaskStatus::kCompletionRequested;
  request.note = "全年新增就业6200人";
  request.actor = "市人社局";
  Result<ducha::Task> requested = store_->ChangeTask(request);
  ASSERT_TRUE(requested.ok()) << requested.status().message();
  ducha::TaskChange close;
  close.task_id = task.id;
  close.version = requested->version;
  close.status = ducha::TaskStatus::kClosed;
  close.note = "核验就业登记系统数据";
  close.check = ducha::CheckMethod::kData;
  close.actor = "督查室";
  ASSERT_TRUE(store_->ChangeTask(close).ok());
  Result<ducha::Progress> late = store_->AddProgress(Report(task.id, {2026, 12, 1}, 6300));
  EXPECT_EQ(late.status().code(), StatusCode::kInvalidInput);
  const std::vector<LedgerAuditEntry> log = *store_->LedgerAudit(id);
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[4].action, "change_task");
  EXPECT_EQ(log[4].actor, "督查室");
  EXPECT_EQ(nlohmann::json::parse(log[4].before)["status"], "completion_requested");
  EXPECT_EQ(nlohmann::json::parse(log[4].after)["status"], "closed");
  EXPECT_EQ(nlohmann::json::parse(log[4].after)["note"], "核验就业登记系统数据");
  EXPECT_EQ(nlohmann::json::parse(log[4].after)["check"], "data");
}

TEST_F(LedgerStoreTest, ABulkAssignmentTakesTheTasksOfItsRule) {
  const int64_t id = MakeLedger();
  ducha::TaskRule rule;
  rule.keyword = "就业";
  ducha::TaskChange fields;
  fields.lead_unit = "市人社局";
  fields.co_units = "市财政局、各区政府";
  fields.leader = "副市长";
  fields.actor = "督查室";
  Result<int> assigned = store_->AssignTasks(id, rule, fields);
  ASSERT_TRUE(assigned.ok()) << assigned.status().message();
  EXPECT_EQ(*assigned, 1);
  const std::vector<ducha::LedgerRow> rows = *store_->LedgerRows(id);
  EXPECT_EQ(rows[0].task.co_units, "市财政局、各区政府");
  EXPECT_EQ(rows[0].task.version, 2);
  EXPECT_EQ(rows[1].task.lead_unit, "");
  EXPECT_EQ(*store_->AssignTasks(id, ducha::TaskRule{}, fields), 2);
  fields.status = ducha::TaskStatus::kClosed;
  EXPECT_EQ(store_->AssignTasks(id, rule, fields).status().code(), StatusCode::kInvalidInput);
}

TEST_F(LedgerStoreTest, ANoticeIsIssuedRepliedToAndKeptWithEveryReply) {
  const int64_t id = MakeLedger();
  const int64_t task = (*store_->LedgerRows(id))[0].task.id;
  ducha::Notice notice;
  notice.task_id = task;
  notice.reason = "序时进度落后24.6个百分点";
  notice.reply_by = {2026, 7, 10};
  notice.issued_by = "督查室";
  Result<ducha::Notice> issued = store_->IssueNotice(notice);
  ASSERT_TRUE(issued.ok()) << issued.status().message();
  EXPECT_GT(issued->id, 0);
  EXPECT_EQ(issued->reply, "");
  ASSERT_TRUE(store_->ReplyToNotice(issued->id, "已召开专题会，7月底前补齐", "市人社局").ok());
  Result<ducha::Notice> replied = store_->ReplyToNotice(issued->id, "已补齐", "市人社局");
  ASSERT_TRUE(replied.ok());
  const std::vector<ducha::Notice> notices = *store_->LedgerNotices(id);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].reply, "已补齐");
  EXPECT_EQ(notices[0].replied_by, "市人社局");
  EXPECT_EQ(notices[0].reply_by, (ducha::Date{2026, 7, 10}));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM ledger_notice_replies"), 2);
  EXPECT_EQ(store_->ReplyToNotice(issued->id, "", "市人社局").status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(store_->ReplyToNotice(issued->id + 9, "x", "y").status().code(), StatusCode::kNotFound);
  notice.reason = "";
  EXPECT_EQ(store_->IssueNotice(notice).status().code(), StatusCode::kInvalidInput);
  const std::vector<LedgerAuditEntry> log = *store_->LedgerAudit(id);
  EXPECT_EQ(log.back().action, "notice_reply");
  EXPECT_EQ(nlohmann::json::parse(log.back().after)["reply"], "已补齐");
  Database db = OpenDatabase();
  EXPECT_FALSE(db.Exec("UPDATE ledger_notices SET reason = 'x'").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM ledger_notice_replies").ok());
  // Withdrawn: no more replies, notices or sub-tasks on it.
  const ducha::Task noticed = *store_->GetTask(issued->task_id);
  ducha::TaskChange withdraw;
  withdraw.task_id = noticed.id;
  withdraw.version = noticed.version;
  withdraw.status = ducha::TaskStatus::kWithdrawn;
  withdraw.note = "并入第2项";
  withdraw.actor = "督查室";
  ASSERT_TRUE(store_->ChangeTask(withdraw).ok());
  EXPECT_EQ(store_->ReplyToNotice(issued->id, "再补充", "市人社局").status().message(),
            "任务已撤销，不再回复督办单");
  ducha::Task sub;
  sub.parent_id = noticed.id;
  sub.text = "子任务";
  sub.due = {2026, 12, 31};
  EXPECT_EQ(store_->AddTask(id, sub, "督查室").status().code(), StatusCode::kInvalidInput);
}

TEST_F(LedgerStoreTest, ATaskIsSplitIntoSubTasksAndTheOfficeAddsItsOwn) {
  const int64_t id = MakeLedger();
  const ducha::Task jobs = (*store_->LedgerRows(id))[0].task;
  ducha::Task part;
  part.parent_id = jobs.id;
  part.text = "高校毕业生就业3000人";
  part.target_value = 3000;
  part.unit = "人";
  part.due = {2026, 12, 31};
  Result<ducha::Task> first = store_->AddTask(id, part, "督查室");
  ASSERT_TRUE(first.ok()) << first.status().message();
  part.text = "农民工就业3000人";
  Result<ducha::Task> second = store_->AddTask(id, part, "督查室");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->number, "1.1");
  EXPECT_EQ(second->number, "1.2");
  EXPECT_EQ(second->parent_id, jobs.id);
  ducha::Task own;
  own.text = "完成市委交办的重点督查事项";
  own.due = {2026, 9, 30};
  Result<ducha::Task> added = store_->AddTask(id, own, "督查室");
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->number, "3");
  EXPECT_EQ(added->finding_key, "");
  const std::vector<ducha::LedgerRow> rows = *store_->LedgerRows(id);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[2].task.parent_id, jobs.id);
  EXPECT_EQ(rows[0].task.finding_key, "0123456789abcdef:10-40") << "the link to the report stays";
  own.text = "";
  EXPECT_EQ(store_->AddTask(id, own, "督查室").status().code(), StatusCode::kInvalidInput);
  own.text = "x";
  own.due = {2025, 12, 31};
  EXPECT_NE(store_->AddTask(id, own, "督查室").status().message().find("早于台账年度"),
            std::string::npos);
  part.parent_id = 999;
  EXPECT_EQ(store_->AddTask(id, part, "督查室").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->LedgerAudit(id)->back().action, "add_task");
}

TEST_F(LedgerStoreTest, OnlyAWorkReportMakesALedger) {
  StoredDocument communique;
  communique.summary.doc_type = report::DocType::kCommunique;
  EXPECT_EQ(LedgerOfReport(communique, "", "督查室").status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace mubiao::store
