#include "tracking/verdict.h"

#include <cmath>
#include <cstdio>

namespace mubiao::tracking {
namespace {

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

// A small slack for figures that are equal as written but not as doubles.
bool AtLeast(double a, double b) { return a >= b - 1e-9 * std::max(1.0, std::fabs(b)); }
bool AtMost(double a, double b) { return a <= b + 1e-9 * std::max(1.0, std::fabs(b)); }

// How the indicator's direction enters the verdict, for the reader.
std::string_view SenseWords(Sense sense) {
  return sense == Sense::kHigher  ? "越高越好"
         : sense == Sense::kLower ? "越低越好"
                                  : "偏离两侧均计";
}

}  // namespace

std::string FormatFigure(double value, std::string_view unit, double factor) {
  double v = value / factor;
  std::string scale;
  if (unit != "%" && unit != "个百分点") {
    if (std::fabs(v) >= 1e12) {
      v /= 1e12;
      scale = "万亿";
    } else if (std::fabs(v) >= 1e8) {
      v /= 1e8;
      scale = "亿";
    } else if (std::fabs(v) >= 1e4) {
      v /= 1e4;
      scale = "万";
    }
  }
  return Number(v) + scale + std::string(unit);
}

Judgement Judge(const Reading& target, quantity::Comparator cmp, targets::Change change,
                std::string_view unit, const Reading& outcome, const Tolerance& tolerance) {
  // A decline is judged as written: the outcome's decline against the
  // target's, and the indicator's sense turns around with it.
  const bool decline = change == targets::Change::kDown && target.measure != Measure::kLevel;
  const double dir = decline ? -1 : 1;
  double low = target.value * dir;
  double high = target.value_max.value_or(target.value) * dir;
  if (decline) std::swap(low, high);
  const double got = outcome.value * dir;
  Sense sense = target.indicator->sense;
  if (decline && sense != Sense::kNone) {
    sense = sense == Sense::kHigher ? Sense::kLower : Sense::kHigher;
  }
  const std::string prefix = decline ? "下降" : "";
  auto fig = [&](double v) { return prefix + FormatFigure(v, unit, target.unit_factor); };
  auto plain = [&](double v) { return FormatFigure(v, unit, target.unit_factor); };

  Judgement j;
  auto decide = [&](bool met, std::string_view yes, std::string_view no, const std::string& rhs,
                    const std::string& note) {
    j.status = met ? TargetStatus::kMet : TargetStatus::kMissed;
    j.rule = fig(got) + " " + std::string(met ? yes : no) + " " + rhs;
    if (!note.empty()) j.rule += " (" + note + ")";
  };
  if (cmp == quantity::Comparator::kAtLeast) {
    decide(AtLeast(got, low), "≥", "<", fig(low), "以上");
  } else if (cmp == quantity::Comparator::kAtMost) {
    decide(AtMost(got, low), "≤", ">", fig(low), "以内");
  } else if (cmp == quantity::Comparator::kEqual) {
    const bool met = AtLeast(got, low) && AtMost(got, low);
    decide(met, "=", "≠", fig(low), "须恰好相等");
  } else if (cmp == quantity::Comparator::kRange) {
    const std::string range = "区间" + fig(low) + "–" + fig(high);
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low), "≥", "<", fig(low), range + "；" + std::string(SenseWords(sense)));
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, high), "≤", ">", fig(high), range + "；" + std::string(SenseWords(sense)));
    } else {
      const bool met = AtLeast(got, low) && AtMost(got, high);
      decide(met, "在", "不在", "[" + fig(low) + ", " + fig(high) + "]", "区间");
    }
  } else if (cmp == quantity::Comparator::kAbout) {
    const bool points = target.family == "percent" || target.family == "points";
    const double slack = points ? tolerance.points : tolerance.relative * std::fabs(low);
    const std::string how = points ? "左右，容差" + Number(tolerance.points) + "个百分点"
                                   : "左右，容差为目标的" + Number(tolerance.relative * 100) + "%";
    const std::string note = how + "；" + std::string(SenseWords(sense));
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low - slack), "≥", "<", fig(low) + " − " + plain(slack), note);
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, low + slack), "≤", ">", fig(low) + " + " + plain(slack), note);
    } else {
      const bool met = AtLeast(got, low - slack) && AtMost(got, low + slack);
      decide(met, "在", "不在", fig(low) + " ± " + plain(slack) + "之内", note);
    }
  } else {
    j.status = TargetStatus::kUnverified;
    j.rule = "目标未写明比较方式，无法判定";
  }
  return j;
}

}  // namespace mubiao::tracking
