// The fixture of the store's tests: a fresh SQLite database per test, with
// helpers to store Markdown reports and to check the database afterwards.
#ifndef MUBIAO_STORE_STORE_TEST_FIXTURE_H_
#define MUBIAO_STORE_STORE_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "store/fts5_tokenizer.h"
#include "store/sqlite.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace mubiao::store {

namespace fs = std::filesystem;

// A fresh directory for one test's database.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mubiao_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "test.db").string();
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // The records of a file's documents, imported and analysed as the loader does.
  static std::vector<DocumentRecord> Records(const std::string& bytes, const std::string& path) {
    Result<report::ImportedFile> imported = report::ImportBytes(bytes, path);
    EXPECT_TRUE(imported.ok()) << imported.status().message();
    std::vector<DocumentRecord> records;
    if (!imported.ok()) return records;
    for (report::Document& doc : imported->documents) {
      Result<report::Report> r =
          report::AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
      EXPECT_TRUE(r.ok()) << r.status().message();
      if (r.ok()) {
        records.push_back(MakeDocumentRecord(std::move(r).value(), regions::Gazetteer::Builtin()));
      }
    }
    return records;
  }

  // Stores one file with the given content.
  void Put(const std::string& path, const std::string& bytes) {
    SourceFile file{path, ContentHash(bytes), Records(bytes, path)};
    Status put = store_->PutSourceFiles({file});
    ASSERT_TRUE(put.ok()) << put.message();
  }

  // Ids of every document matching `query` (all pages).
  std::vector<int64_t> Ids(const std::string& query, search::SearchFilters filters = {}) {
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

  // Runs a statement returning one integer on a second connection.
  int64_t QueryInt(const char* sql) {
    Result<Database> db = Database::Open(db_path_, false);
    EXPECT_TRUE(db.ok());
    Result<Statement> stmt = Statement::Prepare(db->get(), sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().message();
    Result<bool> row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->ColumnInt(0);
  }

  // PRAGMA integrity_check says ok and the full-text index agrees with the
  // documents table.
  void CheckIntegrity() {
    Result<Database> db = Database::Open(db_path_, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterFts5Tokenizer(db->get()).ok());
    Result<Statement> check = Statement::Prepare(db->get(), "PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(*check->Step());
    EXPECT_EQ(check->ColumnText(0), "ok");
    Status fts = db->Exec("INSERT INTO document_fts(document_fts) VALUES ('integrity-check')");
    EXPECT_TRUE(fts.ok()) << fts.message();
    fts = db->Exec("INSERT INTO document_chars(document_chars) VALUES ('integrity-check')");
    EXPECT_TRUE(fts.ok()) << fts.message();
  }

  fs::path dir_;
  std::string db_path_;
  std::unique_ptr<Store> store_;
};

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_STORE_TEST_FIXTURE_H_
