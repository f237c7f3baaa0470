// The one JSON shape and CSV of tracking's results (tracked targets with
// their verdicts and evidence, scorecards, escalation tables), written by
// `mubiao track`, the API and the portal's downloads alike; plus the
// readers' labels they share with the portal's pages. Rules for absent
// values, names and offsets: targets/target.h (FindingJson).
#ifndef MUBIAO_TRACKING_EXPORT_H_
#define MUBIAO_TRACKING_EXPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/export.h"
#include "tracking/escalation.h"
#include "tracking/scorecard.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// The tolerance a target with the comparator ~ (左右) is judged with:
// "±0.5个百分点" for percentages, "±5%" of the target otherwise; "" for
// other comparators.
std::string ToleranceLabel(const targets::Finding& target, const Tolerance& tolerance);

// A figure of an indicator in the unit of `unit` ("5.2%", "1256万人"), from
// a value in the unit's family base (Reading::value).
std::string FigureLabel(double value, const std::string& unit);

// A change between two figures: "+1个百分点" for rates, "+20万人" for
// amounts; `value` as in FigureLabel.
std::string MarkupLabel(double value, const std::string& unit);

// A verdict's status (derived), reason (ReasonName) and the reason's
// parameters: place, indicator_id, indicator_name, measure, year, rule (met
// or missed: cmp, actual, target, target_max, slack, relative, sense,
// decline, unit; figures in the target's unit), other_measures,
// later_sources ("communique", "next_report"), wording, open, candidates,
// unit, deadline, mention; absent values left out. Everything of a verdict but its
// outcome: what the store keeps of it (store::StoredVerdict::detail).
nlohmann::json VerdictCodesJson(const Verdict& verdict);

// The verdict VerdictCodesJson wrote (its outcome absent). kInvalidInput
// for anything else.
Result<Verdict> ParseVerdictCodes(const nlohmann::json& codes);

// key, status (shown), target (StoredFindingJson), verdict
// (VerdictCodesJson, with evidence (EvidenceText), tolerance (the label) and
// outcome (StoredFindingJson)); overrides (VerdictOverrideJson), oldest
// first.
nlohmann::json TrackedTargetJson(const TrackedTarget& tracked, const Tolerance& tolerance,
                                 const store::DocumentUrl& url = {});

// How much of `counts` is settled and met, with the counts: "已核验
// 119/1378（8.6%），其中达成 98（82.4%）"; a share of fewer than
// kMinVerdictsForRate is left out ("已核验 3/4，其中达成 2").
std::string RateLabel(const StatusCounts& counts);

// met, missed, partly_met, not_mentioned, unverified, not_assessable, settled, total,
// coverage (settled / total) and share_met (met / settled), each absent
// when computed from fewer than kMinVerdictsForRate.
nlohmann::json StatusCountsJson(const StatusCounts& counts);

// by_year and by_topic (StatusCountsJson with year / topic), series
// (indicator_id, indicator_name, measure, unit, points: year, target_text,
// target_value, target_value_max, outcome_value, status).
nlohmann::json ScorecardJson(const Scorecard& card);

// indicator_id, indicator_name, measure, year, rows: region_code, locality,
// depth, value, unit, value_label, parent (region code), markup,
// markup_label, target (TrackedTargetJson).
nlohmann::json EscalationJson(const Escalation& escalation, const Tolerance& tolerance,
                              const store::DocumentUrl& url = {});

// A CSV file (text/csv.h) of tracked targets, one line each, Chinese
// header and labels; with `url`, a link column (`url_prefix` + url).
std::string TrackedCsv(const std::vector<const TrackedTarget*>& tracked, const Tolerance& tolerance,
                       const store::DocumentUrl& url = {}, const std::string& url_prefix = "");

// A CSV file of an escalation table, one line per row.
std::string EscalationCsv(const Escalation& escalation, const store::DocumentUrl& url = {},
                          const std::string& url_prefix = "");

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_EXPORT_H_
