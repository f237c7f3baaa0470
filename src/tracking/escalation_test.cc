#include "tracking/escalation.h"

#include <gtest/gtest.h>

namespace mubiao::tracking {
namespace {

store::StoredFinding Gdp(std::string region, std::string locality, double value,
                         std::optional<double> value_max = std::nullopt, std::string cmp = "~") {
  store::StoredFinding s;
  s.finding.kind = targets::FindingKind::kTarget;
  s.finding.indicator = "地区生产总值";
  s.finding.value = value;
  s.finding.value_max = value_max;
  s.finding.unit = "%";
  s.finding.cmp = *quantity::ParseComparator(value_max ? "range" : cmp);
  s.finding.change = targets::Change::kUp;
  s.finding.year = 2023;
  s.region_code = std::move(region);
  s.locality = std::move(locality);
  s.document_year = 2023;
  s.document_id = static_cast<int64_t>(s.region_code.size() + value * 10);
  return s;
}

TEST(Escalation, MarkupsOverTheNearestLevelWithATarget) {
  std::vector<store::StoredFinding> targets = {
      Gdp("410100", "郑州市", 7),
      Gdp("000000", "全国", 5),
      Gdp("410000", "河南省", 6),
      Gdp("410102", "中原区", 8),
      Gdp("410300", "洛阳市", 6.5, 7),
      Gdp("420581", "宜都市", 9),  // no Hubei or 宜昌 target: marked up over the nation
      Gdp("110000", "北京市", 4.5)};
  std::vector<TrackedTarget> tracked = Track({targets, {}, {}}, {});
  Escalation e = BuildEscalation(Headlines(tracked), "gdp", Measure::kGrowth, 2023);
  EXPECT_EQ(e.indicator_name, "地区生产总值");
  ASSERT_EQ(e.rows.size(), 7u);
  std::vector<std::string> order;
  for (const EscalationRow& r : e.rows) order.push_back(r.locality);
  EXPECT_EQ(order, (std::vector<std::string>{"全国", "北京市", "河南省", "郑州市", "中原区",
                                             "洛阳市", "宜都市"}));
  EXPECT_FALSE(e.rows[0].markup.has_value());
  EXPECT_DOUBLE_EQ(*e.rows[1].markup, -0.5);
  EXPECT_DOUBLE_EQ(*e.rows[2].markup, 1);    // 河南 6 over 全国 5
  EXPECT_DOUBLE_EQ(*e.rows[3].markup, 1);    // 郑州 7 over 河南 6
  EXPECT_DOUBLE_EQ(*e.rows[4].markup, 1);    // 中原区 8 over 郑州 7
  EXPECT_DOUBLE_EQ(*e.rows[5].markup, 0.5);  // 洛阳 6.5–7: its floor over 河南
  EXPECT_EQ(e.rows[6].parent, 0u);
  EXPECT_DOUBLE_EQ(*e.rows[6].markup, 4);
  EXPECT_EQ(e.rows[4].depth, 3);
  // Another year or indicator gives an empty table.
  EXPECT_TRUE(BuildEscalation(Headlines(tracked), "gdp", Measure::kGrowth, 2024).rows.empty());
  EXPECT_TRUE(BuildEscalation(Headlines(tracked), "cpi", Measure::kLevel, 2023).rows.empty());
}

TEST(Escalation, RegionDepths) {
  EXPECT_EQ(RegionDepth("000000"), 0);
  EXPECT_EQ(RegionDepth("410000"), 1);
  EXPECT_EQ(RegionDepth("410100"), 2);
  EXPECT_EQ(RegionDepth("410102"), 3);
  EXPECT_EQ(RegionDepth("4101"), -1);
  EXPECT_EQ(RegionDepth(""), -1);
}

}  // namespace
}  // namespace mubiao::tracking
