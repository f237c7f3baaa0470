#include "tracking/export.h"

#include <gtest/gtest.h>

#include "store/testing.h"

namespace mubiao::tracking {
namespace {

StatusCounts Counts(int met, int missed, int not_mentioned, int unverified) {
  StatusCounts c;
  c.met = met;
  c.missed = missed;
  c.not_mentioned = not_mentioned;
  c.unverified = unverified;
  return c;
}

TEST(RateLabel, ShowsCountsAndCoverageAndAShareOnlyFromFiveVerdicts) {
  EXPECT_EQ(RateLabel(Counts(98, 21, 300, 959)), "已核验 119/1378（8.6%），其中达成 98（82.4%）");
  EXPECT_EQ(RateLabel(Counts(2, 1, 10, 27)), "已核验 3/40（7.5%），其中达成 2");
  EXPECT_EQ(RateLabel(Counts(1, 0, 0, 2)), "已核验 1/3，其中达成 1");
  EXPECT_EQ(RateLabel(StatusCounts{}), "已核验 0/0，其中达成 0");
}

TEST(TrackedExports, JsonKeepsTheReasonCodeAndCsvShowsTheEvidence) {
  store::StoredFinding target = store::testing::MakeStoredFinding(
      targets::FindingKind::kTarget, "城镇新增就业", 1.1e6, "人", quantity::Comparator::kAtLeast,
      targets::Change::kLevel, 2023);
  target.region_code = "410000";
  target.locality = "河南省";
  target.doc_type = report::DocType::kWorkReport;
  target.document_year = 2023;
  // The next report is read: a figure of another measure.
  store::StoredFinding outcome =
      store::testing::MakeStoredFinding(targets::FindingKind::kOutcome, "地区生产总值", 4.1, "%",
                                        quantity::Comparator::kEqual, targets::Change::kUp, 2023);
  outcome.region_code = "410000";
  outcome.doc_type = report::DocType::kWorkReport;
  outcome.document_year = 2024;
  TrackInput input;
  input.targets = {target};
  input.outcomes = {outcome};
  input.sources.Add("410000", report::DocType::kWorkReport, 2024);
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 1u);
  const nlohmann::json j = TrackedTargetJson(tracked[0], {});
  EXPECT_EQ(j["status"], "not_mentioned");
  EXPECT_EQ(j["verdict"]["reason"], "not_mentioned");
  EXPECT_EQ(j["verdict"]["evidence"], "河南省2024年政府工作报告未提及2023年城镇新增就业的实绩");
  EXPECT_EQ(j["verdict"]["later_sources"], nlohmann::json::array({"next_report"}));
  EXPECT_EQ(j["verdict"]["place"], "河南省");
  EXPECT_FALSE(j["verdict"].contains("rule"));
  const std::string csv = TrackedCsv({&tracked[0]}, {});
  EXPECT_NE(csv.find(",依据,"), std::string::npos);
  EXPECT_NE(csv.find(",未提及,河南省2024年政府工作报告未提及2023年城镇新增就业的实绩,"),
            std::string::npos)
      << csv;
}

}  // namespace
}  // namespace mubiao::tracking
