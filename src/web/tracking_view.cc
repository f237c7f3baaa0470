#include "web/tracking_view.h"

#include "quantity/format.h"
#include "tracking/evidence.h"
#include "tracking/export.h"
#include "web/labels.h"

namespace mubiao::web {

using ctemplate::TemplateDictionary;

const tracking::TrackOptions& PortalTrackOptions() {
  static const tracking::TrackOptions options;
  return options;
}

const regions::Region* TrackedPlaceOf(std::string_view code) {
  if (!regions::IsRegionCode(code)) return nullptr;
  return regions::Gazetteer::Builtin().FindByCode(code);
}

std::string ScorecardUrl(const std::string& code) { return "/genzong/" + code + ".html"; }

std::string SeriesFigure(double value, const std::optional<double>& value_max,
                         const std::string& unit) {
  std::string text = quantity::FormatNumber(value);
  if (value_max) text += "–" + quantity::FormatNumber(*value_max);
  return text + unit;
}

ReportTracking::ReportTracking(const std::vector<tracking::TrackedTarget>& tracked,
                               TemplateDictionary* table)
    : table_(table) {
  for (const tracking::TrackedTarget& t : tracked) {
    const text::Span& span = t.target.finding.span;
    by_span_.emplace(std::make_pair(span.begin, span.end), &t);
  }
}

void ReportTracking::AddRow(const targets::Finding& finding, int n, TemplateDictionary* row) {
  auto it = by_span_.find({finding.span.begin, finding.span.end});
  if (it == by_span_.end()) return;
  const tracking::TrackedTarget& t = *it->second;
  const std::string key(tracking::StatusName(t.status));
  const std::string label(targets::StatusLabel(t.status));
  TemplateDictionary* status = row->AddSectionDictionary("STATUS");
  status->SetValue("KEY", key);
  status->SetValue("LABEL", label);

  counts_.Add(t.status);
  if (evidence_ == nullptr) evidence_ = table_->AddSectionDictionary("EVIDENCE");
  evidence_->SetIntValue("MET", counts_.met);
  evidence_->SetIntValue("MISSED", counts_.missed);
  evidence_->SetIntValue("PARTLY_MET", counts_.partly_met);
  evidence_->SetIntValue("NOT_MENTIONED", counts_.not_mentioned);
  evidence_->SetIntValue("UNVERIFIED", counts_.unverified);
  evidence_->SetIntValue("NOT_ASSESSABLE", counts_.not_assessable);
  TemplateDictionary* item = evidence_->AddSectionDictionary("ITEM");
  item->SetIntValue("N", n);
  item->SetValue("KEY", key);
  item->SetValue("LABEL", label);
  item->SetValue("TEXT", finding.text);
  const tracking::Verdict& v = t.verdict;
  // A target matched by its own wording has no canonical indicator to name
  // (its evidence says which wording was matched).
  if (!v.indicator_name.empty() && !v.open) {
    item->SetValueAndShowSection("INDICATOR", v.indicator_name, "INDICATOR");
  }
  if (v.year != 0) item->SetValueAndShowSection("YEAR", std::to_string(v.year), "YEAR");
  // A judged rule states its own tolerance; the label stands beside any other reason.
  const bool judged =
      v.reason == tracking::Reason::kMetRule || v.reason == tracking::Reason::kMissedRule;
  TemplateDictionary* evidence = item->AddSectionDictionary(judged ? "RULE" : "REASON");
  evidence->SetValue("TEXT", tracking::EvidenceText(v));
  const std::string tolerance = tracking::ToleranceLabel(finding, PortalTrackOptions().tolerance);
  if (!judged && !tolerance.empty()) {
    evidence->SetValueAndShowSection("TOLERANCE", tolerance, "TOLERANCE");
  }
  if (v.outcome) {
    TemplateDictionary* outcome = item->AddSectionDictionary("OUTCOME");
    outcome->SetValue("URL", ReportUrl(v.outcome->document_id, v.outcome->geo, v.outcome->level));
    outcome->SetValue("TITLE", v.outcome->document_title);
    outcome->SetValue("SOURCE", std::string(report::DocTypeName(v.outcome->doc_type)));
    outcome->SetValue("TEXT", v.outcome->finding.text);
    outcome->SetValue("SENTENCE", v.outcome->finding.sentence);
  }
  for (const store::VerdictOverride& o : t.overrides) {
    TemplateDictionary* entry = item->AddSectionDictionary("OVERRIDE");
    entry->SetValue("TIME", o.created_at.substr(0, 16));
    entry->SetValue("AUTHOR", o.author);
    entry->SetValue("BEFORE", std::string(targets::StatusLabel(o.status_before)));
    entry->SetValue("AFTER", std::string(targets::StatusLabel(o.status_after)));
    entry->SetValue("REASON", o.reason);
  }
}

}  // namespace mubiao::web
