#include "tracking/changes.h"

#include <gtest/gtest.h>

#include "store/testing.h"

namespace mubiao::tracking {
namespace {

using targets::FindingKind;

// A target of 某省 (410000) in the report of `year`.
store::StoredFinding Target(int year, std::string indicator, double value, std::string unit,
                            std::string cmp, std::string change, size_t at) {
  store::StoredFinding s = store::testing::MakeStoredFinding(
      FindingKind::kTarget, std::move(indicator), value, std::move(unit),
      *quantity::ParseComparator(cmp), *targets::ParseChange(change), year);
  s.finding.span = {at, at + 10};
  s.document_id = year;
  s.doc_type = report::DocType::kWorkReport;
  s.source_path = "/data/410000/" + std::to_string(year) + ".md";
  s.key = store::FindingKey(store::ContentHash(s.source_path), s.finding.span);
  s.region_code = "410000";
  s.locality = "某省";
  s.document_year = year;
  return s;
}

TEST(CompareWithYearBefore, EachIndicatorsHeadlineIsNewDroppedRaisedLoweredOrSame) {
  TrackInput input;
  input.targets = {
      Target(2023, "地区生产总值", 6, "%", "~", "up", 100),
      Target(2023, "城镇新增就业", 1100000, "人", ">=", "", 200),
      Target(2023, "居民消费价格涨幅", 3, "%", "~", "", 300),
      Target(2023, "单位地区生产总值能耗", 2.5, "%", "~", "down", 400),
      Target(2024, "地区生产总值", 5.5, "%", "~", "up", 100),
      Target(2024, "城镇新增就业", 1100000, "人", ">=", "", 200),
      Target(2024, "单位地区生产总值能耗", 3, "%", "~", "down", 400),
      Target(2024, "粮食产量", 13000000000, "斤", ">=", "", 500),
      // Not the headline: the first GDP target of the year is.
      Target(2024, "地区生产总值", 8, "%", ">=", "up", 900),
  };
  const std::vector<TrackedTarget> tracked = Track(input, {});
  const std::vector<YearChange> changes = CompareWithYearBefore(tracked, 2024);
  std::vector<std::string> got;
  for (const YearChange& c : changes) {
    got.push_back(c.indicator_id + " " + std::string(TargetChangeName(c.change)));
  }
  // In the lexicon's order of indicators.
  EXPECT_EQ(got, (std::vector<std::string>{"gdp lowered", "cpi dropped", "urban_new_jobs same",
                                           "grain_output new", "energy_intensity raised"}));
  EXPECT_EQ(changes[0].after->target.finding.value, 5.5);
  EXPECT_EQ(TargetChangeLabel(TargetChange::kDropped), "不再提出");
  const nlohmann::json j = YearChangesJson(changes, 2024, {});
  EXPECT_EQ(j["year_before"], 2023);
  EXPECT_EQ(j["changes"][0]["change"], "lowered");
  EXPECT_EQ(j["changes"][0]["before"]["value"], 6);
  EXPECT_FALSE(j["changes"][3].contains("before"));
  EXPECT_FALSE(j["changes"][1].contains("after"));
}

}  // namespace
}  // namespace mubiao::tracking
