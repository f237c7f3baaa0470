// Test support: the hand-labelled scopes of src/report/testdata/scope_gold
// (see its README), aligned with the text mubiao imports from the same
// sources, so tests can ask the report model (and the extractor) what it
// makes of each labelled sentence.
#ifndef MUBIAO_REPORT_SCOPE_GOLD_H_
#define MUBIAO_REPORT_SCOPE_GOLD_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "report/document.h"
#include "report/report.h"

namespace mubiao::report::testing {

// Which part of the gold set a report belongs to.
enum class GoldSplit {
  kDev,      // the rules may be tuned on it
  kSeen,     // once held out, tuned on since (reported apart)
  kHeldout,  // set aside: never used to tune the rules
};

// One labelled report as listed in reports.tsv.
struct ScopeGoldEntry {
  std::string source;  // path under the data dir, or "jsonl:YEAR"
  GoldSplit split = GoldSplit::kDev;
  std::string gold_file;  // path of its labels
};

// The reports of the gold set, in the order of reports.tsv.
std::vector<ScopeGoldEntry> ScopeGoldEntries();

// A labelled sentence, located in the imported document's text.
struct GoldSentence {
  size_t begin = 0;  // byte offset of its first character in Document::text
  Scope scope = Scope::kOther;
};

// A labelled paragraph: its sentences as the annotators split them.
struct GoldParagraph {
  int number = 0;                       // 1-based, as in the gold file
  std::vector<GoldSentence> sentences;  // the located ones
  int unlocated = 0;                    // sentences not found in the text
  int dropped_other = 0;                // of them, labelled other (left out as chrome)
};

// A gold report with its document imported by mubiao.
struct ScopeGoldReport {
  ScopeGoldEntry entry;
  int plan_year = 0;  // as the annotators judged it
  Document document;
  std::vector<GoldParagraph> paragraphs;
};

// Imports the source of `entry` and aligns the labels with its text.
// Errors: the source or the gold file cannot be read or do not match.
Result<ScopeGoldReport> LoadScopeGold(const ScopeGoldEntry& entry);

}  // namespace mubiao::report::testing

#endif  // MUBIAO_REPORT_SCOPE_GOLD_H_
