#include "ducha/access.h"

#include <algorithm>

#include "base/enum_names.h"
#include "text/utf8.h"

namespace mubiao::ducha {
namespace {

constexpr EnumName<Role> kRoleNames[] = {
    {Role::kAdmin, "admin"}, {Role::kUnit, "unit"}, {Role::kViewer, "viewer"}};
constexpr EnumName<Role> kRoleLabels[] = {
    {Role::kAdmin, "督查室管理员"}, {Role::kUnit, "承办单位"}, {Role::kViewer, "只读查看"}};

// The separator of co-units in Task::co_units.
constexpr std::string_view kUnitSeparator = "、";

bool IsDivisionCode(std::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string_view RoleName(Role role) { return NameIn(kRoleNames, role); }
std::string_view RoleLabel(Role role) { return NameIn(kRoleLabels, role); }
std::optional<Role> ParseRole(std::string_view name) { return ValueIn(kRoleNames, name); }

Status ValidateAccount(const Account& account) {
  if (!text::IsAccountName(account.name, kMaxAccountName)) {
    return InvalidInput("账号名须为1至32个字母、数字、_ - . 或汉字。");
  }
  if (!IsDivisionCode(account.region_code)) return InvalidInput("行政区划代码须为6位数字。");
  if (account.role == Role::kUnit) {
    if (account.unit.empty()) return InvalidInput("承办单位账号须指定所属单位。");
    return ValidateUnitName(account.unit);
  }
  if (!account.unit.empty()) return InvalidInput("只有承办单位账号可以指定所属单位。");
  return Status::Ok();
}

Status ValidateUnitName(std::string_view name) {
  if (name.empty() || !text::IsValidUtf8(name) || text::CountCodePoints(name) > kMaxUnitName) {
    return InvalidInput("单位名称须为1至64个字符。");
  }
  if (name.find(kUnitSeparator) != std::string_view::npos) {
    return InvalidInput("单位名称不能含有顿号（、），多个单位请分别添加。");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return InvalidInput("单位名称不能含有控制字符。");
  }
  return Status::Ok();
}

std::vector<std::string> SplitUnits(std::string_view co_units) {
  std::vector<std::string> units;
  while (true) {
    const size_t cut = co_units.find(kUnitSeparator);
    const std::string_view unit = text::TrimSpace(co_units.substr(0, cut));
    if (!unit.empty()) units.emplace_back(unit);
    if (cut == std::string_view::npos) return units;
    co_units.remove_prefix(cut + kUnitSeparator.size());
  }
}

std::string JoinUnits(const std::vector<std::string>& units) {
  std::string joined;
  for (const std::string& unit : units) {
    if (!joined.empty()) joined += kUnitSeparator;
    joined += unit;
  }
  return joined;
}

bool IsTaskOf(const Task& task, std::string_view unit) {
  if (unit.empty()) return false;
  if (task.lead_unit == unit) return true;
  const std::vector<std::string> co = SplitUnits(task.co_units);
  return std::find(co.begin(), co.end(), unit) != co.end();
}

bool CanReadLedger(const Account& account, std::string_view region_code) {
  return !account.region_code.empty() && account.region_code == region_code;
}

bool CanSeeTask(const Account& account, const Task& task) {
  return account.role != Role::kUnit || IsTaskOf(task, account.unit);
}

bool CanReport(const Account& account, const Task& task) {
  return account.role == Role::kAdmin ||
         (account.role == Role::kUnit && IsTaskOf(task, account.unit));
}

bool CanAnswer(const Account& account, const Task& task) {
  return account.role == Role::kAdmin ||
         (account.role == Role::kUnit && !account.unit.empty() && task.lead_unit == account.unit);
}

bool CanManage(const Account& account) { return account.role == Role::kAdmin; }

}  // namespace mubiao::ducha
