// Verdict rules: whether an outcome meets a target, decided by the target's
// comparator as written, with the rule applied spelled out for the reader.
//
//   >=     met when outcome ≥ target            (增长6%以上, 新增就业1100万人以上)
//   <=     met when outcome ≤ target            (控制在4.6%以内)
//   =      met when outcome = target            (planned amounts)
//   range  met when outcome is in [low, high]; on the good side of an
//          indicator with a sense (see indicators.h) only the bound on the
//          bad side counts: growth of 6.9% meets 增长6%—6.5%
//   ~      (左右, 约) met when outcome is within the tolerance of the
//          target; on the good side of an indicator with a sense, any
//          distance counts: 5.2% ≥ 5% − 0.5 meets 增长5%左右, and so does
//          9.2%; for 居民消费价格涨幅3%左右 (less is better) 1.4% meets it.
//
// Targets written as a decline (单位GDP能耗下降3%左右) are judged in the
// direction they are written: the outcome's decline against the target's.
#ifndef MUBIAO_TRACKING_VERDICT_H_
#define MUBIAO_TRACKING_VERDICT_H_

#include <optional>
#include <string>
#include <string_view>

#include "targets/target.h"
#include "tracking/indicators.h"

namespace mubiao::tracking {

// The status of a target (defined with the target; tracking decides it).
using targets::ParseStatus;
using targets::StatusName;
using targets::TargetStatus;

// How far an outcome may be from a 左右 (~) target and still meet it.
struct Tolerance {
  // For percentages and percentage points: an absolute distance in
  // percentage points (5%左右 with 0.5 accepts 4.5%).
  double points = 0.5;
  // For every other unit: a fraction of the target (1200万人左右 with 0.05
  // accepts 1140万人).
  double relative = 0.05;

  bool operator==(const Tolerance&) const = default;
};

// The outcome of judging one target against one outcome: the status and
// the figures the rule compared, for tracking's evidence (evidence.h).
// Figures are in the target's unit as written (`unit`), and as judged: for
// a target written as a decline, both are declines (下降2.6% is 2.6).
struct Judgement {
  // kMet or kMissed; kUnverified when the target has no comparator.
  TargetStatus status = TargetStatus::kUnverified;
  quantity::Comparator cmp = quantity::Comparator::kNone;  // the target's
  bool decline = false;                                    // the figures are declines (下降)
  double actual = 0;                                       // the outcome
  double target = 0;                 // the target, or the low end of its range
  std::optional<double> target_max;  // the high end of a range
  // The distance a 左右 target accepts (in percentage points for % and
  // 个百分点 targets, else in `unit`); 0 for other comparators.
  double slack = 0;
  // For an amount's 左右: the slack as a fraction of the target (0.05);
  // 0 when the slack is in percentage points.
  double relative = 0;
  Sense sense = Sense::kHigher;  // of the indicator, turned around for a decline
  std::string unit;              // the target's unit as written
};

// Judges a target against an outcome of the same indicator and measure
// (Reading::measure and Reading::family equal: the caller checks). `cmp`
// and `change` are the target's as extracted; `unit` is the target's unit
// as written, in which the figures are given. Comparator::kNone gives
// kUnverified.
Judgement Judge(const Reading& target, quantity::Comparator cmp, targets::Change change,
                std::string_view unit, const Reading& outcome, const Tolerance& tolerance);

// Whether figures in `unit` are percentages (% or 个百分点): shown without
// 万/亿 and with tolerances in percentage points.
bool IsPercentUnit(std::string_view unit);

// A figure for display, with 万/亿/万亿 for large numbers: "5.2%",
// "1.3万亿斤", "1256万人", "-2.6%". `value` is in the unit's family base
// (see Reading::value) and `factor` converts `unit` to it.
std::string FormatFigure(double value, std::string_view unit, double factor);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_VERDICT_H_
