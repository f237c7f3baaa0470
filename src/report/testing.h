// Test support for the importers: a document's text and blocks as strings,
// so that a test compares a whole structure in one assertion. Linked into tests only
// (CMake library mubiao_report_testing).
#ifndef MUBIAO_REPORT_TESTING_H_
#define MUBIAO_REPORT_TESTING_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "report/document.h"

namespace mubiao::report::testing {

// The text of an imported document; "" and a test failure naming the error
// when the import failed.
std::string TextOf(const Result<Document>& doc);

// The text of every block of `doc`, in order.
std::vector<std::string> BlockTexts(const Document& doc);

// Every block of `doc`, in order, as "KIND LEVEL: TEXT" with the kind as
// BlockKindName writes it: "heading 2: 三、主要任务", "paragraph 0: 正文".
std::vector<std::string> BlockOutline(const Document& doc);

}  // namespace mubiao::report::testing

#endif  // MUBIAO_REPORT_TESTING_H_
