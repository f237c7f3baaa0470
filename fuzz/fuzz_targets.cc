// libFuzzer target: arbitrary text as the plan of a report, through analysis
// and extraction. A fixed head makes every input a report (a county's title
// and a plan heading) so the fuzzer reaches the extractor; each finding must
// point at text inside the document.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text =
      "（示例省）青禾县人民政府工作报告（2024年1月16日）\n各位代表：\n二、2024年工作安排\n";
  text.append(reinterpret_cast<const char*>(data), size);
  if (!mubiao::text::IsValidUtf8(text)) return 0;
  auto doc = mubiao::report::ImportPlainText(text);
  if (!doc.ok()) return 0;
  auto report = mubiao::report::AnalyzeDocument(std::move(doc).value(),
                                                mubiao::regions::Gazetteer::Builtin());
  if (!report.ok()) return 0;
  mubiao::targets::Extraction ex = mubiao::targets::Extract(*report);
  for (const auto* list : {&ex.targets, &ex.outcomes, &ex.commitments}) {
    for (const mubiao::targets::Finding& f : *list) {
      if (f.span.begin > f.span.end || f.span.end > report->document.text.size() ||
          report->document.Slice(f.span) != f.text) {
        std::abort();  // a finding must quote the document exactly
      }
    }
  }
  return 0;
}
