// What the supervision pages (/ducha/) and their API (/api/v1/ducha/) share
// (internal to src/web): who is signed in, the ledgers and tasks that
// account may open, and the one JSON shape of a task as the API shows it.
#ifndef MUBIAO_WEB_DUCHA_VIEW_H_
#define MUBIAO_WEB_DUCHA_VIEW_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ducha/access.h"
#include "ducha/ledger.h"
#include "store/store.h"
#include "web/portal_state.h"

namespace mubiao::web {

// The supervision session cookie (HttpOnly, SameSite=Strict: a request
// from another site never carries it).
inline constexpr char kDuchaCookie[] = "mb_ducha";

// What a supervision session keeps: the account's name and a tag of its
// password hash, so that a new password (or a new account of that name)
// ends the sessions started before it.
std::string SessionValue(const store::AccountRecord& record);

// The account signed in to the supervision pages; nullopt when none (no
// cookie, an expired session, or an account re-keyed or removed since).
Result<std::optional<ducha::Account>> DuchaAccountOf(PortalState* state, store::Store& store,
                                                     const HttpRequest& request);

// A ledger as an account may see it: the rows of the tasks it may see.
struct LedgerView {
  store::LedgerRecord ledger;
  std::vector<ducha::LedgerRow> rows;
};

// A page only its account may see: kept by no cache, the browser's
// included (Cache-Control: no-store), so that Back after signing out on a
// shared computer shows nothing.
HttpResponse PrivatePage(HttpResponse response);

// Ledger `id` for `account`. kNotFound for an unknown ledger, kPermission
// (in Chinese) for another government's.
Result<LedgerView> OpenLedger(store::Store& store, const ducha::Account& account, int64_t id);

// Task `id` with its ledger for `account`. kNotFound for an unknown task,
// kPermission (in Chinese) for a task the account may not see.
struct TaskView {
  store::LedgerRecord ledger;
  ducha::Task task;
};
Result<TaskView> OpenTask(store::Store& store, const ducha::Account& account, int64_t id);

// What the portal asks of progress a person files, beyond what the ledger
// can take (ducha::ValidateProgress): dated no later than `today`, saying
// something (a value, a share or what was done), notes of at most 2,000
// characters of text. kInvalidInput in Chinese otherwise.
Status CheckFiledProgress(const ducha::Progress& progress, const ducha::Date& today);

// A task as its row of the ledger (its latest progress and milestones in
// force) with every progress report, oldest first.
struct TaskRecords {
  ducha::LedgerRow row;
  std::vector<ducha::Progress> progress;
};
Result<TaskRecords> ReadTaskRecords(store::Store& store, const ducha::Task& task);

// A task with its latest progress, milestones and pace on `today` for the
// API (ducha::LedgerRowJson). `internal` false (the public view) leaves out
// the leader, the finding key, the version and the progress notes.
nlohmann::json RowJson(const ducha::LedgerRow& row, int year, const ducha::Date& today,
                       bool internal);

// Ledger `id` as its government shows it to everyone, with every row.
// kNotFound (in Chinese) for an unknown ledger or one whose government does
// not show its ledgers.
Result<LedgerView> OpenPublicLedger(store::Store& store, int64_t id);

// The governments' ledgers the public may see (SetPublicView on).
Result<std::vector<store::LedgerRecord>> PublicLedgers(store::Store& store);

// "/ducha/taizhang/12", "/ducha/renwu/34".
std::string LedgerUrl(int64_t id);
std::string TaskUrl(int64_t id);

// Who an account is in a ledger's records: "县人社局（rsj）" for a unit's
// account, the name for the others.
std::string ActorName(const ducha::Account& account);

// "新郑市人民政府" for a division code; the code when the gazetteer lacks it.
std::string GovernmentName(const std::string& region_code);

// A handler for signed-in accounts: runs `answer(store, account, request,
// params)` with a pooled connection; `on_error(status)` answers a store
// failure and `on_guest()` a request without a signed-in account.
template <typename Answer, typename OnError, typename OnGuest>
Handler ForAccount(PortalState* state, Answer answer, OnError on_error, OnGuest on_guest) {
  return
      [state, answer, on_error, on_guest](const HttpRequest& request, const RouteParams& params) {
        Result<StorePool::Lease> store = state->pool->Acquire();
        if (!store.ok()) return on_error(store.status());
        Result<std::optional<ducha::Account>> account = DuchaAccountOf(state, **store, request);
        if (!account.ok()) return on_error(account.status());
        if (!*account) return on_guest();
        return answer(**store, **account, request, params);
      };
}

// A page's answer to a form that was refused or went through: the task's
// page showing `error` (with `status`) or `flash`.
struct FormOutcome {
  std::string error;
  std::string flash;
  int status = 200;
};

// The page of task `id` for `account`, with a form's outcome.
HttpResponse TaskPage(PortalState* state, store::Store& store, const HttpRequest& request,
                      const ducha::Account& account, int64_t id, const FormOutcome& outcome);

// The office's page of units, accounts and public view, with a form's
// outcome. A non-office account is refused (403).
HttpResponse AdminPage(PortalState* state, store::Store& store, const HttpRequest& request,
                       const ducha::Account& account, const FormOutcome& outcome);

// Route groups (each in its own file; AddDuchaRoutes adds the first three).
void AddDuchaSignInRoutes(PortalState* state);  // ducha_signin.cc: /ducha/, sign-in, sign-out
void AddDuchaPageRoutes(PortalState* state);    // ducha_pages.cc: ledgers, tasks, settings
void AddDuchaFormRoutes(PortalState* state);    // ducha_forms.cc: every form's POST

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_DUCHA_VIEW_H_
