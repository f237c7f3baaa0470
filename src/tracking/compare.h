// Targets side by side: a place's target for each canonical indicator of a
// year (YearHeadlines), which the changes from one year to the next
// (changes.h) and the comparison of places (ComparePlaces) both take as
// "the place's target", so that the two agree. Targets whose indicator the
// lexicon does not know, or whose measure was not read, are left out.
#ifndef MUBIAO_TRACKING_COMPARE_H_
#define MUBIAO_TRACKING_COMPARE_H_

#include <optional>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "store/export.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// A place's target for one canonical indicator and measure in one year.
struct IndicatorTarget {
  const Indicator* indicator = nullptr;  // of the builtin lexicon; never null
  Measure measure = Measure::kLevel;
  const TrackedTarget* target = nullptr;  // never null
};

// The headline targets (Headlines) of the plan year `year` among `tracked`,
// which are one place's: one per canonical indicator and measure, in the
// lexicon's order of indicators, then by measure. Pointers into `tracked`.
std::vector<IndicatorTarget> YearHeadlines(const std::vector<TrackedTarget>& tracked, int year);

// One indicator and measure across the places compared.
struct ComparedIndicator {
  const Indicator* indicator = nullptr;  // of the builtin lexicon; never null
  Measure measure = Measure::kLevel;
  // One per place, in the order of the places; nullptr where the place set
  // no target for it.
  std::vector<const TrackedTarget*> cells;
  bool shared = false;  // every place set a target for it
};

// The indicators and measures at least one of `places` (each one place's
// tracked targets) set a target for in the plan year `year`, with each
// place's target (YearHeadlines): first those every place set, then the
// rest, each group in the lexicon's order of indicators, then by measure.
// The cells point into `places`.
std::vector<ComparedIndicator> ComparePlaces(const std::vector<std::vector<TrackedTarget>>& places,
                                             int year);

// One indicator and measure of the places compared, year by year: each
// place's headline target (the one YearHeadlines takes) and its outcome, as
// numbers in one unit, for a chart and its table.
struct IndicatorHistory {
  const Indicator* indicator = nullptr;  // of the builtin lexicon; never null
  Measure measure = Measure::kLevel;
  // Of the earliest target of the first place that has one; targets in
  // units of another family (美元 where it is 元) are left out.
  std::string unit;
  std::vector<int> years;  // plan years any place set a target in, ascending
  // One line per place, in the order of the places, one entry per year of
  // `years` (nullopt where the place set no target, or no outcome is known).
  struct Line {
    std::vector<std::optional<double>> targets;
    std::vector<std::optional<double>> outcomes;
  };
  std::vector<Line> lines;
};

// The history of `indicator` and `measure` among `places` (each one place's
// tracked targets, of any years).
IndicatorHistory CompareAcrossYears(const std::vector<std::vector<TrackedTarget>>& places,
                                    const Indicator& indicator, Measure measure);

// A place compared: its region code and name (吉安市).
struct ComparedPlace {
  std::string region_code;
  std::string name;
};

// The JSON of a comparison: {"year", "places": [{"region_code", "name"}],
// "indicators": [{"indicator_id", "indicator_name", "measure", "shared",
// "cells": [{"region_code", "target"}]}]}, one cell per place in the order
// of `places`, "target" (TrackedTargetJson) absent where the place set none.
nlohmann::json PlaceComparisonJson(const std::vector<ComparedPlace>& places,
                                   const std::vector<ComparedIndicator>& indicators, int year,
                                   const Tolerance& tolerance, const store::DocumentUrl& url);

// The JSON of a history: {"indicator_id", "indicator_name", "measure",
// "unit", "years", "places": [{"region_code", "name", "points": [{"year",
// "target", "outcome"}]}]}, a point per year the place set a target in,
// "outcome" absent where none is known.
nlohmann::json IndicatorHistoryJson(const std::vector<ComparedPlace>& places,
                                    const IndicatorHistory& history);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_COMPARE_H_
