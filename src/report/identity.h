// Report identity: which imported documents are sources of the same report.
// A report is one (place, type, year); the Markdown file, the JSON Lines row
// and the .docx of one report are three sources of it. File names and
// folders lie, so sameness is read from the text too: two sources of one
// place, type and year are one report only when their texts resemble each
// other (two different reports of a place-year, as in a year the government
// changed, stay apart), and a near-identical copy is one report wherever it
// was filed. Each report has one primary source, chosen by a stated rule;
// lists, search, targets and tracking see the primary only.
#ifndef MUBIAO_REPORT_IDENTITY_H_
#define MUBIAO_REPORT_IDENTITY_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"
#include "text/fingerprint.h"

namespace mubiao::report {

// Two sources of one place, type and year whose texts resemble each other
// at least this much (text::Resemblance) are one report: a copy whose
// header or closing was cut, or that a converter mangled, resembles its
// original above 0.9; reports of one place in successive years stay below
// 0.3.
inline constexpr double kSameReportResemblance = 0.5;
// Two sources anywhere whose texts resemble each other at least this much
// are one report filed twice (淮南 holding 淮安's report).
inline constexpr double kCopyResemblance = 0.9;

// One source of a report, as identity sees it.
struct SourceIdentity {
  std::string place;  // region code, else the issuing government's name
  DocType type = DocType::kWorkReport;
  int year = 0;
  bool dated = false;  // the source states when the report was delivered
  text::Fingerprint fingerprint;
  std::string source_path;  // breaks ties, so the outcome does not depend on import order
};

// The place of a source's identity: its region code, else (region unknown)
// the name of the government that issued it.
std::string IdentityPlace(std::string_view region_code, std::string_view government);

// For each source, the index of the primary source of its report (its own
// index for a primary). The primary is the most complete source: a dated
// one before an undated one (a JSON Lines row often starts at 各位代表),
// then the one with the most content characters, then the least source
// path. Depends only on the set of sources, not on their order. Near-linear:
// copies across places are found by locality-sensitive hashing of the
// fingerprints, not by comparing every pair.
std::vector<size_t> GroupSources(std::span<const SourceIdentity> sources);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_IDENTITY_H_
