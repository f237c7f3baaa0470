#include "store/schema.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/fts5_tokenizer.h"
#include "store/sql_store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::QueryColumn;

class SchemaTest : public ::testing::Test {
 protected:
  // A database at schema `version`, made by the migration chain itself.
  Database AtVersion(const std::string& name, int version) {
    Result<Database> db = Database::Open((dir_ / name).string(), true);
    EXPECT_TRUE(db.ok());
    EXPECT_TRUE(RegisterFts5Tokenizer(&*db).ok());
    EXPECT_TRUE(db->Exec("PRAGMA foreign_keys = ON").ok());
    if (version > 0) {
      Status migrated = MigrateSchema(&*db, version);
      EXPECT_TRUE(migrated.ok()) << migrated.message();
    }
    return std::move(db).value();
  }

  // The whole schema as SQLite records it.
  static std::vector<std::string> SchemaOf(Database* db) {
    return QueryColumn(db,
                       "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
                       " ORDER BY type, name");
  }

  mubiao::testing::TempDir dir_{"mubiao_schema_test"};
};

// Rows a database of each version can hold, written with that version's SQL.
void FillVersion1(Database* db) {
  ASSERT_TRUE(db->Exec(R"sql(
    INSERT INTO regions VALUES ('410000', '河南省', '河南', 'province', NULL, 'huazhong');
    INSERT INTO documents (id, source_file, source_path, content_hash, source_format, encoding,
        file_title, file_url, file_year, imported_at, doc_type, title, government, province,
        locality, level, region_code, geo, year, date, speaker, speaker_title, source_url, body)
      VALUES (7, '/d/henan.md', '/d/henan.md', '0123456789abcdef', 'markdown', 'UTF-8', '', '',
        NULL, '2024-01-01T00:00:00Z', 'work_report', '河南省政府工作报告', '河南省人民政府',
        '河南省', '河南省', 'province', '410000', 'huazhong', 2024, '', '', '', '', '一、回顾
确保粮食播种面积稳定。');
    INSERT INTO blocks VALUES (7, 0, 'heading', 1, 0, 12);
    INSERT INTO emphasis VALUES (7, 0, 0, 0, 12);
    INSERT INTO document_notes VALUES (7, 0, '来源：示例');
    INSERT INTO parts VALUES (7, 0, 'plan', 0, '一、', 0, 12, 0, 46);
    INSERT INTO sections VALUES (7, 0, 0, '', NULL, NULL, 13, 46);
    INSERT INTO paragraphs VALUES (7, 0, 0, 0, 13, 46, NULL, NULL, NULL, NULL);
  )sql")
                  .ok());
}

void FillVersion2(Database* db) {
  ASSERT_TRUE(db->Exec(R"sql(
    INSERT INTO targets (document_id, target_no, year, text, text_begin, text_end, sentence,
        sentence_begin, sentence_end, section, indicator, value, unit, cmp, strength)
      VALUES (7, 0, 2024, '粮食播种面积稳定', 19, 43, '确保粮食播种面积稳定。', 13, 46, '一、回顾',
        '粮食播种面积', 580000, '亩', '>=', 'ensure');
    INSERT INTO outcomes (document_id, outcome_no, year, text, text_begin, text_end, sentence,
        sentence_begin, sentence_end, section, indicator, value, unit, cmp)
      VALUES (7, 0, 2023, 'x', 13, 14, 'x', 13, 14, '', 'x', 1, '%', '=');
    INSERT INTO commitments (document_id, commitment_no, year, text, text_begin, text_end,
        sentence, sentence_begin, sentence_end, section, indicator)
      VALUES (7, 0, 2024, 'x', 13, 14, 'x', 13, 14, '', '');
  )sql")
                  .ok());
}

TEST_F(SchemaTest, EveryEarlierVersionMigratesToTheCurrentSchema) {
  Database fresh = AtVersion("fresh.db", kSchemaVersion);
  const std::vector<std::string> current = SchemaOf(&fresh);
  ASSERT_FALSE(current.empty());

  for (int version = 0; version < kSchemaVersion; ++version) {
    SCOPED_TRACE("from version " + std::to_string(version));
    const std::string name = "v" + std::to_string(version) + ".db";
    {
      Database old = AtVersion(name, version);
      EXPECT_EQ(*SchemaVersion(&old), version);
      if (version >= 1) FillVersion1(&old);
      if (version >= 2) FillVersion2(&old);
    }
    {
      Result<std::unique_ptr<Store>> store = OpenSqlStore((dir_ / name).string());
      ASSERT_TRUE(store.ok()) << store.status().message();
      if (version >= 1) {
        // The old document is kept, searchable, and due for re-derivation.
        search::SearchRequest request;
        request.query = "粮食播种";
        Result<search::SearchResults> found = (*store)->Search(request);
        ASSERT_TRUE(found.ok()) << found.status().message();
        ASSERT_EQ(found->hits.size(), 1u);
        EXPECT_EQ(found->hits[0].id, 7);
        EXPECT_EQ(*(*store)->DocumentsDerivedBefore(targets::kExtractorVersion),
                  std::vector<int64_t>{7});
        Result<report::Document> doc = (*store)->LoadDocument(7);
        ASSERT_TRUE(doc.ok());
        EXPECT_EQ(doc->notes, std::vector<std::string>{"来源：示例"});
        ASSERT_EQ(doc->blocks.size(), 1u);
        EXPECT_EQ(doc->blocks[0].emphasis.size(), 1u);
      }
    }
    Result<Database> migrated = Database::Open((dir_ / name).string(), false);
    ASSERT_TRUE(migrated.ok());
    ASSERT_TRUE(RegisterFts5Tokenizer(&*migrated).ok());
    EXPECT_EQ(*SchemaVersion(&*migrated), kSchemaVersion);
    EXPECT_EQ(SchemaOf(&*migrated), current);
    if (version >= 2) {
      EXPECT_EQ(QueryColumn(&*migrated, "SELECT indicator FROM targets"),
                std::vector<std::string>{"粮食播种面积"});
      EXPECT_EQ(QueryColumn(&*migrated,
                            "SELECT rowid FROM target_indicators WHERE target_indicators MATCH"
                            " '\"播种\" + \"种面\"'"),
                QueryColumn(&*migrated, "SELECT id FROM targets"));
    }
    EXPECT_TRUE(migrated
                    ->Exec("INSERT INTO comments (document_id, author, body, created_at)"
                           " SELECT id, '读者', '好', '2024-01-01T00:00:00Z' FROM documents")
                    .ok());
    EXPECT_EQ(QueryColumn(&*migrated, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_EQ(QueryColumn(&*migrated, "PRAGMA foreign_key_check"), std::vector<std::string>{});
  }
}

TEST_F(SchemaTest, OverridesUnderPathKeysMoveToTextKeys) {
  const std::string name = "v5.db";
  {
    Database old = AtVersion(name, 5);
    FillVersion1(&old);
    FillVersion2(&old);
    ASSERT_TRUE(old.Exec(R"sql(
      INSERT INTO verdict_overrides (target_key, status_before, status_after, author, reason,
          created_at) VALUES ('/d/henan.md#19-43', 'unverified', 'met', '督查室', '公报',
          '2024-05-01T00:00:00Z');
      INSERT INTO verdict_overrides (target_key, status_before, status_after, author, reason,
          created_at) VALUES ('/gone.md#1-2', 'unverified', 'met', '督查室', '公报',
          '2024-05-01T00:00:00Z');
    )sql")
                    .ok());
  }
  Result<std::unique_ptr<Store>> store = OpenSqlStore((dir_ / name).string());
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<report::Document> doc = (*store)->LoadDocument(7);
  ASSERT_TRUE(doc.ok());
  const std::string key = FindingKey(ContentHash(doc->text), {19, 43});
  Result<std::vector<VerdictOverride>> moved = (*store)->VerdictOverrides(key);
  ASSERT_TRUE(moved.ok()) << moved.status().message();
  ASSERT_EQ(moved->size(), 1u);
  EXPECT_EQ((*moved)[0].target_key, "/d/henan.md#19-43");
  EXPECT_EQ((*moved)[0].current_key, key);
  Result<StoredFinding> target = (*store)->FindingByKey(key);
  ASSERT_TRUE(target.ok()) << target.status().message();
  EXPECT_EQ(target->finding.indicator, "粮食播种面积");
  // A key of a file no longer stored stays as it was: orphaned, not lost.
  Result<std::vector<VerdictOverride>> all = (*store)->VerdictOverrides("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].current_key, "/gone.md#1-2");
}

TEST_F(SchemaTest, CopiesStoredBeforeVersion7BecomeOneReport) {
  const std::string name = "v6.db";
  {
    Database old = AtVersion(name, 6);
    FillVersion1(&old);
    // A second source of document 7's report (a JSON Lines row without the
    // date), stored apart before documents had an identity.
    ASSERT_TRUE(old.Exec(R"sql(
      UPDATE documents SET date = '2024-01-20' WHERE id = 7;
      INSERT INTO documents (id, source_file, source_path, content_hash, source_format, encoding,
          file_title, file_url, file_year, imported_at, doc_type, title, government, province,
          locality, level, region_code, geo, year, date, speaker, speaker_title, source_url,
          body)
        SELECT 8, '/d/all.jsonl', '/d/all.jsonl#3', 'fedcba9876543210', 'jsonl', encoding,
          file_title, file_url, 2024, imported_at, doc_type, title, government, province,
          locality, level, region_code, geo, year, '', speaker, speaker_title, source_url, body
        FROM documents WHERE id = 7;
    )sql")
                    .ok());
  }
  Result<std::unique_ptr<Store>> store = OpenSqlStore((dir_ / name).string());
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<StoredDocument> copy = (*store)->GetDocument(8);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->summary.primary_id, 7);
  ASSERT_EQ(copy->sources.size(), 2u);
  EXPECT_EQ(copy->sources[0].id, 7);
  search::SearchRequest request;
  request.query = "粮食播种";
  Result<search::SearchResults> found = (*store)->Search(request);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].id, 7);
  store->reset();
  Result<Database> db = Database::Open((dir_ / name).string(), false);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(RegisterFts5Tokenizer(&*db).ok());
  EXPECT_EQ(QueryColumn(&*db, "SELECT count(*) FROM documents WHERE fingerprint IS NULL"),
            std::vector<std::string>{"0"});
  testing::ExpectFullTextIntegrity(&*db);
}

TEST_F(SchemaTest, MigratingTwiceChangesNothing) {
  Database db = AtVersion("twice.db", kSchemaVersion);
  const std::vector<std::string> before = SchemaOf(&db);
  ASSERT_TRUE(MigrateSchema(&db).ok());
  EXPECT_EQ(SchemaOf(&db), before);
}

TEST_F(SchemaTest, AFailedStepIsRolledBackWhole) {
  Database db = AtVersion("blocked.db", 1);
  // A table in the way of step 2's CREATE TABLE targets.
  ASSERT_TRUE(db.Exec("CREATE TABLE targets (x)").ok());
  Status migrated = MigrateSchema(&db);
  ASSERT_FALSE(migrated.ok());
  EXPECT_NE(migrated.message().find("version 2"), std::string::npos) << migrated.message();
  EXPECT_EQ(*SchemaVersion(&db), 1);
  // Step 2's first statement (a new column) did not survive either.
  EXPECT_EQ(QueryColumn(&db,
                        "SELECT count(*) FROM pragma_table_info('documents')"
                        " WHERE name = 'extractor_version'"),
            std::vector<std::string>{"0"});
}

TEST_F(SchemaTest, VerdictsKeepTheirFindingsYear) {
  // Verdicts stored before step 13 get their finding's year, and keep it.
  Database db = AtVersion("years.db", 12);
  FillVersion1(&db);
  FillVersion2(&db);
  ASSERT_TRUE(db.Exec("INSERT INTO verdicts (finding_kind, finding_id, status, indicator_id,"
                      " detail) SELECT 'target', id, 'met', 'grain_area', '{}' FROM targets;"
                      " INSERT INTO verdicts (finding_kind, finding_id, status, indicator_id,"
                      " detail) SELECT 'commitment', id, 'not_assessable', '', '{}'"
                      " FROM commitments")
                  .ok());
  ASSERT_TRUE(MigrateSchema(&db).ok());
  EXPECT_EQ(QueryColumn(&db, "SELECT year FROM verdicts ORDER BY finding_kind"),
            (std::vector<std::string>{"2024", "2024"}));
  ASSERT_TRUE(db.Exec("UPDATE targets SET year = 2025; UPDATE commitments SET year = 2026").ok());
  EXPECT_EQ(QueryColumn(&db, "SELECT year FROM verdicts ORDER BY finding_kind"),
            (std::vector<std::string>{"2026", "2025"}));
}

TEST_F(SchemaTest, CascadesRemoveEverythingOfADocument) {
  Database db = AtVersion("cascade.db", kSchemaVersion);
  FillVersion1(&db);
  FillVersion2(&db);
  ASSERT_TRUE(db.Exec("INSERT INTO verdicts (finding_kind, finding_id, status, indicator_id,"
                      " detail) SELECT 'target', id, 'met', '', '{}' FROM targets;"
                      " INSERT INTO verdicts (finding_kind, finding_id, status, indicator_id,"
                      " detail) SELECT 'commitment', id, 'not_assessable', '', '{}'"
                      " FROM commitments")
                  .ok());
  ASSERT_TRUE(db.Exec("DELETE FROM documents WHERE id = 7").ok());
  for (const char* table : {"blocks", "emphasis", "document_notes", "parts", "sections",
                            "paragraphs", "targets", "outcomes", "commitments", "verdicts"}) {
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    EXPECT_EQ(QueryColumn(&db, sql.c_str()), std::vector<std::string>{"0"}) << table;
  }
  EXPECT_EQ(QueryColumn(&db, "SELECT count(*) FROM document_fts WHERE document_fts MATCH '粮食'"),
            std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace mubiao::store
