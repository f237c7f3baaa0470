#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "store/fts5_tokenizer.h"
#include "store/loader.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/sql_store.h"
#include "store/sql_store_impl.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

namespace fs = std::filesystem;
using testing::MarkdownReport;
using testing::StoreTest;

TEST(ContentHashTest, IsFnv1a64InHex) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
  EXPECT_NE(ContentHash("粮食"), ContentHash("粮仓"));
}

TEST(RecordTest, RegionChainComesFromTheGazetteer) {
  Result<report::ImportedFile> imported =
      report::ImportBytes(MarkdownReport("新郑市", 2023, "粮食稳产。"), "/x/a.md");
  ASSERT_TRUE(imported.ok());
  Result<report::Report> r =
      report::AnalyzeDocument(std::move(imported->documents[0]), regions::Gazetteer::Builtin());
  ASSERT_TRUE(r.ok()) << r.status().message();
  DocumentRecord record = MakeDocumentRecord(std::move(r).value(), regions::Gazetteer::Builtin());
  ASSERT_EQ(record.regions.size(), 3u);
  EXPECT_EQ(record.regions[0].code, "410000");
  EXPECT_EQ(record.regions[1].code, "410100");
  EXPECT_EQ(record.regions[2].code, "410184");
  EXPECT_EQ(record.regions[2].level, regions::RegionLevel::kCounty);
  EXPECT_EQ(record.regions[2].geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(record.extractor_version, targets::kExtractorVersion);
}

TEST_F(StoreTest, OpensWithWalForeignKeysAndTheLatestSchema) {
  Database db = OpenDatabase();
  EXPECT_EQ(*SchemaVersion(&db), kSchemaVersion);
  if (testing::TestDialect() != Dialect::kSqlite) return;
  Result<Statement> mode = Statement::Prepare(&db, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");
}

TEST_F(StoreTest, MustExistModeDoesNotCreateADatabase) {
  Result<std::unique_ptr<Store>> missing =
      OpenSqlStore((dir_ / "missing.db").string(), OpenMode::kMustExist);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));
}

TEST_F(StoreTest, RefusesADatabaseFromANewerMubiao) {
  {
    Database db = OpenDatabase();
    ASSERT_TRUE(db.Exec(testing::TestDialect() == Dialect::kSqlite
                            ? "PRAGMA user_version = 99"
                            : "UPDATE schema_version SET version = 99")
                    .ok());
  }
  store_.reset();
  Result<std::unique_ptr<Store>> reopened = OpenStore(db_path_);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(reopened.status().message().find("newer"), std::string::npos);
}

TEST_F(StoreTest, RefusesAFileThatIsNotADatabase) {
  store_.reset();
  const fs::path junk = dir_ / "junk.db";
  {
    std::ofstream out(junk);
    out << std::string(8192, 'x');
  }
  Result<std::unique_ptr<Store>> opened = OpenSqlStore(junk.string());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kIoError);
}

TEST_F(StoreTest, StoresSourceDerivedOutlineAndRegions) {
  const std::string md = MarkdownReport(
      "新郑市", 2023, "**确保粮食播种面积稳定在58万亩以上。**今后五年，农民收入年均增长8%。");
  Put("/data/xinzheng/2023.md", md);
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 1);
  EXPECT_EQ(counts->regions, 3);
  EXPECT_GT(counts->text_bytes, 100);
  EXPECT_GT(QueryInt("SELECT count(*) FROM parts"), 1);
  EXPECT_GT(QueryInt("SELECT count(*) FROM paragraphs"), 3);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM parts WHERE kind = 'plan'"), 1);
  const std::string stored_as =
      "SELECT count(*) FROM documents WHERE region_code = '410184' AND level = 'county' AND geo ="
      " 'huazhong' AND year = 2023 AND doc_type = 'work_report' AND extractor_version = " +
      std::to_string(targets::kExtractorVersion);
  EXPECT_EQ(QueryInt(stored_as.c_str()), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM regions WHERE code = '410184' AND parent_code = "
                     "'410100'"),
            1);
  // The extractor's findings, with their numbers and offsets into the body.
  EXPECT_EQ(QueryInt("SELECT count(*) FROM targets WHERE indicator = '粮食播种面积' AND value = "
                     "580000 AND unit = '亩' AND cmp = '>=' AND strength = 'ensure' AND year = "
                     "2023 AND section LIKE '二、2023年工作安排%'"),
            1);
  const std::string misplaced =
      "SELECT count(*) FROM targets t JOIN documents d ON d.id = t.document_id WHERE " +
      ByteSubstring(testing::TestDialect(), "d.body", "t.text_begin", "t.text_end - t.text_begin") +
      " != t.text";
  EXPECT_EQ(QueryInt(misplaced.c_str()), 0);
  EXPECT_GE(QueryInt("SELECT count(*) FROM outcomes WHERE year = 2022"), 1);
  FindingFilter averages;
  averages.indicator = "农民收入";
  Result<FindingPage> page = store_->ListFindings(averages);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->findings.size(), 1u);
  EXPECT_TRUE(page->findings[0].finding.average);  // 年均, kept through the store

  // The document comes back exactly as the importer made it.
  Result<report::ImportedFile> imported = report::ImportBytes(md, "/data/xinzheng/2023.md");
  ASSERT_TRUE(imported.ok());
  const report::Document& original = imported->documents[0];
  Result<std::vector<int64_t>> ids = store_->DocumentsDerivedBefore(targets::kExtractorVersion + 1);
  ASSERT_TRUE(ids.ok());
  ASSERT_EQ(ids->size(), 1u);
  Result<report::Document> loaded = store_->LoadDocument((*ids)[0]);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->path, original.path);
  EXPECT_EQ(loaded->format, original.format);
  EXPECT_EQ(loaded->encoding, original.encoding);
  EXPECT_EQ(loaded->text, original.text);
  EXPECT_EQ(loaded->title, original.title);
  EXPECT_EQ(loaded->source_url, original.source_url);
  EXPECT_EQ(loaded->notes, original.notes);
  ASSERT_EQ(loaded->blocks.size(), original.blocks.size());
  bool any_emphasis = false;
  for (size_t i = 0; i < original.blocks.size(); ++i) {
    EXPECT_EQ(loaded->blocks[i].kind, original.blocks[i].kind) << i;
    EXPECT_EQ(loaded->blocks[i].level, original.blocks[i].level) << i;
    EXPECT_EQ(loaded->blocks[i].span, original.blocks[i].span) << i;
    EXPECT_EQ(loaded->blocks[i].emphasis, original.blocks[i].emphasis) << i;
    any_emphasis = any_emphasis || !original.blocks[i].emphasis.empty();
  }
  EXPECT_TRUE(any_emphasis);
  EXPECT_EQ(store_->LoadDocument(12345).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, SameFileAgainReplacesInPlaceKeepingTheId) {
  Put("/data/a.md", MarkdownReport("新郑市", 2023, "建设智慧农场。"));
  std::vector<int64_t> before = Ids("智慧农场");
  ASSERT_EQ(before.size(), 1u);
  Put("/data/a.md", MarkdownReport("新郑市", 2023, "建设数字乡村。"));
  EXPECT_TRUE(Ids("智慧农场").empty());
  EXPECT_EQ(Ids("数字乡村"), before);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(QueryInt("SELECT count(DISTINCT target_no) FROM targets"),
            QueryInt("SELECT count(*) FROM targets"));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM parts WHERE document_id = "
                     "(SELECT id FROM documents)"),
            QueryInt("SELECT count(DISTINCT part_no) FROM sections"));
  CheckIntegrity();
}

TEST_F(StoreTest, JsonLinesRowsAreReplacedAddedAndDeletedByRow) {
  auto row = [](const std::string& place, int year, const std::string& plan) {
    std::string text = MarkdownReport(place, year, plan);
    std::string escaped;
    for (char c : text) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    return "{\"title\": \"" + std::to_string(year) +
           "年政府工作报告\", \"year\": " + std::to_string(year) + ", \"content\": \"" + escaped +
           "\"}\n";
  };
  const std::string path = "/data/national.jsonl";
  Put(path, row("国务院", 2021, "推进甲项工作。") + row("国务院", 2022, "推进乙项工作。") +
                row("国务院", 2023, "推进丙项工作。"));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM documents"), 3);
  const std::vector<int64_t> first_row = Ids("甲项");
  ASSERT_EQ(first_row.size(), 1u);
  Put(path, row("国务院", 2021, "推进甲项工作。") + row("国务院", 2022, "推进丁项工作。"));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(Ids("甲项"), first_row);
  EXPECT_TRUE(Ids("乙项").empty());
  EXPECT_TRUE(Ids("丙项").empty());
  EXPECT_EQ(Ids("丁项").size(), 1u);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM documents WHERE source_path = '/data/national.jsonl#2'"),
            1);
  CheckIntegrity();
}

TEST_F(StoreTest, SourceHashesAreKeyedByFile) {
  const std::string md = MarkdownReport("新郑市", 2023, "建设智慧农场。");
  Put("/data/a.md", md);
  Result<std::unordered_map<std::string, std::string>> hashes = store_->SourceHashes();
  ASSERT_TRUE(hashes.ok());
  ASSERT_EQ(hashes->size(), 1u);
  EXPECT_EQ(hashes->at("/data/a.md"), ContentHash(md));
}

// Six documents in four regions over three years, for the filter tests.
class SearchStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Put("/d/xinzheng-2023.md", MarkdownReport("新郑市", 2023, "做好一老一小服务，发展养老产业。"));
    Put("/d/zhengzhou-2023.md", MarkdownReport("郑州市", 2023, "完善养老服务体系。"));
    Put("/d/henan-2022.md", MarkdownReport("河南省", 2022, "推进养老托育。"));
    Put("/d/henan-2024.md", MarkdownReport("河南省", 2024, "建设5G基站。"));
    Put("/d/guangdong-2023.md", MarkdownReport("广东省", 2023, "发展养老事业，建设５Ｇ网络。"));
    Put("/d/national-2023.md",
        MarkdownReport("国务院", 2023, "实施积极应对人口老龄化国家战略，发展养老事业。"));
  }
  int64_t IdOf(const char* path) {
    std::string sql = std::string("SELECT id FROM documents WHERE source_path = '") + path + "'";
    return QueryInt(sql.c_str());
  }
};

TEST_F(SearchStoreTest, FindsWordsOfAnyLength) {
  EXPECT_EQ(Ids("养老").size(), 5u);
  EXPECT_EQ(Ids("一老一小"), std::vector<int64_t>{IdOf("/d/xinzheng-2023.md")});
  EXPECT_EQ(Ids("老").size(), 5u);  // 养老, 老龄化 or 一老一小: all but henan-2024
  EXPECT_EQ(Ids("5G").size(), 2u);  // full-width ５Ｇ too
  EXPECT_EQ(Ids("5g").size(), 2u);
  EXPECT_TRUE(Ids("老养").empty());
  EXPECT_TRUE(Ids("托育服务").empty());  // 托育 and 服务 both occur, never together
}

TEST_F(SearchStoreTest, AndOrPhraseAndExclusion) {
  EXPECT_EQ(Ids("养老 托育"), std::vector<int64_t>{IdOf("/d/henan-2022.md")});
  EXPECT_EQ(Ids("托育 OR 一老一小").size(), 2u);
  EXPECT_EQ(Ids("养老 -事业").size(), 3u);
  EXPECT_EQ(Ids("\"养老 服务\""), std::vector<int64_t>{IdOf("/d/zhengzhou-2023.md")});
}

TEST_F(SearchStoreTest, FiltersByRegionLevelGeoTypeAndYear) {
  search::SearchFilters henan;
  henan.region_code = "410000";  // the province and everything under it
  EXPECT_EQ(Ids("养老", henan).size(), 3u);
  search::SearchFilters zhengzhou;
  zhengzhou.region_code = "410100";
  EXPECT_EQ(Ids("养老", zhengzhou).size(), 2u);
  search::SearchFilters xinzheng;
  xinzheng.region_code = "410184";
  EXPECT_EQ(Ids("养老", xinzheng), std::vector<int64_t>{IdOf("/d/xinzheng-2023.md")});
  search::SearchFilters nation;
  nation.region_code = "000000";
  EXPECT_EQ(Ids("养老", nation).size(), 5u);
  search::SearchFilters provinces;
  provinces.level = regions::RegionLevel::kProvince;
  EXPECT_EQ(Ids("养老", provinces).size(), 2u);
  search::SearchFilters south;
  south.geo = regions::GeoRegion::kHuanan;
  EXPECT_EQ(Ids("养老", south), std::vector<int64_t>{IdOf("/d/guangdong-2023.md")});
  search::SearchFilters years;
  years.year_min = 2023;
  years.year_max = 2023;
  EXPECT_EQ(Ids("养老", years).size(), 4u);
  search::SearchFilters from_2024;
  from_2024.year_min = 2024;
  EXPECT_EQ(Ids("5G", from_2024), std::vector<int64_t>{IdOf("/d/henan-2024.md")});
  search::SearchFilters communiques;
  communiques.doc_type = report::DocType::kCommunique;
  EXPECT_TRUE(Ids("养老", communiques).empty());
}

TEST_F(SearchStoreTest, RanksTitleMatchesFirstAndPaginates) {
  search::SearchRequest request;
  request.query = "河南";
  request.limit = 1;
  Result<search::SearchResults> page = store_->Search(request);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_NE(page->hits[0].title.find("河南"), std::string::npos);
  EXPECT_GT(page->hits[0].score, 0);
  request.offset = 1;
  page = store_->Search(request);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 1u);
  request.offset = 5;  // past the end: no hits, the total still counts
  page = store_->Search(request);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->hits.empty());
  EXPECT_EQ(page->total, 2);
}

TEST_F(SearchStoreTest, HitsCarryMetadataAndHighlightedSnippets) {
  search::SearchRequest request;
  request.query = "一老一小";
  Result<search::SearchResults> results = store_->Search(request);
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->hits.size(), 1u);
  const search::SearchHit& hit = results->hits[0];
  EXPECT_EQ(hit.region_code, "410184");
  EXPECT_EQ(hit.locality, "新郑市");
  EXPECT_EQ(hit.level, regions::RegionLevel::kCounty);
  EXPECT_EQ(hit.geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(hit.doc_type, report::DocType::kWorkReport);
  EXPECT_EQ(hit.year, 2023);
  EXPECT_EQ(hit.source_path, "/d/xinzheng-2023.md");
  ASSERT_EQ(hit.highlights.size(), 1u);
  EXPECT_EQ(hit.snippet.substr(hit.highlights[0].begin, hit.highlights[0].size()), "一老一小");
}

TEST_F(SearchStoreTest, BadQueriesAndFiltersGetMessagesNotSqlErrors) {
  const char* bad_queries[] = {"", "\"养老", "OR 养老", "养老 OR", "-养老", "，。"};
  for (const char* query : bad_queries) {
    search::SearchRequest request;
    request.query = query;
    Result<search::SearchResults> results = store_->Search(request);
    ASSERT_FALSE(results.ok()) << query;
    EXPECT_EQ(results.status().code(), StatusCode::kInvalidInput) << query;
    EXPECT_EQ(results.status().message().find("SQL"), std::string::npos) << query;
    EXPECT_EQ(results.status().message().find("fts5"), std::string::npos) << query;
  }
  search::SearchRequest request;
  request.query = "养老";
  request.filters.region_code = "41";
  EXPECT_EQ(store_->Search(request).status().code(), StatusCode::kInvalidInput);
  request.filters = {};
  request.filters.year_min = 2024;
  request.filters.year_max = 2020;
  EXPECT_EQ(store_->Search(request).status().code(), StatusCode::kInvalidInput);
  request.filters = {};
  request.limit = 0;
  EXPECT_EQ(store_->Search(request).status().code(), StatusCode::kInvalidInput);
}

TEST_F(SearchStoreTest, FtsSyntaxInTheQueryIsSearchedForAsText) {
  // Operators, column filters, prefixes and NEAR are only ever quoted tokens.
  const char* queries[] = {"养老*", "title:养老",    "NEAR(养老 服务)", "养老 AND",
                           "^养老", "养老 NOT 服务", "(养老)",          "\"\"\"养老\""};
  for (const char* query : queries) {
    search::SearchRequest request;
    request.query = query;
    Result<search::SearchResults> results = store_->Search(request);
    if (!results.ok()) {
      EXPECT_EQ(results.status().code(), StatusCode::kInvalidInput) << query;
    }
  }
}

class RederiveTest : public StoreTest {};

TEST_F(RederiveTest, RewritesDocumentsFromOlderExtractors) {
  const std::string md = MarkdownReport("新郑市", 2023, "建设智慧农场。");
  SourceFile file{"/data/a.md", ContentHash(md), Records(md, "/data/a.md")};
  ASSERT_EQ(file.documents.size(), 1u);
  file.documents[0].extractor_version = targets::kExtractorVersion - 1;
  file.documents[0].report.metadata.title = "旧标题";
  file.documents[0].report.parts.clear();
  file.documents[0].extraction = {};
  ASSERT_TRUE(store_->PutSourceFiles({file}).ok());
  EXPECT_EQ(Ids("旧标题").size(), 1u);

  Result<std::vector<int64_t>> stale = store_->DocumentsDerivedBefore(targets::kExtractorVersion);
  ASSERT_TRUE(stale.ok());
  ASSERT_EQ(stale->size(), 1u);

  struct Quiet : LoadListener {
    void OnFailure(const std::string& path, const std::string& reason) override {
      ADD_FAILURE() << path << ": " << reason;
    }
    void OnProgress(const LoadProgress&) override {}
  } listener;
  LoadOptions options;
  options.threads = 2;
  Result<RederiveSummary> summary = RederiveDocuments(store_.get(), options, &listener);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->rederived, 1u);
  EXPECT_EQ(summary->failed, 0u);
  EXPECT_TRUE(store_->DocumentsDerivedBefore(targets::kExtractorVersion)->empty());
  EXPECT_TRUE(Ids("旧标题").empty());
  EXPECT_EQ(Ids("新郑市人民政府工作报告").size(), 1u);
  EXPECT_GT(QueryInt("SELECT count(*) FROM parts"), 1);
  EXPECT_GE(QueryInt("SELECT count(*) FROM outcomes"), 1);
  CheckIntegrity();

  DerivedUpdate unknown{999, file.documents[0]};
  EXPECT_EQ(store_->PutDerived({unknown}).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace mubiao::store
