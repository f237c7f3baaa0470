#include "tracking/sources.h"

namespace mubiao::tracking {

void AddReportFindings(const report::Report& report, const targets::Extraction& extraction,
                       int64_t document_id, TrackInput* out) {
  for (store::StoredFinding& f : store::StoredFindingsOf(report, extraction, document_id)) {
    auto& list = f.finding.kind == targets::FindingKind::kOutcome ? out->outcomes : out->targets;
    list.push_back(std::move(f));
  }
  const report::ReportMetadata& m = report.metadata;
  std::string review;
  for (const report::Part& part : report.parts) {
    if (part.kind != report::PartKind::kReview) continue;
    review += report.document.text.substr(part.span.begin, part.span.end - part.span.begin);
    review += "\n";
  }
  out->sources.Add(m.region_code, m.type, m.year, std::move(review));
}

}  // namespace mubiao::tracking
