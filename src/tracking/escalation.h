// Escalation (层层加码): for one canonical indicator and year, the headline
// targets of the nation, its provinces, their prefectures and counties side
// by side, with the mark-up of each over the nearest level above it that
// set a target (child − parent: percentage points for rates, units for
// amounts).
#ifndef MUBIAO_TRACKING_ESCALATION_H_
#define MUBIAO_TRACKING_ESCALATION_H_

#include <optional>
#include <string>
#include <vector>

#include "tracking/track.h"

namespace mubiao::tracking {

// One government's target in an escalation table.
struct EscalationRow {
  TrackedTarget target;  // its headline target
  std::string region_code;
  std::string locality;
  int depth = 0;  // 0 nation, 1 province, 2 prefecture, 3 county (from the code)
  // The figure compared across levels, in the family's base unit: the lower
  // end of a range for an indicator where more is better, the upper end
  // where less is better (the bound that commits).
  double value = 0;
  // The row of the nearest enclosing government with a target (index into
  // Escalation::rows); absent for the top row and for orphans.
  std::optional<size_t> parent;
  std::optional<double> markup;  // value − parent's value
};

// The table for one indicator, measure and year.
struct Escalation {
  std::string indicator_id;
  std::string indicator_name;
  Measure measure = Measure::kLevel;
  int year = 0;
  // Depth first: the nation, then each province followed by the
  // prefectures under it (each followed by its counties), by region code.
  std::vector<EscalationRow> rows;
};

// The depth of a GB/T 2260 code: 0 for 000000, 1 for NN0000, 2 for NNNN00,
// 3 otherwise; -1 for a code that is not six digits.
int RegionDepth(const std::string& code);

// Builds the table from headline targets (see Headlines) of any indicators
// and years; only those of `indicator_id`, `measure` and `year` are used.
Escalation BuildEscalation(const std::vector<const TrackedTarget*>& headlines,
                           const std::string& indicator_id, Measure measure, int year);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_ESCALATION_H_
