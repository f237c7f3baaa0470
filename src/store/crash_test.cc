// Crash safety of `mubiao import`, tested the SQLite way: by killing it.
// The built binary imports a folder of generated reports and is sent
// SIGKILL after a random delay, several times; after every kill the
// database must hold only whole documents, each in the full-text index (on
// SQLite also pass PRAGMA integrity_check and FTS5's integrity check); a
// final run must complete the import with every document stored exactly
// once. On SQLite, and on PostgreSQL as store_crash_test_postgres.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "store/fts5_tokenizer.h"
#include "store/sql.h"
#include "store/store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

namespace fs = std::filesystem;
using testing::QueryText;

constexpr int kDocuments = 900;
constexpr int kKills = 6;

// Starts `mubiao import DOCS --db DB` with its output discarded.
pid_t StartImport(const fs::path& docs, const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(MUBIAO_BINARY, "mubiao", "import", docs.c_str(), "--db", db.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// The SQLite file's own checks: pages, FTS5 and foreign keys.
void CheckSqliteFile(Database* db) {
  EXPECT_TRUE(RegisterFts5Tokenizer(db).ok());
  testing::ExpectSqliteIntegrity(db);
  testing::ExpectFullTextIntegrity(db);
  EXPECT_EQ(QueryText(db, "PRAGMA foreign_key_check"), "");
}

// Checks the database after a kill; returns the number of documents in it.
int64_t CheckDatabase(const std::string& name) {
  const bool sqlite = testing::TestDialect() == Dialect::kSqlite;
  if (sqlite && !fs::exists(name)) return 0;  // killed before it was created
  Result<Database> db = Database::OpenByName(name);
  EXPECT_TRUE(db.ok()) << db.status().message();
  if (!db.ok()) return 0;
  const std::string version =
      sqlite ? QueryText(&*db, "PRAGMA user_version")
             : QueryText(&*db,
                         "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0"
                         " ELSE (SELECT coalesce(max(version), 0) FROM schema_version) END");
  if (version == "0") return 0;  // killed before the schema was committed
  if (sqlite) CheckSqliteFile(&*db);
  // Every stored document is whole: its blocks, outline and index entry.
  EXPECT_EQ(QueryText(&*db,
                      "SELECT count(*) FROM documents d WHERE"
                      " NOT EXISTS (SELECT 1 FROM blocks b WHERE b.document_id = d.id)"
                      " OR NOT EXISTS (SELECT 1 FROM parts p WHERE p.document_id = d.id)"
                      " OR NOT EXISTS (SELECT 1 FROM paragraphs g WHERE g.document_id = d.id)"),
            "0");
  // The index holds reports' primary sources (the documents written here are
  // near copies of one another: report/identity.h groups them); PostgreSQL's
  // holds every document, its searches asking for primaries.
  EXPECT_EQ(QueryText(&*db, sqlite ? "SELECT count(*) FROM document_fts_docsize"
                                   : "SELECT count(DISTINCT document_id) FROM document_passages"),
            QueryText(&*db, sqlite ? "SELECT count(*) FROM documents WHERE primary_id IS NULL"
                                   : "SELECT count(*) FROM documents"));
  return std::stoll(QueryText(&*db, "SELECT count(*) FROM documents"));
}

// Writes document `i` as it reads in round `round`.
void WriteDocument(const fs::path& docs, int i, int round) {
  static const char* places[] = {"新郑市", "郑州市", "河南省", "广东省",
                                 "开封市", "洛阳市", "国务院"};
  mubiao::testing::WriteFile(
      docs / (std::to_string(i) + ".md"),
      testing::MarkdownReport(
          places[i % 7], 2010 + i % 15,
          "推进第" + std::to_string(i) + "号民生工程，第" + std::to_string(round) + "稿。", 80));
}

TEST(CrashTest, KilledImportsLeaveAConsistentDatabaseAndTheNextRunCompletes) {
  const mubiao::testing::TempDir dir("mubiao_crash_test");
  fs::create_directories(dir / "docs");
  for (int i = 0; i < kDocuments; ++i) WriteDocument(dir / "docs", i, 0);
  const std::string db = testing::TestDatabase(dir / "crash.db");

  // How long a whole import takes here: kills land anywhere within that.
  const auto started = std::chrono::steady_clock::now();
  const pid_t reference = StartImport(dir / "docs", testing::TestDatabase(dir / "reference.db"));
  int reference_status = 0;
  waitpid(reference, &reference_status, 0);
  ASSERT_TRUE(WIFEXITED(reference_status) && WEXITSTATUS(reference_status) == 0);
  const int full_run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::steady_clock::now() - started)
                                               .count());

  const unsigned seed = std::random_device()();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(full_run_ms / 20, full_run_ms);
  std::cout << "a whole import takes " << full_run_ms << " ms; random seed " << seed << "\n";
  for (int round = 1; round <= kKills; ++round) {
    // Every round has new documents to store and changed ones to replace.
    for (int i = round % 3; i < kDocuments; i += 3) WriteDocument(dir / "docs", i, round);
    const pid_t pid = StartImport(dir / "docs", db);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const int64_t stored = CheckDatabase(db);
    std::cout << "after kill " << round << ": " << (WIFSIGNALED(status) ? "killed" : "had finished")
              << ", " << stored << " documents stored\n";
    EXPECT_LE(stored, kDocuments);
  }

  // A run to the end completes the rest.
  const pid_t pid = StartImport(dir / "docs", db);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(CheckDatabase(db), kDocuments);
  // Every file is stored exactly once, as it reads now.
  Result<Database> check = Database::OpenByName(db);
  ASSERT_TRUE(check.ok());
  Result<Statement> stored =
      Statement::Prepare(&*check, "SELECT source_path, content_hash FROM documents");
  ASSERT_TRUE(stored.ok());
  std::set<std::string> paths;
  while (*stored->Step()) {
    const std::string path = stored->ColumnText(0);
    EXPECT_TRUE(paths.insert(path).second) << path;
    EXPECT_EQ(stored->ColumnText(1), ContentHash(mubiao::testing::ReadFileOrEmpty(path))) << path;
  }
  EXPECT_EQ(paths.size(), static_cast<size_t>(kDocuments));
}

}  // namespace
}  // namespace mubiao::store
