#include "tracking/indicators.h"

#include <gtest/gtest.h>

namespace mubiao::tracking {
namespace {

targets::Finding Figure(std::string indicator, double value, std::string unit,
                        std::string change = "") {
  targets::Finding f;
  f.indicator = std::move(indicator);
  f.value = value;
  f.unit = std::move(unit);
  f.change = *targets::ParseChange(change);
  return f;
}

const IndicatorLexicon& Lex() { return IndicatorLexicon::Builtin(); }

TEST(IndicatorLexicon, TheBuiltinLexiconParsesAndNamesTheHeadlineIndicators) {
  for (std::string_view id :
       {"gdp", "cpi", "urban_new_jobs", "surveyed_unemployment", "registered_unemployment",
        "grain_output", "public_budget_revenue", "fixed_asset_investment", "retail_sales",
        "industrial_value_added", "energy_intensity", "foreign_trade"}) {
    EXPECT_NE(Lex().Find(id), nullptr) << id;
  }
  EXPECT_EQ(Lex().Find("地区生产总值"), Lex().Find("gdp"));
  const std::vector<std::string>& gdp = Lex().Find("gdp")->wordings;
  EXPECT_NE(std::find(gdp.begin(), gdp.end(), "国内生产总值"), gdp.end());
  EXPECT_EQ(Lex().Find("国内生产总值"), Lex().Find("gdp"));  // a wording of it
  EXPECT_EQ(Lex().Find("no such indicator"), nullptr);
}

TEST(IndicatorLexicon, WordingsOfOneIndicatorReadAlike) {
  for (std::string_view w : {"地区生产总值", "国内生产总值", "国内生产总值[2]", "全市生产总值",
                             "预计全年地区生产总值", "GDP", "经济"}) {
    std::optional<Reading> r = Lex().Read(Figure(std::string(w), 5.2, "%", "up"));
    ASSERT_TRUE(r.has_value()) << w;
    EXPECT_EQ(r->indicator->id, "gdp") << w;
    EXPECT_EQ(r->measure, Measure::kGrowth) << w;
    EXPECT_DOUBLE_EQ(r->value, 5.2);
  }
  EXPECT_EQ(Lex().Normalize("全年居民消费价格比上年上涨"), "居民消费价格");
  EXPECT_EQ(Lex().Read(Figure("居民消费价格比上年上涨", 2.6, "%"))->indicator->id, "cpi");
}

TEST(IndicatorLexicon, UnlistedWordingsStayUnmatched) {
  for (std::string_view w : {"东部地区生产总值", "一季度国内生产总值同比", "退化林修复", "投资"}) {
    std::optional<Reading> r = Lex().Read(Figure(std::string(w), 5, "%", "up"));
    EXPECT_FALSE(r.has_value()) << w;
  }
  EXPECT_FALSE(Lex().Read(Figure("地区生产总值", 5, "个")).has_value());  // unit that does not fit
  targets::Finding commitment;
  commitment.indicator = "全国文明城市";
  EXPECT_FALSE(Lex().Read(commitment).has_value());
}

TEST(IndicatorLexicon, SaysWhyAFindingIsUnread) {
  Unread why;
  targets::Finding commitment;
  commitment.indicator = "地区生产总值";
  ASSERT_FALSE(Lex().Read(commitment, &why));
  EXPECT_EQ(why.problem, ReadProblem::kNoValue);
  EXPECT_EQ(why.indicator, nullptr);
  ASSERT_FALSE(Lex().Read(Figure("退化林修复", 5, "亩"), &why));
  EXPECT_EQ(why.problem, ReadProblem::kUnknownWording);
  EXPECT_EQ(why.indicator, nullptr);
  ASSERT_FALSE(Lex().Read(Figure("地区生产总值", 5, "个"), &why));
  EXPECT_EQ(why.problem, ReadProblem::kUnitMismatch);
  EXPECT_EQ(why.indicator, Lex().Find("gdp"));
  ASSERT_FALSE(Lex().Read(Figure("城镇就业", 4.6e8, "人"), &why));
  EXPECT_EQ(why.problem, ReadProblem::kNotNew);
  EXPECT_EQ(why.indicator, Lex().Find("urban_new_jobs"));
}

TEST(IndicatorLexicon, MeasuresAndUnits) {
  // A level in 元 and a growth rate in % are different measures.
  EXPECT_EQ(Lex().Read(Figure("国内生产总值", 1.26e14, "元"))->measure, Measure::kLevel);
  // Grain in 斤 and in 吨 compare in tonnes.
  std::optional<Reading> jin = Lex().Read(Figure("粮食产量", 1.3e12, "斤"));
  std::optional<Reading> dun = Lex().Read(Figure("粮食总产量", 6.8285e8, "吨"));
  ASSERT_TRUE(jin && dun);
  EXPECT_EQ(jin->family, "mass");
  EXPECT_EQ(dun->family, "mass");
  EXPECT_DOUBLE_EQ(jin->value, 6.5e8);
  // 新增 names the flow of new jobs: still a level, not a change.
  std::optional<Reading> jobs = Lex().Read(Figure("城镇就业", 6000, "人", "up"));
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->indicator->id, "urban_new_jobs");
  EXPECT_EQ(jobs->measure, Measure::kLevel);
  EXPECT_DOUBLE_EQ(jobs->value, 6000);
  // The stock of urban employment is not the flow of new jobs.
  EXPECT_FALSE(Lex().Read(Figure("城镇就业", 4.6e8, "人")).has_value());
  // A decline is negative; percentage points are their own measure.
  std::optional<Reading> energy = Lex().Read(Figure("单位GDP能耗", 3, "%", "down"));
  EXPECT_EQ(energy->measure, Measure::kGrowth);
  EXPECT_DOUBLE_EQ(energy->value, -3);
  EXPECT_EQ(Lex().Read(Figure("城镇化率", 1, "个百分点", "up"))->measure, Measure::kPoints);
  // A rate is a level in %, whatever verb precedes it.
  EXPECT_EQ(Lex().Read(Figure("城镇调查失业率", 5.5, "%"))->measure, Measure::kLevel);
  EXPECT_EQ(Lex().Read(Figure("城镇调查失业率平均值", 5.6, "%"))->rank, 1);
}

TEST(IndicatorLexicon, ParseErrorsNameTheLine) {
  Result<IndicatorLexicon> bad = IndicatorLexicon::Parse("# c\nindicator\tx\tX\tgrowth\tup\t%\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(IndicatorLexicon::Parse("wording\tnobody\t某指标\n").ok());
  Result<IndicatorLexicon> ok = IndicatorLexicon::Parse(
      "indicator\tx\t某指标\tlevel\tnone\t吨\nwording\tx\t某指标\trank=2\nprefix\t全年\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  std::optional<Reading> r = ok->Read(Figure("全年某指标", 7, "吨"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rank, 2);
  EXPECT_EQ(r->family, "吨");  // a unit without a family is its own
}

}  // namespace
}  // namespace mubiao::tracking
