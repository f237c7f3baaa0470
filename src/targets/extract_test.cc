#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "report/importer.h"
#include "report/report.h"
#include "targets/lexicon.h"
#include "targets/target.h"

namespace mubiao::targets {
namespace {

// The findings of 青禾县's work report (ours) given in January of `year`,
// whose parts are `parts` (Markdown), imported and analysed as the loader
// does; none (and a test failure) when the report does not import.
Extraction ExtractFromReport(int year, const std::string& parts) {
  const std::string md =
      "---\ntitle: 青禾县人民政府工作报告（示例）\n---\n\n——" + std::to_string(year) +
      "年1月16日在青禾县第十八届人民代表大会第一次会议上\n\n各位代表：\n\n" + parts;
  auto doc = report::ImportMarkdown(md);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  if (!doc.ok()) return {};
  auto r = report::AnalyzeDocument(std::move(doc).value(), regions::Gazetteer::Builtin());
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return {};
  return Extract(*r);
}

using Strings = std::vector<std::string>;

// The indicator of every target of `ex`, in order.
Strings Indicators(const Extraction& ex) {
  Strings out;
  for (const Finding& f : ex.targets) out.push_back(f.indicator);
  return out;
}

// The deadline of every target of `ex`, in order.
Strings Deadlines(const Extraction& ex) {
  Strings out;
  for (const Finding& f : ex.targets) out.push_back(f.deadline);
  return out;
}

// The value of every target of `ex`, in order (-1 for none).
std::vector<double> Values(const Extraction& ex) {
  std::vector<double> out;
  for (const Finding& f : ex.targets) out.push_back(f.value.value_or(-1));
  return out;
}

// A small report of ours of 2024: review, then plan with (一) sections.
Extraction ExtractFrom(const std::string& plan, const std::string& review = "") {
  return ExtractFromReport(
      2024, "**一、2023年工作回顾**\n\n" +
                (review.empty() ? std::string("过去一年，我们完成了各项任务。") : review) +
                "\n\n**二、2024年工作安排**\n\n（一）坚持农业立县。\n\n" + plan + "\n");
}

TEST(Extract, LevelsWithCommitmentGoverningTheWholeSentence) {
  Extraction ex =
      ExtractFrom("确保粮食播种面积稳定在52万亩以上，粮食总产量21万吨以上，储备粮达到7.5万吨。");
  ASSERT_EQ(ex.targets.size(), 3u);
  const Finding& a = ex.targets[0];
  EXPECT_EQ(a.indicator, "粮食播种面积");
  EXPECT_EQ(a.value, 520000);
  EXPECT_EQ(a.unit, "亩");
  EXPECT_EQ(quantity::ComparatorSymbol(a.cmp), ">=");
  EXPECT_EQ(StrengthName(a.strength), "ensure");
  EXPECT_EQ(a.text, "粮食播种面积稳定在52万亩以上");
  EXPECT_EQ(a.topic, "农业");
  EXPECT_EQ(a.year, 2024);
  EXPECT_EQ(a.section, "二、2024年工作安排 > （一）坚持农业立县");
  EXPECT_EQ(ex.targets[1].indicator, "粮食总产量");
  EXPECT_EQ(StrengthName(ex.targets[1].strength), "ensure");
  EXPECT_EQ(ex.targets[2].indicator, "储备粮");
  EXPECT_EQ(ex.targets[2].value, 75000);
}

TEST(Extract, SemicolonEndsTheReachOfACommitmentWord) {
  Extraction ex =
      ExtractFrom("经济增长5%左右、在实际工作中努力争取更好结果；城镇调查失业率5.5%左右。");
  ASSERT_EQ(Indicators(ex), (Strings{"经济", "城镇调查失业率"}));
  EXPECT_EQ(quantity::ComparatorSymbol(ex.targets[0].cmp), "~");
  EXPECT_EQ(ChangeName(ex.targets[0].change), "up");
  for (const Finding& f : ex.targets) EXPECT_EQ(StrengthName(f.strength), "") << f.text;
}

TEST(Extract, CountsChangesCapsAndBudgets) {
  Extraction ex = ExtractFrom(
      "新增城镇就业6000人，新建6个3000平方米以上口袋公园，居民消费价格涨幅3%，"
      "单位地区生产总值能耗下降2.5%左右，赤字率拟按3%安排，力争新增学位1.3万个。");
  ASSERT_EQ(ex.targets.size(), 6u);
  EXPECT_EQ(ex.targets[0].indicator, "城镇就业");
  EXPECT_EQ(ChangeName(ex.targets[0].change), "up");
  EXPECT_EQ(ex.targets[1].indicator, "口袋公园");
  EXPECT_EQ(ex.targets[1].value, 6);
  EXPECT_EQ(ex.targets[1].unit, "个");
  EXPECT_EQ(quantity::ComparatorSymbol(ex.targets[2].cmp), "<=");
  EXPECT_EQ(ChangeName(ex.targets[3].change), "down");
  EXPECT_EQ(quantity::ComparatorSymbol(ex.targets[3].cmp), "~");
  EXPECT_EQ(quantity::ComparatorSymbol(ex.targets[4].cmp), "=");
  EXPECT_EQ(StrengthName(ex.targets[5].strength), "strive");
  EXPECT_EQ(ex.targets[5].value, 13000);
}

TEST(Extract, DeadlinesAndRanges) {
  Extraction ex =
      ExtractFrom("确保年底前公办园幼儿占比提高至55%，到2027年工业增加值增长4.5%至5%。");
  ASSERT_EQ(Deadlines(ex), (Strings{"年底前", "到2027年"}));
  EXPECT_EQ(ex.targets[0].indicator, "公办园幼儿占比");
  EXPECT_EQ(ChangeName(ex.targets[0].change), "");
  EXPECT_EQ(quantity::ComparatorSymbol(ex.targets[1].cmp), "range");
  EXPECT_EQ(ex.targets[1].value_max, 5);
}

TEST(Extract, NotTargets) {
  Extraction ex = ExtractFrom(
      "加强PM2.5和臭氧协同控制，落实“1+6+N”行动方案，高标准举办第三届乡村文化节，"
      "实施安置房建设三年行动计划，全县共有58个村。");
  EXPECT_TRUE(ex.targets.empty()) << ex.targets[0].text;
}

// Second-round rules (TARGETS.md): specifications, the document's own
// counts, a policy's articles and meeting ordinals are no targets; in
// "5000万元以上项目100个" only the count is.
TEST(Extract, SpecificationsAndSelfCountsAreNoTargets) {
  Extraction ex = ExtractFrom(
      "按照县委十八届三次全会部署，重点抓好10个方面工作。全年主要预期目标共12个，其中约束性指标5个"
      "。"
      "落实降本减负38条措施和“惠企20条”。建成时速350公里的城际铁路，开工建设220千伏变电站。"
      "引进超15亿元产业项目3个，招引5000万元以上项目100个，培育年销售额30亿元以上企业5家。");
  ASSERT_EQ(Values(ex), (std::vector<double>{3, 100, 5}));
  EXPECT_EQ(ex.targets[1].unit, "个");
  EXPECT_NE(ex.targets[1].indicator.find("5000万元以上项目"), std::string::npos);
}

// A rate's basis, a change's starting value, policies named by their
// articles, the year's list of promises counted, an area and a
// consultation's count are no targets either.
TEST(Extract, BasesStartingValuesAndLabelsAreNoTargets) {
  Extraction ex = ExtractFrom(
      "稻谷最低收购价每50公斤提高3元，低保标准由560元提高到650元。我国已经加入17个国际公约。"
      "提出地区生产总值增长6%左右，主要考虑是稳就业。"
      "落实“大气十条”，"
      "办好10件惠民实事。产业园占地面积约24平方公里，网络征求意见2万余条。");
  ASSERT_EQ(Values(ex), (std::vector<double>{3, 650}));
  EXPECT_EQ(ex.targets[1].indicator, "低保标准");  // not 低保标准由600元
}

// Joining words left at an indicator's ends and a rate's basis go.
TEST(Extract, IndicatorsLoseJoiningWordsAndBases) {
  Extraction ex = ExtractFrom(
      "新增及优化调整公交站点10条。对看护人按每人每月380元标准给予补助。压减粗钢50万吨和淘汰落后产"
      "能。");
  EXPECT_EQ(Indicators(ex), (Strings{"优化调整公交站点", "看护人", "粗钢"}));
}

// Verbs between a subject and its measure go; a bound or size class after
// a count is part of what is counted; a change verb alone before a rate
// changes the measure before it.
TEST(Extract, IndicatorsWithoutInnerVerbsAndWithTheirBounds) {
  Extraction ex = ExtractFrom(
      "省财政拟安排“三农”投入800亿元，省财政用于科技的支出150亿元，"
      "新材料产业力争实现营业收入360亿元。新建和提升小微企业园区25个，"
      "推进390个5亿元以上重大项目，培育4个50亿级产业集群，保持粮食播种面积160万亩。"
      "综合指数达95%，同比提升2个百分点。市等级幼儿园在园幼儿占比达到90%。"
      "改造老旧小区118个，新建、改造乡镇卫生院25所。为3000名残疾人提供康复服务。");
  EXPECT_EQ(
      Indicators(ex),
      (Strings{"省财政“三农”投入", "省财政科技支出", "新材料产业营业收入", "小微企业园区",
               "5亿元以上重大项目", "50亿级产业集群", "粮食播种面积", "综合指数", "综合指数",
               "市等级幼儿园在园幼儿占比", "老旧小区", "乡镇卫生院", "提供康复服务的残疾人"}));
}

// A standard per head and a deficit are set values; a review's 达到 states
// the figure reached.
TEST(Extract, SetValuesAndFiguresReachedAreEqual) {
  Extraction ex = ExtractFrom("对看护人按每人每月380元标准给予补助，财政赤字拟安排8亿元。",
                              "全县规模以上工业企业达到217家，城镇化率达60%以上。");
  ASSERT_EQ(ex.targets.size(), 2u);
  EXPECT_EQ(ex.targets[0].cmp, quantity::Comparator::kEqual);
  EXPECT_EQ(ex.targets[1].cmp, quantity::Comparator::kEqual);
  ASSERT_EQ(ex.outcomes.size(), 2u);
  EXPECT_EQ(ex.outcomes[0].cmp, quantity::Comparator::kEqual);
  EXPECT_EQ(ex.outcomes[1].cmp, quantity::Comparator::kAtLeast);  // 以上 is said
}

// A review's figure of a period has no year; the size of the set another
// figure is about is no outcome.
TEST(Extract, PeriodFiguresAndBaseSetsInAReview) {
  Extraction ex = ExtractFrom("新增城镇就业6000人。",
                              "前四年累计单位生产总值能耗下降14%。"
                              "23宗重点项目完成投资64亿元。79条河涌中64条完成整治。");
  ASSERT_EQ(ex.outcomes.size(), 3u);  // not 23宗 nor 79条
  EXPECT_EQ(ex.outcomes[0].value, 14);
  EXPECT_EQ(ex.outcomes[0].year, 0);
  EXPECT_EQ(ex.outcomes[1].value, 6.4e9);
  EXPECT_EQ(ex.outcomes[1].year, 2023);
  EXPECT_EQ(ex.outcomes[2].value, 64);
}

// A capacity followed by its project specifies it; after a count verb it is
// the work to do.
TEST(Extract, ProjectCapacitiesAreNoTargets) {
  Extraction ex = ExtractFrom("加快青禾钢铁30万吨冷轧项目建设，完成200公里农村公路安全防护工程。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].value, 200);
  EXPECT_EQ(ex.targets[0].unit, "公里");
}

// A count bounded before its noun is the target itself; so is a share; a
// size in households so bounded is a class of the noun.
TEST(Extract, BoundedCountsAndSharesBeforeANounAreTargets) {
  Extraction ex = ExtractFrom(
      "建设10个以上特色小镇，推动60%以上行政村生活污水得到治理，完成27户以上自然村整治。");
  ASSERT_EQ(ex.targets.size(), 2u);
  EXPECT_EQ(ex.targets[0].value, 10);
  EXPECT_EQ(ex.targets[1].value, 60);
}

// 分别 pairs subjects and values in order; 均 and 各 share one value.
TEST(Extract, ListsWithFenbieJunAndGeAreOneTargetPerSubject) {
  Extraction ex = ExtractFrom(
      "城镇和农村低保标准分别提高到800元、600元。工业投资、服务业投资均增长9%以上。"
      "人均可支配收入增长6%。");
  ASSERT_EQ(ex.targets.size(), 5u);
  EXPECT_EQ(Indicators(ex),
            (Strings{"城镇低保标准", "农村低保标准", "工业投资", "服务业投资", "人均可支配收入"}));
  EXPECT_EQ(ex.targets[0].value, 800);
  EXPECT_EQ(ex.targets[1].value, 600);
  EXPECT_EQ(ex.targets[2].value, 9);
  EXPECT_EQ(ex.targets[3].value, 9);
}

// A rate or amount closing the last subject of a 分别 list is each
// subject's; one value after 分别 is every subject's; a value reached from
// another ("由36.5%达到39%") is the target.
TEST(Extract, AHeadClosingAListIsEachSubjectsAndOneValueServesAll) {
  Extraction ex = ExtractFrom(
      "农村卫生厕所和污水处理设施覆盖率分别提高到80%和55%。"
      "二氧化硫、氮氧化物排放量要分别下降2.5%。城镇化率由36.5%达到39%。"
      "纺织与食品、新材料产业增加值分别增长7.2%、15.6%。");
  // The last list has more subjects than values: its values stay one each.
  const Strings all = Indicators(ex);
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(Strings(all.begin(), all.begin() + 5),
            (Strings{"农村卫生厕所覆盖率", "污水处理设施覆盖率", "二氧化硫排放量", "氮氧化物排放量",
                     "城镇化率"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{80, 55, 2.5, 2.5, 39, 7.2, 15.6}));
}

// A subject of 城乡 with 分别 or 均 names the towns' measure and the
// countryside's: two targets.
TEST(Extract, TownAndCountryWithFenbieOrJunAreTwoSubjects) {
  Extraction ex = ExtractFrom(
      "城乡居民人均消费支出分别增长4.3%和5.6%。城乡居民收入增幅均达到8%。"
      "城乡居民医保参保率达到97%。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"城镇居民人均消费支出", "农村居民人均消费支出", "城镇居民收入增幅",
                     "农村居民收入增幅", "城乡居民医保参保率"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{4.3, 5.6, 8, 8, 97}));
}

// A 城乡 subject with two values listed and no 分别 pairs them all the same,
// and a 分别 after it pairs with the two.
TEST(Extract, TownAndCountryWithTwoValuesListedAreTwoSubjects) {
  Extraction ex = ExtractFrom("城镇新增就业6000人。",
                              "城乡居民人均可支配收入达4.1万元、2.3万元，分别增长5.6%和7.1%。"
                              "城乡居民医保参保人数达到120万人。");
  ASSERT_EQ(ex.outcomes.size(), 5u);
  const Strings want = {"城镇居民人均可支配收入", "农村居民人均可支配收入"};
  EXPECT_EQ((Strings{ex.outcomes[0].indicator, ex.outcomes[1].indicator}), want);
  EXPECT_EQ(ex.outcomes[1].value, 23000);
  EXPECT_EQ((Strings{ex.outcomes[2].indicator, ex.outcomes[3].indicator}), want);
  EXPECT_EQ(ex.outcomes[3].value, 7.1);
  EXPECT_EQ(ex.outcomes[4].indicator, "城乡居民医保参保人数");
}

// Each finding of a list names its own subject and value, so no two share
// a span (and a key): 城乡 gives one beginning at 城, one at 乡.
TEST(Extract, FindingsOfAListHaveTheirOwnSpans) {
  Extraction ex = ExtractFrom(
      "甲、乙、丙产量分别达到10万吨、20万吨、3万吨。工业投资、服务业投资均增长9%以上。"
      "城乡居民收入增幅均达到8%。");
  Strings texts;
  for (const Finding& f : ex.targets) texts.push_back(f.text);
  EXPECT_EQ(texts, (Strings{"甲、乙、丙产量分别达到10万吨", "乙、丙产量分别达到10万吨、20万吨",
                            "丙产量分别达到10万吨、20万吨、3万吨",
                            "工业投资、服务业投资均增长9%以上", "服务业投资均增长9%以上",
                            "城乡居民收入增幅均达到8%", "乡居民收入增幅均达到8%"}));
}

// A 分别 opening its clause pairs its values with the findings before it.
TEST(Extract, FenbieAfterALevelListPairsWithItsSubjects) {
  Extraction ex = ExtractFrom(
      "城镇新增就业6000人。",
      "城镇居民人均可支配收入41260元、农村居民人均可支配收入23180元，分别增长5.6%和7.1%。"
      "粮食总产量21万吨，增长2%。");
  ASSERT_EQ(ex.outcomes.size(), 6u);
  EXPECT_EQ(ex.outcomes[2].indicator, "城镇居民人均可支配收入");
  EXPECT_EQ(ex.outcomes[2].value, 5.6);
  EXPECT_EQ(ex.outcomes[3].indicator, "农村居民人均可支配收入");
  EXPECT_EQ(ex.outcomes[3].value, 7.1);
  EXPECT_EQ(ex.outcomes[5].indicator, "粮食总产量");
}

// A bare magnitude in Chinese numerals before a noun is a size class; one
// ending its clause is a figure. 造林 before a number is what is measured.
TEST(Extract, SizeClassesInChineseNumeralsAreNoTargets) {
  Extraction ex = ExtractFrom(
      "推进千万亩青禾节水改造工程，建设百万亩优质果园基地，新增造林一百万亩。"
      "完成造林绿化25万亩。");
  EXPECT_EQ(Indicators(ex), (Strings{"造林", "造林绿化"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{1000000, 250000}));
}

// A standard's indicator ends before the value it starts from and before
// the verb and basis of the value it reaches.
TEST(Extract, AStandardsIndicatorLeavesOutItsBasisAndStartingValue) {
  Extraction ex = ExtractFrom(
      "青禾县五保补助标准由年人均1700元提高到2000元。基础养老金最低标准提高到每人每月90元。"
      "医疗救助标准提高到人均不低于260元。住房保障面积达到人均20平方米。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"青禾县五保补助标准", "基础养老金最低标准", "医疗救助标准", "住房保障面积"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{2000, 90, 260, 20}));
}

// What is done for people is counted by them: "为120名残疾人配发轮椅".
TEST(Extract, BeneficiariesAreCounted) {
  Extraction ex = ExtractFrom(
      "为120名残疾人配发轮椅，向5000户困难家庭提供救助，新解决2.1万名农村居民饮水安全问题。"
      "减少农村贫困人口3.5万以上。");
  ASSERT_EQ(ex.targets.size(), 4u);
  EXPECT_EQ(ex.targets[3].value, 35000);  // people before a number of 万 are its unit
  EXPECT_EQ(ex.targets[3].unit, "人");
  EXPECT_EQ(ex.targets[0].value, 120);
  EXPECT_EQ(ex.targets[0].unit, "名");
  EXPECT_EQ(ex.targets[1].value, 5000);
  EXPECT_EQ(ex.targets[2].value, 21000);
}

TEST(Extract, ReviewFiguresAreOutcomesOfTheYearBefore) {
  Extraction ex = ExtractFrom("新增城镇就业6000人。", "全年地区生产总值完成186.4亿元，增长6.2%。");
  ASSERT_EQ(ex.targets.size(), 1u);
  ASSERT_EQ(ex.outcomes.size(), 2u);
  EXPECT_EQ(ex.outcomes[0].indicator, "地区生产总值");
  EXPECT_EQ(ex.outcomes[0].value, 18640000000);
  EXPECT_EQ(quantity::ComparatorSymbol(ex.outcomes[0].cmp), "=");
  EXPECT_EQ(ex.outcomes[0].year, 2023);
  EXPECT_EQ(ChangeName(ex.outcomes[1].change), "up");
}

TEST(Extract, ARateAfterAComparisonWithLastYearIsOfTheIndicatorBefore) {
  Extraction ex =
      ExtractFrom("新增城镇就业6000人。", "全年地区生产总值186.4亿元，比上年增长6.2%。");
  ASSERT_EQ(ex.outcomes.size(), 2u);
  EXPECT_EQ(ex.outcomes[1].indicator, "地区生产总值");
  EXPECT_EQ(ex.outcomes[1].value, 6.2);
  EXPECT_EQ(ChangeName(ex.outcomes[1].change), "up");
}

TEST(Extract, AFigureFlatOnLastYearIsAChangeOfZero) {
  Extraction ex = ExtractFrom("新增城镇就业6000人。", "全年居民消费价格与上年持平。物价保持平稳。");
  ASSERT_EQ(ex.outcomes.size(), 1u);
  EXPECT_EQ(ex.outcomes[0].indicator, "居民消费价格与上年");
  EXPECT_EQ(ex.outcomes[0].value, 0);
  EXPECT_EQ(ex.outcomes[0].unit, "%");
  EXPECT_EQ(ex.outcomes[0].text, "居民消费价格与上年持平");
  // Not in a plan: a promise to hold something flat names no figure.
  EXPECT_EQ(ExtractFrom("粮食产量与上年持平。").targets.size(), 0u);
}

TEST(Extract, PlanSentencesLookingBackAtLastYearGiveOutcomes) {
  Extraction ex = ExtractFrom(
      "2024年是关键之年。过去一年，我们取得了很大成绩。地区生产总值增长6.2%，新增城镇就业5000人。"
      "今年地区生产总值增长6%左右。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].value, 6);
  EXPECT_EQ(ex.targets[0].year, 2024);
  ASSERT_EQ(ex.outcomes.size(), 2u);
  EXPECT_EQ(ex.outcomes[0].value, 6.2);
  EXPECT_EQ(ex.outcomes[0].year, 2023);
  EXPECT_EQ(ex.outcomes[1].value, 5000);
}

// A review of five years describes no single year, except where a
// paragraph opens on the last one.
TEST(Extract, FiveYearReviewsNameNoSingleYear) {
  Extraction ex =
      ExtractFromReport(2024,
                        "**一、过去五年工作回顾**\n\n五年来，地区生产总值年均增长6.5%。\n\n"
                        "2023年，地区生产总值增长5.8%。\n\n"
                        "**二、2024年工作安排**\n\n地区生产总值增长6%左右。\n");
  ASSERT_EQ(ex.outcomes.size(), 2u);
  EXPECT_EQ(ex.outcomes[0].value, 6.5);
  EXPECT_EQ(ex.outcomes[0].year, 0);
  EXPECT_EQ(ex.outcomes[1].value, 5.8);
  EXPECT_EQ(ex.outcomes[1].year, 2023);
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].year, 2024);
}

TEST(Extract, GoalsOfAFiveYearPlanPartHaveItsPeriodAsDeadline) {
  Extraction ex = ExtractFromReport(2021,
                                    "**一、2020年工作回顾**\n\n地区生产总值增长3.8%。\n\n"
                                    "**二、“十三五”时期发展成就和“十四五”时期主要目标任务**\n\n"
                                    "城镇新增就业超过3万人，到2025年森林覆盖率达到40%。\n\n"
                                    "**三、2021年工作安排**\n\n城镇新增就业6000人以上。\n");
  EXPECT_EQ(Deadlines(ex), (Strings{"“十四五”时期", "到2025年", ""}));
}

// A deadline opening a sentence holds for its items after semicolons, and
// for no later sentence; the heading of a past plan's period (十五) or of a
// new government's term is the deadline of the rest.
TEST(Extract, ADeadlineOpeningASentenceHoldsForItsSemicolonItems) {
  Extraction ex = ExtractFromReport(
      2001,
      "**一、“九五”时期工作回顾**\n\n地区生产总值增长9%。\n\n"
      "**二、“十五”时期的目标和任务**\n\n"
      "到2005年，服务业比重达到40%；城市化水平达到43%；外贸进出口总额达到300亿美元。"
      "森林覆盖率达到30%。\n\n"
      "**三、新一届政府的主要目标任务**\n\n高新技术企业达到500家。\n\n"
      "**四、今年的工作**\n\n城镇新增就业3万人。\n");
  EXPECT_EQ(Deadlines(ex),
            (Strings{"到2005年", "到2005年", "到2005年", "“十五”时期", "新一届政府", ""}));
}

// A commitment of a five-year part is the period's too.
TEST(Extract, CommitmentsOfAFiveYearPartHaveItsPeriodAsDeadline) {
  Extraction ex = ExtractFromReport(2021,
                                    "**一、2020年工作回顾**\n\n地区生产总值增长3.8%。\n\n"
                                    "**二、“十四五”时期主要目标任务**\n\n创建国家园林城市。\n\n"
                                    "**三、2021年工作安排**\n\n创建省级文明城市。\n");
  ASSERT_EQ(ex.commitments.size(), 2u);
  EXPECT_EQ(ex.commitments[0].deadline, "“十四五”时期");
  EXPECT_EQ(ex.commitments[1].deadline, "");
}

Extraction ExtractFromMarkdown(const std::string& md) {
  auto doc = report::ImportMarkdown(md);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  if (!doc.ok()) return {};
  auto r = report::AnalyzeDocument(std::move(doc).value(), regions::Gazetteer::Builtin());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? Extract(*r) : Extraction{};
}

// A communiqué states what was, even in a sentence on its own year that
// reads like a plan; a five-year plan's goals are for its period.
TEST(Extract, CommuniquesSetNoTargetsAndFiveYearPlansSetGoalsForTheirPeriod) {
  Extraction communique = ExtractFromMarkdown(
      "---\ntitle: 青禾县2029年国民经济和社会发展统计公报（示例）\n---\n\n青禾县统计局\n\n"
      "一、综合\n\n2029年，全县共有产品质量检测机构15个，地区生产总值186.4亿元，增长6.2%。\n");
  EXPECT_TRUE(communique.targets.empty());
  EXPECT_FALSE(communique.outcomes.empty());
  Extraction plan = ExtractFromMarkdown(
      "---\ntitle: 青禾县国民经济和社会发展第九个五年计划（示例）\n---\n\n"
      "一、主要目标\n\n地区生产总值达到300亿元，粮食总产量稳定在25万吨以上。\n");
  ASSERT_EQ(plan.targets.size(), 2u);
  EXPECT_EQ(plan.targets[0].deadline, "第九个五年计划");
}

TEST(Extract, YearlyAveragesAreMarkedAndKeptOutOfTheIndicator) {
  Extraction ex = ExtractFromReport(2021,
                                    "**一、2020年工作回顾**\n\n地区生产总值增长3.8%。\n\n"
                                    "**二、“十四五”时期主要目标任务**\n\n"
                                    "地区生产总值年均增长6%左右，研发经费支出年均增速超过10%，"
                                    "年均转移农村劳动力5万人以上，森林覆盖率达到40%。\n\n"
                                    "**三、2021年工作安排**\n\n城镇新增就业6000人以上。\n");
  EXPECT_EQ(Indicators(ex), (Strings{"地区生产总值", "研发经费支出", "转移农村劳动力", "森林覆盖率",
                                     "城镇新增就业"}));
  std::vector<bool> average;
  for (const Finding& f : ex.targets) average.push_back(f.average);
  EXPECT_EQ(average, (std::vector<bool>{true, true, true, false, false}));
  EXPECT_EQ(DueLabel(ex.targets[0]), "“十四五”时期 年均");
  EXPECT_EQ(FindingJson(ex.targets[0])["average"], true);
  EXPECT_FALSE(FindingJson(ex.targets[3]).contains("average"));
}

TEST(Extract, QualitativeCommitments) {
  Extraction ex = ExtractFrom("深化文明创建，创成全国文明城市。争创省级美丽乡村示范县。");
  ASSERT_EQ(ex.commitments.size(), 2u);
  EXPECT_EQ(ex.commitments[0].text, "创成全国文明城市");
  EXPECT_EQ(StrengthName(ex.commitments[1].strength), "strive");
  EXPECT_FALSE(ex.commitments[0].value.has_value());
}

TEST(Extract, IndicatorsWithoutLabelsExamplesOrBaseSets) {
  Extraction ex = ExtractFrom(
      "（12）新开通公交线路5条。推进滨河大道等12条道路建设。新增城镇就业6000人，同比多200人。"
      "新解决2.1万农村居民饮水安全问题。建档立卡贫困户脱贫3000人。"
      "立案查处环境违法行为300起。引进领军人才37名。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"公交线路", "道路", "城镇就业", "解决饮水安全问题的农村居民",
                     "建档立卡贫困户脱贫", "立案查处环境违法行为", "引进领军人才"}));
  ASSERT_GE(ex.targets.size(), 4u);
  EXPECT_EQ(ex.targets[3].unit, "人");  // people counted without a measure word
  EXPECT_EQ(ex.targets[3].value, 21000);
}

TEST(Extract, ComparatorsOfReachedFiguresAndShortenedTimes) {
  Extraction ex = ExtractFrom("项目审批时间压缩至7个工作日。",
                              "过去一年，城镇和农村居民人均可支配收入分别达到5.2万元和2.6万元，"
                              "粮食产量突破20万吨。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].cmp, quantity::Comparator::kAtMost);
  ASSERT_EQ(ex.outcomes.size(), 3u);
  EXPECT_EQ(ex.outcomes[0].cmp, quantity::Comparator::kEqual);  // a figure reached
  EXPECT_EQ(ex.outcomes[1].cmp, quantity::Comparator::kEqual);
  EXPECT_EQ(ex.outcomes[2].cmp, quantity::Comparator::kAtLeast);  // 突破
}

TEST(Extract, AValueAfter和IsOfTheSameMeasure) {
  Extraction ex = ExtractFrom(
      "青禾社区服务站覆盖率分别为100%和80%。市辖区和县级市污水处理率分别达到95%和85%。");
  ASSERT_EQ(ex.targets.size(), 4u);  // 市辖区 is a place, not background (辖12个县)
  EXPECT_EQ(ex.targets[1].indicator, "青禾社区服务站覆盖率");
  EXPECT_EQ(ex.targets[1].value, 80);
  EXPECT_EQ(ex.targets[3].indicator, "县级市污水处理率");
}

TEST(Extract, AChangesStartIsCutWhereverItStands) {
  Extraction ex = ExtractFrom("全县从业人员从12万人增加到15万人。",
                              "过去一年，高新技术产业增加值占比高于30%。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].indicator, "从业人员");  // 从业 is a word, 从12万人 a start
  ASSERT_EQ(ex.outcomes.size(), 1u);
  EXPECT_EQ(ex.outcomes[0].cmp, quantity::Comparator::kAtLeast);  // 高于 bounds, 达到 would not
}

TEST(Extract, AnExampleWithNothingAfterItsNumberNamesTheMeasure) {
  Extraction ex = ExtractFrom("推进滨河大道等12条。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].indicator, "滨河大道");
}

// Thresholds listed before 的企业 and institutes named by their numbers are
// no targets; an amount 的 a promise ("每座10万元的奖励") is one.
TEST(Extract, ThresholdListsAndNumberedInstitutesAreNoTargets) {
  Extraction ex = ExtractFrom(
      "支持青禾电机和12所等骨干企业做大做强，力争新增一批营业收入过20亿元、10亿元的企业。"
      "对建成的污水处理站给予每座10万元的奖励。");
  ASSERT_EQ(Values(ex), (std::vector<double>{100000}));
}

// A project's planned total investment, a place in a ranking, a distance
// from a benchmark, a projection and the value a standard per head starts
// from are no figures of the year; a gap between two own figures is one.
TEST(Extract, PlannedInvestmentsRanksAndBasesPerHeadAreNoFigures) {
  Extraction ex = ExtractFrom(
      "低保标准由每人每年410元提高到450元。孤儿基本生活费从每人每月1200元提高到1300元。",
      "青禾高速公路计划总投资185亿元，全年完成投资35亿元。全县空气质量排名全省前十位，"
      "居第3名。地区生产总值增长7%，高出全省0.8个百分点。网上零售额增幅高于零工贸易"
      "售额增幅12.4个百分点。签约项目建成后预计实现产值60亿元。");
  EXPECT_EQ(Values(ex), (std::vector<double>{450, 1300}));
  std::vector<double> outcomes;
  for (const Finding& f : ex.outcomes) outcomes.push_back(*f.value);
  EXPECT_EQ(outcomes, (std::vector<double>{3.5e9, 7, 12.4}));
}

// Capacities listed before the projects they specify are no targets; a
// count after 在 is one ("在120个行政村安装应急广播").
TEST(Extract, CapacitiesOfListedProjectsAndCountsAfterZai) {
  Extraction ex = ExtractFrom(
      "加快青禾石化60万吨乙烯、青禾钢铁300万吨特钢等重点项目建设。"
      "在120个行政村（社区）安装应急广播。");
  EXPECT_EQ(Values(ex), (std::vector<double>{120}));
  EXPECT_EQ(Indicators(ex), (Strings{"行政村"}));
}

// A target stated again, as the appendix of the year's 民生实事 does, is
// reported once, where it is first stated; verbs joined by 或 go together.
TEST(Extract, ARestatedTargetIsReportedOnce) {
  Extraction ex = ExtractFromReport(
      2024,
      "**一、2023年工作回顾**\n\n过去一年，全县经济稳中有进，地区生产总值增长5%，新建学校3所。\n\n"
      "**二、2024年工作安排**\n\n新建或改扩建农村敬老院6所，新增城镇就业5000人。"
      "确保完成新增城镇就业5000人的目标。\n\n"
      "附件\n\n2024年十件民生实事\n\n一、新建或改扩建农村敬老院6所。\n\n");
  EXPECT_EQ(Indicators(ex), (Strings{"农村敬老院", "城镇就业"}));
}

// A list's last modifier may be a character longer than the others: the
// shared head is the measure word it ends with.
TEST(Extract, AListSharesTheHeadItEndsWith) {
  Extraction ex = ExtractFrom("茶叶、蔬菜、中药材产值分别达到20亿元、16亿元和8亿元。");
  EXPECT_EQ(Indicators(ex), (Strings{"茶叶产值", "蔬菜产值", "中药材产值"}));
}

// A duration is no target, unless it is the value of a measure counted in
// time right before it.
TEST(Extract, DurationsAreTargetsOnlyOfMeasuresCountedInTime) {
  Extraction ex = ExtractFrom(
      "用3年时间建成5个产业园区。空气质量优良天数保持在305天以上，"
      "平均受教育年限达到10年，人均预期寿命提高到80岁。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"产业园区", "空气质量优良天数", "平均受教育年限", "人均预期寿命"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{5, 305, 10, 80}));
}

// A figure followed by 级 is a size class (10亿元级企业, 30万吨级码头).
TEST(Extract, SizeClassesWrittenWithTheirUnitAreNoTargets) {
  Extraction ex = ExtractFrom("新增10亿元级企业2户，建成30万吨级码头1个。");
  EXPECT_EQ(Values(ex), (std::vector<double>{2, 1}));
}

// A list's subjects lose the building verb before them, not a defining one;
// 标准化建设 and 能力建设 are names, not a noun and a building verb.
TEST(Extract, ListSubjectsWithoutBuildingVerbs) {
  Extraction ex = ExtractFrom(
      "新建乡村便民服务站和文化站分别为100个和50个。新增养老床位、托位分别为300张和200个。"
      "完成9个饮用水源保护区标准化建设。");
  EXPECT_EQ(Indicators(ex), (Strings{"乡村便民服务站", "文化站", "新增养老床位", "托位",
                                     "饮用水源保护区标准化建设"}));
}

// A background word inside a measure's name (拥有量) makes no background
// figure; an index's bare number is its value.
TEST(Extract, MeasuresNamedWithBackgroundWordsAndBareIndexes) {
  Extraction ex = ExtractFrom(
      "全县拥有A级景区58个。目前每千人拥有床位5张。每千人拥有医生数达到3人，"
      "万人发明专利拥有量20件以上。"
      "居民消费价格指数控制在103.2左右。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"每千人拥有医生数", "万人发明专利拥有量", "居民消费价格指数"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{3, 20, 103.2}));
}

// Doublings are targets of 倍 (TARGETS.md); the base compared with is no
// part of the indicator; a programme named after a doubling is no target.
TEST(Extract, DoublingsAreMultiplesOfTheirMeasure) {
  Extraction ex = ExtractFrom(
      "“十二五”期间农民收入翻番。2030年人均生产总值比2020年翻一番半。实施外贸翻番计划。");
  EXPECT_EQ(Indicators(ex), (Strings{"农民收入", "人均生产总值"}));
  EXPECT_EQ(Values(ex), (std::vector<double>{2, 2.83}));
}

// An amount with no subject right after a clause that names an industry
// is that industry's; the verbs of how it is to grow are dropped.
TEST(Extract, AnAmountAfterAnIndustryIsItsAmount) {
  Extraction ex = ExtractFrom(
      "做优青禾纺织产业，营业收入达到46亿元以上。改造提升建材产业，营业收入达到12亿元。"
      "加强安全监管，完成投资30亿元。");
  EXPECT_EQ(Indicators(ex), (Strings{"青禾纺织产业营业收入", "建材产业营业收入", "投资"}));
}

// Longer subjects built alike share what follows the last one when that
// names a measure; subjects not built alike keep their own words.
TEST(Extract, ParallelSubjectsShareTheMeasureAfterTheLast) {
  Extraction ex = ExtractFrom(
      "城镇居民、农村居民人均可支配收入分别增长6%和7%。"
      "户籍人口和常住人口城镇化率分别达到40%和55%。"
      "化学需氧量、二氧化硫排放量分别下降1%和2%。");
  EXPECT_EQ(Indicators(ex),
            (Strings{"城镇居民人均可支配收入", "农村居民人均可支配收入", "户籍人口城镇化率",
                     "常住人口城镇化率", "化学需氧量排放量", "二氧化硫排放量"}));
}

// A place before the number says where; what is counted follows it.
TEST(Extract, APlaceBeforeTheNumberIsWhereNotWhat) {
  Extraction ex =
      ExtractFrom("完成县城城区12处易涝点改造，完成青禾河沿岸30个自然村污水处理设施建设。");
  EXPECT_EQ(Indicators(ex), (Strings{"易涝点改造", "自然村污水处理设施"}));
}

// A bare measure word keeps the count verb that says what it measures; an
// event with no subject of its own happens to the item before.
TEST(Extract, BareMeasuresAndEventsTakeTheirSubject) {
  Extraction ex =
      ExtractFrom("新增造林面积8万亩，抚育森林15万亩。实施通村公路300公里，建成通车150公里。");
  EXPECT_EQ(Indicators(ex), (Strings{"造林面积", "抚育森林", "通村公路", "通村公路建成通车"}));
}

// An amount with no subject of its own is of the things counted in the
// clause before (or the clauses of that count's other figures), not of a
// count several clauses away.
TEST(Extract, BareAmountsTakeTheSubjectCountedBefore) {
  EXPECT_EQ(Indicators(ExtractFrom("实施水利项目26个，完成投资80亿元以上。")),
            (Strings{"水利项目", "水利项目投资"}));
  EXPECT_EQ(Indicators(ExtractFrom("青禾园区企业发展到120家，产值达到300亿元，增加值达到90亿元。")),
            (Strings{"青禾园区企业", "青禾园区企业产值", "青禾园区企业增加值"}));
  EXPECT_EQ(Indicators(ExtractFrom(
                "培育15家以上数字应用平台，推动平台赋能，拓展应用场景，实现产值50亿元。")),
            (Strings{"数字应用平台", "产值"}));
  // A count named by what happened to it gives no subject.
  EXPECT_EQ(Indicators(ExtractFrom("建成或部分建成40个，完成投资120亿元。")).back(), "投资");
}

// A count verb right before the number, after words that name nothing, says
// that what is counted follows the number; a verb that holds a level does not.
TEST(Extract, AVerbBeforeTheNumberCountsWhatFollowsIt) {
  EXPECT_EQ(Indicators(ExtractFrom("高标准谋划和组织实施60个市级重大项目。")),
            (Strings{"市级重大项目"}));
  EXPECT_EQ(Indicators(ExtractFrom("全面完成剩余的35个老旧小区。")), (Strings{"老旧小区"}));
  EXPECT_EQ(Indicators(ExtractFrom("粮食总产量保持30亿斤阶段水平。")), (Strings{"粮食总产量"}));
}

// 和/及/、 after a counted noun join two modifiers of one noun unless
// another item, a whole phrase or a group of people stands before or after.
TEST(Extract, AJointInsideTheCountedNounKeepsItWhole) {
  EXPECT_EQ(Indicators(ExtractFrom("新建40个乡镇及社区健身中心。")),
            (Strings{"乡镇及社区健身中心"}));
  EXPECT_EQ(Indicators(ExtractFrom("培育3家具有示范和引领作用的合作社。")),
            (Strings{"具有示范和引领作用的合作社"}));
  EXPECT_EQ(Indicators(ExtractFrom("实施12个城边村燃气改造和老旧片区清洁取暖。")),
            (Strings{"城边村燃气改造"}));
  EXPECT_EQ(Indicators(ExtractFrom("建设10个集群和20个产业链。")), (Strings{"集群", "产业链"}));
  EXPECT_EQ(Indicators(ExtractFrom("培育5家龙头企业和一批专精特新企业。")), (Strings{"龙头企业"}));
}

// A bounded area before a noun specifies it (TARGETS.md: 5000平方米以上公园).
TEST(Extract, ABoundedAreaBeforeANounIsASpecification) {
  EXPECT_TRUE(ExtractFrom("基本完成3万平方米以上棚户区改造。").targets.empty());
  EXPECT_EQ(Indicators(ExtractFrom("新建6个3000平方米以上口袋公园。")), (Strings{"口袋公园"}));
}

TEST(Extract, APricePerUnitInBracketsIsNoTarget) {
  Extraction ex = ExtractFrom("免费为老年人接种流感疫苗（76元/剂，一年一次），新建村卫生室30个。");
  ASSERT_EQ(ex.targets.size(), 1u);
  EXPECT_EQ(ex.targets[0].value, 30);
}

TEST(Extract, AFiveYearReviewGivesTheLevelsReachedInItsLastYear) {
  Extraction ex = ExtractFromReport(
      2031,
      "**一、“十五五”时期工作回顾**\n\n五年来，青禾县综合实力显著增强。2030年地区生产总值"
      "500亿元，森林覆盖率达到40%，累计新建学校30所，建成公园12个。"
      "社会消费品零售总额270亿元，年均增长6%。２０３０年建成学校5所。\n\n"
      "**二、2031年工作安排**\n\n今年地区生产总值增长6%左右。\n\n");
  ASSERT_EQ(ex.outcomes.size(), 7u);
  EXPECT_EQ(ex.outcomes[0].year, 2030);  // dated to the last year
  EXPECT_EQ(ex.outcomes[1].year, 2030);  // a level reached
  EXPECT_EQ(ex.outcomes[2].year, 0);     // 累计
  EXPECT_EQ(ex.outcomes[3].year, 0);     // built over the period
  EXPECT_EQ(ex.outcomes[4].year, 2030);  // a stock named without a verb
  EXPECT_EQ(ex.outcomes[5].year, 0);     // 年均
  EXPECT_EQ(ex.outcomes[6].year, 2030);  // dated in full-width digits
}

// `text` without its gaps of spaces (ASCII, U+3000, U+00A0).
std::string WithoutSpaces(std::string text) {
  for (std::string_view space : {" ", "\u3000", "\u00A0"}) {
    for (size_t at = text.find(space); at != std::string::npos; at = text.find(space, at)) {
      text.erase(at, space.size());
    }
  }
  return text;
}

// What a finding says, apart from where it stands and its text as written.
std::string Reading(const Finding& f) {
  return WithoutSpaces(f.indicator) + " " + std::to_string(f.value.value_or(-1)) + " " +
         std::to_string(f.value_max.value_or(-1)) + " " + f.unit + " " +
         std::string(quantity::ComparatorSymbol(f.cmp)) + " " + std::string(ChangeName(f.change)) +
         " " + WithoutSpaces(f.deadline) + " " + std::string(StrengthName(f.strength));
}

Strings Readings(const std::vector<Finding>& findings) {
  Strings out;
  for (const Finding& f : findings) out.push_back(Reading(f));
  return out;
}

// Spaces between a verb, a number and its unit ("增长 6.5%", "310 亿元") change
// nothing the extractor reads: the findings are those of the text without
// them, and their text is as written.
TEST(Extract, AGapOfSpacesAroundANumberChangesNothing) {
  const std::string plan =
      "全县生产总值增长 6.5% 左右，粮食产量稳定在 42 万吨以上，完成固定资产投资 310 亿元，"
      "到 2027 年森林覆盖率达到 45%。居民医保县级补助标准由 640 元提高到 670 元。"
      "建成时速 250 公里的城际铁路。\n\n（ 2）新建 8 个 口袋公园。";
  const std::string review =
      "全县生产总值完成 268.4 亿元，增长　5.8%；2023 年粮食产量达到\u00A041.2\u00A0万吨。";
  const Extraction spaced = ExtractFrom(plan, review);
  const Extraction tight = ExtractFrom(WithoutSpaces(plan), WithoutSpaces(review));
  ASSERT_EQ(spaced.targets.size(), 6u);
  EXPECT_EQ(Readings(spaced.targets), Readings(tight.targets));
  EXPECT_EQ(Readings(spaced.outcomes), Readings(tight.outcomes));

  const Finding& growth = spaced.targets[0];
  EXPECT_EQ(growth.indicator, "生产总值");
  EXPECT_EQ(ChangeName(growth.change), "up");
  EXPECT_EQ(quantity::ComparatorSymbol(growth.cmp), "~");
  EXPECT_EQ(spaced.targets[1].value, 420000);
  EXPECT_EQ(spaced.targets[2].text, "完成固定资产投资 310 亿元");
  EXPECT_EQ(spaced.targets[2].value, 3.1e10);
  EXPECT_EQ(spaced.targets[3].deadline, "到 2027 年");
  EXPECT_EQ(spaced.targets[4].indicator, "居民医保县级补助标准");
  EXPECT_EQ(spaced.targets[4].value, 670);                  // 640 is where it starts from
  EXPECT_EQ(spaced.targets[5].indicator, "口袋公园");       // 250 公里 specifies the railway
  EXPECT_EQ(spaced.targets[5].text, "新建 8 个 口袋公园");  // without its label （ 2）

  ASSERT_EQ(spaced.outcomes.size(), 3u);
  EXPECT_EQ(spaced.outcomes[0].value, 2.684e10);
  EXPECT_EQ(spaced.outcomes[1].indicator, "生产总值");  // the rate of the figure before
  EXPECT_EQ(spaced.outcomes[1].value, 5.8);
  EXPECT_EQ(spaced.outcomes[1].text, "增长　5.8%");
  EXPECT_EQ(spaced.outcomes[2].indicator, "粮食产量");
  EXPECT_EQ(spaced.outcomes[2].deadline, "2023 年");
  EXPECT_EQ(spaced.outcomes[2].value, 412000);
}

TEST(Lexicon, AnUnknownListIsAnErrorNotATopic) {
  Result<Lexicon> lex = Lexicon::Parse("lead\t确保\nbare_measur\t面积\n");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("bare_measur"), std::string::npos);
}

TEST(Lexicon, LongestMatchesAndTopics) {
  Result<Lexicon> lex = Lexicon::Parse(
      "# comment\nlead\t确保\nlead\t确\n农业\t粮食\n宏观经济\t生产总值\nduration\t周岁\n");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->PrefixIn("lead", "确保粮食"), "确保");
  EXPECT_EQ(lex->TopicOf("粮食播种面积"), "农业");
  EXPECT_EQ(lex->TopicOf("地区生产总值"), "宏观经济");
  EXPECT_EQ(lex->TopicOf("无关"), "");
  EXPECT_EQ(lex->Topics(), (std::vector<std::string>{"农业", "宏观经济"}));
  EXPECT_TRUE(lex->Has("duration", "周岁"));
  EXPECT_FALSE(lex->Has("duration", "岁"));  // whole words only
  EXPECT_FALSE(Lexicon::Builtin().Words("ensure").empty());
}

TEST(Lexicon, PrefixesAndSuffixesAreWholeWordsLongestFirst) {
  Result<Lexicon> lex = Lexicon::Parse("trail\t达到\ntrail\t到\ntrail\t%\nlead\t全市\n");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->SuffixIn("trail", "粮食产量达到"), "达到");
  EXPECT_EQ(lex->SuffixIn("trail", "提高到"), "到");
  EXPECT_EQ(lex->SuffixIn("trail", "比重5%"), "%");  // an ASCII last character
  EXPECT_EQ(lex->SuffixIn("trail", "到达"), "");
  EXPECT_EQ(lex->SuffixIn("trail", ""), "");
  EXPECT_EQ(lex->PrefixIn("lead", "全市粮食"), "全市");
  EXPECT_EQ(lex->PrefixIn("lead", "全"), "");
  EXPECT_EQ(lex->PrefixIn("lead", ""), "");
  EXPECT_EQ(lex->PrefixIn("unknown", "全市"), "");
}

TEST(Lexicon, ABrokenRowIsAnErrorNamingItsLine) {
  Result<Lexicon> lex = Lexicon::Parse("lead\t确保\nlead 确\n");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("line 2"), std::string::npos) << lex.status().message();
}

TEST(Lexicon, EveryListTheExtractorUsesHasWords) {
  for (std::string_view category : Lexicon::ListCategories()) {
    EXPECT_FALSE(Lexicon::Builtin().Words(category).empty()) << category;
  }
}

}  // namespace
}  // namespace mubiao::targets
