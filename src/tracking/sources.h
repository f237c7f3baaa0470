// Where tracking's findings come from when they are not read from a store:
// a report analysed in memory (tests, benchmarks, one-off files).
#ifndef MUBIAO_TRACKING_SOURCES_H_
#define MUBIAO_TRACKING_SOURCES_H_

#include <cstdint>

#include "report/report.h"
#include "targets/target.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// Attaches the report's document (id `document_id`, source path
// Document::path, region, type and year from its metadata) to every
// target, commitment and outcome of `extraction`, appending them to `out`
// (targets and commitments to its targets, outcomes to its outcomes), and
// notes the report, with the text of its review parts, among `out`'s later
// sources.
void AddReportFindings(const report::Report& report, const targets::Extraction& extraction,
                       int64_t document_id, TrackInput* out);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_SOURCES_H_
