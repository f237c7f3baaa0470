#include "web/ducha_view.h"

#include <nlohmann/json.hpp>

#include "web/moderators.h"

namespace mubiao::web {

Result<std::optional<ducha::Account>> DuchaAccountOf(PortalState* state, store::Store& store,
                                                     const HttpRequest& request) {
  const std::string session = request.Cookie(kDuchaCookie);
  if (session.size() != 64) return std::optional<ducha::Account>();
  Result<std::string> name =
      SessionModerator(store, session, state->Now(), store::SharedKind::kDuchaSession);
  if (!name.ok()) return name.status();
  if (name->empty()) return std::optional<ducha::Account>();
  // Read afresh on every request: a changed role or unit holds at once.
  Result<store::AccountRecord> record = store.GetAccount(*name);
  if (!record.ok()) {
    if (record.status().code() == StatusCode::kNotFound) return std::optional<ducha::Account>();
    return record.status();
  }
  return std::optional<ducha::Account>(std::move(record->account));
}

Result<LedgerView> OpenLedger(store::Store& store, const ducha::Account& account, int64_t id) {
  Result<store::LedgerRecord> ledger = store.GetLedger(id);
  if (!ledger.ok()) return ledger.status();
  if (!ducha::CanReadLedger(account, ledger->region_code)) {
    return PermissionDenied("此台账属于其他地方政府，您无权查看。");
  }
  Result<std::vector<ducha::LedgerRow>> rows = store.LedgerRows(id);
  if (!rows.ok()) return rows.status();
  LedgerView view{std::move(*ledger), {}};
  for (ducha::LedgerRow& row : *rows) {
    if (ducha::CanSeeTask(account, row.task)) view.rows.push_back(std::move(row));
  }
  return view;
}

Result<TaskView> OpenTask(store::Store& store, const ducha::Account& account, int64_t id) {
  Result<ducha::Task> task = store.GetTask(id);
  if (!task.ok()) return task.status();
  Result<store::LedgerRecord> ledger = store.GetLedger(task->ledger_id);
  if (!ledger.ok()) return ledger.status();
  if (!ducha::CanReadLedger(account, ledger->region_code) || !ducha::CanSeeTask(account, *task)) {
    return PermissionDenied("此任务不属于您的单位，您无权查看或办理。");
  }
  return TaskView{std::move(*ledger), std::move(*task)};
}

Result<TaskRecords> ReadTaskRecords(store::Store& store, const ducha::Task& task) {
  Result<std::vector<ducha::Progress>> progress = store.TaskProgress(task.id);
  if (!progress.ok()) return progress.status();
  Result<std::vector<ducha::Milestone>> milestones = store.TaskMilestones(task.id);
  if (!milestones.ok()) return milestones.status();
  TaskRecords records;
  records.row.task = task;
  if (!progress->empty()) records.row.latest = progress->back();
  records.row.milestones = std::move(*milestones);
  records.progress = std::move(*progress);
  return records;
}

nlohmann::json RowJson(const ducha::LedgerRow& row, int year, const ducha::Date& today,
                       bool internal) {
  nlohmann::json j = ducha::LedgerRowJson(row, year, today);
  if (!internal) {
    for (const char* field : {"leader", "finding_key", "version"}) j.erase(field);
    if (j.contains("latest")) {
      for (const char* field : {"done", "problems", "next_steps", "author"}) {
        j["latest"].erase(field);
      }
    }
    if (j.contains("milestones")) {
      for (nlohmann::json& m : j["milestones"]) m.erase("created_by");
    }
  }
  return j;
}

Result<std::vector<store::LedgerRecord>> PublicLedgers(store::Store& store) {
  Result<std::vector<std::string>> shown = store.PublicViews();
  if (!shown.ok()) return shown.status();
  Result<std::vector<store::LedgerRecord>> all = store.ListLedgers();
  if (!all.ok()) return all.status();
  std::vector<store::LedgerRecord> ledgers;
  for (store::LedgerRecord& ledger : *all) {
    if (std::binary_search(shown->begin(), shown->end(), ledger.region_code)) {
      ledgers.push_back(std::move(ledger));
    }
  }
  return ledgers;
}

std::string ActorName(const ducha::Account& account) {
  return account.role == ducha::Role::kUnit ? account.unit + "（" + account.name + "）"
                                            : account.name;
}

std::string LedgerUrl(int64_t id) { return "/ducha/taizhang/" + std::to_string(id); }
std::string TaskUrl(int64_t id) { return "/ducha/renwu/" + std::to_string(id); }

}  // namespace mubiao::web
