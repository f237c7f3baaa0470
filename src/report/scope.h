// Telling review from plan paragraph by paragraph and, where a paragraph
// mixes, sentence by sentence. Internal to the report module
// (AnalyzeDocument is the public entry point); declared here so its tests
// can reach it.
//
// A part's role (outline.h) gives each paragraph its default; words of the
// text move it within the part's side: "过去五年" or "五年来" opening a
// paragraph turns the review to the period until another opener turns it
// back ("过去一年，…"); a sentence naming the last year ("去年…", "初步核算")
// inside a five-year review is the last year's, one naming a later deadline
// ("到2025年", "今后五年") inside the year's plan is the period's.
#ifndef MUBIAO_REPORT_SCOPE_H_
#define MUBIAO_REPORT_SCOPE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/report.h"

namespace mubiao::report {

// The scope the words of `sentence` point to, on the side of `side` (a
// review or a plan scope); nullopt when they point nowhere in particular.
// `year` is the report's plan year (0: unknown).
std::optional<Scope> ScopeCue(std::string_view sentence, Scope side, int year);

// Sets the scope of every part, paragraph and sentence of `parts`, the
// outline of `doc`, a document of `type` about plan year `year`.
void AssignScopes(const Document& doc, int year, DocType type, std::vector<Part>* parts);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_SCOPE_H_
