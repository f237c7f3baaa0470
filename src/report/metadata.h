// Reading a document's metadata from its title and first lines. Internal to
// the report module (AnalyzeDocument in report.h is the public entry point);
// declared here so its tests can reach it.
#ifndef MUBIAO_REPORT_METADATA_H_
#define MUBIAO_REPORT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "regions/gazetteer.h"
#include "report/document.h"
#include "report/report.h"

namespace mubiao::report {

// A calendar date read from Chinese text.
struct ChineseDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31, 0 when only a month is given
};

// Parses the first date "2023年2月27日" or "二〇二一年一月二十三日" in `text`.
std::optional<ChineseDate> FindDate(std::string_view text);

// Everything ReadMetadata needs besides the year, which needs the outline.
// Errors: not a government report, communiqué or five-year plan.
Result<ReportMetadata> ReadMetadata(const Document& doc, const regions::Gazetteer& gazetteer);

// The year a document is about when its title and first lines do not tell:
// the year of a heading that announces the year's work, or the year after a
// heading's reviewed year, or else the year after the one the first fifth of
// the text names most. 0 when the text names no year.
int YearFromBody(const Document& doc);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_METADATA_H_
