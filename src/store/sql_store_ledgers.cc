// Supervision ledgers (src/ducha) in the store: ledgers, their tasks, the
// units' progress reports and the audit log of every change.
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

constexpr char kLedgerColumns[] =
    "l.id, l.document_id, l.region_code, l.year, l.title, l.created_at, l.created_by,"
    " (SELECT count(*) FROM ledger_tasks t WHERE t.ledger_id = l.id)";

LedgerRecord ReadLedger(const Statement& row) {
  LedgerRecord l;
  l.id = row.ColumnInt(0);
  l.document_id = row.ColumnInt(1);
  l.region_code = row.ColumnText(2);
  l.year = static_cast<int>(row.ColumnInt(3));
  l.title = row.ColumnText(4);
  l.created_at = row.ColumnText(5);
  l.created_by = row.ColumnText(6);
  l.tasks = row.ColumnInt(7);
  return l;
}

// A task's columns as written (without its id) and as read.
constexpr char kTaskFields[] =
    "ledger_id, number, text, indicator, target_value, unit, cmp, deadline, due, topic, section,"
    " finding_key, lead_unit, co_units, leader, status, parent_id";
constexpr char kTaskColumns[] =
    "id, ledger_id, number, text, indicator, target_value, unit, cmp, deadline, due, topic,"
    " section, finding_key, lead_unit, co_units, leader, status, version, parent_id";

std::optional<double> OptionalDouble(const Statement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return row.ColumnDouble(column);
}

ducha::Task ReadTask(const Statement& row) {
  ducha::Task t;
  t.id = row.ColumnInt(0);
  t.ledger_id = row.ColumnInt(1);
  t.number = row.ColumnText(2);
  t.text = row.ColumnText(3);
  t.indicator = row.ColumnText(4);
  t.target_value = OptionalDouble(row, 5);
  t.unit = row.ColumnText(6);
  t.cmp = quantity::ParseComparator(row.ColumnText(7)).value_or(quantity::Comparator::kNone);
  t.deadline = row.ColumnText(8);
  t.due = ducha::ParseDate(row.ColumnText(9)).value_or(ducha::Date{});
  t.topic = row.ColumnText(10);
  t.section = row.ColumnText(11);
  t.finding_key = row.ColumnText(12);
  t.lead_unit = row.ColumnText(13);
  t.co_units = row.ColumnText(14);
  t.leader = row.ColumnText(15);
  t.status = ducha::ParseTaskStatus(row.ColumnText(16)).value_or(ducha::TaskStatus::kOpen);
  t.version = row.ColumnInt(17);
  t.parent_id = row.ColumnIsNull(18) ? 0 : row.ColumnInt(18);
  return t;
}

constexpr char kProgressColumns[] =
    "p.id, p.task_id, p.date, p.value, p.share, p.done, p.problems, p.next_steps, p.author,"
    " p.created_at";

ducha::Progress ReadProgress(const Statement& row) {
  ducha::Progress p;
  p.id = row.ColumnInt(0);
  p.task_id = row.ColumnInt(1);
  p.date = ducha::ParseDate(row.ColumnText(2)).value_or(ducha::Date{});
  p.value = OptionalDouble(row, 3);
  p.share = OptionalDouble(row, 4);
  p.done = row.ColumnText(5);
  p.problems = row.ColumnText(6);
  p.next_steps = row.ColumnText(7);
  p.author = row.ColumnText(8);
  p.created_at = row.ColumnText(9);
  return p;
}

// A notice as read with its latest reply (NULLs when it has none).
ducha::Notice ReadNoticeRow(const Statement& row) {
  ducha::Notice n;
  n.id = row.ColumnInt(0);
  n.task_id = row.ColumnInt(1);
  n.reason = row.ColumnText(2);
  n.reply_by = ducha::ParseDate(row.ColumnText(3)).value_or(ducha::Date{});
  n.issued_by = row.ColumnText(4);
  n.issued_at = row.ColumnText(5);
  if (!row.ColumnIsNull(6)) {
    n.reply = row.ColumnText(6);
    n.replied_by = row.ColumnText(7);
    n.replied_at = row.ColumnText(8);
  }
  return n;
}

constexpr char kMilestoneColumns[] =
    "m.id, m.task_id, m.date, m.value, m.share, m.step, m.created_by, m.created_at";

ducha::Milestone ReadMilestone(const Statement& row) {
  ducha::Milestone m;
  m.id = row.ColumnInt(0);
  m.task_id = row.ColumnInt(1);
  m.date = ducha::ParseDate(row.ColumnText(2)).value_or(ducha::Date{});
  m.value = OptionalDouble(row, 3);
  m.share = OptionalDouble(row, 4);
  m.step = row.ColumnText(5);
  m.created_by = row.ColumnText(6);
  m.created_at = row.ColumnText(7);
  return m;
}

// Appends `m` to a task's milestones read by date then id: a milestone of
// the same date as the last supersedes it.
void KeepInForce(ducha::Milestone m, std::vector<ducha::Milestone>* milestones) {
  if (!milestones->empty() && milestones->back().date == m.date) {
    milestones->back() = std::move(m);
  } else {
    milestones->push_back(std::move(m));
  }
}

// kInvalidInput (in Chinese) when `task` is closed or withdrawn: no more
// `what` on it.
Status OpenForWork(const ducha::Task& task, const std::string& what) {
  if (task.status == ducha::TaskStatus::kClosed || task.status == ducha::TaskStatus::kWithdrawn) {
    return InvalidInput("任务" + std::string(ducha::TaskStatusLabel(task.status)) + "，不再" +
                        what);
  }
  return Status::Ok();
}

}  // namespace

Status SqlStore::Audit(const LedgerAuditEntry& entry) {
  Result<Statement*> stmt = Cached(
      "INSERT INTO ledger_audit (ledger_id, task_id, actor, made_at, action, before_json, "
      "after_json)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, entry.ledger_id);
  (*stmt)->BindIntOrNull(2,
                         entry.task_id != 0 ? std::optional<int64_t>(entry.task_id) : std::nullopt);
  (*stmt)->BindText(3, entry.actor);
  (*stmt)->BindText(4, entry.at);
  (*stmt)->BindText(5, entry.action);
  (*stmt)->BindText(6, entry.before);
  (*stmt)->BindText(7, entry.after);
  return (*stmt)->Run();
}

Status SqlStore::InsertTask(ducha::Task* t, const std::string& actor, const std::string& at,
                            const std::string& action) {
  Result<Statement*> insert =
      Cached(std::string("INSERT INTO ledger_tasks (") + kTaskFields +
             ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
             " RETURNING id");
  if (!insert.ok()) return insert.status();
  Statement* stmt = *insert;
  stmt->BindAll(t->ledger_id, t->number, t->text, t->indicator);
  stmt->BindDoubleOrNull(5, t->target_value);
  stmt->BindText(6, t->unit);
  stmt->BindText(7, quantity::ComparatorSymbol(t->cmp));
  stmt->BindText(8, t->deadline);
  stmt->BindText(9, ducha::DateText(t->due));
  stmt->BindText(10, t->topic);
  stmt->BindText(11, t->section);
  stmt->BindText(12, t->finding_key);
  stmt->BindText(13, t->lead_unit);
  stmt->BindText(14, t->co_units);
  stmt->BindText(15, t->leader);
  stmt->BindText(16, ducha::TaskStatusName(t->status));
  stmt->BindIntOrNull(17, t->parent_id != 0 ? std::optional<int64_t>(t->parent_id) : std::nullopt);
  Status ran = ForEachRow(stmt, [&](const Statement& row) { t->id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  return Audit({0, t->ledger_id, t->id, actor, at, action, "{}", ducha::TaskJson(*t).dump()});
}

Result<int64_t> SqlStore::CreateLedger(const LedgerRecord& ledger,
                                       const std::vector<ducha::Task>& tasks) {
  if (ledger.title.empty() || ledger.created_by.empty() || ledger.year <= 0) {
    return InvalidInput("a ledger needs a title, who made it and its plan year");
  }
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  const std::string now = NowUtc();
  Result<Statement*> insert = Cached(
      "INSERT INTO ledgers (document_id, region_code, year, title, created_at, created_by)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  if (!insert.ok()) return insert.status();
  (*insert)->BindAll(ledger.document_id, ledger.region_code, int64_t{ledger.year}, ledger.title,
                     now, ledger.created_by);
  int64_t id = 0;
  Status ran = ForEachRow(*insert, [&](const Statement& row) { id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  const nlohmann::json made = {{"title", ledger.title},
                               {"document_id", ledger.document_id},
                               {"year", ledger.year},
                               {"tasks", tasks.size()}};
  ran = Audit({0, id, 0, ledger.created_by, now, "create_ledger", "{}", made.dump()});
  if (!ran.ok()) return ran;
  for (size_t i = 0; i < tasks.size(); ++i) {
    ducha::Task t = tasks[i];
    t.ledger_id = id;
    t.parent_id = 0;
    if (t.number.empty()) t.number = std::to_string(i + 1);
    if (ran = InsertTask(&t, ledger.created_by, now, "create_task"); !ran.ok()) return ran;
  }
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return id;
}

Result<std::vector<LedgerRecord>> SqlStore::ListLedgers() {
  Result<Statement*> stmt =
      Cached(std::string("SELECT ") + kLedgerColumns + " FROM ledgers l ORDER BY l.id DESC");
  if (!stmt.ok()) return stmt.status();
  std::vector<LedgerRecord> ledgers;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { ledgers.push_back(ReadLedger(row)); });
  if (!ran.ok()) return ran;
  return ledgers;
}

Result<LedgerRecord> SqlStore::GetLedger(int64_t id) {
  Result<Statement*> stmt =
      Cached(std::string("SELECT ") + kLedgerColumns + " FROM ledgers l WHERE l.id = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  std::optional<LedgerRecord> ledger;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { ledger = ReadLedger(row); });
  if (!ran.ok()) return ran;
  if (!ledger) return NotFound("没有编号为" + std::to_string(id) + "的台账。");
  return *ledger;
}

Result<std::vector<ducha::Task>> SqlStore::LedgerTasks(int64_t ledger_id) {
  Result<Statement*> stmt = Cached(std::string("SELECT ") + kTaskColumns +
                                   " FROM ledger_tasks WHERE ledger_id = ?1 ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, ledger_id);
  std::vector<ducha::Task> tasks;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { tasks.push_back(ReadTask(row)); });
  if (!ran.ok()) return ran;
  return tasks;
}

Result<std::vector<ducha::LedgerRow>> SqlStore::LedgerRows(int64_t ledger_id) {
  if (Result<LedgerRecord> ledger = GetLedger(ledger_id); !ledger.ok()) return ledger.status();
  Result<std::vector<ducha::Task>> tasks = LedgerTasks(ledger_id);
  if (!tasks.ok()) return tasks.status();
  std::vector<ducha::LedgerRow> rows;
  std::unordered_map<int64_t, size_t> row_of;  // task id → index in rows
  for (ducha::Task& task : *tasks) {
    row_of[task.id] = rows.size();
    rows.push_back({std::move(task), std::nullopt, {}});
  }
  // Each task's progress in order: the last one read is its latest.
  Result<Statement*> progress = Cached(
      std::string("SELECT ") + kProgressColumns +
      " FROM ledger_progress p JOIN ledger_tasks t ON t.id = p.task_id WHERE t.ledger_id = ?1"
      " ORDER BY p.task_id, p.date, p.id");
  if (!progress.ok()) return progress.status();
  (*progress)->BindInt(1, ledger_id);
  Status ran = ForEachRow(*progress, [&](const Statement& row) {
    ducha::Progress p = ReadProgress(row);
    rows[row_of.at(p.task_id)].latest = std::move(p);
  });
  if (!ran.ok()) return ran;
  Result<Statement*> milestones = Cached(
      std::string("SELECT ") + kMilestoneColumns +
      " FROM ledger_milestones m JOIN ledger_tasks t ON t.id = m.task_id WHERE t.ledger_id = ?1"
      " ORDER BY m.task_id, m.date, m.id");
  if (!milestones.ok()) return milestones.status();
  (*milestones)->BindInt(1, ledger_id);
  ran = ForEachRow(*milestones, [&](const Statement& row) {
    ducha::Milestone m = ReadMilestone(row);
    const size_t at = row_of.at(m.task_id);
    KeepInForce(std::move(m), &rows[at].milestones);
  });
  if (!ran.ok()) return ran;
  return rows;
}

Result<ducha::Milestone> SqlStore::AddMilestone(const ducha::Milestone& milestone) {
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<ducha::Task> task = ReadLedgerTask(milestone.task_id);
  if (!task.ok()) return task.status();
  Result<LedgerRecord> ledger = GetLedger(task->ledger_id);
  if (!ledger.ok()) return ledger.status();
  if (Status valid = ducha::ValidateMilestone(*task, milestone, ledger->year); !valid.ok()) {
    return valid;
  }
  ducha::Milestone stored = milestone;
  stored.created_at = NowUtc();
  Result<Statement*> insert = Cached(
      "INSERT INTO ledger_milestones (task_id, date, value, share, step, created_by, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
  if (!insert.ok()) return insert.status();
  (*insert)->BindInt(1, stored.task_id);
  (*insert)->BindText(2, ducha::DateText(stored.date));
  (*insert)->BindDoubleOrNull(3, stored.value);
  (*insert)->BindDoubleOrNull(4, stored.share);
  (*insert)->BindText(5, stored.step);
  (*insert)->BindText(6, stored.created_by);
  (*insert)->BindText(7, stored.created_at);
  Status ran = ForEachRow(*insert, [&](const Statement& row) { stored.id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  ran = Audit({0, task->ledger_id, task->id, stored.created_by, stored.created_at, "milestone",
               "{}", ducha::MilestoneJson(stored).dump()});
  if (!ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return stored;
}

Result<std::vector<ducha::Milestone>> SqlStore::TaskMilestones(int64_t task_id) {
  Result<Statement*> stmt = Cached(std::string("SELECT ") + kMilestoneColumns +
                                   " FROM ledger_milestones m WHERE m.task_id = ?1"
                                   " ORDER BY m.date, m.id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, task_id);
  std::vector<ducha::Milestone> milestones;
  Status ran = ForEachRow(
      *stmt, [&](const Statement& row) { KeepInForce(ReadMilestone(row), &milestones); });
  if (!ran.ok()) return ran;
  return milestones;
}

Result<std::vector<ducha::Progress>> SqlStore::TaskProgress(int64_t task_id) {
  Result<Statement*> stmt = Cached(std::string("SELECT ") + kProgressColumns +
                                   " FROM ledger_progress p WHERE p.task_id = ?1"
                                   " ORDER BY p.date, p.id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, task_id);
  std::vector<ducha::Progress> all;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { all.push_back(ReadProgress(row)); });
  if (!ran.ok()) return ran;
  return all;
}

Result<ducha::Progress> SqlStore::AddProgress(const ducha::Progress& progress) {
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<ducha::Task> task = ReadLedgerTask(progress.task_id);
  if (!task.ok()) return task.status();
  Result<LedgerRecord> ledger = GetLedger(task->ledger_id);
  if (!ledger.ok()) return ledger.status();
  if (Status valid = ducha::ValidateProgress(*task, progress, ledger->year); !valid.ok()) {
    return valid;
  }
  Result<Statement*> latest = Cached(std::string("SELECT ") + kProgressColumns +
                                     " FROM ledger_progress p WHERE p.task_id = ?1"
                                     " ORDER BY p.date DESC, p.id DESC LIMIT 1");
  if (!latest.ok()) return latest.status();
  (*latest)->BindInt(1, progress.task_id);
  std::string before = "{}";
  Status ran = ForEachRow(*latest, [&](const Statement& row) {
    before = ducha::ProgressJson(ReadProgress(row)).dump();
  });
  if (!ran.ok()) return ran;
  ducha::Progress stored = progress;
  stored.created_at = NowUtc();
  Result<Statement*> insert = Cached(
      "INSERT INTO ledger_progress (task_id, date, value, share, done, problems, next_steps,"
      " author, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
  if (!insert.ok()) return insert.status();
  (*insert)->BindInt(1, stored.task_id);
  (*insert)->BindText(2, ducha::DateText(stored.date));
  (*insert)->BindDoubleOrNull(3, stored.value);
  (*insert)->BindDoubleOrNull(4, stored.share);
  (*insert)->BindText(5, stored.done);
  (*insert)->BindText(6, stored.problems);
  (*insert)->BindText(7, stored.next_steps);
  (*insert)->BindText(8, stored.author);
  (*insert)->BindText(9, stored.created_at);
  ran = ForEachRow(*insert, [&](const Statement& row) { stored.id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  ran = Audit({0, task->ledger_id, task->id, stored.author, stored.created_at, "progress", before,
               ducha::ProgressJson(stored).dump()});
  if (!ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return stored;
}

Status SqlStore::SaveChange(const ducha::Task& before, const ducha::Task& after,
                            const ducha::TaskChange& change) {
  // RETURNING answers whether the row still had the version read: another
  // save in between (on PostgreSQL, one committed after this transaction
  // began) leaves nothing to update.
  Result<Statement*> update = Cached(
      "UPDATE ledger_tasks SET lead_unit = ?2, co_units = ?3, leader = ?4, status = ?5,"
      " version = ?6 WHERE id = ?1 AND version = ?7 RETURNING id");
  if (!update.ok()) return update.status();
  (*update)->BindAll(after.id, after.lead_unit, after.co_units, after.leader,
                     std::string(ducha::TaskStatusName(after.status)), after.version,
                     before.version);
  bool updated = false;
  if (Status ran = ForEachRow(*update, [&](const Statement&) { updated = true; }); !ran.ok()) {
    return ran;
  }
  if (!updated) {
    return Status(StatusCode::kConflict, "任务已被他人修改，请刷新后再改");
  }
  nlohmann::json changed = ducha::TaskJson(after);
  if (!change.note.empty()) changed["note"] = change.note;
  if (change.check) changed["check"] = ducha::CheckMethodName(*change.check);
  return Audit({0, after.ledger_id, after.id, change.actor, NowUtc(), "change_task",
                ducha::TaskJson(before).dump(), changed.dump()});
}

Result<ducha::Task> SqlStore::ChangeTask(const ducha::TaskChange& change) {
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<ducha::Task> task = ReadLedgerTask(change.task_id);
  if (!task.ok()) return task.status();
  if (task->version != change.version) {
    return Status(StatusCode::kConflict, "任务已被他人修改（现为第" +
                                             std::to_string(task->version) + "版，您看到的是第" +
                                             std::to_string(change.version) + "版），请刷新后再改");
  }
  Result<ducha::Task> changed = ducha::ApplyChange(*task, change);
  if (!changed.ok()) return changed.status();
  changed->version = task->version + 1;
  if (Status ran = SaveChange(*task, *changed, change); !ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return *changed;
}

Result<int> SqlStore::AssignTasks(int64_t ledger_id, const ducha::TaskRule& rule,
                                  const ducha::TaskChange& fields) {
  if (fields.status) return InvalidInput("a bulk assignment changes no status");
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  if (Result<LedgerRecord> ledger = GetLedger(ledger_id); !ledger.ok()) return ledger.status();
  Result<std::vector<ducha::Task>> tasks = LedgerTasks(ledger_id);
  if (!tasks.ok()) return tasks.status();
  int assigned = 0;
  for (const ducha::Task& task : *tasks) {
    if (!ducha::Matches(task, rule)) continue;
    Result<ducha::Task> changed = ducha::ApplyChange(task, fields);
    if (!changed.ok()) continue;  // closed or withdrawn: assigned no more
    changed->version = task.version + 1;
    if (Status ran = SaveChange(task, *changed, fields); !ran.ok()) return ran;
    ++assigned;
  }
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return assigned;
}

Result<ducha::Task> SqlStore::ReadLedgerTask(int64_t task_id) {
  Result<Statement*> read =
      Cached(std::string("SELECT ") + kTaskColumns + " FROM ledger_tasks WHERE id = ?1");
  if (!read.ok()) return read.status();
  (*read)->BindInt(1, task_id);
  std::optional<ducha::Task> task;
  Status ran = ForEachRow(*read, [&](const Statement& row) { task = ReadTask(row); });
  if (!ran.ok()) return ran;
  if (!task) return NotFound("没有编号为" + std::to_string(task_id) + "的任务。");
  return *task;
}

Result<ducha::Notice> SqlStore::IssueNotice(const ducha::Notice& notice) {
  if (notice.reason.empty()) return InvalidInput("督办事项不能为空");
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<ducha::Task> task = ReadLedgerTask(notice.task_id);
  if (!task.ok()) return task.status();
  if (Status open = OpenForWork(*task, "督办"); !open.ok()) return open;
  ducha::Notice stored = notice;
  stored.issued_at = NowUtc();
  Result<Statement*> insert = Cached(
      "INSERT INTO ledger_notices (task_id, reason, reply_by, issued_by, issued_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
  if (!insert.ok()) return insert.status();
  (*insert)->BindAll(stored.task_id, stored.reason, ducha::DateText(stored.reply_by),
                     stored.issued_by, stored.issued_at);
  Status ran = ForEachRow(*insert, [&](const Statement& row) { stored.id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  ran = Audit({0, task->ledger_id, task->id, stored.issued_by, stored.issued_at, "notice", "{}",
               ducha::NoticeJson(stored).dump()});
  if (!ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return stored;
}

Result<ducha::Notice> SqlStore::ReadNotice(int64_t notice_id) {
  Result<Statement*> read = Cached(
      "SELECT n.id, n.task_id, n.reason, n.reply_by, n.issued_by, n.issued_at,"
      " r.reply, r.replied_by, r.replied_at FROM ledger_notices n"
      " LEFT JOIN ledger_notice_replies r ON r.id = (SELECT max(id) FROM ledger_notice_replies"
      " WHERE notice_id = n.id) WHERE n.id = ?1");
  if (!read.ok()) return read.status();
  (*read)->BindInt(1, notice_id);
  std::optional<ducha::Notice> notice;
  Status ran = ForEachRow(*read, [&](const Statement& row) { notice = ReadNoticeRow(row); });
  if (!ran.ok()) return ran;
  if (!notice) return NotFound("没有编号为" + std::to_string(notice_id) + "的督办单。");
  return *notice;
}

Result<ducha::Notice> SqlStore::ReplyToNotice(int64_t notice_id, const std::string& reply,
                                              const std::string& actor) {
  if (reply.empty()) return InvalidInput("反馈内容不能为空");
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<ducha::Notice> notice = ReadNotice(notice_id);
  if (!notice.ok()) return notice.status();
  Result<ducha::Task> task = ReadLedgerTask(notice->task_id);
  if (!task.ok()) return task.status();
  if (Status open = OpenForWork(*task, "回复督办单"); !open.ok()) return open;
  const ducha::Notice before = *notice;
  notice->reply = reply;
  notice->replied_by = actor;
  notice->replied_at = NowUtc();
  Result<Statement*> insert = Cached(
      "INSERT INTO ledger_notice_replies (notice_id, reply, replied_by, replied_at)"
      " VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.status();
  (*insert)->BindAll(notice_id, reply, actor, notice->replied_at);
  if (Status ran = (*insert)->Run(); !ran.ok()) return ran;
  Status ran = Audit({0, task->ledger_id, task->id, actor, notice->replied_at, "notice_reply",
                      ducha::NoticeJson(before).dump(), ducha::NoticeJson(*notice).dump()});
  if (!ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return *notice;
}

Result<std::vector<ducha::Notice>> SqlStore::LedgerNotices(int64_t ledger_id) {
  return ReadNotices("t.ledger_id", ledger_id);
}

Result<std::vector<ducha::Notice>> SqlStore::TaskNotices(int64_t task_id) {
  return ReadNotices("n.task_id", task_id);
}

Result<std::vector<ducha::Notice>> SqlStore::ReadNotices(const char* column, int64_t id) {
  Result<Statement*> stmt =
      Cached(std::string("SELECT n.id, n.task_id, n.reason, n.reply_by, n.issued_by, n.issued_at,"
                         " r.reply, r.replied_by, r.replied_at FROM ledger_notices n"
                         " JOIN ledger_tasks t ON t.id = n.task_id"
                         " LEFT JOIN ledger_notice_replies r ON r.id = (SELECT max(id) FROM"
                         " ledger_notice_replies WHERE notice_id = n.id) WHERE ") +
             column + " = ?1 ORDER BY n.id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  std::vector<ducha::Notice> notices;
  Status ran =
      ForEachRow(*stmt, [&](const Statement& row) { notices.push_back(ReadNoticeRow(row)); });
  if (!ran.ok()) return ran;
  return notices;
}

Result<ducha::Task> SqlStore::AddTask(int64_t ledger_id, const ducha::Task& task,
                                      const std::string& actor) {
  if (task.text.empty()) return InvalidInput("任务内容不能为空");
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<LedgerRecord> ledger = GetLedger(ledger_id);
  if (!ledger.ok()) return ledger.status();
  if (task.due.year < ledger->year) {
    return InvalidInput("截止日期 " + ducha::DateText(task.due) + " 早于台账年度（" +
                        std::to_string(ledger->year) + "年）");
  }
  Result<std::vector<ducha::Task>> tasks = LedgerTasks(ledger_id);
  if (!tasks.ok()) return tasks.status();
  ducha::Task added = task;
  added.ledger_id = ledger_id;
  added.status = ducha::TaskStatus::kOpen;
  // A sub-task is numbered after its parent (12.1, 12.2…); a task of the
  // office's own after the ledger's last.
  int siblings = 0, last = 0;
  const ducha::Task* parent = nullptr;
  for (const ducha::Task& other : *tasks) {
    if (other.id == task.parent_id) parent = &other;
    if (task.parent_id != 0 && other.parent_id == task.parent_id) ++siblings;
    if (other.parent_id == 0) last = std::max(last, std::atoi(other.number.c_str()));
  }
  if (task.parent_id != 0 && parent == nullptr) {
    return NotFound("台账中没有编号为" + std::to_string(task.parent_id) + "的任务。");
  }
  if (parent != nullptr) {
    if (Status open = OpenForWork(*parent, "分解"); !open.ok()) return open;
  }
  added.number = parent != nullptr ? parent->number + "." + std::to_string(siblings + 1)
                                   : std::to_string(last + 1);
  if (parent != nullptr && added.section.empty()) added.section = parent->section;
  if (Status ran = InsertTask(&added, actor, NowUtc(), "add_task"); !ran.ok()) return ran;
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  return added;
}

Result<std::vector<LedgerAuditEntry>> SqlStore::LedgerAudit(int64_t ledger_id) {
  return ReadAudit("ledger_id", ledger_id);
}

Result<std::vector<LedgerAuditEntry>> SqlStore::TaskAudit(int64_t task_id) {
  return ReadAudit("task_id", task_id);
}

Result<std::vector<LedgerAuditEntry>> SqlStore::ReadAudit(const char* column, int64_t id) {
  Result<Statement*> stmt = Cached(
      std::string("SELECT id, ledger_id, task_id, actor, made_at, action, before_json, after_json"
                  " FROM ledger_audit WHERE ") +
      column + " = ?1 ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  std::vector<LedgerAuditEntry> log;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    log.push_back({row.ColumnInt(0), row.ColumnInt(1), row.ColumnIsNull(2) ? 0 : row.ColumnInt(2),
                   row.ColumnText(3), row.ColumnText(4), row.ColumnText(5), row.ColumnText(6),
                   row.ColumnText(7)});
  });
  if (!ran.ok()) return ran;
  return log;
}

}  // namespace mubiao::store
