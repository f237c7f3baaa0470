#include "store/sql.h"

#include "store/sql_impl.h"
#include "store/sql_store.h"

namespace mubiao::store {

Database::Database(std::unique_ptr<internal::Connection> connection)
    : connection_(std::move(connection)) {}
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

Result<Database> Database::Open(const std::string& path, bool create) {
  Result<std::unique_ptr<internal::Connection>> connection =
      internal::OpenSqliteConnection(path, create);
  if (!connection.ok()) return connection.status();
  return Database(std::move(*connection));
}

Result<Database> Database::OpenPostgres(const std::string& uri) {
  Result<std::unique_ptr<internal::Connection>> connection = internal::OpenPostgresConnection(uri);
  if (!connection.ok()) return connection.status();
  return Database(std::move(*connection));
}

Result<Database> Database::OpenByName(const std::string& name) {
  return IsPostgresUri(name) ? OpenPostgres(name) : Open(name, /*create=*/false);
}

Dialect Database::dialect() const { return connection_->dialect(); }
sqlite3* Database::sqlite() const { return connection_->sqlite(); }
Status Database::Exec(const char* sql) { return connection_->Exec(sql); }
int64_t Database::Changes() const { return connection_->Changes(); }
bool Database::Healthy() const { return connection_->Healthy(); }

Statement::Statement() = default;
Statement::Statement(std::unique_ptr<internal::PreparedStatement> impl) : impl_(std::move(impl)) {}
Statement::Statement(Statement&& other) noexcept = default;
Statement& Statement::operator=(Statement&& other) noexcept = default;
Statement::~Statement() = default;

Result<Statement> Statement::Prepare(Database* db, std::string_view sql) {
  Result<std::unique_ptr<internal::PreparedStatement>> prepared = db->connection_->Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  return Statement(std::move(*prepared));
}

void Statement::BindInt(int index, int64_t value) { impl_->BindInt(index, value); }
void Statement::BindDouble(int index, double value) { impl_->BindDouble(index, value); }
void Statement::BindText(int index, std::string_view value) { impl_->BindText(index, value); }
void Statement::BindBlob(int index, std::string_view bytes) { impl_->BindBlob(index, bytes); }
void Statement::BindNull(int index) { impl_->BindNull(index); }
void Statement::BindPointer(int index, void* pointer, const char* type) {
  impl_->BindPointer(index, pointer, type);
}

void Statement::BindTextOrNull(int index, std::string_view value) {
  if (value.empty()) {
    BindNull(index);
  } else {
    BindText(index, value);
  }
}

void Statement::BindIntOrNull(int index, std::optional<int64_t> value) {
  if (value.has_value()) {
    BindInt(index, *value);
  } else {
    BindNull(index);
  }
}

void Statement::BindDoubleOrNull(int index, std::optional<double> value) {
  if (value.has_value()) {
    BindDouble(index, *value);
  } else {
    BindNull(index);
  }
}

int Statement::ParameterCount() const { return impl_->ParameterCount(); }
Result<bool> Statement::Step() { return impl_->Step(); }

Status Statement::Run() { return impl_->Run(); }

void Statement::Reset() { impl_->Reset(); }
int64_t Statement::ColumnInt(int index) const { return impl_->ColumnInt(index); }
double Statement::ColumnDouble(int index) const { return impl_->ColumnDouble(index); }
std::string Statement::ColumnText(int index) const { return impl_->ColumnText(index); }
std::string Statement::ColumnBlob(int index) const { return impl_->ColumnBlob(index); }
bool Statement::ColumnIsNull(int index) const { return impl_->ColumnIsNull(index); }

Result<Transaction> Transaction::Begin(Database* db) {
  const bool sqlite = db->dialect() == Dialect::kSqlite;
  Status begun = db->Exec(sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!begun.ok()) return begun;
  Transaction transaction(db);  // rolls back if the lock below fails
  if (!sqlite) {
    // One lock number for every writer of the database.
    Status locked = db->Exec("SELECT pg_advisory_xact_lock(6172438)");
    if (!locked.ok()) return locked;
  }
  return transaction;
}

Transaction::~Transaction() {
  // Best effort on an error path: a failed ROLLBACK leaves the transaction
  // to end with the connection, which rolls it back too.
  if (db_ != nullptr) static_cast<void>(db_->Exec("ROLLBACK"));
}

Status Transaction::Commit() {
  Status committed = db_->Exec("COMMIT");
  if (committed.ok()) db_ = nullptr;
  return committed;
}

}  // namespace mubiao::store
