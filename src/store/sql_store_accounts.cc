// Who works on a government's supervision ledgers (ducha/access.h): its
// accounts, its units and whether its tasks are shown to the public.
#include "store/sql_store_impl.h"

namespace mubiao::store {

Status SqlStore::PutAccount(const AccountRecord& record) {
  if (Status valid = ducha::ValidateAccount(record.account); !valid.ok()) return valid;
  if (record.password_hash.empty()) return InvalidInput("账号缺少密码。");
  // An account of another government is never taken over: the upsert
  // changes only an account of the same government (RETURNING says whether
  // it did), in one statement, so two offices cannot race for a name.
  Result<Statement*> stmt = Cached(
      "INSERT INTO ducha_accounts (name, password_hash, role, region_code, unit, created_at,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (name) DO UPDATE SET"
      " password_hash = excluded.password_hash, role = excluded.role, unit = excluded.unit,"
      " updated_at = excluded.updated_at"
      " WHERE ducha_accounts.region_code = excluded.region_code RETURNING name");
  if (!stmt.ok()) return stmt.status();
  const ducha::Account& a = record.account;
  (*stmt)->BindAll(a.name, record.password_hash, ducha::RoleName(a.role), a.region_code, a.unit,
                   NowUtc());
  bool saved = false;
  if (Status ran = ForEachRow(*stmt, [&](const Statement&) { saved = true; }); !ran.ok()) {
    return ran;
  }
  if (!saved) return InvalidInput("账号名“" + a.name + "”已被其他地方政府使用，请换一个。");
  return Status::Ok();
}

namespace {

// An account from columns name, role, region_code, unit (an unknown role
// reads as a viewer: it may change nothing).
ducha::Account ReadAccount(const Statement& row) {
  return {row.ColumnText(0), ducha::ParseRole(row.ColumnText(1)).value_or(ducha::Role::kViewer),
          row.ColumnText(2), row.ColumnText(3)};
}

}  // namespace

Result<AccountRecord> SqlStore::GetAccount(const std::string& name) {
  Result<Statement*> stmt = Cached(
      "SELECT name, role, region_code, unit, password_hash, created_at FROM ducha_accounts"
      " WHERE name = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, name);
  std::optional<AccountRecord> found;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    found = AccountRecord{ReadAccount(row), row.ColumnText(4), row.ColumnText(5)};
  });
  if (!ran.ok()) return ran;
  if (!found) return NotFound("没有名为“" + name + "”的账号。");
  return std::move(*found);
}

Status SqlStore::DisableAccount(const std::string& region_code, const std::string& name) {
  Result<Statement*> stmt = Cached(
      "UPDATE ducha_accounts SET updated_at = ?3, password_hash = CASE"
      " WHEN substr(password_hash, 1, 1) = '!' THEN password_hash ELSE '!' || password_hash END"
      " WHERE name = ?1 AND region_code = ?2 RETURNING name");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(name, region_code, NowUtc());
  bool found = false;
  if (Status ran = ForEachRow(*stmt, [&](const Statement&) { found = true; }); !ran.ok()) {
    return ran;
  }
  if (!found) return NotFound("本级政府没有名为“" + name + "”的账号。");
  return Status::Ok();
}

Result<std::vector<ducha::Account>> SqlStore::ListAccounts(const std::string& region_code) {
  Result<Statement*> stmt = Cached(
      "SELECT name, role, region_code, unit FROM ducha_accounts WHERE region_code = ?1"
      " ORDER BY name");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, region_code);
  std::vector<ducha::Account> accounts;
  Status ran =
      ForEachRow(*stmt, [&](const Statement& row) { accounts.push_back(ReadAccount(row)); });
  if (!ran.ok()) return ran;
  return accounts;
}

Status SqlStore::AddUnit(const std::string& region_code, const std::string& name) {
  if (Status valid = ducha::ValidateUnitName(name); !valid.ok()) return valid;
  Result<Statement*> stmt = Cached(
      "INSERT INTO ducha_units (region_code, name, created_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (region_code, name) DO NOTHING");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(region_code, name, NowUtc());
  return (*stmt)->Run();
}

Result<std::vector<std::string>> SqlStore::ListUnits(const std::string& region_code) {
  Result<Statement*> stmt =
      Cached("SELECT name FROM ducha_units WHERE region_code = ?1 ORDER BY name");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, region_code);
  std::vector<std::string> units;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { units.push_back(row.ColumnText(0)); });
  if (!ran.ok()) return ran;
  return units;
}

Status SqlStore::SetPublicView(const std::string& region_code, bool shown,
                               const std::string& actor) {
  Result<Statement*> stmt = Cached(
      "INSERT INTO ducha_public (region_code, shown, changed_by, changed_at)"
      " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (region_code) DO UPDATE SET shown = excluded.shown,"
      " changed_by = excluded.changed_by, changed_at = excluded.changed_at");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(region_code, int64_t{shown ? 1 : 0}, actor, NowUtc());
  return (*stmt)->Run();
}

Result<std::vector<std::string>> SqlStore::PublicViews() {
  Result<Statement*> stmt =
      Cached("SELECT region_code FROM ducha_public WHERE shown = 1 ORDER BY region_code");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> codes;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { codes.push_back(row.ColumnText(0)); });
  if (!ran.ok()) return ran;
  return codes;
}

}  // namespace mubiao::store
