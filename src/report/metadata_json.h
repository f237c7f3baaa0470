// The one JSON shape of a report's metadata, written by `mubiao parse` and
// `mubiao targets` (rules: targets/finding_json.h).
#ifndef MUBIAO_REPORT_METADATA_JSON_H_
#define MUBIAO_REPORT_METADATA_JSON_H_

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace mubiao::report {

// type (DocTypeKey), title, government, province, locality, level,
// region_code, parent_code, geo_region, year, date, speaker, speaker_title,
// source_url.
nlohmann::json MetadataJson(const ReportMetadata& metadata);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_METADATA_JSON_H_
