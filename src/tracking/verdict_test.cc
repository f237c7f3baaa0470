#include "tracking/verdict.h"

#include <gtest/gtest.h>

#include "tracking/testing.h"

namespace mubiao::tracking {
namespace {

using testing::ReadFigure;

// Judge with the comparator and change as written in TARGETS.md (">=", "up").
Judgement JudgeWritten(const Reading& target, std::string_view cmp, std::string_view change,
                       std::string_view unit, const Reading& outcome, const Tolerance& tolerance) {
  return Judge(target, *quantity::ParseComparator(cmp), *targets::ParseChange(change), unit,
               outcome, tolerance);
}

TargetStatus Verdict(const Reading& target, std::string_view cmp, const Reading& outcome,
                     std::string_view change = "", const Tolerance& tolerance = {}) {
  return JudgeWritten(target, cmp, change, "%", outcome, tolerance).status;
}

TEST(Judge, GrowthAroundATargetOnTheGoodSideIsMet) {
  const Reading target = ReadFigure("国内生产总值", 5, "%", "up");
  Judgement j =
      JudgeWritten(target, "~", "up", "%", ReadFigure("国内生产总值", 5.2, "%", "up"), {});
  EXPECT_EQ(j.status, TargetStatus::kMet);
  EXPECT_EQ(j.cmp, quantity::Comparator::kAbout);
  EXPECT_DOUBLE_EQ(j.actual, 5.2);
  EXPECT_DOUBLE_EQ(j.target, 5);
  EXPECT_DOUBLE_EQ(j.slack, 0.5);
  EXPECT_EQ(j.relative, 0);
  EXPECT_EQ(j.sense, Sense::kHigher);
  EXPECT_FALSE(j.decline);
  EXPECT_EQ(j.unit, "%");
  EXPECT_EQ(Verdict(target, "~", ReadFigure("国内生产总值", 4.6, "%", "up")), TargetStatus::kMet);
  EXPECT_EQ(Verdict(target, "~", ReadFigure("国内生产总值", 9.2, "%", "up")), TargetStatus::kMet);
  EXPECT_EQ(Verdict(target, "~", ReadFigure("国内生产总值", 4.4, "%", "up")),
            TargetStatus::kMissed);
  EXPECT_EQ(Verdict(target, "~", ReadFigure("国内生产总值", 3, "%", "up")), TargetStatus::kMissed);
}

TEST(Judge, TheToleranceIsConfigurable) {
  const Reading target = ReadFigure("国内生产总值", 5, "%", "up");
  const Reading outcome = ReadFigure("国内生产总值", 4.2, "%", "up");
  EXPECT_EQ(Verdict(target, "~", outcome), TargetStatus::kMissed);
  EXPECT_EQ(Verdict(target, "~", outcome, "up", Tolerance{1.0, 0.05}), TargetStatus::kMet);
  Judgement j = JudgeWritten(target, "~", "up", "%", outcome, Tolerance{1.0, 0.05});
  EXPECT_DOUBLE_EQ(j.slack, 1);
  // Relative tolerance for amounts: 1200万人左右 with 5% accepts 1140万人.
  const Reading jobs = ReadFigure("城镇新增就业", 1.2e7, "人");
  Judgement relative =
      JudgeWritten(jobs, "~", "", "人", ReadFigure("城镇新增就业", 1.15e7, "人"), {});
  EXPECT_EQ(relative.status, TargetStatus::kMet);
  EXPECT_DOUBLE_EQ(relative.slack, 6e5);
  EXPECT_DOUBLE_EQ(relative.relative, 0.05);
  EXPECT_EQ(JudgeWritten(jobs, "~", "", "人", ReadFigure("城镇新增就业", 1.1e7, "人"), {}).status,
            TargetStatus::kMissed);
}

TEST(Judge, CapsAroundATargetAreMetBelowIt) {
  const Reading cpi = ReadFigure("居民消费价格涨幅", 3, "%");
  EXPECT_EQ(Verdict(cpi, "~", ReadFigure("居民消费价格", 1.4, "%")), TargetStatus::kMet);
  EXPECT_EQ(Verdict(cpi, "~", ReadFigure("居民消费价格", 3.4, "%")), TargetStatus::kMet);
  EXPECT_EQ(
      Verdict(ReadFigure("居民消费价格涨幅", 4, "%"), "~", ReadFigure("居民消费价格", 5.4, "%")),
      TargetStatus::kMissed);
  EXPECT_EQ(Verdict(cpi, "<=", ReadFigure("居民消费价格", 3.1, "%")), TargetStatus::kMissed);
  // A fall in prices is below any cap.
  EXPECT_EQ(Verdict(cpi, "<=", ReadFigure("居民消费价格", 0.7, "%", "down")), TargetStatus::kMet);
}

TEST(Judge, BoundsAndExactValues) {
  const Reading jobs = ReadFigure("城镇新增就业", 1.1e7, "人");
  EXPECT_EQ(JudgeWritten(jobs, ">=", "", "人", ReadFigure("城镇新增就业", 1.1e7, "人"), {}).status,
            TargetStatus::kMet);
  Judgement missed =
      JudgeWritten(jobs, ">=", "", "人", ReadFigure("城镇新增就业", 1.09e7, "人"), {});
  EXPECT_EQ(missed.status, TargetStatus::kMissed);
  EXPECT_DOUBLE_EQ(missed.actual, 1.09e7);
  EXPECT_DOUBLE_EQ(missed.target, 1.1e7);
  EXPECT_FALSE(missed.target_max.has_value());
  const Reading unemployment = ReadFigure("城镇调查失业率", 5.5, "%");
  EXPECT_EQ(Verdict(unemployment, "<=", ReadFigure("城镇调查失业率平均值", 5.6, "%")),
            TargetStatus::kMissed);
  EXPECT_EQ(Verdict(unemployment, "<=", ReadFigure("城镇调查失业率", 5.5, "%")),
            TargetStatus::kMet);
  EXPECT_EQ(Verdict(unemployment, "=", ReadFigure("城镇调查失业率", 5.5, "%")), TargetStatus::kMet);
  EXPECT_EQ(Verdict(unemployment, "=", ReadFigure("城镇调查失业率", 5.4, "%")),
            TargetStatus::kMissed);
  EXPECT_EQ(Verdict(unemployment, "", ReadFigure("城镇调查失业率", 5.4, "%")),
            TargetStatus::kUnverified);
}

TEST(Judge, RangesCountOnlyTheBoundOnTheBadSide) {
  const Reading range = ReadFigure("国内生产总值", 6, "%", "up", 6.5);
  EXPECT_EQ(Verdict(range, "range", ReadFigure("国内生产总值", 6.1, "%", "up")),
            TargetStatus::kMet);
  EXPECT_EQ(Verdict(range, "range", ReadFigure("国内生产总值", 6.9, "%", "up")),
            TargetStatus::kMet);
  EXPECT_EQ(Verdict(range, "range", ReadFigure("国内生产总值", 5.9, "%", "up")),
            TargetStatus::kMissed);
  // An indicator without a sense keeps both bounds.
  const Reading births = ReadFigure("人口自然增长率", 5, "%", "", 6);
  EXPECT_EQ(Verdict(births, "range", ReadFigure("人口自然增长率", 5.5, "%")), TargetStatus::kMet);
  EXPECT_EQ(Verdict(births, "range", ReadFigure("人口自然增长率", 6.5, "%")),
            TargetStatus::kMissed);
  EXPECT_EQ(Verdict(births, "~", ReadFigure("人口自然增长率", 4.4, "%")), TargetStatus::kMissed);
}

TEST(Judge, DeclinesAreJudgedAsWritten) {
  const Reading energy = ReadFigure("单位GDP能耗", 3.4, "%", "down");
  Judgement j = JudgeWritten(energy, ">=", "down", "%",
                             ReadFigure("万元国内生产总值能耗", 2.6, "%", "down"), {});
  EXPECT_EQ(j.status, TargetStatus::kMissed);
  EXPECT_TRUE(j.decline);
  EXPECT_DOUBLE_EQ(j.actual, 2.6);
  EXPECT_DOUBLE_EQ(j.target, 3.4);
  EXPECT_EQ(j.sense, Sense::kHigher);  // less energy is better: a larger decline is
  EXPECT_EQ(Verdict(energy, ">=", ReadFigure("单位GDP能耗", 3.8, "%", "down"), "down"),
            TargetStatus::kMet);
  const Reading around = ReadFigure("单位GDP能耗", 3, "%", "down");
  EXPECT_EQ(Verdict(around, "~", ReadFigure("单位GDP能耗", 2.7, "%", "down"), "down"),
            TargetStatus::kMet);
  EXPECT_EQ(Verdict(around, "~", ReadFigure("单位GDP能耗", 5, "%", "down"), "down"),
            TargetStatus::kMet);
  EXPECT_EQ(Verdict(around, "~", ReadFigure("单位GDP能耗", 2.4, "%", "down"), "down"),
            TargetStatus::kMissed);
  EXPECT_EQ(Verdict(around, "~", ReadFigure("单位GDP能耗", 1, "%", "up"), "down"),
            TargetStatus::kMissed);
}

TEST(TargetStatus, NamesRoundTrip) {
  for (TargetStatus s : {TargetStatus::kMet, TargetStatus::kMissed, TargetStatus::kNotMentioned,
                         TargetStatus::kUnverified, TargetStatus::kNotAssessable}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
  EXPECT_FALSE(ParseStatus("done").has_value());
  EXPECT_EQ(StatusName(TargetStatus::kNotMentioned), "not_mentioned");
  EXPECT_EQ(targets::StatusLabel(TargetStatus::kNotMentioned), "未提及");
  EXPECT_EQ(FormatFigure(6.5e8, "斤", 0.0005), "1.3万亿斤");
  EXPECT_EQ(FormatFigure(1.256e7, "人", 1), "1256万人");
}

}  // namespace
}  // namespace mubiao::tracking
