// Tracking: every target of year N set against the outcomes of year N of
// the same region (from the statistical communiqué of year N, or the review
// part of the report of year N+1), with a verdict and its evidence; and a
// person's overrides of verdicts, kept as an append-only history.
//
// Pure functions over plain values: no I/O. store_tracking.h reads their
// input from a store.
#ifndef MUBIAO_TRACKING_TRACK_H_
#define MUBIAO_TRACKING_TRACK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "targets/target.h"
#include "tracking/indicators.h"
#include "tracking/verdict.h"

namespace mubiao::tracking {

// The verdict of one target, with its evidence.
struct Verdict {
  TargetStatus status = TargetStatus::kUnverified;
  // The canonical indicator of the target; empty when its wording is not in
  // the lexicon.
  std::string indicator_id;
  std::string indicator_name;
  std::optional<Measure> measure;  // of the target's reading; absent when unread
  // The year judged: the plan year, or the year of a deadline (到2025年); 0
  // for a goal of a period (“十四五”时期), which no one year settles.
  int year = 0;
  std::string rule;  // met or missed: the rule applied, with the figures (verdict.h)
  // unverified or not assessable: why ("no outcome of 2023 for 地区生产总值
  // growth in 河南省", "indicator not in the lexicon", "qualitative").
  std::string reason;
  // The outcome that settled it (met or missed); absent otherwise.
  std::optional<store::StoredFinding> outcome;
};

// A target with its verdict and the overrides of it.
struct TrackedTarget {
  store::StoredFinding target;
  Verdict verdict;  // as derived by the rules
  // Overrides of this target, oldest first.
  std::vector<store::VerdictOverride> overrides;
  // The status shown: the last override's status_after, else
  // verdict.status.
  TargetStatus status = TargetStatus::kUnverified;
};

// How verdicts are reached.
struct TrackOptions {
  Tolerance tolerance;
  const IndicatorLexicon* lexicon = &IndicatorLexicon::Builtin();  // must outlive the call
};

// Judges every target (findings of kind target) and commitment (always
// kNotAssessable) against `outcomes` (findings of kind outcome; the
// targets of communiqués are not read). For each target the outcome is the
// one of the same region, the judged year and the same canonical indicator
// and measure (growth with growth, level with level, in convertible units),
// preferring a communiqué to a work report, then the wording's rank (the
// annual average of a rate before its year-end value), then text order.
// Results are in the order of `targets`. Linear in the inputs (plus sorting
// outcomes).
std::vector<TrackedTarget> Track(const std::vector<store::StoredFinding>& targets,
                                 const std::vector<store::StoredFinding>& outcomes,
                                 const TrackOptions& options);

// Attaches an override history (any order; oldest first by id is kept) to
// the targets it names and sets their shown status.
void ApplyOverrides(const std::vector<store::VerdictOverride>& history,
                    std::vector<TrackedTarget>* tracked);

// The headline target of each region, year and canonical indicator with
// measure: among targets whose document is of the judged year, the first
// in text order of the first document (by id). A report that repeats its
// GDP target in an explanation has one headline. Pointers into `tracked`,
// in its order.
std::vector<const TrackedTarget*> Headlines(const std::vector<TrackedTarget>& tracked);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_TRACK_H_
