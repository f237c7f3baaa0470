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
  // Every name and wording finds its own indicator, none another's.
  EXPECT_GE(Lex().indicators().size(), 100u);
  for (const Indicator& i : Lex().indicators()) {
    EXPECT_EQ(Lex().Find(i.name), &i) << i.name;
    for (const std::string& w : i.wordings) EXPECT_EQ(Lex().Find(w), &i) << w;
  }
}

// The measures the corpus states most often both as targets and as
// outcomes, beyond the headline statistics: each wording reads as its
// indicator (a synonym of the name), the name finds it, and a unit no
// figure of it has is refused.
TEST(IndicatorLexicon, ReadsTheFrequentMeasuresOfReportsByAnyOfTheirWordings) {
  struct Case {
    std::string_view wording, id;
    double value;
    std::string_view unit, change, refused;
  };
  const Case cases[] = {
      {"规上工业总产值", "above_scale_industrial_output", 12, "%", "up", "吨"},
      {"外贸出口", "exports", 8, "%", "up", "个"},
      {"实际到位内资", "domestic_investment", 2e10, "元", "", "人"},
      {"技术合同交易额", "tech_contract_value", 5e9, "元", "", "件"},
      {"接待国内外游客", "tourist_visits", 3e6, "人次", "", "元"},
      {"国家高新技术企业", "high_tech_enterprises", 40, "家", "up", "吨"},
      {"高标准基本农田", "high_standard_farmland", 3e4, "亩", "", "%"},
      {"完成植树造林", "afforestation", 1e4, "亩", "", "公里"},
      {"新（改）建农村公路", "rural_roads", 120, "公里", "", "亩"},
      {"棚户区", "shantytown_renovation", 2000, "套", "", "元"},
      {"学位", "school_places", 5000, "个", "up", "元"},
      {"养老机构床位", "elderly_care_beds", 500, "张", "up", "元"},
      {"贫困人口脱贫", "poverty_exit", 2e4, "人", "", "元"},
      {"九年义务教育巩固率", "compulsory_retention", 95, "%", "", "人"},
      {"PM2.5年均浓度", "pm25", 35, "微克/立方米", "", "亩"},
      {"空气质量优良率", "good_air_days", 85, "%", "", "天"},
      {"二氧化硫排放总量", "so2_emissions", 2, "%", "down", "个"},
  };
  for (const Case& c : cases) {
    const Indicator* indicator = Lex().Find(c.id);
    ASSERT_NE(indicator, nullptr) << c.id;
    EXPECT_EQ(Lex().Find(indicator->name), indicator) << c.id;
    EXPECT_EQ(Lex().Find(c.wording), indicator) << c.wording;
    std::optional<Reading> r = Lex().Read(
        Figure(std::string(c.wording), c.value, std::string(c.unit), std::string(c.change)));
    ASSERT_TRUE(r.has_value()) << c.wording;
    EXPECT_EQ(r->indicator, indicator) << c.wording;
    Unread why;
    EXPECT_FALSE(Lex().Read(Figure(std::string(c.wording), c.value, std::string(c.refused)), &why))
        << c.wording;
    EXPECT_EQ(why.problem, ReadProblem::kUnitMismatch) << c.wording;
    EXPECT_EQ(why.indicator, indicator) << c.wording;
  }
  EXPECT_EQ(Lex().Find("四好农村路"), Lex().Find("rural_roads"));
  EXPECT_EQ(Lex().Find("“四好农村路”"), Lex().Find("rural_roads"));
  EXPECT_EQ(Lex().Find("全省接待游客"), Lex().Find("tourist_visits"));
}

// What is built in the year is one flow whether written 新增 or 建成; of a
// stock (enterprises, expressway length) the addition is a change, not the
// stock.
TEST(IndicatorLexicon, FlowsOfTheYearAndStocksAreReadApart) {
  std::optional<Reading> added = Lex().Read(Figure("高标准农田", 2e5, "亩", "up"));
  std::optional<Reading> built = Lex().Read(Figure("高标准农田", 1.8e5, "亩"));
  ASSERT_TRUE(added && built);
  EXPECT_EQ(added->measure, Measure::kLevel);
  EXPECT_EQ(built->measure, Measure::kLevel);
  EXPECT_EQ(Lex().Read(Figure("高新技术企业", 60, "家", "up"))->measure, Measure::kChange);
  EXPECT_EQ(Lex().Read(Figure("高新技术企业总数", 600, "家"))->measure, Measure::kLevel);
  EXPECT_EQ(Lex().Read(Figure("高速公路通车里程", 80, "公里", "up"))->measure, Measure::kChange);
  // Kilometres however written compare with each other.
  std::optional<Reading> km = Lex().Read(Figure("农村公路", 300, "千米"));
  ASSERT_TRUE(km);
  EXPECT_EQ(km->family, Lex().Read(Figure("农村公路", 250, "公里"))->family);
  // Less is better for pollution: a fall of PM2.5 is a negative growth.
  std::optional<Reading> pm = Lex().Read(Figure("PM2.5平均浓度", 4, "%", "down"));
  ASSERT_TRUE(pm);
  EXPECT_EQ(pm->measure, Measure::kGrowth);
  EXPECT_DOUBLE_EQ(pm->value, -4);
  EXPECT_EQ(pm->sense, Sense::kLower);
  EXPECT_EQ(Lex().Read(Figure("空气质量优良天数比例", 2, "个百分点", "up"))->measure,
            Measure::kPoints);
}

// Wordings that name more than one measured thing stay out of the lexicon:
// 税收 is any body's tax (园区营收、税收), 高速公路 both the kilometres built
// and the length of the network, 贫困人口 both the poor left and those who
// left poverty, 新认定高新技术企业 neither the stock nor its net growth.
TEST(IndicatorLexicon, WordingsOfSeveralMeasuresStayUnlisted) {
  for (std::string_view w :
       {"税收", "高速公路", "贫困人口", "新认定高新技术企业", "项目", "产值"}) {
    Unread why;
    EXPECT_FALSE(Lex().Read(Figure(std::string(w), 100, "个"), &why)) << w;
    EXPECT_EQ(why.problem, ReadProblem::kUnknownWording) << w;
    EXPECT_EQ(Lex().Find(w), nullptr) << w;
  }
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

TEST(IndicatorLexicon, AnOutcomeSettlesAnOpenWordingThatStandsInItsOwn) {
  struct Case {
    std::string_view target, outcome;
    bool settles;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"退化林修复", "完成退化林修复", true},
           {"退化林修复", "退化林修复", true},
           // Verbs before the target's wording and generic nouns after it.
           {"扩建公办幼儿园", "公办幼儿园", true},
           {"推广应用数字化生产线", "数字化生产线", true},
           {"绿色建筑面积", "绿色建筑", true},
           // A defining verb before and the same word as a noun after.
           {"治理水土流失", "水土流失治理", true},
           {"扶持微型企业", "微型企业", true},
           {"占规模以上工业增加值比重", "占规模以上工业增加值", true},
           // Quotation marks and asides name nothing.
           {"“低散乱”企业", "“低散乱”企业（作坊）", true},
           {"学校建设（含", "学校建设", false},
           {"“第三产业增加值占全县生产总值的比重", "第三产业增加值占全县生产总值的比重", true},
           // A broader outcome settles no narrower target, nor another stage.
           {"非农就业岗位", "就业岗位", false},
           {"亿元以上项目投产达效", "亿元以上项目", false},
           {"数字经济核心产业增加值占GDP比重", "产业增加值占GDP比重", false},
           // A narrower outcome (a scope word before the wording) neither.
           {"市重点项目完成投资", "省市重点项目完成投资", false},
           {"5G工厂", "省级5G工厂", false},
           // Too little of the outcome's wording, or too short to name anything.
           {"湿地修复", "湿地修复项目资金投入", false},
           {"项目", "项目", false},
       }) {
    EXPECT_EQ(Lex().SettlesOpen(Lex().OpenCore(c.target), Lex().OpenCore(c.outcome)), c.settles)
        << c.target << " / " << c.outcome;
  }
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
  EXPECT_FALSE(IndicatorLexicon::Parse("mention\tnobody\t某事\n").ok());
  EXPECT_FALSE(IndicatorLexicon::Parse("scope\n").ok());
  EXPECT_TRUE(IndicatorLexicon::Parse("open_verb\t新建\nopen_noun\t面积\nscope\t省级\n").ok());
  Result<IndicatorLexicon> ok = IndicatorLexicon::Parse(
      "indicator\tx\t某指标\tlevel\tnone\t吨\nwording\tx\t某指标\trank=2\nprefix\t全年\n"
      "mention\tx\t某事\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->Find("x")->mentions, std::vector<std::string>{"某事"});
  std::optional<Reading> r = ok->Read(Figure("全年某指标", 7, "吨"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rank, 2);
  EXPECT_EQ(r->family, "吨");  // a unit without a family is its own
}

}  // namespace
}  // namespace mubiao::tracking
