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
// `year`.
struct HeadingRole {
  bool known = false;  // the heading is clear (工作回顾, 2023年工作安排, …)
  // The role when known; otherwise the heading's hint (取得…成就, “十四五”…),
  // to be weighed against the part's paragraphs.
  PartKind kind = PartKind::kPlan;
  bool multi_year = false;  // about several years (过去五年, 今后五年, 时期)
  bool mixed = false;       // names a past year's review and this year's plan together
  bool hinted = false;      // when not known: the heading names five-year periods (十四五)
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
