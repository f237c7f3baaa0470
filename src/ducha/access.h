// Who may do what with a government's supervision ledgers: the office's
// administrators (督查室), the units assigned tasks (承办单位) and read-only
// viewers. Accounts belong to one government (a division code); the store
// keeps them with their password hashes (store/store.h), the portal signs
// them in (web).
#ifndef MUBIAO_DUCHA_ACCESS_H_
#define MUBIAO_DUCHA_ACCESS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ducha/ledger.h"

namespace mubiao::ducha {

// An account's part in the procedure.
enum class Role {
  kAdmin,   // 督查室: everything for its government's ledgers
  kUnit,    // 承办单位: sees and reports on its own unit's tasks only
  kViewer,  // 只读: reads every task of its government, changes nothing
};
// "admin", "unit", "viewer".
std::string_view RoleName(Role role);
// For readers: 督查室管理员, 承办单位, 只读查看.
std::string_view RoleLabel(Role role);
// The role named by RoleName; nullopt for any other text.
std::optional<Role> ParseRole(std::string_view name);

// A supervision account.
struct Account {
  std::string name;  // sign-in name
  Role role = Role::kViewer;
  std::string region_code;  // the government (six-digit division code)
  std::string unit;         // the unit of a kUnit account; "" otherwise
};

// Bounds on an account's name and a unit's name, in characters.
inline constexpr size_t kMaxAccountName = 32;
inline constexpr size_t kMaxUnitName = 64;

// Checks an account: a name of 1..kMaxAccountName letters, digits, '_',
// '-', '.' or Chinese characters, a six-digit division code, a unit for a
// unit account and none for the others. kInvalidInput in Chinese otherwise.
Status ValidateAccount(const Account& account);

// Checks a unit's name: 1..kMaxUnitName characters, no 、 (which separates
// co-units) and no control characters. kInvalidInput in Chinese otherwise.
Status ValidateUnitName(std::string_view name);

// The units of a co-units field: "市财政局、 市教育局" → {市财政局, 市教育局}
// (blanks around each trimmed, empty ones dropped).
std::vector<std::string> SplitUnits(std::string_view co_units);

// The co-units field of `units`: joined by 、.
std::string JoinUnits(const std::vector<std::string>& units);

// Whether `unit` is the task's lead unit or one of its co-units.
bool IsTaskOf(const Task& task, std::string_view unit);

// Whether `account` may open a ledger of the government `region_code`.
bool CanReadLedger(const Account& account, std::string_view region_code);

// Whether `account` may see `task` of a ledger it may open: the office and
// viewers every task, a unit the tasks it leads or helps with.
bool CanSeeTask(const Account& account, const Task& task);

// Whether `account` may file progress on `task`: the office, and a unit on
// the tasks it leads or helps with.
bool CanReport(const Account& account, const Task& task);

// Whether `account` may answer for `task` as its lead unit: reply to its
// notices and ask for it to be closed (申请办结). The office may too.
bool CanAnswer(const Account& account, const Task& task);

// Whether `account` may manage its government's ledgers: create them,
// assign, add and split tasks, issue notices, close (销号), withdraw, and
// manage units, accounts and the public view.
bool CanManage(const Account& account);

}  // namespace mubiao::ducha

#endif  // MUBIAO_DUCHA_ACCESS_H_
