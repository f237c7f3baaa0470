// Building a report's outline and telling review from plan. Internal to the
// report module (AnalyzeDocument is the public entry point); declared here so
// its tests can reach it.
#ifndef MUBIAO_REPORT_OUTLINE_H_
#define MUBIAO_REPORT_OUTLINE_H_

#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/report.h"

namespace mubiao::report {

// What a part heading alone says about the part's role, for a report about
// `year`. kind is set only when the heading is clear.
struct HeadingRole {
  bool known = false;
  PartKind kind = PartKind::kReview;
  bool multi_year = false;
};
HeadingRole ClassifyPartHeading(std::string_view heading, int year);

// Evidence that a paragraph reports what was done (> 0) or promises what
// will be done (< 0): counts of past and future markers, and of years
// before (past) or equal to (future) the report's `year` (0: unknown).
int ReviewScore(std::string_view paragraph, int year);

// Splits `doc` into parts, sections, paragraphs, sentences and clauses and
// gives every part its role. `year` is the report's year (0 if unknown).
std::vector<Part> BuildOutline(const Document& doc, int year, DocType type);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_OUTLINE_H_
