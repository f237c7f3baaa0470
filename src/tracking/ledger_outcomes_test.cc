// The year-end table of a supervision ledger: each task of 河南's 2023
// report (tracking/testing.h) beside what tracking found in the 2024 report.

#include "tracking/ledger_outcomes.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "tracking/store_tracking.h"
#include "tracking/testing.h"

namespace mubiao::tracking {
namespace {

TEST(LedgerOutcomes, EachTaskStandsBesideTheOutcomeAndEvidenceTrackingFound) {
  mubiao::testing::TempDir dir{"mubiao_ledger_outcomes"};
  const std::string db = store::testing::TestDatabase(dir / "t.db");
  ASSERT_NO_FATAL_FAILURE(testing::MakeTrackingStore(dir.path(), db));
  Result<std::unique_ptr<store::Store>> s = store::OpenStore(db);
  ASSERT_TRUE(s.ok()) << s.status().message();
  store::Store* st = s->get();
  ASSERT_TRUE(UpdateStoredVerdicts(st).ok());

  store::DocumentFilter henan;
  henan.filters.region_code = "410000";
  henan.filters.year_min = henan.filters.year_max = 2023;
  henan.exact_region_code = "410000";
  Result<store::DocumentPage> docs = st->ListDocuments(henan);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  ASSERT_EQ(docs->documents.size(), 1u);
  Result<store::StoredDocument> report = st->GetDocument(docs->documents[0].id);
  ASSERT_TRUE(report.ok()) << report.status().message();
  Result<store::NewLedger> made = store::LedgerOfReport(*report, "", "督查室");
  ASSERT_EQ(made->tasks.size(),
            report->extraction.targets.size() + report->extraction.commitments.size());
  ASSERT_TRUE(made.ok()) << made.status().message();
  EXPECT_EQ(made->ledger.title, report->summary.title + "重点任务台账");
  std::vector<ducha::Task> tasks = made->tasks;
  ducha::Task by_hand;  // added by the office: nothing to track
  by_hand.text = "完成省政府督查室交办事项";
  by_hand.due = {2023, 12, 31};
  tasks.push_back(by_hand);
  Result<int64_t> id = st->CreateLedger(made->ledger, tasks);
  ASSERT_TRUE(id.ok()) << id.status().message();

  Result<std::vector<ducha::YearEndRow>> rows = YearEndRows(st, *id);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), tasks.size());
  std::map<std::string, const ducha::YearEndRow*> by_indicator;
  for (const ducha::YearEndRow& r : *rows) by_indicator[r.ledger.task.indicator] = &r;
  ASSERT_TRUE(by_indicator.contains("地区生产总值"));
  const ducha::YearEndRow& gdp = *by_indicator["地区生产总值"];
  EXPECT_EQ(gdp.verdict, "未达成");  // 4.1% against 6%左右
  EXPECT_NE(gdp.outcome.find("4.1%"), std::string::npos) << gdp.outcome;
  EXPECT_NE(gdp.evidence.find("未达成"), std::string::npos) << gdp.evidence;
  const ducha::YearEndRow& hand = rows->back();
  EXPECT_EQ(hand.ledger.task.text, "完成省政府督查室交办事项");
  EXPECT_EQ(hand.verdict, "");
  EXPECT_EQ(hand.evidence, "");
  EXPECT_EQ(YearEndRows(st, *id + 1).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace mubiao::tracking
