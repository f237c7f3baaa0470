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

  store::FindingFilter filter;
  filter.filters.region_code = "410000";
  filter.filters.year_min = filter.filters.year_max = 2023;
  filter.exact_region_code = "410000";
  filter.limit = 0;
  Result<store::FindingPage> findings = st->ListFindings(filter);
  ASSERT_TRUE(findings.ok()) << findings.status().message();
  ASSERT_FALSE(findings->findings.empty());
  std::vector<ducha::Task> tasks;
  for (const store::StoredFinding& f : findings->findings) {
    tasks.push_back(ducha::TaskFromFinding(f.finding, f.key, 2023));
  }
  ducha::Task by_hand;  // added by the office: nothing to track
  by_hand.text = "完成省政府督查室交办事项";
  by_hand.due = {2023, 12, 31};
  tasks.push_back(by_hand);
  store::LedgerRecord ledger;
  ledger.document_id = findings->findings[0].document_id;
  ledger.region_code = "410000";
  ledger.year = 2023;
  ledger.title = "河南省2023年重点任务台账";
  ledger.created_by = "督查室";
  Result<int64_t> id = st->CreateLedger(ledger, tasks);
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
