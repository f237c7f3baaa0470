// Connections and prepared statements over SQLite (an embedded file) or
// PostgreSQL (a server, through libpq), for the store only (nothing outside
// src/store includes this but tests). One interface for both, so the store's
// SQL is written once; where the two dialects differ, the store asks
// Database::dialect(). Every statement is prepared once and bound with
// parameters written ?1, ?2, ... (PostgreSQL gets $1, $2, ...); SQL text
// never contains user input.
//
// A Database and its Statements belong to one thread at a time.
#ifndef MUBIAO_STORE_SQL_H_
#define MUBIAO_STORE_SQL_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mubiao::store {

// Which database a connection speaks to.
enum class Dialect { kSqlite, kPostgres };

// An error status for SQLite result code `rc` on `db`: kReadOnly for a
// write to a read-only database, kIoError for I/O,
// disk-full, locking and corruption errors, kInternal for everything else
// (a bug: bad SQL or a broken constraint). `what` says what was being done.
// A damaged file (SQLITE_CORRUPT) reads "damaged database file (REASON,
// WHAT)", a file that is no database (SQLITE_NOTADB) "not a database file
// (REASON, WHAT)".
Status SqliteError(sqlite3* db, int rc, std::string_view what);

namespace internal {
class Connection;
class PreparedStatement;
}  // namespace internal

// An open connection. Closes it on destruction.
class Database {
 public:
  // Opens (creating when `create` is true) the SQLite database file at
  // `path`. Errors: kIoError when the file cannot be opened.
  static Result<Database> Open(const std::string& path, bool create);

  // Connects to the PostgreSQL database of connection URI `uri`
  // (postgresql://user@host:port/name?...). Errors: kIoError when the
  // server cannot be reached or refuses the connection.
  static Result<Database> OpenPostgres(const std::string& uri);

  // OpenPostgres for a PostgreSQL URI (IsPostgresUri), else Open of an
  // existing SQLite file.
  static Result<Database> OpenByName(const std::string& name);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Dialect dialect() const;

  // The SQLite handle (for what only SQLite has: FTS5, busy timeouts);
  // nullptr on PostgreSQL.
  sqlite3* sqlite() const;

  // Runs SQL without parameters or results (DDL, PRAGMA, BEGIN/COMMIT; one
  // statement or several separated by semicolons). `sql` must be a constant
  // of the program, never built from input.
  Status Exec(const char* sql);

  // Rows inserted, updated or deleted by the last statement run.
  int64_t Changes() const;

  // False once the connection to a server is lost (the server restarted or
  // went away): a pool then drops it and opens a new one. Always true for
  // SQLite.
  bool Healthy() const;

 private:
  friend class Statement;
  explicit Database(std::unique_ptr<internal::Connection> connection);
  std::unique_ptr<internal::Connection> connection_;
};

// A prepared statement. Finalizes it on destruction.
class Statement {
 public:
  Statement();
  // Prepares one statement of constant SQL. Errors: kInternal (bad SQL),
  // kIoError (a lost connection).
  static Result<Statement> Prepare(Database* db, std::string_view sql);

  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds parameter `index` (1-based). Text is copied. A bind that fails
  // (an index out of range, a value over the database's limits, no memory)
  // is kept: the next Step() or Run() returns it without running the
  // statement, so callers check binds where they check steps. Reset()
  // forgets it.
  void BindInt(int index, int64_t value);
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
  // fts5(?1) wants for handing out its API. SQLite only.
  void BindPointer(int index, void* pointer, const char* type);
  // Binds `values` to parameters 1, 2, ... in order: int64_t as BindInt,
  // text (std::string, std::string_view, a string literal) as BindText.
  template <typename... Values>
  void BindAll(const Values&... values) {
    int index = 0;
    (BindValue(++index, values), ...);
  }
  // The largest parameter number of the statement (?NNN): binding above it
  // fails.
  int ParameterCount() const;

  // Steps once: true when a row is ready, false when done. Errors: a failed
  // bind or run (kIoError for the database's I/O, locks or connection,
  // kInternal otherwise).
  Result<bool> Step();
  // Steps to completion, for statements without results, and resets
  // (Reset) whether it succeeded or not. Inside a transaction on
  // PostgreSQL the statement is sent without waiting for its answer (a
  // pipeline: one round trip for many statements); an error then shows at
  // the next call that waits for the server (a Step, an Exec, Commit), and
  // Changes() does not count it.
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
  explicit Statement(std::unique_ptr<internal::PreparedStatement> impl);

  std::unique_ptr<internal::PreparedStatement> impl_;
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

// A write transaction. Writers are serialised as SQLite serialises them
// (BEGIN IMMEDIATE; on PostgreSQL a transaction-wide advisory lock), so
// that what the store derives from all stored documents (report identity,
// kept counts) is never computed by two writers at once. Rolled back on
// destruction unless committed.
class Transaction {
 public:
  // Begins; errors as Step's (e.g. busy past the busy timeout).
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

#endif  // MUBIAO_STORE_SQL_H_
