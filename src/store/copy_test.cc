// copy-db: a database copied to another (PostgreSQL when its programs are
// installed, else a second SQLite file) and back to a SQLite file reads the
// same through the store; a second run resumes (skips what is there); a
// destination holding other rows is refused.
#include "store/copy.h"

#include <gtest/gtest.h>

#include "store/sql_store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::MarkdownReport;
using testing::StoreTest;

constexpr char kPlan[] = "确保粮食播种面积稳定在58万亩以上。新增城镇就业6000人。";

class CopyTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Put("/data/xinzheng/2023.md", MarkdownReport("新郑市", 2023, kPlan));
    Put("/data/henan/2023.md", MarkdownReport("河南省", 2023, "全省地区生产总值增长5%左右。"));
    Result<FindingPage> targets = store_->ListFindings(FindingFilter{});
    ASSERT_TRUE(targets.ok() && !targets->findings.empty());
    VerdictOverride entry;
    entry.target_key = targets->findings[0].key;
    entry.status_after = targets::TargetStatus::kMet;
    entry.author = "审核员";
    entry.reason = "统计公报";
    ASSERT_TRUE(store_->AddVerdictOverride(entry).ok());
    ASSERT_TRUE(store_->AddComment(targets->findings[0].document_id, "读者", "目标很具体").ok());
    ASSERT_TRUE(store_->PutModerator("审核员", "$argon2id$stand-in").ok());
  }

  // What a reader sees of a database, through the store.
  static std::string Reading(const std::string& db) {
    Result<std::unique_ptr<Store>> store = OpenStore(db);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return "";
    std::string seen;
    Result<FindingPage> targets = (*store)->ListFindings(FindingFilter{});
    for (const StoredFinding& f : targets->findings) {
      seen += f.key + " " + f.finding.indicator + " " +
              std::to_string(f.finding.value.value_or(0)) + "\n";
    }
    search::SearchRequest request;
    request.query = "就业";
    Result<search::SearchResults> found = (*store)->Search(request);
    EXPECT_TRUE(found.ok()) << found.status().message();
    if (found.ok()) {
      for (const search::SearchHit& hit : found->hits) seen += "hit " + hit.title + "\n";
    }
    Result<std::vector<VerdictOverride>> overrides = (*store)->VerdictOverrides("");
    for (const VerdictOverride& o : *overrides) seen += o.target_key + " " + o.reason + "\n";
    seen += *(*store)->ModeratorPasswordHash("审核员") + "\n";
    seen += std::to_string((*store)->Counts()->documents);
    return seen;
  }
};

TEST_F(CopyTest, ACopyAndACopyBackReadTheSameAndResume) {
  // PostgreSQL whenever a server is there (from either backend), else a file.
  std::string why;
  testing::PostgresServer* server = testing::PostgresServer::Get(&why);
  const std::string there =
      server != nullptr ? server->NewDatabase() : (dir_ / "there.db").string();
  const std::string back = (dir_ / "back.db").string();
  const std::string original = Reading(db_path_);
  ASSERT_FALSE(original.empty());
  Result<std::vector<CopiedTable>> copied = CopyDatabase(db_path_, there, nullptr);
  ASSERT_TRUE(copied.ok()) << copied.status().message();
  EXPECT_EQ(Reading(there), original);
  ASSERT_TRUE(CopyDatabase(there, back, nullptr).ok());
  EXPECT_EQ(Reading(back), original);

  // Run again: every table is there already.
  std::vector<std::string> skipped;
  Result<std::vector<CopiedTable>> again =
      CopyDatabase(db_path_, there, [&](const CopiedTable& table) {
        if (table.skipped) skipped.push_back(table.table);
      });
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(skipped.size(), copied->size());
  for (size_t i = 0; i < copied->size(); ++i) {
    EXPECT_EQ((*again)[i].checksum, (*copied)[i].checksum) << (*copied)[i].table;
  }
}

TEST_F(CopyTest, ADestinationWithOtherRowsIsRefused) {
  const std::string other = (dir_ / "other.db").string();
  {
    Result<std::unique_ptr<Store>> store = OpenStore(other);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->PutSourceFiles({testing::AnalysedSourceFile(
                        "/other/2024.md", MarkdownReport("登封市", 2024, kPlan))})
                    .ok());
  }
  Result<std::vector<CopiedTable>> refused = CopyDatabase(db_path_, other, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(refused.status().message().find("empty database"), std::string::npos)
      << refused.status().message();
}

}  // namespace
}  // namespace mubiao::store
