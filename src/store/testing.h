// Synthetic government work reports for the store and search tests, written
// for these tests (no real report text).
#ifndef MUBIAO_STORE_TEST_REPORTS_H_
#define MUBIAO_STORE_TEST_REPORTS_H_

#include <string>

namespace mubiao::store::testing {

// A Markdown work report of `locality` (e.g. "新郑市", "河南省", "国务院" for
// the national report) for `year`, whose plan part contains `plan_text`
// (sentences ending in 。) and is padded with `filler_paragraphs` paragraphs
// of generic text numbered from 1.
std::string MarkdownReport(const std::string& locality, int year, const std::string& plan_text,
                           int filler_paragraphs = 0);

}  // namespace mubiao::store::testing

#endif  // MUBIAO_STORE_TEST_REPORTS_H_
