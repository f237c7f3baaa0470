// Where tracking's findings come from when they are not read from a store:
// a report analysed in memory (tests, benchmarks, one-off files).
#ifndef MUBIAO_TRACKING_SOURCES_H_
#define MUBIAO_TRACKING_SOURCES_H_

#include <cstdint>
#include <vector>

#include "report/report.h"
#include "targets/target.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// The findings of one analysed report, split as Track takes them.
struct ReportFindings {
  std::vector<store::StoredFinding> targets;  // targets, then commitments
  std::vector<store::StoredFinding> outcomes;
};

// Attaches the report's document (id `document_id`, source path
// Document::path, region, type and year from its metadata) to every
// target, commitment and outcome of `extraction`, appending them to `out`.
void AddReportFindings(const report::Report& report, const targets::Extraction& extraction,
                       int64_t document_id, ReportFindings* out);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_SOURCES_H_
