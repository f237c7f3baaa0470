// Finding keys (store.h FindingKey): they name findings without paths or row
// ids, survive moves and re-imports of the same text, and follow a target
// whose document's text changed, or leave its overrides visibly orphaned.
#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::MarkdownReport;
using testing::StoreTest;

const char kPlan[] = "确保新增城镇就业6000人以上。粮食播种面积稳定在58万亩以上。";

TEST(FindingKey, IsTheTextHashAndTheSpanAndParsesBack) {
  const std::string key = FindingKey("0123456789abcdef", {14694, 14726});
  EXPECT_EQ(key, "0123456789abcdef:14694-14726");
  std::string hash;
  text::Span span;
  ASSERT_TRUE(ParseFindingKey(key, &hash, &span));
  EXPECT_EQ(hash, "0123456789abcdef");
  EXPECT_EQ(span.begin, 14694u);
  EXPECT_EQ(span.end, 14726u);
  for (const char* bad : {"", "/data/2023.md#1-2", "0123456789abcdef:2-1", "0123456789abcdeF:1-2",
                          "0123456789abcdef:1-", "0123456789abcdef:-2", "0123456789abcde:1-2",
                          "0123456789abcdef:1-2x", "0123456789abcdef:99999999999999999999999-1"}) {
    EXPECT_FALSE(ParseFindingKey(bad, &hash, &span)) << bad;
  }
}

class KeysTest : public StoreTest {
 protected:
  // The stored target whose indicator contains `indicator`.
  StoredFinding Target(const std::string& indicator) {
    FindingFilter filter;
    filter.indicator = indicator;
    Result<FindingPage> page = store_->ListFindings(filter);
    EXPECT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ(page->findings.size(), 1u) << indicator;
    return page->findings.empty() ? StoredFinding{} : page->findings.front();
  }

  Result<VerdictOverride> Override(const StoredFinding& target) {
    VerdictOverride entry;
    entry.target_key = target.key;
    entry.quote = target.finding.text;
    entry.status_after = targets::TargetStatus::kMet;
    entry.author = "督查室";
    entry.reason = "统计公报";
    return store_->AddVerdictOverride(entry);
  }
};

TEST_F(KeysTest, KeysHoldNoPathAndResolveToTheirFinding) {
  Put("/somewhere/新郑市/2023.md", MarkdownReport("新郑市", 2023, kPlan));
  const StoredFinding jobs = Target("就业");
  EXPECT_EQ(jobs.key.find('/'), std::string::npos) << jobs.key;
  EXPECT_EQ(jobs.key,
            FindingKey(ContentHash(store_->GetDocument(jobs.document_id)->report.document.text),
                       jobs.finding.span));
  Result<StoredFinding> found = store_->FindingByKey(jobs.key);
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->finding.text, jobs.finding.text);
  EXPECT_EQ(found->document_id, jobs.document_id);
  EXPECT_EQ(store_->FindingByKey("0123456789abcdef:1-2").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->FindingByKey("nonsense").status().code(), StatusCode::kInvalidInput);
  // The same key from the document as the store lists it.
  Result<StoredDocument> doc = store_->GetDocument(jobs.document_id);
  ASSERT_TRUE(doc.ok());
  bool listed = false;
  for (const StoredFinding& f : StoredFindingsOf(*doc)) listed = listed || f.key == jobs.key;
  EXPECT_TRUE(listed);
}

TEST_F(KeysTest, OverridesSurviveMovingTheCorpusAndReimportingTheSameText) {
  const std::string report = MarkdownReport("新郑市", 2023, kPlan);
  Put("/old/place/2023.md", report);
  const StoredFinding jobs = Target("就业");
  ASSERT_TRUE(Override(jobs).ok());
  // The corpus moves: a new path, the same text.
  Put("/new/place/2023.md", report);
  Result<std::vector<VerdictOverride>> history = store_->VerdictOverrides(jobs.key);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 1u);
  EXPECT_TRUE(store_->FindingByKey(jobs.key).ok());
}

TEST_F(KeysTest, AnEditedTextReanchorsTheOverrideByItsQuote) {
  Put("/data/2023.md", MarkdownReport("新郑市", 2023, kPlan));
  const StoredFinding jobs = Target("就业");
  const StoredFinding grain = Target("粮食");
  ASSERT_TRUE(Override(jobs).ok());
  ASSERT_TRUE(Override(grain).ok());
  // The file is corrected: a sentence added before the targets, and the
  // grain target rewritten, so its quote is gone.
  Put("/data/2023.md",
      MarkdownReport("新郑市", 2023,
                     "今年工作很多。确保新增城镇就业6000人以上。粮食播种面积稳定在60万亩以上。"));
  const StoredFinding moved = Target("就业");
  ASSERT_NE(moved.key, jobs.key);
  Result<std::vector<VerdictOverride>> history = store_->VerdictOverrides(moved.key);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].target_key, jobs.key);
  EXPECT_EQ((*history)[0].current_key, moved.key);
  // The grain override is kept, under its old key, which no longer resolves.
  Result<std::vector<VerdictOverride>> orphan = store_->VerdictOverrides(grain.key);
  ASSERT_TRUE(orphan.ok());
  ASSERT_EQ(orphan->size(), 1u);
  EXPECT_EQ(store_->FindingByKey((*orphan)[0].current_key).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->VerdictOverrides("")->size(), 2u);

  // Back to the first text: the override follows again.
  Put("/data/2023.md", MarkdownReport("新郑市", 2023, kPlan));
  history = store_->VerdictOverrides(jobs.key);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 1u);
}

}  // namespace
}  // namespace mubiao::store
