// `mubiao ledger`: supervision ledgers (src/ducha) for scripting and for
// offices without a server — made from a stored report, listed, tasks
// assigned in bulk and moved through 办结 and 销号, progress filed, and the
// sheet offices keep exported; the accounts, units and public view of a
// government.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "ducha/sheet.h"
#include "store/sql_store.h"
#include "text/utf8.h"
#include "tracking/ledger_outcomes.h"
#include "tracking/store_tracking.h"
#include "web/moderators.h"
#include "web/random.h"

namespace mubiao::cli {
namespace {

std::unique_ptr<store::Store> Open(const std::string& db) {
  Result<std::unique_ptr<store::Store>> s = store::OpenStore(db, store::OpenMode::kMustExist);
  if (!s.ok()) Fail("", s.status().message());
  return std::move(s).value();
}

// A stored ledger with its tasks and their latest progress; fails the
// command when it cannot be read.
struct LedgerRead {
  store::LedgerRecord ledger;
  std::vector<ducha::LedgerRow> rows;
};
LedgerRead ReadLedger(store::Store* s, const std::string& db, int64_t ledger_id) {
  Result<store::LedgerRecord> ledger = s->GetLedger(ledger_id);
  if (!ledger.ok()) Fail(db, ledger.status().message());
  Result<std::vector<ducha::LedgerRow>> rows = s->LedgerRows(ledger_id);
  if (!rows.ok()) Fail(db, rows.status().message());
  return {std::move(*ledger), std::move(*rows)};
}

ducha::Date DateOption(const std::string& option, const std::string& value) {
  const std::optional<ducha::Date> date = ducha::ParseDate(value);
  if (!date) Fail(option, "not a date (YYYY-MM-DD): " + value, kExitUsage);
  return *date;
}

// The --today option: its date, or today in Beijing when it is not given.
ducha::Date TodayOption(const std::string& value) {
  return value.empty() ? ducha::BeijingDate(std::chrono::system_clock::now())
                       : DateOption("--today", value);
}

std::optional<double> NumberOption(const std::string& option, const std::string& value) {
  if (value.empty()) return std::nullopt;
  const std::optional<double> number = ducha::ParseTypedNumber(value);
  if (!number) Fail(option, "not a number: " + value, kExitUsage);
  return number;
}

// A new ledger of every target and commitment of stored report `document`,
// in the report's order; prints its id.
void Create(const std::string& db, int64_t document, std::string title, std::string by) {
  std::unique_ptr<store::Store> s = Open(db);
  Result<store::StoredDocument> doc = s->GetDocument(document);
  if (!doc.ok()) Fail(db, doc.status().message());
  Result<store::NewLedger> made = store::LedgerOfReport(*doc, std::move(title), WhoOption(by));
  if (!made.ok()) Fail(db, made.status().message());
  Result<int64_t> id = s->CreateLedger(made->ledger, made->tasks);
  if (!id.ok()) Fail(db, id.status().message());
  std::cout << *id << "\n";
}

void List(const std::string& db, const std::string& format) {
  std::unique_ptr<store::Store> s = Open(db);
  Result<std::vector<store::LedgerRecord>> ledgers = s->ListLedgers();
  if (!ledgers.ok()) Fail(db, ledgers.status().message());
  for (const store::LedgerRecord& l : *ledgers) {
    if (format == "json") {
      std::cout << nlohmann::json{{"id", l.id},
                                  {"document_id", l.document_id},
                                  {"region_code", l.region_code},
                                  {"year", l.year},
                                  {"title", l.title},
                                  {"tasks", l.tasks},
                                  {"created_at", l.created_at},
                                  {"created_by", l.created_by}}
                       .dump()
                << "\n";
    } else {
      std::cout << l.id << "\t" << l.year << "\t" << l.region_code << "\t" << l.tasks << " tasks\t"
                << text::EscapeForDisplay(l.title) << "\n";
    }
  }
}

// Writes the ledger (`sheet` "ledger", judged on `today`) or its year-end
// table ("year_end") as `format` to `output`.
void Export(const std::string& db, int64_t ledger_id, const std::string& sheet,
            const std::string& format, const std::string& output, const ducha::Date& today) {
  std::unique_ptr<store::Store> s = Open(db);
  ducha::Sheet table;
  std::string title;
  if (sheet == "year_end") {
    Result<store::LedgerRecord> ledger = s->GetLedger(ledger_id);
    if (!ledger.ok()) Fail(db, ledger.status().message());
    title = ledger->title;
    if (Result<int> updated = tracking::UpdateStoredVerdicts(s.get()); !updated.ok()) {
      Fail(db, updated.status().message());
    }
    Result<std::vector<ducha::YearEndRow>> rows = tracking::YearEndRows(s.get(), ledger_id);
    if (!rows.ok()) Fail(db, rows.status().message());
    table = ducha::YearEndSheet(*rows);
  } else {
    const LedgerRead read = ReadLedger(s.get(), db, ledger_id);
    title = read.ledger.title;
    table = ducha::LedgerSheet(read.rows, read.ledger.year, today);
  }
  if (format == "xlsx") {
    const Status written = ducha::WriteSheetXlsx(output, title, table);
    if (!written.ok()) Fail("", written.message());
    return;
  }
  std::ofstream out(output, std::ios::binary);
  out << ducha::SheetCsv(table);
  out.close();
  if (!out) Fail(output, "cannot write the file");
}

struct ProgressOptions {
  int64_t task = 0;
  std::string date, value, share, done, problems, next_steps, by;
};

void FileProgress(const std::string& db, const ProgressOptions& o) {
  ducha::Progress p;
  p.task_id = o.task;
  p.date = DateOption("--date", o.date);
  p.value = NumberOption("--value", o.value);
  p.share = NumberOption("--share", o.share);
  p.done = o.done;
  p.problems = o.problems;
  p.next_steps = o.next_steps;
  p.author = WhoOption(o.by);
  std::unique_ptr<store::Store> s = Open(db);
  Result<ducha::Progress> stored = s->AddProgress(p);
  if (!stored.ok()) Fail(db, stored.status().message());
  std::cout << ducha::ProgressJson(*stored).dump() << "\n";
}

// Every task of a ledger as one JSON object per line, with its latest
// progress and its pace on `today`: what a script reads before it changes a
// task (id, version).
void Tasks(const std::string& db, int64_t ledger_id, const ducha::Date& today) {
  std::unique_ptr<store::Store> s = Open(db);
  const LedgerRead read = ReadLedger(s.get(), db, ledger_id);
  for (const ducha::LedgerRow& row : read.rows) {
    std::cout << ducha::LedgerRowJson(row, read.ledger.year, today).dump() << "\n";
  }
}

struct AssignOptions {
  int64_t ledger = 0;
  ducha::TaskRule rule;
  std::string lead, co, leader, by;
};

void Assign(const std::string& db, const AssignOptions& o) {
  ducha::TaskChange fields;
  if (!o.lead.empty()) fields.lead_unit = o.lead;
  if (!o.co.empty()) fields.co_units = o.co;
  if (!o.leader.empty()) fields.leader = o.leader;
  if (!fields.lead_unit && !fields.co_units && !fields.leader) {
    Fail("", "give --lead, --co or --leader", kExitUsage);
  }
  fields.actor = WhoOption(o.by);
  std::unique_ptr<store::Store> s = Open(db);
  Result<int> assigned = s->AssignTasks(o.ledger, o.rule, fields);
  if (!assigned.ok()) Fail(db, assigned.status().message());
  std::cout << *assigned << " tasks assigned\n";
}

struct StatusOptions {
  int64_t task = 0, version = 0;
  std::string to, note, check, by;
};

void ChangeStatus(const std::string& db, const StatusOptions& o) {
  ducha::TaskChange change;
  change.task_id = o.task;
  change.version = o.version;
  change.status = ducha::ParseTaskStatus(o.to);
  change.note = o.note;
  if (!o.check.empty()) change.check = ducha::ParseCheckMethod(o.check);
  change.actor = WhoOption(o.by);
  std::unique_ptr<store::Store> s = Open(db);
  Result<ducha::Task> changed = s->ChangeTask(change);
  if (!changed.ok()) Fail(db, changed.status().message());
  std::cout << ducha::TaskJson(*changed).dump() << "\n";
}

// The lead units of a ledger ranked worst first by share of tasks on pace
// on `today`, one line each (or one JSON object per line).
void Units(const std::string& db, int64_t ledger_id, const ducha::Date& today, bool json) {
  std::unique_ptr<store::Store> s = Open(db);
  const LedgerRead read = ReadLedger(s.get(), db, ledger_id);
  for (const ducha::UnitStanding& u : ducha::RankUnits(read.rows, read.ledger.year, today)) {
    const std::string unit = u.unit.empty() ? "（未分配）" : u.unit;
    if (json) {
      std::cout << nlohmann::json{{"unit", u.unit},      {"tasks", u.tasks}, {"green", u.green},
                                  {"yellow", u.yellow},  {"red", u.red},     {"closed", u.closed},
                                  {"on_pace", u.on_pace}}
                       .dump()
                << "\n";
    } else {
      std::printf("%s\t序时 %.1f%%\t绿 %d 黄 %d 红 %d\t已销号 %d\n",
                  text::EscapeForDisplay(unit).c_str(), u.on_pace, u.green, u.yellow, u.red,
                  u.closed);
    }
  }
}

struct NoticeOptions {
  int64_t task = 0, ledger = 0;
  std::string reason, reply_by, today, by;
  std::string from = "red";  // the lightest light that gets a notice: red, or yellow and red
};

// Issues a notice on one task (--task, with --reason), or on every task of
// a ledger red (or, --from yellow, yellow or red) on --today (--ledger), the
// reason saying how far behind it is; prints each as issued.
void IssueNotices(const std::string& db, const NoticeOptions& o) {
  if ((o.task == 0) == (o.ledger == 0)) Fail("", "give --task or --ledger", kExitUsage);
  ducha::Notice notice;
  notice.reply_by = DateOption("--reply-by", o.reply_by);
  notice.issued_by = WhoOption(o.by);
  std::unique_ptr<store::Store> s = Open(db);
  std::vector<ducha::Notice> to_issue;
  if (o.task != 0) {
    notice.task_id = o.task;
    notice.reason = o.reason;
    to_issue.push_back(notice);
  } else {
    const ducha::Date today = TodayOption(o.today);
    const LedgerRead read = ReadLedger(s.get(), db, o.ledger);
    for (const ducha::LedgerRow& row : read.rows) {
      const ducha::Pace pace = ducha::PaceOf(row, read.ledger.year, today);
      const bool behind = pace.light == ducha::Light::kRed ||
                          (o.from == "yellow" && pace.light == ducha::Light::kYellow);
      if (!behind) continue;
      notice.task_id = row.task.id;
      notice.reason = o.reason.empty() ? ducha::NoticeReason(row.task, pace, today) : o.reason;
      to_issue.push_back(notice);
    }
  }
  for (const ducha::Notice& n : to_issue) {
    Result<ducha::Notice> issued = s->IssueNotice(n);
    if (!issued.ok()) Fail(db, issued.status().message());
    std::cout << ducha::NoticeJson(*issued).dump() << "\n";
  }
}

struct AddOptions {
  int64_t ledger = 0, parent = 0;
  std::string text, indicator, value, unit, due, by;
};

// Adds a task of the office's own, or a sub-task of --parent; prints it.
void AddTask(const std::string& db, const AddOptions& o) {
  ducha::Task task;
  task.parent_id = o.parent;
  task.text = o.text;
  task.indicator = o.indicator;
  task.target_value = NumberOption("--value", o.value);
  task.unit = o.unit;
  if (task.target_value) task.cmp = quantity::Comparator::kAtLeast;
  std::unique_ptr<store::Store> s = Open(db);
  Result<store::LedgerRecord> ledger = s->GetLedger(o.ledger);
  if (!ledger.ok()) Fail(db, ledger.status().message());
  task.due = o.due.empty() ? ducha::Date{ledger->year, 12, 31} : DateOption("--due", o.due);
  Result<ducha::Task> added = s->AddTask(o.ledger, task, WhoOption(o.by));
  if (!added.ok()) Fail(db, added.status().message());
  std::cout << ducha::TaskJson(*added).dump() << "\n";
}

// A ledger's audit log, or one task's whole history (--task), oldest first,
// one JSON object per line: who, when, what, before and after.
void History(const std::string& db, int64_t ledger_id, int64_t task_id) {
  std::unique_ptr<store::Store> s = Open(db);
  Result<std::vector<store::LedgerAuditEntry>> log =
      task_id != 0 ? s->TaskAudit(task_id) : s->LedgerAudit(ledger_id);
  if (!log.ok()) Fail(db, log.status().message());
  for (const store::LedgerAuditEntry& e : *log) {
    if (e.ledger_id != ledger_id) continue;
    nlohmann::json j = {{"id", e.id},
                        {"at", e.at},
                        {"actor", e.actor},
                        {"action", e.action},
                        {"before", nlohmann::json::parse(e.before, nullptr, false)},
                        {"after", nlohmann::json::parse(e.after, nullptr, false)}};
    if (e.task_id != 0) j["task_id"] = e.task_id;
    std::cout << j.dump() << "\n";
  }
}

// Creates an account of a government or gives it a new password, role or
// unit; the password is read from stdin.
void PutAccount(const std::string& db, ducha::Account account) {
  if (!web::InitCrypto()) Fail("", "libsodium cannot be initialised");
  if (Status valid = ducha::ValidateAccount(account); !valid.ok()) {
    Fail("", valid.message(), kExitUsage);
  }
  const std::string password = ReadPassword();
  if (Status valid = web::ValidatePassword(password); !valid.ok()) {
    Fail("", valid.message(), kExitUsage);
  }
  Result<std::string> hash = web::HashPassword(password);
  if (!hash.ok()) Fail("", hash.status().message());
  std::unique_ptr<store::Store> s = Open(db);
  if (Status saved = s->PutAccount({account, *hash, ""}); !saved.ok()) Fail(db, saved.message());
  std::cout << "account " << account.name << " (" << ducha::RoleName(account.role) << ", "
            << account.region_code << ") saved\n";
}

// The accounts, units and public view of a government.
void AddAccessCommands(CLI::App* cmd, std::string* db) {
  CLI::App* account = cmd->add_subcommand(
      "account",
      "Create an account of a government's supervision office, a unit or a viewer, or "
      "set its new password (read from stdin; asked twice on a terminal)");
  AddDatabaseOption(account, db);
  static ducha::Account a;
  static std::string role;
  account->add_option("name", a.name, "Sign-in name")->required();
  account->add_option("--role", role, "admin (督查室), unit (承办单位) or viewer (只读)")
      ->required()
      ->check(CLI::IsMember({"admin", "unit", "viewer"}));
  account->add_option("--region", a.region_code, "The government's division code")->required();
  account->add_option("--unit", a.unit, "The unit of a unit account");
  account->callback([db] {
    a.role = *ducha::ParseRole(role);
    PutAccount(*db, a);
  });

  CLI::App* disable = cmd->add_subcommand(
      "disable",
      "Disable an account of a government (it can no longer sign in; its sessions end); "
      "`ledger account` with a new password enables it again");
  AddDatabaseOption(disable, db);
  static std::string disable_name, disable_region;
  disable->add_option("name", disable_name, "Sign-in name")->required();
  disable->add_option("--region", disable_region, "The government's division code")->required();
  disable->callback([db] {
    if (Status done = Open(*db)->DisableAccount(disable_region, disable_name); !done.ok()) {
      Fail(*db, done.message());
    }
    std::cout << "account " << disable_name << " disabled\n";
  });

  CLI::App* accounts = cmd->add_subcommand("accounts", "A government's accounts");
  AddDatabaseOption(accounts, db);
  static std::string accounts_region;
  accounts->add_option("--region", accounts_region, "The government's division code")->required();
  accounts->callback([db] {
    Result<std::vector<ducha::Account>> all = Open(*db)->ListAccounts(accounts_region);
    if (!all.ok()) Fail(*db, all.status().message());
    for (const ducha::Account& each : *all) {
      std::cout << each.name << "\t" << ducha::RoleName(each.role) << "\t" << each.unit << "\n";
    }
  });

  CLI::App* roster = cmd->add_subcommand(
      "roster", "Add units to a government's list of units (牵头/配合单位), or print the list");
  AddDatabaseOption(roster, db);
  static std::string roster_region;
  static std::vector<std::string> roster_add;
  roster->add_option("--region", roster_region, "The government's division code")->required();
  roster->add_option("--add", roster_add, "A unit to add (repeatable)");
  roster->callback([db] {
    std::unique_ptr<store::Store> s = Open(*db);
    for (const std::string& unit : roster_add) {
      if (Status added = s->AddUnit(roster_region, unit); !added.ok()) {
        Fail(*db, added.message(), kExitUsage);
      }
    }
    Result<std::vector<std::string>> units = s->ListUnits(roster_region);
    if (!units.ok()) Fail(*db, units.status().message());
    for (const std::string& unit : *units) std::cout << unit << "\n";
  });

  CLI::App* shown = cmd->add_subcommand(
      "public",
      "Show a government's tasks and lights to the public at /ducha/gongkai/ (on), or "
      "stop (off)");
  AddDatabaseOption(shown, db);
  static std::string public_region, public_state, public_by;
  shown->add_option("--region", public_region, "The government's division code")->required();
  shown->add_option("state", public_state, "on or off")
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  shown->add_option("--by", public_by, "Who; default: the account running the command");
  shown->callback([db] {
    Status set =
        Open(*db)->SetPublicView(public_region, public_state == "on", WhoOption(public_by));
    if (!set.ok()) Fail(*db, set.message());
  });
}

}  // namespace

void AddLedgerCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "ledger",
      "Supervision ledgers (督查督办): a report's targets and commitments as tasks, their "
      "progress, pace (序时进度) and lights, exported as the sheet offices keep");
  cmd->require_subcommand(1);
  static std::string db = kDefaultDatabase;

  CLI::App* create = cmd->add_subcommand(
      "create", "Make a ledger of every target and commitment of a stored report; prints its id");
  AddDatabaseOption(create, &db);
  static int64_t document = 0;
  static std::string title, by;
  create->add_option("--document", document, "The report's id (mubiao documents)")->required();
  create->add_option("--title", title, "The ledger's title; default: the report's, 重点任务台账");
  create->add_option("--by", by, "Who makes it; default: the account running the command");
  create->callback([] { Create(db, document, title, by); });

  CLI::App* list = cmd->add_subcommand("list", "Every ledger, newest first");
  AddDatabaseOption(list, &db);
  static std::string list_format = "table";
  list->add_option("--format", list_format, "table or json (one object per line)")
      ->check(CLI::IsMember({"table", "json"}));
  list->callback([] { List(db, list_format); });

  CLI::App* exp = cmd->add_subcommand(
      "export", "Write a ledger as .xlsx or .csv: one row per task, the header row first");
  AddDatabaseOption(exp, &db);
  static int64_t ledger = 0;
  static std::string sheet = "ledger", format, output, today;
  exp->add_option("--ledger", ledger, "The ledger's id")->required();
  exp->add_option("--format", format, "xlsx or csv")
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv"}));
  exp->add_option("--output", output, "The file to write")->required();
  exp->add_option("--sheet", sheet,
                  "ledger (任务台账, the default) or year_end (对照表: each task beside the "
                  "outcome tracking found and its evidence)")
      ->check(CLI::IsMember({"ledger", "year_end"}));
  exp->add_option("--today", today,
                  "The date the pace and lights are judged on (YYYY-MM-DD); default: today "
                  "(Beijing)");
  exp->callback([] { Export(db, ledger, sheet, format, output, TodayOption(today)); });

  CLI::App* tasks = cmd->add_subcommand(
      "tasks", "A ledger's tasks, one JSON object per line (id, version, latest progress, pace)");
  AddDatabaseOption(tasks, &db);
  static int64_t tasks_ledger = 0;
  static std::string tasks_today;
  tasks->add_option("--ledger", tasks_ledger, "The ledger's id")->required();
  tasks->add_option("--today", tasks_today,
                    "Pace judged on this date (YYYY-MM-DD); default: today");
  tasks->callback([] { Tasks(db, tasks_ledger, TodayOption(tasks_today)); });

  CLI::App* add = cmd->add_subcommand(
      "add", "Add a task the report does not hold, or split a task (--parent) into sub-tasks");
  AddDatabaseOption(add, &db);
  static AddOptions ad;
  add->add_option("--ledger", ad.ledger, "The ledger's id")->required();
  add->add_option("--parent", ad.parent, "The task it is a sub-task of (numbered 12.1, 12.2…)");
  add->add_option("--text", ad.text, "What is to be done")->required();
  add->add_option("--indicator", ad.indicator, "What is measured");
  add->add_option("--value", ad.value, "The target, in base units (at least this)");
  add->add_option("--unit", ad.unit, "Its unit (人, 个, 亿元 as 元…)");
  add->add_option("--due", ad.due, "Due date (YYYY-MM-DD); default: the year's end");
  add->add_option("--by", ad.by, "Who adds it; default: the account running the command");
  add->callback([] { AddTask(db, ad); });

  CLI::App* assign = cmd->add_subcommand(
      "assign", "Assign a lead unit, co-units and a leader to every task a rule takes");
  AddDatabaseOption(assign, &db);
  static AssignOptions a;
  assign->add_option("--ledger", a.ledger, "The ledger's id")->required();
  assign->add_option("--section", a.rule.section, "Tasks whose section contains this text");
  assign->add_option("--topic", a.rule.topic, "Tasks of this topic (农业, 教育, …)");
  assign->add_option("--keyword", a.rule.keyword, "Tasks whose text or indicator contains this");
  assign->add_option("--lead", a.lead, "牵头单位");
  assign->add_option("--co", a.co, "配合单位, separated by 、");
  assign->add_option("--leader", a.leader, "责任领导");
  assign->add_option("--by", a.by, "Who assigns; default: the account running the command");
  assign->callback([] { Assign(db, a); });

  CLI::App* status = cmd->add_subcommand(
      "status", "Move a task on: completion_requested (办结), closed (销号), open, withdrawn");
  AddDatabaseOption(status, &db);
  static StatusOptions st;
  status->add_option("--task", st.task, "The task's id")->required();
  status->add_option("--version", st.version, "The task's version as read (ledger tasks)")
      ->required();
  status->add_option("--to", st.to, "The new status")
      ->required()
      ->check(CLI::IsMember({"open", "completion_requested", "closed", "withdrawn"}));
  status->add_option("--note", st.note,
                     "What was done (办结), how it was checked (销号), why (撤销, 退回)");
  status
      ->add_option(
          "--check", st.check,
          "How the office checked it, to close: documents (材料审核), site_visit (实地核查) "
          "or data (数据比对)")
      ->check(CLI::IsMember({"documents", "site_visit", "data"}));
  status->add_option("--by", st.by, "Who; default: the account running the command");
  status->callback([] { ChangeStatus(db, st); });

  CLI::App* units = cmd->add_subcommand(
      "units", "The lead units ranked worst first by share of their tasks on pace (序时进度)");
  AddDatabaseOption(units, &db);
  static int64_t units_ledger = 0;
  static std::string units_today, units_format = "table";
  units->add_option("--ledger", units_ledger, "The ledger's id")->required();
  units->add_option("--today", units_today, "Judged on this date (YYYY-MM-DD); default: today");
  units->add_option("--format", units_format, "table or json (one object per line)")
      ->check(CLI::IsMember({"table", "json"}));
  units->callback(
      [] { Units(db, units_ledger, TodayOption(units_today), units_format == "json"); });

  CLI::App* notice = cmd->add_subcommand("notice",
                                         "Issue a supervision notice (督办单) on a task, or on "
                                         "every task of a ledger behind its time");
  AddDatabaseOption(notice, &db);
  static NoticeOptions n;
  notice->add_option("--task", n.task, "The task's id");
  notice->add_option("--ledger", n.ledger, "Every task of this ledger red on --today");
  notice->add_option("--reason", n.reason,
                     "督办事项; default for --ledger: how far behind the task is");
  notice->add_option("--reply-by", n.reply_by, "反馈时限 (YYYY-MM-DD)")->required();
  notice->add_option("--today", n.today, "Judged on this date (YYYY-MM-DD); default: today");
  notice->add_option("--from", n.from, "With --ledger: red tasks (the default), or yellow and red")
      ->check(CLI::IsMember({"red", "yellow"}));
  notice->add_option("--by", n.by, "Who issues it; default: the account running the command");
  notice->callback([] { IssueNotices(db, n); });

  CLI::App* reply = cmd->add_subcommand("reply", "File a unit's reply to a notice");
  AddDatabaseOption(reply, &db);
  static int64_t reply_notice = 0;
  static std::string reply_text, reply_by;
  reply->add_option("--notice", reply_notice, "The notice's id")->required();
  reply->add_option("--text", reply_text, "The reply")->required();
  reply->add_option("--by", reply_by, "Who replies; default: the account running the command");
  reply->callback([] {
    std::unique_ptr<store::Store> s = Open(db);
    Result<ducha::Notice> replied = s->ReplyToNotice(reply_notice, reply_text, WhoOption(reply_by));
    if (!replied.ok()) Fail(db, replied.status().message());
    std::cout << ducha::NoticeJson(*replied).dump() << "\n";
  });

  CLI::App* notices = cmd->add_subcommand("notices", "A ledger's notices with their replies");
  AddDatabaseOption(notices, &db);
  static int64_t notices_ledger = 0;
  notices->add_option("--ledger", notices_ledger, "The ledger's id")->required();
  notices->callback([] {
    std::unique_ptr<store::Store> s = Open(db);
    Result<std::vector<ducha::Notice>> all = s->LedgerNotices(notices_ledger);
    if (!all.ok()) Fail(db, all.status().message());
    for (const ducha::Notice& each : *all) std::cout << ducha::NoticeJson(each).dump() << "\n";
  });

  CLI::App* history = cmd->add_subcommand(
      "history", "A ledger's audit log, or one task's whole history: who, when, before, after");
  AddDatabaseOption(history, &db);
  static int64_t history_ledger = 0, history_task = 0;
  history->add_option("--ledger", history_ledger, "The ledger's id")->required();
  history->add_option("--task", history_task, "Only this task's history");
  history->callback([] { History(db, history_ledger, history_task); });

  CLI::App* progress =
      cmd->add_subcommand("progress", "File a unit's progress on a task; prints it as stored");
  AddDatabaseOption(progress, &db);
  static ProgressOptions p;
  progress->add_option("--task", p.task, "The task's id")->required();
  progress->add_option("--date", p.date, "As of (YYYY-MM-DD), within the ledger's year")
      ->required();
  progress->add_option("--value", p.value, "Value reached, in the task's base unit");
  progress->add_option("--share", p.share, "Share of the target done, 0-100");
  progress->add_option("--done", p.done, "完成情况");
  progress->add_option("--problems", p.problems, "存在问题");
  progress->add_option("--next", p.next_steps, "下步打算");
  progress->add_option("--by", p.by, "Who files it; default: the account running the command");
  progress->callback([] { FileProgress(db, p); });

  CLI::App* milestone = cmd->add_subcommand(
      "milestone",
      "Set a milestone (节点目标) on a task: a value or share to reach by a date, or a "
      "step; the pace is then judged against the milestones");
  AddDatabaseOption(milestone, &db);
  static int64_t milestone_task = 0;
  static std::string milestone_date, milestone_value, milestone_share, milestone_step, milestone_by;
  milestone->add_option("--task", milestone_task, "The task's id")->required();
  milestone->add_option("--date", milestone_date, "By when (YYYY-MM-DD)")->required();
  milestone->add_option("--value", milestone_value, "Value to have reached, in the task's unit");
  milestone->add_option("--share", milestone_share, "Or share of the target to have done, 0-100");
  milestone->add_option("--step", milestone_step, "What is to be done by then (形象进度)");
  milestone->add_option("--by", milestone_by,
                        "Who sets it; default: the account running the command");
  milestone->callback([] {
    ducha::Milestone m;
    m.task_id = milestone_task;
    m.date = DateOption("--date", milestone_date);
    m.value = NumberOption("--value", milestone_value);
    m.share = NumberOption("--share", milestone_share);
    m.step = milestone_step;
    m.created_by = WhoOption(milestone_by);
    Result<ducha::Milestone> set = Open(db)->AddMilestone(m);
    if (!set.ok()) Fail(db, set.status().message());
    std::cout << ducha::MilestoneJson(*set).dump() << "\n";
  });

  AddAccessCommands(cmd, &db);
}

}  // namespace mubiao::cli
