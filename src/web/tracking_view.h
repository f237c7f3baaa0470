// How the portal shows tracking (src/tracking) to readers: the options its
// verdicts are reached with, and the status and evidence of each target on
// a report page. Internal to src/web.
#ifndef MUBIAO_WEB_TRACKING_VIEW_H_
#define MUBIAO_WEB_TRACKING_VIEW_H_

#include <ctemplate/template.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "regions/gazetteer.h"
#include "targets/target.h"
#include "tracking/scorecard.h"
#include "tracking/track.h"

namespace mubiao::web {

// The options every verdict of the portal is reached with (the default
// tolerance); the same object labels the tolerance next to each verdict.
const tracking::TrackOptions& PortalTrackOptions();

// The place a tracking URL names by `code`: a known six-digit code (the
// gazetteer's region); nullptr otherwise.
const regions::Region* TrackedPlaceOf(std::string_view code);

// How many years the tracking pages (escalation, map, comparison) link to
// above their tables: the most recent ones.
inline constexpr int kYearLinks = 10;

// A place's scorecard page: "/genzong/360800.html".
std::string ScorecardUrl(const std::string& code);

// A figure of a series or history table in `unit`: 5.5%, 4.5–5%.
std::string SeriesFigure(double value, const std::optional<double>& value_max,
                         const std::string& unit);

// The tracking part of a report page: fills the STATUS section of each row
// of the targets table and adds one EVIDENCE ITEM per tracked target (anchor
// g<N>) to the table's section, with the rule, tolerance, outcome and
// override history.
class ReportTracking {
 public:
  // `tracked` (TrackStored of the document) must outlive this object;
  // `table` is the TARGET_TABLE section.
  ReportTracking(const std::vector<tracking::TrackedTarget>& tracked,
                 ctemplate::TemplateDictionary* table);

  // Row `n` (1-based) of the table shows `finding`; nothing is added when
  // tracking has no verdict for it.
  void AddRow(const targets::Finding& finding, int n, ctemplate::TemplateDictionary* row);

 private:
  std::map<std::pair<size_t, size_t>, const tracking::TrackedTarget*> by_span_;
  ctemplate::TemplateDictionary* table_;
  ctemplate::TemplateDictionary* evidence_ = nullptr;  // created with the first item
  tracking::StatusCounts counts_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_TRACKING_VIEW_H_
