// Test support for the store and the modules built on it: synthetic work
// reports (written for the tests, no real report text), documents analysed
// as the loader analyses them, a load listener that fails the test, checks
// of a database, and a fixture with a fresh SQLite store per test. Linked
// into tests only (CMake library mubiao_store_testing).
#ifndef MUBIAO_STORE_TESTING_H_
#define MUBIAO_STORE_TESTING_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/testing.h"
#include "search/request.h"
#include "store/loader.h"
#include "store/sql.h"
#include "store/store.h"

namespace mubiao::store::testing {

// A Markdown work report of `locality` (e.g. "新郑市", "河南省", "国务院" for
// the national report) for `year`, whose plan part contains `plan_text`
// (sentences ending in 。) and is padded with `filler_paragraphs` paragraphs
// of generic text numbered from 1.
std::string MarkdownReport(const std::string& locality, int year, const std::string& plan_text,
                           int filler_paragraphs = 0);

// A Markdown work report titled "<government>政府工作报告" (e.g. government
// "河南省人民"), given on 10 January of `year` to the congress of `place`
// (e.g. "河南省"), whose review of the year before says `review` and whose
// plan for `year` says `plan`: the smallest report whose parts are found.
std::string ReviewAndPlanReport(const std::string& government, const std::string& place, int year,
                                const std::string& review, const std::string& plan);

// The documents of a file named `path` holding `bytes`, imported and
// analysed (with the built-in gazetteer) as the loader does. Every step that
// fails adds a test failure naming `path` and leaves its documents out.
std::vector<DocumentRecord> AnalysedRecords(const std::string& bytes, const std::string& path);

// The file `path` holding `bytes` as Store::PutSourceFiles takes it: its
// content hash and AnalysedRecords.
SourceFile AnalysedSourceFile(const std::string& path, const std::string& bytes);

// A stored finding of `kind` for `year` whose indicator (and text) is
// `indicator` and whose quantity is `value` `unit` with `cmp`, changing as
// `change` says; every other field is left at its default.
StoredFinding MakeStoredFinding(targets::FindingKind kind, std::string indicator, double value,
                                std::string unit, quantity::Comparator cmp, targets::Change change,
                                int year);

// A load listener that adds a test failure for every file that fails to
// load, naming the file and the reason; progress is ignored.
class FailOnLoadFailure : public LoadListener {
 public:
  void OnFailure(const std::string& path, const std::string& reason) override;
  void OnProgress(const LoadProgress& progress) override;
};

// Loads every *.md file directly inside `dir` into `store` on one thread.
// A file that fails or a load that fails adds a test failure (fatal for the
// load: wrap calls in ASSERT_NO_FATAL_FAILURE).
void LoadMarkdownFiles(Store* store, const std::filesystem::path& dir);

// The first column of every row `sql` returns, as text. A statement that
// fails adds a test failure and ends the list.
std::vector<std::string> QueryColumn(Database* db, const char* sql);

// The first column of the first row `sql` returns, as text; "" when there is
// no row. A statement that fails adds a test failure and gives "".
std::string QueryText(Database* db, const char* sql);

// Expects SQLite's PRAGMA integrity_check to say "ok".
void ExpectSqliteIntegrity(Database* db);

// Expects FTS5's integrity check of both full-text indexes (document_fts and
// document_chars) to pass: they agree with the documents table. The schema
// must be there and the search tokenizer registered on `db`.
void ExpectFullTextIntegrity(Database* db);

// A PostgreSQL server of the test process's own, started by
// scripts/postgres_throwaway.sh in a temporary directory (a Unix socket
// there only: no TCP port to collide on; durability off), stopped and
// removed when the process exits.
class PostgresServer {
 public:
  // The server, started on the first call. nullptr when PostgreSQL's
  // programs are not installed (`why` says so: tests skip); a server that
  // is installed but does not start fails the calling test.
  static PostgresServer* Get(std::string* why);

  // A new, empty database on the server; its connection URI.
  std::string NewDatabase();

 private:
  PostgresServer() = default;
  std::string admin_uri_;
  int databases_ = 0;
};

// The database the store tests run on: PostgreSQL when the environment
// variable MUBIAO_TEST_DATABASE is "postgresql" (ctest runs the store's
// tests once that way), SQLite otherwise.
Dialect TestDialect();

// The name of a new, empty test database: the SQLite file `file`, or a new
// database on the test PostgreSQL server when TestDialect is PostgreSQL (a
// server that cannot start fails the test).
std::string TestDatabase(const std::filesystem::path& file);

// A fixture with a fresh store per test (a SQLite file in a temporary
// directory removed after the test, or a new database on the test
// PostgreSQL server: TestDialect), and helpers to store Markdown reports
// and to check the database afterwards.
class StoreTest : public ::testing::Test {
 protected:
  // Opens (creates) the store at db_path_; a failure to open is fatal.
  void SetUp() override;

  // Shorthand for AnalysedRecords.
  static std::vector<DocumentRecord> Records(const std::string& bytes, const std::string& path);

  // Stores one file with the given content; a failure to store is fatal.
  void Put(const std::string& path, const std::string& bytes);

  // Ids, ascending, of every document matching `query` with `filters`, read
  // two to a page until a page comes back empty.
  std::vector<int64_t> Ids(const std::string& query, search::SearchFilters filters = {});

  // The integer `sql` returns in its first row, read on a second connection.
  // No row adds a test failure.
  int64_t QueryInt(const char* sql);

  // On a second connection: PRAGMA integrity_check says ok and the full-text
  // indexes agree with the documents table (SQLite only).
  void CheckIntegrity();

  // A second connection to the test's database.
  Database OpenDatabase();

  mubiao::testing::TempDir dir_{"mubiao_store_test"};
  // The SQLite file, or the PostgreSQL URI, of the test's database.
  std::string db_path_ = (dir_ / "test.db").string();
  std::unique_ptr<Store> store_;  // closed before dir_ is removed
};

}  // namespace mubiao::store::testing

#endif  // MUBIAO_STORE_TESTING_H_
