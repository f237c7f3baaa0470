// How the portal shows tracking (src/tracking) to readers: Chinese labels
// for statuses, the tolerance a 左右 target was judged with, the status and
// evidence of each target on a report page, and the JSON and CSV forms
// shared by the tracking pages and the API. Internal to src/web.
#ifndef MUBIAO_WEB_TRACKING_VIEW_H_
#define MUBIAO_WEB_TRACKING_VIEW_H_

#include <ctemplate/template.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "targets/target.h"
#include "tracking/escalation.h"
#include "tracking/scorecard.h"
#include "tracking/track.h"

namespace mubiao::web {

// The options every verdict of the portal is reached with (the default
// tolerance); the same object labels the tolerance next to each verdict.
const tracking::TrackOptions& PortalTrackOptions();

// 达成 / 未达成 / 待核实 / 不可评估.
std::string StatusLabel(tracking::TargetStatus status);

// The tolerance a target with the comparator ~ (左右) is judged with:
// "±0.5个百分点" for percentages, "±5%" of the target otherwise; "" for
// other comparators.
std::string ToleranceLabel(const targets::Finding& target);

// The portal page of the document a finding comes from.
std::string FindingDocumentUrl(const tracking::SourcedFinding& finding);

// A change between two figures for reading: "+1个百分点" for rates, "+20万人"
// for amounts. `value` is in the family base of `unit`.
std::string MarkupLabel(double value, const std::string& unit);

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

// One tracked target as the API returns it (documented in docs/openapi.yaml
// as TrackedTarget).
nlohmann::json TrackedJson(const tracking::TrackedTarget& tracked);

// Status counts as JSON: met, missed, unverified, not_assessable, total,
// share_met (null when none was settled).
nlohmann::json CountsJson(const tracking::StatusCounts& counts);

// A scorecard as JSON (Scorecard in docs/openapi.yaml).
nlohmann::json ScorecardJson(const tracking::Scorecard& card);

// An escalation table as JSON (Escalation in docs/openapi.yaml).
nlohmann::json EscalationJson(const tracking::Escalation& escalation);

// CSV files (UTF-8 with BOM): one line per tracked target, and one per row
// of an escalation table.
std::string TrackedCsv(const std::vector<const tracking::TrackedTarget*>& tracked);
std::string EscalationCsv(const tracking::Escalation& escalation);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_TRACKING_VIEW_H_
