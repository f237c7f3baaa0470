// What changed in a place's targets from one year's report to the next: for
// each canonical indicator and measure, the headline target of the year
// before against this year's — new, dropped, raised, lowered, the same, or
// no longer comparable (another unit family). Targets whose indicator the
// lexicon does not know have no counterpart to compare with and are left
// out.
#ifndef MUBIAO_TRACKING_CHANGES_H_
#define MUBIAO_TRACKING_CHANGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "store/export.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// How one indicator's target changed.
enum class TargetChange {
  kNew,           // set this year, not the year before
  kDropped,       // set the year before, not this year
  kRaised,        // a higher figure than the year before
  kLowered,       // a lower figure
  kSame,          // the same figure
  kIncomparable,  // figures in different unit families
};

// "new", "dropped", "raised", "lowered", "same", "incomparable".
std::string_view TargetChangeName(TargetChange change);
// For readers: 新增, 不再提出, 上调, 下调, 持平, 口径不同.
std::string_view TargetChangeLabel(TargetChange change);

// One indicator and measure of a place, the year before and this year.
struct YearChange {
  std::string indicator_id;
  std::string indicator_name;
  Measure measure = Measure::kLevel;
  const TrackedTarget* before = nullptr;  // absent for kNew
  const TrackedTarget* after = nullptr;   // absent for kDropped
  TargetChange change = TargetChange::kSame;
};

// Compares the place's targets (YearHeadlines, compare.h) of `year` - 1 and
// `year` among `tracked`, which are one place's; in the lexicon's order of
// indicators, then by measure. The rows point into `tracked`.
std::vector<YearChange> CompareWithYearBefore(const std::vector<TrackedTarget>& tracked, int year);

// The JSON of the comparison: {"year", "year_before", "changes": [{"indicator_id",
// "indicator_name", "measure", "change", "before", "after"}]}, before and
// after being the targets (StoredFindingJson) where present.
nlohmann::json YearChangesJson(const std::vector<YearChange>& changes, int year,
                               const store::DocumentUrl& url);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_CHANGES_H_
