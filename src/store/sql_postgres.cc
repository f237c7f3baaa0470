// The PostgreSQL side of sql.h: a server through libpq. Statements are
// prepared on the server once per connection; parameters travel as text
// (bytes as binary) with their types left to the server, which reads them
// from where they stand in the SQL, as SQLite's loose typing would; results
// come back as text and are read as the column accessors ask.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "store/sql_impl.h"

namespace mubiao::store::internal {
namespace {

constexpr Oid kByteaOid = 17;  // pg_type.oid of bytea

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// kReadOnly for a write a read-only server or transaction refuses (a
// standby); kIoError for what the database or the link to it did
// (connection lost, server shutting down, out of resources, a
// serialisation failure or deadlock, lock timeouts); kInternal for what the
// SQL did (a bug).
// libpq's message on one line: its line breaks (and the tabs that indent
// its hints) as single spaces, none at the end.
std::string OneLine(std::string_view message) {
  std::string out;
  for (char c : message) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Status PostgresError(PGconn* conn, const PGresult* result, std::string_view what) {
  const std::string reason =
      OneLine(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  const char* field = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field != nullptr ? field : "";
  std::string message = std::string(what) + ": " + reason;
  if (state == "25006") return Status(StatusCode::kReadOnly, std::move(message));
  const bool io = state.empty() || PQstatus(conn) != CONNECTION_OK || state.starts_with("08") ||
                  state.starts_with("53") || state.starts_with("57") || state.starts_with("58") ||
                  state == "25006" || state.starts_with("40") || state == "55P03";
  return Status(io ? StatusCode::kIoError : StatusCode::kInternal, std::move(message));
}

// `sql` with SQLite's parameters (?NNN, or ? for the next number) written
// as PostgreSQL's ($NNN), outside quoted text, quoted names and comments;
// sets `count` to the largest parameter number.
std::string ToPostgresParameters(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 8);
  *count = 0;
  char quote = 0;  // ' or " while inside quotes
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      size_t j = i + 1;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
      const int number =
          j > i + 1 ? std::atoi(std::string(sql.substr(i + 1, j - i - 1)).c_str()) : *count + 1;
      *count = std::max(*count, number);
      out += "$" + std::to_string(number);
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresConnection;

class PostgresStatement : public PreparedStatement {
 public:
  PostgresStatement(PostgresConnection* connection, std::string name, int parameters)
      : connection_(connection),
        name_(std::move(name)),
        values_(parameters),
        nulls_(parameters, true),
        binary_(parameters, 0) {}
  ~PostgresStatement() override;

  void BindInt(int index, int64_t value) override { Bind(index, std::to_string(value), false); }
  void BindDouble(int index, double value) override {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Bind(index, ec == std::errc() ? std::string(buffer, end) : "NaN", false);
  }
  void BindText(int index, std::string_view value) override {
    Bind(index, std::string(value), false);
  }
  void BindBlob(int index, std::string_view bytes) override {
    Bind(index, std::string(bytes), true);
  }
  void BindNull(int index) override {
    if (!InRange(index)) return;
    nulls_[index - 1] = true;
  }
  void BindPointer(int index, void*, const char*) override {
    if (bind_error_ == 0) bind_error_ = index == 0 ? -1 : index;
  }
  int ParameterCount() const override { return static_cast<int>(values_.size()); }

  Result<bool> Step() override;
  Status Run() override;
  void Reset() override {
    result_.reset();
    row_ = -1;
    rows_ = 0;
    std::fill(nulls_.begin(), nulls_.end(), true);
    bind_error_ = 0;
  }

  int64_t ColumnInt(int index) const override {
    const char* value = Value(index);
    if (value[0] == 't' && value[1] == 0) return 1;  // a boolean
    return std::strtoll(value, nullptr, 10);
  }
  double ColumnDouble(int index) const override { return std::strtod(Value(index), nullptr); }
  std::string ColumnText(int index) const override {
    return std::string(Value(index), static_cast<size_t>(PQgetlength(result_.get(), row_, index)));
  }
  std::string ColumnBlob(int index) const override {
    if (PQftype(result_.get(), index) != kByteaOid) return ColumnText(index);
    size_t length = 0;
    unsigned char* bytes =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(Value(index)), &length);
    if (bytes == nullptr) return "";
    std::string out(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
    return out;
  }
  bool ColumnIsNull(int index) const override {
    return PQgetisnull(result_.get(), row_, index) != 0;
  }

 private:
  bool InRange(int index) {
    if (index >= 1 && index <= static_cast<int>(values_.size())) return true;
    if (bind_error_ == 0) bind_error_ = index == 0 ? -1 : index;
    return false;
  }
  void Bind(int index, std::string value, bool binary) {
    if (!InRange(index)) return;
    values_[index - 1] = std::move(value);
    nulls_[index - 1] = false;
    binary_[index - 1] = binary ? 1 : 0;
  }
  // The bound values as libpq takes them (NULL as a null pointer).
  struct Arguments {
    std::vector<const char*> values;
    std::vector<int> lengths;
  };
  Arguments ArgumentsOf() const {
    Arguments a{std::vector<const char*>(values_.size()), std::vector<int>(values_.size())};
    for (size_t i = 0; i < values_.size(); ++i) {
      a.values[i] = nulls_[i] ? nullptr : values_[i].data();
      a.lengths[i] = static_cast<int>(values_[i].size());
    }
    return a;
  }
  // The text of column `index` of the current row ("" for NULL).
  const char* Value(int index) const { return PQgetvalue(result_.get(), row_, index); }

  PostgresConnection* connection_;
  const std::string name_;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<int> binary_;
  int bind_error_ = 0;  // the first parameter bound out of range (-1 for 0)
  ResultPtr result_{nullptr, &PQclear};
  int row_ = -1;
  int rows_ = 0;
};

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  PGconn* conn() const { return conn_; }
  Dialect dialect() const override { return Dialect::kPostgres; }
  sqlite3* sqlite() const override { return nullptr; }
  Status Exec(const char* sql) override {
    Status sent = LeavePipeline();
    // After a failed statement the transaction is aborted: only a rollback
    // may still run (a COMMIT would answer ROLLBACK as if it succeeded).
    if (!sent.ok() && std::string_view(sql) != "ROLLBACK") return sent;
    ResultPtr result(PQexec(conn_, sql), &PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return PostgresError(conn_, result.get(), "database");
    }
    changes_ = std::atoll(PQcmdTuples(result.get()));
    EnterPipelineInTransaction();
    return sent;
  }
  int64_t Changes() const override { return changes_; }
  bool Healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

  Result<std::unique_ptr<PreparedStatement>> Prepare(std::string_view sql) override {
    if (Status sent = LeavePipeline(); !sent.ok()) return sent;
    int parameters = 0;
    const std::string text = ToPostgresParameters(sql, &parameters);
    std::string name = "mb" + std::to_string(++statements_);
    ResultPtr result(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), &PQclear);
    EnterPipelineInTransaction();
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return PostgresError(conn_, result.get(), "preparing a statement");
    }
    return std::unique_ptr<PreparedStatement>(
        std::make_unique<PostgresStatement>(this, std::move(name), parameters));
  }

  void set_changes(int64_t changes) { changes_ = changes; }

  // Inside a transaction, statements without results are sent without
  // waiting for their answers (libpq's pipeline mode): a bulk write is one
  // round trip per kPipelineDepth statements instead of one per statement.
  bool pipelined() const { return pipelined_; }
  // Counts a statement sent in the pipeline; waits for the answers when
  // kPipelineDepth are outstanding (so that neither side's buffers fill).
  Status Sent() { return ++pending_ >= kPipelineDepth ? Drain() : Status::Ok(); }
  // Waits for every answer outstanding and leaves pipeline mode, for a call
  // that waits for its own answer; the first error among the answers.
  Status LeavePipeline() {
    Status drained = Drain();
    if (pipelined_) {
      PQexitPipelineMode(conn_);
      pipelined_ = false;
    }
    return drained;
  }
  // Back into pipeline mode when a transaction is open.
  void EnterPipelineInTransaction() {
    if (!pipelined_ && PQtransactionStatus(conn_) == PQTRANS_INTRANS &&
        PQenterPipelineMode(conn_) == 1) {
      pipelined_ = true;
    }
  }

 private:
  static constexpr int kPipelineDepth = 256;

  // Reads the answers of every statement sent since the last drain.
  Status Drain() {
    if (!pipelined_ || pending_ == 0) return Status::Ok();
    pending_ = 0;
    if (PQpipelineSync(conn_) != 1) return PostgresError(conn_, nullptr, "database");
    Status first;
    for (int idle = 0; idle < 2;) {
      ResultPtr result(PQgetResult(conn_), &PQclear);
      if (result == nullptr) {
        // Between statements' answers; twice in a row only on a lost link.
        if (PQstatus(conn_) != CONNECTION_OK) ++idle;
        continue;
      }
      const ExecStatusType status = PQresultStatus(result.get());
      if (status == PGRES_PIPELINE_SYNC) return first;
      if (status == PGRES_FATAL_ERROR && first.ok()) {
        first = PostgresError(conn_, result.get(), "database");
      } else if (status == PGRES_COMMAND_OK) {
        changes_ = std::atoll(PQcmdTuples(result.get()));
      }
    }
    return first.ok() ? PostgresError(conn_, nullptr, "database") : first;
  }

  PGconn* conn_;
  int64_t changes_ = 0;
  int64_t statements_ = 0;  // names of prepared statements: mb1, mb2, ...
  bool pipelined_ = false;
  int pending_ = 0;  // statements sent whose answers are not read yet
};

PostgresStatement::~PostgresStatement() {
  if (!connection_->Healthy()) return;
  const std::string deallocate = "DEALLOCATE " + name_;
  static_cast<void>(connection_->Exec(deallocate.c_str()));  // best effort: the session ends too
}

Result<bool> PostgresStatement::Step() {
  if (bind_error_ != 0) {
    return Status(StatusCode::kInternal, "binding parameter " +
                                             std::to_string(bind_error_ < 0 ? 0 : bind_error_) +
                                             ": no such parameter");
  }
  if (result_ == nullptr) {
    // A statement whose rows are read waits for its answer, and for those
    // of every statement sent before it.
    if (Status sent = connection_->LeavePipeline(); !sent.ok()) return sent;
    const Arguments a = ArgumentsOf();
    PGconn* conn = connection_->conn();
    result_.reset(PQexecPrepared(conn, name_.c_str(), static_cast<int>(a.values.size()),
                                 a.values.data(), a.lengths.data(), binary_.data(), 0));
    connection_->EnterPipelineInTransaction();
    const ExecStatusType status = PQresultStatus(result_.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      Status error = PostgresError(conn, result_.get(), "database");
      result_.reset();
      return error;
    }
    connection_->set_changes(std::atoll(PQcmdTuples(result_.get())));
    rows_ = PQntuples(result_.get());
  }
  ++row_;
  return row_ < rows_;
}

Status PostgresStatement::Run() {
  if (!connection_->pipelined() || bind_error_ != 0) {
    for (;;) {
      Result<bool> row = Step();
      if (!row.ok() || !*row) {
        Reset();
        return row.ok() ? Status::Ok() : row.status();
      }
    }
  }
  const Arguments a = ArgumentsOf();
  PGconn* conn = connection_->conn();
  const int sent = PQsendQueryPrepared(conn, name_.c_str(), static_cast<int>(a.values.size()),
                                       a.values.data(), a.lengths.data(), binary_.data(), 0);
  Reset();
  if (sent != 1) return PostgresError(conn, nullptr, "database");
  return connection_->Sent();
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr) return IoError("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string reason = OneLine(PQerrorMessage(conn));
    PQfinish(conn);
    return IoError("cannot connect to PostgreSQL: " + reason);
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // Text in and out as UTF-8, whatever the server's default; notices (of
  // IF NOT EXISTS and the like) are not printed.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    return IoError("PostgreSQL refuses UTF-8 as the client encoding");
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace mubiao::store::internal
