#include "tracking/compare.h"

#include <gtest/gtest.h>

#include "store/testing.h"
#include "tracking/changes.h"

namespace mubiao::tracking {
namespace {

using targets::FindingKind;

// A finding of `kind` of the place `code` (`locality`) in its document of
// `year` (a work report; a communiqué for outcomes), made up for the test.
store::StoredFinding Finding(FindingKind kind, const std::string& code, const std::string& locality,
                             int year, std::string indicator, double value, std::string unit,
                             std::string cmp, std::string change, size_t at) {
  store::StoredFinding s = store::testing::MakeStoredFinding(
      kind, std::move(indicator), value, std::move(unit), *quantity::ParseComparator(cmp),
      *targets::ParseChange(change), year);
  s.finding.span = {at, at + 10};
  s.document_id = std::stoi(code) + year;
  s.doc_type =
      kind == FindingKind::kOutcome ? report::DocType::kCommunique : report::DocType::kWorkReport;
  s.source_path = "/data/" + code + "/" + std::to_string(year) + ".md";
  s.key = store::FindingKey(store::ContentHash(s.source_path), s.finding.span);
  s.region_code = code;
  s.locality = locality;
  s.document_year = year;
  return s;
}

// Two made-up places: 甲市 (360800) and 乙市 (360400), their targets of
// 2023 and 2024, and a communiqué of 甲市 for 2024.
std::vector<std::vector<TrackedTarget>> TwoPlaces() {
  const auto a = [](int year, std::string indicator, double value, std::string unit,
                    std::string cmp, std::string change, size_t at) {
    return Finding(FindingKind::kTarget, "360800", "甲市", year, std::move(indicator), value,
                   std::move(unit), std::move(cmp), std::move(change), at);
  };
  const auto b = [](int year, std::string indicator, double value, std::string unit,
                    std::string cmp, std::string change, size_t at) {
    return Finding(FindingKind::kTarget, "360400", "乙市", year, std::move(indicator), value,
                   std::move(unit), std::move(cmp), std::move(change), at);
  };
  TrackInput first;
  first.targets = {
      a(2023, "地区生产总值", 7, "%", "~", "up", 100),
      a(2024, "粮食产量", 500000, "吨", ">=", "", 300),
      a(2024, "地区生产总值", 5.5, "%", "~", "up", 100),
      // Not the headline: the first GDP target of the year is.
      a(2024, "地区生产总值", 8, "%", ">=", "up", 900),
      a(2024, "某项没有标准名称的指标", 3, "%", "~", "", 950),
  };
  first.outcomes = {Finding(FindingKind::kOutcome, "360800", "甲市", 2024, "地区生产总值", 5.6, "%",
                            "=", "up", 40)};
  first.sources.Add("360800", report::DocType::kCommunique, 2024);
  TrackInput second;
  second.targets = {
      b(2024, "居民消费价格涨幅", 3, "%", "~", "", 200),
      b(2024, "地区生产总值", 6, "%", "~", "up", 100),
  };
  return {Track(first, {}), Track(second, {})};
}

TEST(ComparePlaces, SharedIndicatorsComeFirstThenTheRestEachInTheLexiconsOrder) {
  const std::vector<std::vector<TrackedTarget>> places = TwoPlaces();
  const std::vector<ComparedIndicator> rows = ComparePlaces(places, 2024);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].indicator->id, "gdp");
  EXPECT_TRUE(rows[0].shared);
  EXPECT_EQ(rows[0].measure, Measure::kGrowth);
  ASSERT_EQ(rows[0].cells.size(), 2u);
  // The headline, not the later GDP target of the same report.
  EXPECT_EQ(rows[0].cells[0]->target.finding.value, 5.5);
  EXPECT_EQ(rows[0].cells[0]->status, TargetStatus::kMet);
  EXPECT_EQ(rows[0].cells[1]->target.finding.value, 6);
  EXPECT_EQ(rows[0].cells[1]->status, TargetStatus::kUnverified);
  // Then the indicators of one place only: 居民消费价格涨幅 before 粮食产量.
  EXPECT_EQ(rows[1].indicator->id, "cpi");
  EXPECT_FALSE(rows[1].shared);
  EXPECT_EQ(rows[1].cells[0], nullptr);
  EXPECT_EQ(rows[1].cells[1]->target.region_code, "360400");
  EXPECT_EQ(rows[2].indicator->id, "grain_output");
  EXPECT_EQ(rows[2].cells[1], nullptr);
  EXPECT_TRUE(ComparePlaces(places, 2022).empty());
  EXPECT_EQ(ComparePlaces(places, 2023).size(), 1u);
}

TEST(ComparePlaces, TakesTheSameTargetAsTheChangesFromTheYearBefore) {
  const std::vector<std::vector<TrackedTarget>> places = TwoPlaces();
  const std::vector<YearChange> changes = CompareWithYearBefore(places[0], 2024);
  const std::vector<ComparedIndicator> rows = ComparePlaces(places, 2024);
  for (const YearChange& c : changes) {
    if (c.after == nullptr) continue;
    bool found = false;
    for (const ComparedIndicator& row : rows) {
      if (row.indicator->id == c.indicator_id && row.measure == c.measure) {
        EXPECT_EQ(row.cells[0], c.after) << c.indicator_id;
        found = true;
      }
    }
    EXPECT_TRUE(found) << c.indicator_id;
  }
  EXPECT_EQ(YearHeadlines(places[0], 2024).size(), 2u);
}

TEST(CompareAcrossYears, EachPlacesHeadlineAndOutcomeByYearInOneUnit) {
  const std::vector<std::vector<TrackedTarget>> places = TwoPlaces();
  const Indicator& gdp = *IndicatorLexicon::Builtin().Find("gdp");
  const IndicatorHistory history = CompareAcrossYears(places, gdp, Measure::kGrowth);
  EXPECT_EQ(history.unit, "%");
  EXPECT_EQ(history.years, (std::vector<int>{2023, 2024}));
  ASSERT_EQ(history.lines.size(), 2u);
  // 甲市: 7% in 2023, then the 2024 headline 5.5% (not the later 8%), met at 5.6%.
  EXPECT_EQ(history.lines[0].targets, (std::vector<std::optional<double>>{7, 5.5}));
  EXPECT_EQ(history.lines[0].outcomes, (std::vector<std::optional<double>>{std::nullopt, 5.6}));
  EXPECT_EQ(history.lines[1].targets, (std::vector<std::optional<double>>{std::nullopt, 6}));
  // A measure nobody set a target in: no years, an empty line per place.
  const IndicatorHistory level = CompareAcrossYears(places, gdp, Measure::kLevel);
  EXPECT_TRUE(level.years.empty());
  EXPECT_EQ(level.lines.size(), 2u);
  const nlohmann::json j = IndicatorHistoryJson({{"360800", "甲市"}, {"360400", "乙市"}}, history);
  EXPECT_EQ(j["indicator_name"], "地区生产总值");
  EXPECT_EQ(j["measure"], "growth");
  EXPECT_EQ(j["places"][1]["points"], nlohmann::json::parse(R"([{"year": 2024, "target": 6}])"));
  EXPECT_EQ(j["places"][0]["points"][1],
            nlohmann::json::parse(R"({"year": 2024, "target": 5.5, "outcome": 5.6})"));
}

TEST(CompareAcrossYears, ConvertsEveryPlaceToTheFirstPlacesUnit) {
  TrackInput first;
  first.targets = {Finding(FindingKind::kTarget, "360800", "甲市", 2024, "粮食产量", 500000, "吨",
                           ">=", "", 100)};
  TrackInput second;
  second.targets = {
      Finding(FindingKind::kTarget, "360400", "乙市", 2024, "粮食产量", 6e8, "斤", ">=", "", 100)};
  const IndicatorHistory history =
      CompareAcrossYears({Track(first, {}), Track(second, {})},
                         *IndicatorLexicon::Builtin().Find("grain_output"), Measure::kLevel);
  EXPECT_EQ(history.unit, "吨");
  ASSERT_EQ(history.lines.size(), 2u);
  EXPECT_EQ(history.lines[1].targets, (std::vector<std::optional<double>>{300000}));
}

TEST(CompareAcrossYears, LeavesOutFiguresOfAnotherUnitFamily) {
  TrackInput first;
  first.targets = {Finding(FindingKind::kTarget, "360800", "甲市", 2023, "实际利用外资", 2e8,
                           "美元", ">=", "", 100),
                   Finding(FindingKind::kTarget, "360800", "甲市", 2024, "实际利用外资", 1.5e9,
                           "元", ">=", "", 100)};
  const IndicatorHistory history = CompareAcrossYears(
      {Track(first, {})}, *IndicatorLexicon::Builtin().Find("foreign_investment"), Measure::kLevel);
  EXPECT_EQ(history.unit, "美元");
  EXPECT_EQ(history.years, (std::vector<int>{2023}));
  ASSERT_EQ(history.lines.size(), 1u);
  EXPECT_EQ(history.lines[0].targets, (std::vector<std::optional<double>>{2e8}));
}

TEST(PlaceComparisonJson, OneCellPerPlaceWithTheTargetWhereThereIsOne) {
  const std::vector<std::vector<TrackedTarget>> places = TwoPlaces();
  const nlohmann::json j = PlaceComparisonJson({{"360800", "甲市"}, {"360400", "乙市"}},
                                               ComparePlaces(places, 2024), 2024, Tolerance{}, {});
  EXPECT_EQ(j["year"], 2024);
  EXPECT_EQ(j["places"][1]["name"], "乙市");
  ASSERT_EQ(j["indicators"].size(), 3u);
  const nlohmann::json& gdp = j["indicators"][0];
  EXPECT_EQ(gdp["indicator_name"], "地区生产总值");
  EXPECT_EQ(gdp["measure"], "growth");
  EXPECT_EQ(gdp["shared"], true);
  EXPECT_EQ(gdp["cells"][0]["target"]["status"], "met");
  EXPECT_EQ(gdp["cells"][0]["target"]["verdict"]["outcome"]["value"], 5.6);
  const nlohmann::json& cpi = j["indicators"][1];
  EXPECT_EQ(cpi["cells"][0], (nlohmann::json{{"region_code", "360800"}}));
  EXPECT_EQ(cpi["cells"][1]["target"]["target"]["value"], 3);
}

}  // namespace
}  // namespace mubiao::tracking
