// sql.h on both databases: the same calls give the same answers on SQLite
// and PostgreSQL, errors are classed the same way, and what only one of
// them has is said so.
#include "store/sql.h"

#include <gtest/gtest.h>

#include "store/sql_store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

class SqlTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::kSqlite) {
      Result<Database> db = Database::Open(":memory:", /*create=*/true);
      ASSERT_TRUE(db.ok()) << db.status().message();
      db_ = std::make_unique<Database>(std::move(*db));
      return;
    }
    std::string why;
    testing::PostgresServer* server = testing::PostgresServer::Get(&why);
    if (server == nullptr) GTEST_SKIP() << why;
    uri_ = server->NewDatabase();
    Result<Database> db = Database::OpenPostgres(uri_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::make_unique<Database>(std::move(*db));
  }

  Statement Prepare(std::string_view sql) {
    Result<Statement> stmt = Statement::Prepare(db_.get(), sql);
    EXPECT_TRUE(stmt.ok()) << sql << ": " << stmt.status().message();
    return stmt.ok() ? std::move(*stmt) : Statement();
  }

  std::unique_ptr<Database> db_;
  std::string uri_;  // PostgreSQL's
};

TEST_P(SqlTest, AFailedBindFailsTheNextStepWithoutRunning) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (x INTEGER)").ok());
  Statement insert = Prepare("INSERT INTO t (x) VALUES (?1)");
  EXPECT_EQ(insert.ParameterCount(), 1);
  insert.BindInt(1, 7);
  insert.BindInt(2, 8);  // the statement has one parameter
  Status ran = insert.Run();
  EXPECT_FALSE(ran.ok());
  EXPECT_NE(ran.message().find("binding parameter 2"), std::string::npos) << ran.message();

  // Nothing was inserted, and the statement works again once rebound.
  Statement count = Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 0);
  count.Reset();
  insert.BindInt(1, 7);
  EXPECT_TRUE(insert.Run().ok());
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 1);
}

TEST_P(SqlTest, BindAllBindsInOrderAndRunResets) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (n INTEGER, s TEXT)").ok());
  Statement insert = Prepare("INSERT INTO t (n, s) VALUES (?1, ?2)");
  insert.BindAll(int64_t{42}, std::string("粮食"));
  ASSERT_TRUE(insert.Run().ok());
  insert.BindAll(int64_t{7}, "产量");  // reusable at once: Run reset it
  ASSERT_TRUE(insert.Run().ok());
  EXPECT_EQ(db_->Changes(), 1);
  Statement read = Prepare("SELECT n, s FROM t ORDER BY n");
  ASSERT_TRUE(*read.Step());
  EXPECT_EQ(read.ColumnInt(0), 7);
  EXPECT_EQ(read.ColumnText(1), "产量");
  ASSERT_TRUE(*read.Step());
  EXPECT_EQ(read.ColumnInt(0), 42);
  EXPECT_EQ(read.ColumnText(1), "粮食");
  EXPECT_FALSE(*read.Step());
}

TEST_P(SqlTest, ResetForgetsAFailedBind) {
  Statement select = Prepare("SELECT 'a' || ?1");
  select.BindText(0, "no parameter 0");
  EXPECT_FALSE(select.Step().ok());
  select.Reset();
  select.BindText(1, "粮食");
  Result<bool> row = select.Step();
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_EQ(select.ColumnText(0), "a粮食");
}

TEST_P(SqlTest, ValuesComeBackAsTheyWent) {
  const bool pg = GetParam() == Dialect::kPostgres;
  ASSERT_TRUE(db_->Exec(pg ? "CREATE TABLE v (i BIGINT, d DOUBLE PRECISION, t TEXT, b BYTEA)"
                           : "CREATE TABLE v (i INTEGER, d REAL, t TEXT, b BLOB)")
                  .ok());
  Statement insert = Prepare("INSERT INTO v (i, d, t, b) VALUES (?, ?, ?, ?)");
  const std::string bytes("a\0b\xff'?", 6);
  insert.BindInt(1, INT64_C(-9007199254740993));
  insert.BindDouble(2, 0.1 + 0.2);
  insert.BindText(3, "它's ?1 -- 不是参数");
  insert.BindBlob(4, bytes);
  ASSERT_TRUE(insert.Run().ok());
  insert.BindNull(1);
  insert.BindDoubleOrNull(2, std::nullopt);
  insert.BindTextOrNull(3, "");
  insert.BindBlob(4, "");
  ASSERT_TRUE(insert.Run().ok());
  Statement read = Prepare("SELECT i, d, t, b, i IS NULL, t = ?1 FROM v ORDER BY i IS NULL");
  read.BindText(1, "它's ?1 -- 不是参数");
  ASSERT_TRUE(*read.Step());
  EXPECT_EQ(read.ColumnInt(0), INT64_C(-9007199254740993));
  EXPECT_EQ(read.ColumnDouble(1), 0.1 + 0.2);
  EXPECT_EQ(read.ColumnText(2), "它's ?1 -- 不是参数");
  EXPECT_EQ(read.ColumnBlob(3), bytes);
  EXPECT_EQ(read.ColumnInt(4), 0) << "a false comparison reads 0";
  EXPECT_EQ(read.ColumnInt(5), 1) << "a true comparison reads 1";
  ASSERT_TRUE(*read.Step());
  EXPECT_TRUE(read.ColumnIsNull(0));
  EXPECT_TRUE(read.ColumnIsNull(2));
  EXPECT_EQ(read.ColumnText(2), "");
  EXPECT_EQ(read.ColumnBlob(3), "");
  EXPECT_FALSE(read.ColumnIsNull(3));
}

TEST_P(SqlTest, InsertsReturnTheirIdsAndChangesCountRows) {
  const bool pg = GetParam() == Dialect::kPostgres;
  ASSERT_TRUE(db_->Exec(pg ? "CREATE TABLE r (id BIGSERIAL PRIMARY KEY, x INTEGER)"
                           : "CREATE TABLE r (id INTEGER PRIMARY KEY, x INTEGER)")
                  .ok());
  Statement insert = Prepare("INSERT INTO r (x) VALUES (?1) RETURNING id");
  for (int64_t x = 1; x <= 3; ++x) {
    insert.BindInt(1, x);
    ASSERT_TRUE(*insert.Step());
    EXPECT_EQ(insert.ColumnInt(0), x);
    insert.Reset();
  }
  Statement update = Prepare("UPDATE r SET x = x + 10 WHERE x >= ?1");
  update.BindInt(1, 2);
  ASSERT_TRUE(update.Run().ok());
  EXPECT_EQ(db_->Changes(), 2);
}

TEST_P(SqlTest, BadSqlIsABugAndTransactionsRollBack) {
  Result<Statement> bad = Statement::Prepare(db_.get(), "SELEC nothing");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (x INTEGER NOT NULL)").ok());
  {
    Result<Transaction> txn = Transaction::Begin(db_.get());
    ASSERT_TRUE(txn.ok()) << txn.status().message();
    ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES (1)").ok());
  }  // not committed
  Statement count = Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 0);
  count.Reset();
  Result<Transaction> txn = Transaction::Begin(db_.get());
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(txn->Commit().ok());
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 1);
  Statement null = Prepare("INSERT INTO t VALUES (?1)");
  null.BindNull(1);
  Status refused = null.Run();
  EXPECT_EQ(refused.code(), StatusCode::kInternal) << "a broken constraint is a bug";
  EXPECT_TRUE(db_->Healthy());
}

// Inside a transaction PostgreSQL's writes are sent without waiting (a
// pipeline): a failed one shows by the commit at the latest, and nothing
// of the transaction is kept.
TEST_P(SqlTest, AFailedWriteInATransactionFailsItWhereverItShows) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (x INTEGER NOT NULL)").ok());
  Statement insert = Prepare("INSERT INTO t VALUES (?1)");
  {
    Result<Transaction> txn = Transaction::Begin(db_.get());
    ASSERT_TRUE(txn.ok());
    // As the store writes: the first error ends the transaction uncommitted.
    bool failed = false;
    for (int i = 0; i < 600 && !failed; ++i) {  // over the pipeline's depth
      if (i == 300) {
        insert.BindNull(1);
      } else {
        insert.BindInt(1, i);
      }
      failed = !insert.Run().ok();
    }
    if (!failed) failed = !txn->Commit().ok();
    EXPECT_TRUE(failed) << "the NULL was refused, by its own run or by the commit";
  }
  Statement count = Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 0) << "nothing of the transaction kept";
  count.Reset();
  // The connection works on: a transaction of good rows commits them all,
  // and a read inside it sees the rows sent before it.
  Result<Transaction> txn = Transaction::Begin(db_.get());
  ASSERT_TRUE(txn.ok());
  for (int i = 0; i < 600; ++i) {
    insert.BindInt(1, i);
    ASSERT_TRUE(insert.Run().ok());
  }
  ASSERT_TRUE(*count.Step());
  EXPECT_EQ(count.ColumnInt(0), 600);
  count.Reset();
  ASSERT_TRUE(txn->Commit().ok());
}

TEST_P(SqlTest, AWriteTheDatabaseRefusesIsReadOnly) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (x INTEGER)").ok());
  ASSERT_TRUE(db_->Exec(GetParam() == Dialect::kSqlite ? "PRAGMA query_only = 1"
                                                       : "SET default_transaction_read_only = on")
                  .ok());
  Statement insert = Prepare("INSERT INTO t VALUES (1)");
  Status refused = insert.Run();
  EXPECT_EQ(refused.code(), StatusCode::kReadOnly) << refused.message();
  Statement count = Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*count.Step()) << "reads go on";
}

TEST_P(SqlTest, ALostServerIsAnIoErrorAndAnUnhealthyConnection) {
  if (GetParam() == Dialect::kSqlite) GTEST_SKIP() << "SQLite has no server to lose";
  Statement pid = Prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(*pid.Step());
  const int64_t backend = pid.ColumnInt(0);
  pid.Reset();
  Result<Database> other = Database::OpenPostgres(uri_);
  ASSERT_TRUE(other.ok());
  Result<Statement> kill = Statement::Prepare(&*other, "SELECT pg_terminate_backend(?1)");
  ASSERT_TRUE(kill.ok());
  kill->BindInt(1, backend);
  ASSERT_TRUE(*kill->Step());
  Result<bool> after = pid.Step();
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status().code(), StatusCode::kIoError) << after.status().message();
  EXPECT_FALSE(db_->Healthy());
}

TEST(SqlUri, PostgresUrisAreToldFromFilePaths) {
  EXPECT_TRUE(IsPostgresUri("postgresql://mubiao@db.example/mubiao"));
  EXPECT_TRUE(IsPostgresUri("postgres:///mubiao?host=/run/postgresql"));
  EXPECT_FALSE(IsPostgresUri("mubiao.db"));
  EXPECT_FALSE(IsPostgresUri("/srv/postgresql/mubiao.db"));
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, SqlTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                           return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace mubiao::store
