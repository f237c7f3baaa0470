#include "store/sqlite.h"

#include <gtest/gtest.h>

namespace mubiao::store {
namespace {

Database OpenMemory() {
  Result<Database> db = Database::Open(":memory:", /*create=*/true);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return std::move(db).value();
}

TEST(SqliteStatement, AFailedBindFailsTheNextStepWithoutRunning) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x INTEGER)").ok());
  Result<Statement> insert = Statement::Prepare(db.get(), "INSERT INTO t (x) VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->BindInt(1, 7);
  insert->BindInt(2, 8);  // the statement has one parameter
  Status ran = insert->Run();
  EXPECT_FALSE(ran.ok());
  EXPECT_NE(ran.message().find("binding parameter 2"), std::string::npos) << ran.message();

  // Nothing was inserted, and the statement works again once rebound.
  Result<Statement> count = Statement::Prepare(db.get(), "SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok());
  Result<bool> row = count->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(count->ColumnInt(0), 0);
  count->Reset();
  insert->BindInt(1, 7);
  EXPECT_TRUE(insert->Run().ok());
  row = count->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(count->ColumnInt(0), 1);
}

TEST(SqliteStatement, BindAllBindsInOrderAndRunResets) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (n INTEGER, s TEXT)").ok());
  Result<Statement> insert = Statement::Prepare(db.get(), "INSERT INTO t (n, s) VALUES (?1, ?2)");
  ASSERT_TRUE(insert.ok());
  insert->BindAll(int64_t{42}, std::string("粮食"));
  ASSERT_TRUE(insert->Run().ok());
  insert->BindAll(int64_t{7}, "产量");  // reusable at once: Run reset it
  ASSERT_TRUE(insert->Run().ok());
  Result<Statement> read = Statement::Prepare(db.get(), "SELECT n, s FROM t ORDER BY n");
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(*read->Step());
  EXPECT_EQ(read->ColumnInt(0), 7);
  EXPECT_EQ(read->ColumnText(1), "产量");
  ASSERT_TRUE(*read->Step());
  EXPECT_EQ(read->ColumnInt(0), 42);
  EXPECT_EQ(read->ColumnText(1), "粮食");
}

TEST(SqliteStatement, ResetForgetsAFailedBind) {
  Database db = OpenMemory();
  Result<Statement> select = Statement::Prepare(db.get(), "SELECT ?1");
  ASSERT_TRUE(select.ok());
  select->BindText(0, "no parameter 0");
  Result<bool> row = select->Step();
  EXPECT_FALSE(row.ok());
  select->Reset();
  select->BindText(1, "粮食");
  row = select->Step();
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_EQ(select->ColumnText(0), "粮食");
}

}  // namespace
}  // namespace mubiao::store
