#include "tracking/scorecard.h"

#include <algorithm>

namespace mubiao::tracking {

std::optional<double> StatusCounts::share_met() const {
  if (settled() < kMinVerdictsForRate) return std::nullopt;
  return static_cast<double>(met) / settled();
}

std::optional<double> StatusCounts::coverage() const {
  if (total() < kMinVerdictsForRate) return std::nullopt;
  return static_cast<double>(settled()) / total();
}

void StatusCounts::Add(TargetStatus status, int n) {
  switch (status) {
    case TargetStatus::kMet:
      met += n;
      break;
    case TargetStatus::kMissed:
      missed += n;
      break;
    case TargetStatus::kPartlyMet:
      partly_met += n;
      break;
    case TargetStatus::kNotMentioned:
      not_mentioned += n;
      break;
    case TargetStatus::kUnverified:
      unverified += n;
      break;
    case TargetStatus::kNotAssessable:
      not_assessable += n;
      break;
  }
}

void StatusCounts::Add(const StatusCounts& other) {
  met += other.met;
  missed += other.missed;
  partly_met += other.partly_met;
  not_mentioned += other.not_mentioned;
  unverified += other.unverified;
  not_assessable += other.not_assessable;
}

Scorecard BuildScorecard(const std::vector<TrackedTarget>& tracked,
                         const std::string& region_code) {
  Scorecard card;
  for (const TrackedTarget& t : tracked) {
    if (t.target.region_code != region_code) continue;
    card.by_year[t.target.finding.year].Add(t.status);
    card.by_topic[t.target.finding.topic].Add(t.status);
  }
  AddSeries(tracked, region_code, &card);
  return card;
}

void AddSeries(const std::vector<TrackedTarget>& tracked, const std::string& region_code,
               Scorecard* card) {
  const IndicatorLexicon& lex = IndicatorLexicon::Builtin();
  std::map<std::pair<std::string, Measure>, Series> series;
  // Headlines are per place: those of other places are left out here.
  for (const TrackedTarget* t : Headlines(tracked)) {
    if (t->target.region_code != region_code) continue;
    std::optional<Reading> target = lex.Read(t->target.finding);
    if (!target) continue;
    const Measure measure = t->verdict.measure.value_or(Measure::kLevel);
    Series& s = series[{t->verdict.indicator_id, measure}];
    if (s.points.empty()) {
      s.indicator_id = t->verdict.indicator_id;
      s.indicator_name = t->verdict.indicator_name;
      s.measure = measure;
      s.unit = t->target.finding.unit;
    }
    const double factor = lex.UnitFactor(s.unit);  // figures in the series' unit
    SeriesPoint p;
    p.year = t->verdict.year;
    p.target_text = t->target.finding.text;
    p.target_value = target->value / factor;
    if (target->value_max) p.target_value_max = *target->value_max / factor;
    if (t->verdict.outcome) {
      if (std::optional<Reading> o = lex.Read(t->verdict.outcome->finding)) {
        p.outcome_value = o->value / factor;
      }
    }
    p.status = t->status;
    s.points.push_back(std::move(p));
  }
  for (auto& [key, s] : series) {
    if (s.points.size() < 2) continue;
    std::sort(s.points.begin(), s.points.end(),
              [](const SeriesPoint& a, const SeriesPoint& b) { return a.year < b.year; });
    card->series.push_back(std::move(s));
  }
}

}  // namespace mubiao::tracking
