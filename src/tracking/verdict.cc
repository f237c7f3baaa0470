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

std::string_view SenseWords(Sense sense) {
  switch (sense) {
    case Sense::kHigher:
      return "more is better";
    case Sense::kLower:
      return "less is better";
    case Sense::kNone:
      return "both sides count";
  }
  return "";
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
    decide(met, "=", "≠", fig(low), "exact");
  } else if (cmp == quantity::Comparator::kRange) {
    const std::string range = "range " + fig(low) + "–" + fig(high);
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low), "≥", "<", fig(low), range + "; " + std::string(SenseWords(sense)));
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, high), "≤", ">", fig(high), range + "; " + std::string(SenseWords(sense)));
    } else {
      const bool met = AtLeast(got, low) && AtMost(got, high);
      decide(met, "in", "outside", "[" + fig(low) + ", " + fig(high) + "]", "range");
    }
  } else if (cmp == quantity::Comparator::kAbout) {
    const bool points = target.family == "percent" || target.family == "points";
    const double slack = points ? tolerance.points : tolerance.relative * std::fabs(low);
    const std::string how =
        points ? "左右, tolerance " + Number(tolerance.points) + " points"
               : "左右, tolerance " + Number(tolerance.relative * 100) + "% of the target";
    const std::string note = how + "; " + std::string(SenseWords(sense));
    if (sense == Sense::kHigher) {
      decide(AtLeast(got, low - slack), "≥", "<", fig(low) + " − " + plain(slack), note);
    } else if (sense == Sense::kLower) {
      decide(AtMost(got, low + slack), "≤", ">", fig(low) + " + " + plain(slack), note);
    } else {
      const bool met = AtLeast(got, low - slack) && AtMost(got, low + slack);
      decide(met, "within", "not within", plain(slack) + " of " + fig(low), note);
    }
  } else {
    j.status = TargetStatus::kUnverified;
    j.rule = "no comparator to judge by";
  }
  return j;
}

}  // namespace mubiao::tracking
