#include "tracking/evidence.h"

#include <gtest/gtest.h>

#include "tracking/testing.h"

namespace mubiao::tracking {
namespace {

using testing::ReadFigure;

// The evidence of a target judged against an outcome, comparator and change
// as written in TARGETS.md.
std::string RuleText(const Reading& target, std::string_view cmp, std::string_view change,
                     std::string_view unit, const Reading& outcome,
                     const Tolerance& tolerance = {}) {
  Verdict v;
  v.judgement = Judge(target, *quantity::ParseComparator(cmp), *targets::ParseChange(change), unit,
                      outcome, tolerance);
  v.status = v.judgement->status;
  v.reason = v.status == TargetStatus::kMet ? Reason::kMetRule : Reason::kMissedRule;
  return EvidenceText(v);
}

TEST(EvidenceText, RulesShowTheFiguresTheComparisonAndTheVerdict) {
  const Reading gdp = ReadFigure("国内生产总值", 5, "%", "up");
  EXPECT_EQ(RuleText(gdp, "~", "up", "%", ReadFigure("国内生产总值", 5.2, "%", "up")),
            "实际 5.2% ≥ 目标 5% − 容差 0.5个百分点（越高越好）→ 达成");
  EXPECT_EQ(RuleText(gdp, "~", "up", "%", ReadFigure("国内生产总值", 4.2, "%", "up"), {1.0, 0.05}),
            "实际 4.2% ≥ 目标 5% − 容差 1个百分点（越高越好）→ 达成");
  EXPECT_EQ(RuleText(gdp, ">=", "up", "%", ReadFigure("国内生产总值", 4.9, "%", "up")),
            "实际 4.9% < 目标 5%（以上）→ 未达成");
  const Reading jobs = ReadFigure("城镇新增就业", 1.2e7, "人");
  EXPECT_EQ(RuleText(jobs, "~", "", "人", ReadFigure("城镇新增就业", 1.1e7, "人")),
            "实际 1100万人 < 目标 1200万人 − 容差 60万人（目标的5%；越高越好）→ 未达成");
  const Reading cpi = ReadFigure("居民消费价格涨幅", 3, "%");
  EXPECT_EQ(RuleText(cpi, "~", "", "%", ReadFigure("居民消费价格", 1.4, "%")),
            "实际 1.4% ≤ 目标 3% + 容差 0.5个百分点（越低越好）→ 达成");
  EXPECT_EQ(RuleText(cpi, "<=", "", "%", ReadFigure("居民消费价格", 3.1, "%")),
            "实际 3.1% > 目标 3%（以内）→ 未达成");
  EXPECT_EQ(RuleText(cpi, "=", "", "%", ReadFigure("居民消费价格", 3, "%")),
            "实际 3% = 目标 3%（须相等）→ 达成");
  EXPECT_EQ(RuleText(ReadFigure("国内生产总值", 6, "%", "up", 6.5), "range", "up", "%",
                     ReadFigure("国内生产总值", 6.9, "%", "up")),
            "实际 6.9% ≥ 目标下限 6%（区间 6%–6.5%；越高越好）→ 达成");
  EXPECT_EQ(RuleText(ReadFigure("人口自然增长率", 5, "%", "", 6), "range", "", "%",
                     ReadFigure("人口自然增长率", 6.5, "%")),
            "实际 6.5% 不在目标区间 5%–6% 之内 → 未达成");
  EXPECT_EQ(RuleText(ReadFigure("单位GDP能耗", 3.4, "%", "down"), ">=", "down", "%",
                     ReadFigure("万元国内生产总值能耗", 2.6, "%", "down")),
            "实际 下降2.6% < 目标 下降3.4%（以上）→ 未达成");
}

TEST(EvidenceText, EveryOtherReasonSaysWhyInChinese) {
  Verdict v;
  v.place = "郑州市";
  v.year = 2023;
  v.indicator_name = "城镇新增就业";
  v.measure = Measure::kGrowth;
  v.reason = Reason::kNoLaterSource;
  EXPECT_EQ(EvidenceText(v), "尚无郑州市2023年的统计公报或2024年的政府工作报告");
  v.reason = Reason::kNotMentioned;
  v.sources.next_report = true;
  EXPECT_EQ(EvidenceText(v), "郑州市2024年政府工作报告未提及2023年城镇新增就业的实绩");
  v.sources = {true, false};
  EXPECT_EQ(EvidenceText(v), "郑州市2023年统计公报未提及2023年城镇新增就业的实绩");
  v.reason = Reason::kUnreadMention;
  v.sources = {true, true};
  EXPECT_EQ(EvidenceText(v),
            "郑州市2023年统计公报或2024年政府工作报告提到了城镇新增就业，但没有读出可与目标比较的"
            "2023年数字");
  v.reason = Reason::kMeasureMismatch;
  v.other_measures = {Measure::kLevel, Measure::kChange};
  EXPECT_EQ(EvidenceText(v), "2023年城镇新增就业的实绩只有总量、增减量，没有目标所用的增速");
  v.reason = Reason::kIndicatorUnknown;
  v.wording = "退化林修复";
  EXPECT_EQ(EvidenceText(v),
            "指标“退化林修复”不在指标词表中，郑州市2023年统计公报和2024年政府工作报告中也没有同一"
            "说法的实绩");
  v.sources = {};
  EXPECT_EQ(EvidenceText(v), "指标“退化林修复”不在指标词表中，无法自动核对");
  v.sources = {true, true};
  v.reason = Reason::kAmbiguous;
  v.indicator_name = "湿地修复";
  v.candidates = 2;
  EXPECT_EQ(EvidenceText(v),
            "郑州市2023年统计公报和2024年政府工作报告中有2个数值不一的2023年“湿地修复”实绩，"
            "需人工核实");
  v.indicator_name = "城镇新增就业";
  v.reason = Reason::kUnitMismatch;
  EXPECT_EQ(EvidenceText(v), "单位“无”不适用于城镇新增就业");
  v.reason = Reason::kPeriodGoal;
  v.deadline = "“十四五”时期";
  EXPECT_EQ(EvidenceText(v), "多年期目标（“十四五”时期），不按单一年度评估");
  // No reason is left without words, and none has a Latin letter in it.
  for (Reason r : {Reason::kNoComparator, Reason::kIncomparable, Reason::kQualitative,
                   Reason::kNoValue, Reason::kNotNew}) {
    v.reason = r;
    const std::string text = EvidenceText(v);
    EXPECT_FALSE(text.empty()) << ReasonName(r);
    EXPECT_EQ(text.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
              std::string::npos)
        << text;
  }
}

}  // namespace
}  // namespace mubiao::tracking
