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

}  // namespace

bool IsPercentUnit(std::string_view unit) { return unit == "%" || unit == "个百分点"; }

std::string FormatFigure(double value, std::string_view unit, double factor) {
  double v = value / factor;
  std::string scale;
  if (!IsPercentUnit(unit)) {
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
  Sense sense = target.sense;
  if (decline && sense != Sense::kNone) {
    sense = sense == Sense::kHigher ? Sense::kLower : Sense::kHigher;
  }

  Judgement j;
  j.cmp = cmp;
  j.decline = decline;
  j.sense = sense;
  j.unit = std::string(unit);
  j.actual = got / target.unit_factor;
  j.target = low / target.unit_factor;
  if (cmp == quantity::Comparator::kRange) j.target_max = high / target.unit_factor;
  auto decide = [&](bool met) { j.status = met ? TargetStatus::kMet : TargetStatus::kMissed; };
  if (cmp == quantity::Comparator::kAtLeast) {
    decide(AtLeast(got, low));
  } else if (cmp == quantity::Comparator::kAtMost) {
    decide(AtMost(got, low));
  } else if (cmp == quantity::Comparator::kEqual) {
    decide(AtLeast(got, low) && AtMost(got, low));
  } else if (cmp == quantity::Comparator::kRange) {
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low));
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, high));
    } else {
      decide(AtLeast(got, low) && AtMost(got, high));
    }
  } else if (cmp == quantity::Comparator::kAbout) {
    const bool points = target.family == "percent" || target.family == "points";
    j.relative = points ? 0 : tolerance.relative;
    const double slack = points ? tolerance.points : tolerance.relative * std::fabs(low);
    // Points are written in the target's own figures (5%左右 ± 0.5 points).
    j.slack = points ? tolerance.points : slack / target.unit_factor;
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low - slack));
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, low + slack));
    } else {
      decide(AtLeast(got, low - slack) && AtMost(got, low + slack));
    }
  }
  return j;
}

}  // namespace mubiao::tracking
