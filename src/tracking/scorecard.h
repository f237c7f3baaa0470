// A place's scorecard: how its targets fared, by year and topic, and each
// recurring indicator's targets against its outcomes over the years (the
// portal draws these as charts).
#ifndef MUBIAO_TRACKING_SCORECARD_H_
#define MUBIAO_TRACKING_SCORECARD_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tracking/track.h"

namespace mubiao::tracking {

// The fewest verdicts (met or missed) a share of them is computed from;
// below it, readers get the counts only.
inline constexpr int kMinVerdictsForRate = 5;

// How many targets have each status.
struct StatusCounts {
  int met = 0;
  int missed = 0;
  int partly_met = 0;
  int not_mentioned = 0;
  int unverified = 0;
  int not_assessable = 0;

  int total() const {
    return met + missed + partly_met + not_mentioned + unverified + not_assessable;
  }
  // Targets with a verdict: met, missed or partly met.
  int settled() const { return met + missed + partly_met; }
  // met / settled(), or absent when fewer than kMinVerdictsForRate were
  // settled.
  std::optional<double> share_met() const;
  // settled() / total(), or absent when there are fewer than
  // kMinVerdictsForRate targets.
  std::optional<double> coverage() const;
  // Adds `n` targets of this status (a negative `n` takes them away).
  void Add(TargetStatus status, int n = 1);
  // Adds the counts of `other`.
  void Add(const StatusCounts& other);
};

// One year of an indicator's series.
struct SeriesPoint {
  int year = 0;
  std::string target_text;  // the headline target as written
  double target_value = 0;  // in the unit of `unit`
  std::optional<double> target_value_max;
  std::optional<double> outcome_value;  // absent when unverified
  TargetStatus status = TargetStatus::kUnverified;
};

// An indicator's headline targets against outcomes, year by year.
struct Series {
  std::string indicator_id;
  std::string indicator_name;
  Measure measure = Measure::kLevel;
  std::string unit;  // of the earliest headline target; points in other units are converted
  std::vector<SeriesPoint> points;  // by year
};

// The scorecard of one place.
struct Scorecard {
  std::map<int, StatusCounts> by_year;           // plan year → counts of every target
  std::map<std::string, StatusCounts> by_topic;  // topic ("" for none) → counts
  std::vector<Series> series;  // indicators with headline targets in two years or more
};

// Builds the scorecard of the targets of one region (`region_code`, exactly)
// among `tracked`; statuses are the shown ones (overrides applied).
Scorecard BuildScorecard(const std::vector<TrackedTarget>& tracked, const std::string& region_code);

// Sets card->series from the targets of one region (`region_code`,
// exactly) among `tracked`, as BuildScorecard does; those not read as a
// canonical indicator never count.
void AddSeries(const std::vector<TrackedTarget>& tracked, const std::string& region_code,
               Scorecard* card);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_SCORECARD_H_
