#include "tracking/scorecard.h"

#include <gtest/gtest.h>

#include "store/testing.h"

namespace mubiao::tracking {
namespace {

store::StoredFinding Finding(targets::FindingKind kind, int64_t document, int year,
                             std::string indicator, double value, std::string unit,
                             std::string change = "") {
  store::StoredFinding s = store::testing::MakeStoredFinding(
      kind, std::move(indicator), value, std::move(unit),
      kind == targets::FindingKind::kTarget ? quantity::Comparator::kAtLeast
                                            : quantity::Comparator::kEqual,
      *targets::ParseChange(change), year);
  s.finding.topic = "宏观经济";
  s.document_id = document;
  s.region_code = "330000";
  s.document_year = kind == targets::FindingKind::kTarget ? year : year + 1;
  return s;
}

TEST(Scorecard, CountsByYearAndTopicAndSeriesOfRecurringIndicators) {
  using targets::FindingKind;
  std::vector<store::StoredFinding> targets = {
      Finding(FindingKind::kTarget, 1, 2022, "地区生产总值", 6, "%", "up"),
      Finding(FindingKind::kTarget, 2, 2023, "地区生产总值", 5, "%", "up"),
      Finding(FindingKind::kTarget, 2, 2023, "粮食产量", 1.2e9, "斤"),
      Finding(FindingKind::kTarget, 3, 2024, "退化林修复", 200, "亩")};
  store::StoredFinding elsewhere = targets[0];
  elsewhere.region_code = "320000";
  targets.push_back(elsewhere);
  std::vector<store::StoredFinding> outcomes = {
      Finding(FindingKind::kOutcome, 2, 2022, "地区生产总值", 3.1, "%", "up"),
      Finding(FindingKind::kOutcome, 3, 2023, "地区生产总值", 6, "%", "up"),
      Finding(FindingKind::kOutcome, 3, 2023, "粮食总产量", 6.2e5, "吨")};
  Scorecard card = BuildScorecard(Track({targets, outcomes, {}}, {}), "330000");
  ASSERT_EQ(card.by_year.size(), 3u);
  EXPECT_EQ(card.by_year[2022].missed, 1);
  EXPECT_EQ(card.by_year[2023].met, 2);
  EXPECT_EQ(card.by_year[2024].unverified, 1);
  EXPECT_EQ(card.by_topic["宏观经济"].total(), 4);
  // Two verdicts are too few for a share.
  EXPECT_EQ(card.by_year[2023].settled(), 2);
  EXPECT_FALSE(card.by_year[2023].share_met().has_value());
  EXPECT_FALSE(card.by_year[2024].share_met().has_value());
  ASSERT_EQ(card.series.size(), 1u);  // grain has one year only
  const Series& gdp = card.series[0];
  EXPECT_EQ(gdp.indicator_id, "gdp");
  ASSERT_EQ(gdp.points.size(), 2u);
  EXPECT_EQ(gdp.points[0].year, 2022);
  EXPECT_DOUBLE_EQ(gdp.points[0].target_value, 6);
  EXPECT_DOUBLE_EQ(*gdp.points[0].outcome_value, 3.1);
  EXPECT_EQ(gdp.points[1].status, TargetStatus::kMet);
}

TEST(StatusCounts, SharesNeedFiveVerdictsAndSilenceIsCountedApart) {
  StatusCounts c;
  for (TargetStatus s :
       {TargetStatus::kMet, TargetStatus::kMet, TargetStatus::kMissed, TargetStatus::kNotMentioned,
        TargetStatus::kUnverified, TargetStatus::kNotAssessable}) {
    c.Add(s);
  }
  EXPECT_EQ(c.not_mentioned, 1);
  EXPECT_EQ(c.unverified, 1);
  EXPECT_EQ(c.total(), 6);
  EXPECT_EQ(c.settled(), 3);
  EXPECT_FALSE(c.share_met().has_value());
  EXPECT_DOUBLE_EQ(*c.coverage(), 0.5);
  StatusCounts more = c;
  more.Add(c);
  EXPECT_EQ(more.settled(), 6);
  EXPECT_DOUBLE_EQ(*more.share_met(), 4.0 / 6);
  EXPECT_EQ(more.not_mentioned, 2);
  StatusCounts few;
  few.Add(TargetStatus::kMet);
  EXPECT_FALSE(few.coverage().has_value());
}

}  // namespace
}  // namespace mubiao::tracking
