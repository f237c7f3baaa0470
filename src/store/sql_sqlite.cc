// The SQLite side of sql.h: a database file through the SQLite C API.
#include <sqlite3.h>

#include "store/sql_impl.h"

namespace mubiao::store {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  const std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB) {
    return IoError(std::string((rc & 0xFF) == SQLITE_CORRUPT ? "damaged database file"
                                                             : "not a database file") +
                   " (" + reason + ", " + std::string(what) + ")");
  }
  std::string message = std::string(what) + ": " + reason;
  if ((rc & 0xFF) == SQLITE_READONLY) return Status(StatusCode::kReadOnly, std::move(message));
  switch (rc & 0xFF) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return IoError(std::move(message));
    default:
      return Status(StatusCode::kInternal, std::move(message));
  }
}

namespace internal {
namespace {

class SqliteStatement : public PreparedStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindInt(int index, int64_t value) override {
    Bound(sqlite3_bind_int64(stmt_, index, value), index);
  }
  void BindDouble(int index, double value) override {
    Bound(sqlite3_bind_double(stmt_, index, value), index);
  }
  void BindText(int index, std::string_view value) override {
    // An empty view may have no data pointer, which SQLite would bind as NULL.
    Bound(sqlite3_bind_text64(stmt_, index, value.empty() ? "" : value.data(), value.size(),
                              SQLITE_TRANSIENT, SQLITE_UTF8),
          index);
  }
  void BindBlob(int index, std::string_view bytes) override {
    Bound(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                              SQLITE_TRANSIENT),
          index);
  }
  void BindNull(int index) override { Bound(sqlite3_bind_null(stmt_, index), index); }
  void BindPointer(int index, void* pointer, const char* type) override {
    Bound(sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr), index);
  }
  int ParameterCount() const override { return sqlite3_bind_parameter_count(stmt_); }

  Result<bool> Step() override {
    if (bind_rc_ != SQLITE_OK) {
      // sqlite3_errstr, not the connection's message, which a later call may
      // have replaced.
      return SqliteError(nullptr, bind_rc_, "binding parameter " + std::to_string(bind_index_));
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, rc, "database");
  }

  Status Run() override {
    for (;;) {
      Result<bool> row = Step();
      if (!row.ok()) {
        Reset();
        return row.status();
      }
      if (!*row) break;
    }
    Reset();
    return Status::Ok();
  }

  void Reset() override {
    // sqlite3_reset repeats the error of the last step, which Step() returned.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
    bind_index_ = 0;
  }

  int64_t ColumnInt(int index) const override { return sqlite3_column_int64(stmt_, index); }
  double ColumnDouble(int index) const override { return sqlite3_column_double(stmt_, index); }
  std::string ColumnText(int index) const override {
    const unsigned char* text = sqlite3_column_text(stmt_, index);
    if (text == nullptr) return "";
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
  }
  std::string ColumnBlob(int index) const override {
    const void* bytes = sqlite3_column_blob(stmt_, index);
    if (bytes == nullptr) return "";
    return std::string(static_cast<const char*>(bytes),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
  }
  bool ColumnIsNull(int index) const override {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
  }

 private:
  // Every sqlite3_bind_* result goes through here: keeps the first failure.
  void Bound(int rc, int index) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
      bind_rc_ = rc;
      bind_index_ = index;
    }
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;  // the first failed bind since the last Reset()
  int bind_index_ = 0;       // its parameter
};

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close(db_); }

  Dialect dialect() const override { return Dialect::kSqlite; }
  sqlite3* sqlite() const override { return db_; }
  Status Exec(const char* sql) override {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "database");
    return Status::Ok();
  }
  int64_t Changes() const override { return sqlite3_changes64(db_); }
  bool Healthy() const override { return true; }
  Result<std::unique_ptr<PreparedStatement>> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "preparing a statement");
    return std::unique_ptr<PreparedStatement>(std::make_unique<SqliteStatement>(db_, stmt));
  }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status error = IoError("cannot open database " + path + ": " +
                           (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(db));
}

}  // namespace internal
}  // namespace mubiao::store
