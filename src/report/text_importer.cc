// Plain text: one paragraph per line. Pages saved from report-archive sites
// carry the site's chrome as lines of their own; those become notes.

#include <string>

#include "report/importer.h"
#include "report/site_chrome.h"
#include "text/utf8.h"

namespace mubiao::report {

namespace {

// A line break inside a book title ("关于《" / "…纲要（草案）" / "》的说明", as
// some transcriptions have it) is no paragraph break.
bool BreaksTitle(std::string_view line, std::string_view next) {
  return line.ends_with("《") || next.starts_with("》");
}

}  // namespace

Result<Document> ImportPlainText(std::string_view utf8) {
  Document doc;
  doc.format = SourceFormat::kText;
  DocumentBuilder out(&doc);
  std::string paragraph;
  const auto flush = [&] {
    if (!paragraph.empty()) out.AddBlock(BlockKind::kParagraph, paragraph);
    paragraph.clear();
  };
  size_t pos = 0;
  bool footer = false;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = text::TrimSpace(utf8.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    footer = footer || IsSiteFooterLine(line);
    if (footer || IsSiteChromeLine(line)) {
      doc.notes.emplace_back(line);
      continue;
    }
    if (!BreaksTitle(paragraph, line)) flush();
    paragraph += line;
  }
  flush();
  out.Finish();
  if (doc.text.empty()) return InvalidInput("no text (only white space or site navigation)");
  return doc;
}

}  // namespace mubiao::report
