#include "tracking/sources.h"

namespace mubiao::tracking {

void AddReportFindings(const report::Report& report, const targets::Extraction& extraction,
                       int64_t document_id, TrackInput* out) {
  for (store::StoredFinding& f : store::StoredFindingsOf(report, extraction, document_id)) {
    auto& list = f.finding.kind == targets::FindingKind::kOutcome ? out->outcomes : out->targets;
    list.push_back(std::move(f));
  }
  const report::ReportMetadata& m = report.metadata;
  out->sources.Add(m.region_code, m.type, m.year);
}

}  // namespace mubiao::tracking
