// What each database behind sql.h implements: a connection and its
// prepared statements. Internal to sql*.cc.
#ifndef MUBIAO_STORE_SQL_IMPL_H_
#define MUBIAO_STORE_SQL_IMPL_H_

#include <memory>
#include <string>
#include <string_view>

#include "store/sql.h"

namespace mubiao::store::internal {

// A prepared statement of one database (see Statement for the contract of
// each method).
class PreparedStatement {
 public:
  virtual ~PreparedStatement() = default;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindPointer(int index, void* pointer, const char* type) = 0;
  virtual int ParameterCount() const = 0;
  virtual Result<bool> Step() = 0;
  // Runs a statement without results to completion, then resets it. A
  // backend may send it without waiting for its answer (inside a
  // transaction), an error then showing at the next call that waits.
  virtual Status Run() = 0;
  virtual void Reset() = 0;
  virtual int64_t ColumnInt(int index) const = 0;
  virtual double ColumnDouble(int index) const = 0;
  virtual std::string ColumnText(int index) const = 0;
  virtual std::string ColumnBlob(int index) const = 0;
  virtual bool ColumnIsNull(int index) const = 0;
};

// A connection of one database (see Database for the contract of each
// method).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual sqlite3* sqlite() const = 0;
  virtual Status Exec(const char* sql) = 0;
  virtual int64_t Changes() const = 0;
  virtual bool Healthy() const = 0;
  virtual Result<std::unique_ptr<PreparedStatement>> Prepare(std::string_view sql) = 0;
};

// Opens a SQLite database file (sql_sqlite.cc).
Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path, bool create);

// Connects to a PostgreSQL server (sql_postgres.cc).
Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri);

}  // namespace mubiao::store::internal

#endif  // MUBIAO_STORE_SQL_IMPL_H_
