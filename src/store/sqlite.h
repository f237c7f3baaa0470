// Small RAII wrappers over the SQLite C API, for the SQLite backend only
// (nothing outside src/store includes this). Every statement is prepared
// once and bound with parameters; SQL text never contains user input.
//
// A Database and its Statements belong to one thread at a time.
#ifndef MUBIAO_STORE_SQLITE_H_
#define MUBIAO_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mubiao::store {

// An error status for SQLite result code `rc` on `db`: kIoError for I/O,
// disk-full, locking and corruption errors, kInternal for everything else
// (a bug: bad SQL or a broken constraint). `what` says what was being done.
// A damaged file (SQLITE_CORRUPT) reads "damaged database file (REASON,
// WHAT)", a file that is no database (SQLITE_NOTADB) "not a database file
// (REASON, WHAT)".
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// An open connection. Closes it on destruction.
class Database {
 public:
  // Opens (creating when `create` is true) the database file at `path`.
  // Errors: kIoError when the file cannot be opened or is not a database.
  static Result<Database> Open(const std::string& path, bool create);

  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  sqlite3* get() const { return db_; }

  // Runs SQL without parameters or results (DDL, PRAGMA, BEGIN/COMMIT).
  // `sql` must be a constant of the program, never built from input.
  Status Exec(const char* sql);

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// A prepared statement. Finalizes it on destruction.
class Statement {
 public:
  Statement() = default;
  // Prepares one statement of constant SQL. Errors: kInternal (bad SQL).
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  Statement(Statement&& other) noexcept
      : db_(other.db_),
        stmt_(other.stmt_),
        bind_rc_(other.bind_rc_),
        bind_index_(other.bind_index_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds parameter `index` (1-based). Text is copied by SQLite. A bind that
  // fails (an index out of range, a value over SQLite's limits, no memory)
  // is kept: the next Step() or Run() returns it, as SqliteError, without
  // running the statement, so callers check binds where they check steps.
  // Reset() forgets it.
  void BindInt(int index, int64_t value);
  // The largest parameter number of the statement (?NNN): binding above it
  // fails.
  int ParameterCount() const { return sqlite3_bind_parameter_count(stmt_); }
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view value);
  void BindBlob(int index, std::string_view bytes);
  void BindNull(int index);
  // Binds text, or NULL when `value` is empty.
  void BindTextOrNull(int index, std::string_view value);
  // Binds an integer, or NULL when `value` is absent.
  void BindIntOrNull(int index, std::optional<int64_t> value);
  // Binds a real, or NULL when `value` is absent.
  void BindDoubleOrNull(int index, std::optional<double> value);
  // Binds a pointer of the given type name (sqlite3_bind_pointer), as FTS5's
  // fts5(?1) wants for handing out its API.
  void BindPointer(int index, void* pointer, const char* type);
  // Binds `values` to parameters 1, 2, ... in order: int64_t as BindInt,
  // text (std::string, std::string_view, a string literal) as BindText.
  template <typename... Values>
  void BindAll(const Values&... values) {
    int index = 0;
    (BindValue(++index, values), ...);
  }

  // Steps once: true when a row is ready, false when done. Errors as
  // SqliteError, also for a failed bind.
  Result<bool> Step();
  // Steps to completion, for statements without results, and resets
  // (Reset) whether it succeeded or not.
  Status Run();
  // Resets the statement and clears its bindings, ready for reuse.
  void Reset();

  // Columns of the current row (0-based). Text of NULL is "".
  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;
  std::string ColumnBlob(int index) const;  // "" for NULL
  bool ColumnIsNull(int index) const;

 private:
  // Exactly these types: anything else (a double, a bool, a char) would
  // convert silently.
  template <typename T>
  void BindValue(int index, const T& value) = delete;
  void BindValue(int index, int64_t value) { BindInt(index, value); }
  void BindValue(int index, const std::string& value) { BindText(index, value); }
  void BindValue(int index, std::string_view value) { BindText(index, value); }
  void BindValue(int index, const char* value) { BindText(index, value); }
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  // Every sqlite3_bind_* result goes through here: keeps the first failure.
  void Bound(int rc, int index);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = SQLITE_OK;  // the first failed bind since the last Reset()
  int bind_index_ = 0;       // its parameter
};

// Steps `stmt` through its rows, calling `on_row(*stmt)` for each, then
// resets it (also on error), ready for reuse.
template <typename OnRow>
Status ForEachRow(Statement* stmt, OnRow on_row) {
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok() || !*row) {
      stmt->Reset();
      return row.ok() ? Status::Ok() : row.status();
    }
    on_row(*stmt);
  }
}

// A write transaction (BEGIN IMMEDIATE). Rolled back on destruction unless
// committed.
class Transaction {
 public:
  // Begins; errors as SqliteError (e.g. busy past the busy timeout).
  static Result<Transaction> Begin(Database* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Commits. After an error the transaction is rolled back on destruction.
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;
};

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SQLITE_H_
