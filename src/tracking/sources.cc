#include "tracking/sources.h"

#include "search/request.h"

namespace mubiao::tracking {

void AddReportFindings(const report::Report& report, const targets::Extraction& extraction,
                       int64_t document_id, ReportFindings* out) {
  const report::ReportMetadata& m = report.metadata;
  auto sourced = [&](const targets::Finding& f) {
    SourcedFinding s;
    s.finding = f;
    s.document_id = document_id;
    s.document_title = m.title;
    s.doc_type = std::string(search::DocTypeKey(m.type));
    s.source_path = report.document.path;
    s.region_code = m.region_code;
    s.locality = m.locality;
    s.level = std::string(regions::RegionLevelName(m.level));
    s.document_year = m.year;
    return s;
  };
  for (const targets::Finding& f : extraction.targets) out->targets.push_back(sourced(f));
  for (const targets::Finding& f : extraction.commitments) out->targets.push_back(sourced(f));
  for (const targets::Finding& f : extraction.outcomes) out->outcomes.push_back(sourced(f));
}

}  // namespace mubiao::tracking
