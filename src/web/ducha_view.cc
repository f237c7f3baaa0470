#include "web/ducha_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/utf8.h"
#include "web/moderators.h"

namespace mubiao::web {

namespace {

// The tail of an Argon2id hash string: part of the hash itself, different
// for every password set.
std::string HashTag(const std::string& password_hash) {
  return password_hash.substr(password_hash.size() > 16 ? password_hash.size() - 16 : 0);
}

}  // namespace

std::string SessionValue(const store::AccountRecord& record) {
  return record.account.name + "\n" + HashTag(record.password_hash);
}

Result<std::optional<ducha::Account>> DuchaAccountOf(PortalState* state, store::Store& store,
                                                     const HttpRequest& request) {
  const std::string session = request.Cookie(kDuchaCookie);
  if (session.size() != 64) return std::optional<ducha::Account>();
  Result<std::string> value =
      SessionModerator(store, session, state->Now(), store::SharedKind::kDuchaSession);
  if (!value.ok()) return value.status();
  const size_t cut = value->find('\n');
  if (cut == std::string::npos) return std::optional<ducha::Account>();
  // Read afresh on every request: a changed role or unit holds at once.
  Result<store::AccountRecord> record = store.GetAccount(value->substr(0, cut));
  if (!record.ok()) {
    if (record.status().code() == StatusCode::kNotFound) return std::optional<ducha::Account>();
    return record.status();
  }
  if (record->disabled() || SessionValue(*record) != *value) {
    return std::optional<ducha::Account>();
  }
  return std::optional<ducha::Account>(std::move(record->account));
}

Status CheckFiledProgress(const ducha::Progress& p, const ducha::Date& today) {
  if (p.date > today) {
    return InvalidInput("进展日期 " + ducha::DateText(p.date) +
                        " 晚于今天，只能填报已经完成的进展。");
  }
  if (!p.value && !p.share && p.done.empty()) {
    return InvalidInput("请至少填写完成值、完成比例或完成情况之一。");
  }
  for (const std::string* note : {&p.done, &p.problems, &p.next_steps}) {
    if (!text::IsValidUtf8(*note) || text::CountCodePoints(*note) > 2000) {
      return InvalidInput("完成情况、存在问题和下步打算各不能超过2000个字。");
    }
    for (unsigned char c : *note) {
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
        return InvalidInput("进展说明中含有控制字符。");
      }
    }
  }
  return Status::Ok();
}

HttpResponse PrivatePage(HttpResponse response) {
  response.validatable = false;
  std::erase_if(response.headers,
                [](const auto& header) { return header.first == "Cache-Control"; });
  return response;
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

Result<LedgerView> OpenPublicLedger(store::Store& store, int64_t id) {
  Result<store::LedgerRecord> ledger = store.GetLedger(id);
  if (!ledger.ok()) return ledger.status();
  Result<std::vector<std::string>> shown = store.PublicViews();
  if (!shown.ok()) return shown.status();
  if (!std::binary_search(shown->begin(), shown->end(), ledger->region_code)) {
    return NotFound("没有这个公开台账：该地方政府未公开其任务台账。");
  }
  Result<std::vector<ducha::LedgerRow>> rows = store.LedgerRows(id);
  if (!rows.ok()) return rows.status();
  return LedgerView{std::move(*ledger), std::move(*rows)};
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
