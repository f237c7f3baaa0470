#include "store/testing.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "store/fts5_tokenizer.h"
#include "store/sql_store.h"

namespace mubiao::store::testing {

std::string MarkdownReport(const std::string& locality, int year, const std::string& plan_text,
                           int filler_paragraphs) {
  const bool national = locality == "国务院";
  const std::string y = std::to_string(year);
  const std::string previous = std::to_string(year - 1);
  const std::string congress = national ? "第十四届全国人民代表大会" : locality + "人民代表大会";
  std::string md = "---\ntitle: " + y + "年" + (national ? "国务院政府" : locality + "人民政府") +
                   "工作报告\n---\n\n**政府工作报告**\n\n——" + y + "年3月5日在" + congress +
                   "会议上\n\n" + (national ? "国务院总理" : "市长") +
                   " 张某\n\n各位代表：\n\n**一、" + previous +
                   "年工作回顾**\n\n过去一年，地区生产总值增长5%，新增城镇就业5000人。\n\n**二、" +
                   y + "年工作安排**\n\n（一）主要预期目标。" + plan_text + "\n\n";
  for (int i = 1; i <= filler_paragraphs; ++i) {
    md += "（" + std::to_string(i) + "）持续推进第" + std::to_string(i) +
          "项重点工作，完善体制机制，加强统筹协调，确保各项任务落地见效，推动经济社会高质量发展。\n"
          "\n";
  }
  md += "各位代表！让我们团结奋斗。\n";
  return md;
}

std::string ReviewAndPlanReport(const std::string& government, const std::string& place, int year,
                                const std::string& review, const std::string& plan) {
  return "---\ntitle: " + government + "政府工作报告\n---\n\n——" + std::to_string(year) +
         "年1月10日在" + place + "第十四届人民代表大会第一次会议上\n\n各位代表：\n\n**一、" +
         std::to_string(year - 1) + "年工作回顾**\n\n" + review + "\n\n**二、" +
         std::to_string(year) + "年工作安排**\n\n" + plan + "\n";
}

std::vector<DocumentRecord> AnalysedRecords(const std::string& bytes, const std::string& path) {
  std::vector<DocumentRecord> records;
  Result<report::ImportedFile> imported = report::ImportBytes(bytes, path);
  EXPECT_TRUE(imported.ok()) << path << ": " << imported.status().message();
  if (!imported.ok()) return records;
  for (report::Document& doc : imported->documents) {
    Result<report::Report> r =
        report::AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
    EXPECT_TRUE(r.ok()) << path << ": " << r.status().message();
    if (r.ok()) {
      records.push_back(MakeDocumentRecord(std::move(r).value(), regions::Gazetteer::Builtin()));
    }
  }
  return records;
}

SourceFile AnalysedSourceFile(const std::string& path, const std::string& bytes) {
  return SourceFile{path, ContentHash(bytes), AnalysedRecords(bytes, path)};
}

StoredFinding MakeStoredFinding(targets::FindingKind kind, std::string indicator, double value,
                                std::string unit, quantity::Comparator cmp, targets::Change change,
                                int year) {
  StoredFinding s;
  s.finding.kind = kind;
  s.finding.indicator = std::move(indicator);
  s.finding.text = s.finding.indicator;
  s.finding.value = value;
  s.finding.unit = std::move(unit);
  s.finding.cmp = cmp;
  s.finding.change = change;
  s.finding.year = year;
  return s;
}

void FailOnLoadFailure::OnFailure(const std::string& path, const std::string& reason) {
  ADD_FAILURE() << path << ": " << reason;
}

void FailOnLoadFailure::OnProgress(const LoadProgress&) {}

void LoadMarkdownFiles(Store* store, const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  FailOnLoadFailure listener;
  LoadOptions options;
  options.threads = 1;
  Result<LoadSummary> loaded = LoadFiles(store, files, options, &listener);
  ASSERT_TRUE(loaded.ok()) << dir << ": " << loaded.status().message();
}

std::vector<std::string> QueryColumn(Database* db, const char* sql) {
  std::vector<std::string> rows;
  Result<Statement> stmt = Statement::Prepare(db, sql);
  EXPECT_TRUE(stmt.ok()) << sql << ": " << stmt.status().message();
  if (!stmt.ok()) return rows;
  for (;;) {
    Result<bool> row = stmt->Step();
    EXPECT_TRUE(row.ok()) << sql << ": " << row.status().message();
    if (!row.ok() || !*row) break;
    rows.push_back(stmt->ColumnText(0));
  }
  return rows;
}

std::string QueryText(Database* db, const char* sql) {
  Result<Statement> stmt = Statement::Prepare(db, sql);
  EXPECT_TRUE(stmt.ok()) << sql << ": " << stmt.status().message();
  if (!stmt.ok()) return "";
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok()) << sql << ": " << row.status().message();
  return row.ok() && *row ? stmt->ColumnText(0) : "";
}

void ExpectSqliteIntegrity(Database* db) {
  EXPECT_EQ(QueryText(db, "PRAGMA integrity_check"), "ok");
}

void ExpectFullTextIntegrity(Database* db) {
  for (const char* table : {"document_fts", "document_chars", "target_indicators"}) {
    const std::string check =
        std::string("INSERT INTO ") + table + "(" + table + ") VALUES ('integrity-check')";
    Status checked = db->Exec(check.c_str());
    EXPECT_TRUE(checked.ok()) << table << ": " << checked.message();
  }
}

Dialect TestDialect() {
  const char* database = std::getenv("MUBIAO_TEST_DATABASE");
  return database != nullptr && std::string(database) == "postgresql" ? Dialect::kPostgres
                                                                      : Dialect::kSqlite;
}

std::string TestDatabase(const std::filesystem::path& file) {
  if (TestDialect() == Dialect::kSqlite) return file.string();
  std::string why;
  PostgresServer* server = PostgresServer::Get(&why);
  if (server == nullptr) {
    ADD_FAILURE() << why;
    return file.string();
  }
  return server->NewDatabase();
}

void StoreTest::SetUp() {
  db_path_ = TestDatabase(db_path_);
  Result<std::unique_ptr<Store>> store = OpenStore(db_path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  store_ = std::move(store).value();
}

std::vector<DocumentRecord> StoreTest::Records(const std::string& bytes, const std::string& path) {
  return AnalysedRecords(bytes, path);
}

void StoreTest::Put(const std::string& path, const std::string& bytes) {
  Status put = store_->PutSourceFiles({AnalysedSourceFile(path, bytes)});
  ASSERT_TRUE(put.ok()) << put.message();
}

std::vector<int64_t> StoreTest::Ids(const std::string& query, search::SearchFilters filters) {
  search::SearchRequest request;
  request.query = query;
  request.filters = filters;
  request.limit = 2;
  std::vector<int64_t> ids;
  for (;;) {
    Result<search::SearchResults> results = store_->Search(request);
    EXPECT_TRUE(results.ok()) << results.status().message();
    if (!results.ok() || results->hits.empty()) break;
    for (const auto& hit : results->hits) ids.push_back(hit.id);
    request.offset += request.limit;
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Database StoreTest::OpenDatabase() {
  Result<Database> db =
      IsPostgresUri(db_path_) ? Database::OpenPostgres(db_path_) : Database::Open(db_path_, false);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return std::move(db).value();
}

int64_t StoreTest::QueryInt(const char* sql) {
  Database db = OpenDatabase();
  Result<Statement> stmt = Statement::Prepare(&db, sql);
  EXPECT_TRUE(stmt.ok()) << sql << ": " << stmt.status().message();
  if (!stmt.ok()) return 0;
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << "no row: " << sql;
  return stmt->ColumnInt(0);
}

void StoreTest::CheckIntegrity() {
  if (TestDialect() == Dialect::kPostgres) return;
  Result<Database> db = Database::Open(db_path_, false);
  ASSERT_TRUE(db.ok()) << db.status().message();
  ASSERT_TRUE(RegisterFts5Tokenizer(&*db).ok());
  ExpectSqliteIntegrity(&*db);
  ExpectFullTextIntegrity(&*db);
}

namespace {

// scripts/postgres_throwaway.sh, which starts and stops the server.
std::string ThrowawayScript() {
  return (mubiao::testing::SourceDir() / "scripts" / "postgres_throwaway.sh").string();
}

struct Cluster {
  std::string dir;  // stopped and removed at exit
  pid_t owner;      // the process that started it (a forked child must not stop it)
};
Cluster* running_cluster = nullptr;

void StopCluster() {
  if (running_cluster == nullptr || running_cluster->owner != getpid()) return;
  const std::string stop = ThrowawayScript() + " stop " + running_cluster->dir;
  static_cast<void>(std::system(stop.c_str()));  // at exit: nothing left to report to
}

}  // namespace

PostgresServer* PostgresServer::Get(std::string* why) {
  static PostgresServer* server = nullptr;
  static std::string failure;
  static bool tried = false;
  if (tried) {
    *why = failure;
    return server;
  }
  tried = true;
  char dir[] = "/tmp/mubiao_pg_XXXXXX";
  if (mkdtemp(dir) == nullptr) {
    failure = *why = "cannot make a directory for PostgreSQL";
    ADD_FAILURE() << failure;
    return nullptr;
  }
  const std::string command = ThrowawayScript() + " start " + dir + " 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[512];
  while (pipe != nullptr && fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  const int status = pipe != nullptr ? pclose(pipe) : -1;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (status != 0) {
    failure = *why = "the test PostgreSQL server did not start: " + out;
    // Exit status 2: not installed, which skips; anything else fails.
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 2) ADD_FAILURE() << failure;
    return nullptr;
  }
  running_cluster = new Cluster{dir, getpid()};
  std::atexit(StopCluster);
  server = new PostgresServer();
  server->admin_uri_ = out.substr(out.rfind('\n') + 1);
  return server;
}

std::string PostgresServer::NewDatabase() {
  const std::string name =
      "mubiao_test_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  Result<Database> admin = Database::OpenPostgres(admin_uri_);
  EXPECT_TRUE(admin.ok()) << admin.status().message();
  if (admin.ok()) {
    const std::string create = "CREATE DATABASE " + name;
    Status created = admin->Exec(create.c_str());
    EXPECT_TRUE(created.ok()) << created.message();
  }
  // postgresql:///mubiao?host=... → postgresql:///NAME?host=...
  const size_t query = admin_uri_.find('?');
  const size_t slash = admin_uri_.rfind('/', query);
  return admin_uri_.substr(0, slash + 1) + name + admin_uri_.substr(query);
}

}  // namespace mubiao::store::testing
