// PDF files (poppler-cpp). Each page's text comes in physical layout, which
// keeps indentation and blank lines for vertical gaps; paragraphs are then
// rebuilt: a line joins the one before unless that one ended a sentence, or
// it is indented, or a gap separates them. Page numbers and running headers
// and footers (lines repeated at the top or bottom of most pages) are
// dropped.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "report/import_guard.h"
#include "report/importer.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

// One line of a page's text.
struct Line {
  std::string text;        // white space collapsed, trimmed, never empty
  size_t indent = 0;       // leading spaces in the physical layout
  bool after_gap = false;  // a blank line precedes it on its page
};

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Collapses white space to single spaces, drops control characters and
// replaces bytes that are not UTF-8 (a broken ToUnicode map can yield any
// of these).
std::string CleanLine(std::string_view raw) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < raw.size();) {
    const char32_t cp = text::DecodeUtf8(raw, &i);
    if (text::IsSpace(cp)) {
      space = true;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) continue;
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    text::AppendUtf8(cp, &out);
  }
  return out;
}

// Splits a page's physical-layout text into lines.
std::vector<Line> PageLines(std::string_view page) {
  std::vector<Line> lines;
  bool gap = false;
  size_t pos = 0;
  while (pos <= page.size()) {
    size_t end = page.find_first_of("\n\r\f", pos);
    if (end == std::string_view::npos) end = page.size();
    const std::string_view raw = page.substr(pos, end - pos);
    pos = end + 1;
    Line line;
    line.text = CleanLine(raw);
    if (line.text.empty()) {
      gap = !lines.empty();
      continue;
    }
    line.indent = std::min(raw.find_first_not_of(' '), raw.size());
    line.after_gap = gap;
    gap = false;
    lines.push_back(std::move(line));
  }
  return lines;
}

// A line's text with every run of digits replaced by '#' and spaces
// removed, so "第 3 页" and "第12页" compare equal.
std::string Shape(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    size_t start = i;
    const char32_t cp = text::DecodeUtf8(line, &i);
    if (cp == ' ') continue;
    if (text::DigitValue(cp) >= 0) {
      if (out.empty() || out.back() != '#') out.push_back('#');
    } else {
      out.append(line.substr(start, i - start));
    }
  }
  return out;
}

// True for page-number lines: "12", "- 12 -", "— 12 —", "第12页",
// "第 3 页 共 10 页", "3/10", "Page 3", "Page 3 of 10", "iv".
bool IsPageNumber(std::string_view line) {
  std::string shape = text::AsciiLower(Shape(line));
  // Dashes and brackets that decorate page numbers.
  for (std::string_view deco : {"-", "—", "–", "_", "·", "(", ")", "（", "）", "[", "]"}) {
    size_t at;
    while ((at = shape.find(deco)) != std::string::npos) shape.erase(at, deco.size());
  }
  static const std::set<std::string, std::less<>> kShapes = {
      "#",    "第#页", "第#页共#页", "第#页,共#页", "第#页，共#页", "#/#", "page#", "page#of#",
      "#of#", "i",     "ii",         "iii",         "iv",           "v",   "vi",    "vii",
      "viii", "ix",    "x"};
  return kShapes.count(shape) > 0;
}

// Lines at the top or bottom of a page: where running headers, footers and
// page numbers sit.
constexpr size_t kEdgeLines = 2;

bool AtEdge(size_t index, size_t count) {
  return index < kEdgeLines || index + kEdgeLines >= count;
}

// Removes page numbers and lines that repeat at the edges of at least half
// of the pages (and on two at least); returns the distinct repeated lines.
std::vector<std::string> DropPageFurniture(std::vector<std::vector<Line>>* pages) {
  std::map<std::string, size_t> pages_with;  // shape → number of pages it is at an edge of
  for (const std::vector<Line>& lines : *pages) {
    std::set<std::string> seen;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (AtEdge(i, lines.size())) seen.insert(Shape(lines[i].text));
    }
    for (const std::string& shape : seen) ++pages_with[shape];
  }
  std::vector<std::string> repeated;
  std::set<std::string> noted;
  for (std::vector<Line>& lines : *pages) {
    std::vector<Line> kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      Line& line = lines[i];
      if (AtEdge(i, lines.size())) {
        if (IsPageNumber(line.text)) continue;
        const std::string shape = Shape(line.text);
        const size_t count = pages_with[shape];
        if (count >= 2 && count * 2 >= pages->size()) {
          if (noted.insert(shape).second) repeated.push_back(line.text);
          continue;
        }
      }
      kept.push_back(std::move(line));
    }
    lines = std::move(kept);
  }
  return repeated;
}

// True when a line ends a sentence: 。！？；… or .!?; possibly followed by
// closing quotes or brackets.
bool EndsSentence(std::string_view line) {
  static const std::string_view kClosers[] = {"”", "’",  "」", "』", "）",
                                              ")", "】", "》", "\"", "'"};
  for (bool stripped = true; stripped && !line.empty();) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (line.size() >= closer.size() && line.substr(line.size() - closer.size()) == closer) {
        line.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  for (std::string_view end : {"。", "！", "？", "；", "…", ".", "!", "?", ";"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
  }
  return false;
}

// A line indented this many columns beyond the page's margin starts a
// paragraph (Chinese first lines are indented two characters).
constexpr size_t kParagraphIndent = 2;

void WriteParagraphs(const std::vector<std::vector<Line>>& pages, DocumentBuilder* out) {
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out->AddBlock(BlockKind::kParagraph, paragraph);
    paragraph.clear();
  };
  for (const std::vector<Line>& lines : pages) {
    size_t margin = SIZE_MAX;
    for (const Line& line : lines) margin = std::min(margin, line.indent);
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      // The gap above a page's first line is the top margin or what a
      // dropped running header left: paragraphs run on over page breaks.
      const bool gap = line.after_gap && i > 0;
      if (gap || line.indent >= margin + kParagraphIndent || EndsSentence(paragraph)) flush();
      // English words broken across lines need a space; Chinese never does.
      if (!paragraph.empty() && text::IsAsciiAlnum(static_cast<unsigned char>(paragraph.back())) &&
          text::IsAsciiAlnum(static_cast<unsigned char>(line.text.front()))) {
        paragraph.push_back(' ');
      }
      paragraph += line.text;
    }
  }
  flush();
}

// poppler-cpp prints its parser complaints on stderr by default; damaged
// PDFs are reported through our Status instead. The handler is global to
// the process, which is fine: mubiao never wants poppler's chatter.
void SilencePoppler(const std::string&, void*) {}

Result<Document> ImportPdfOrThrow(std::string_view bytes) {
  // Readers look for the header in the first 1024 bytes and the %%EOF
  // marker in the last 1024; poppler would reconstruct a file cut short and
  // silently return part of its text, so a missing %%EOF is an error.
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return InvalidInput("not a valid PDF");
  }
  if (bytes.substr(bytes.size() - std::min<size_t>(bytes.size(), 1024)).find("%%EOF") ==
      std::string_view::npos) {
    return InvalidInput("truncated or corrupt PDF (no %%EOF at the end)");
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return TooLarge("PDF over 2 GB");
  static const bool silenced = (poppler::set_debug_error_function(&SilencePoppler, nullptr), true);
  (void)silenced;

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr) return InvalidInput("truncated or corrupt PDF");
  if (pdf->is_locked()) return InvalidInput("encrypted PDF (needs a password)");

  std::vector<std::vector<Line>> pages;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (page == nullptr) {
      return InvalidInput("truncated or corrupt PDF (page " + std::to_string(i + 1) + ")");
    }
    pages.push_back(
        PageLines(ToUtf8(page->text(poppler::rectf(), poppler::page::physical_layout))));
  }

  Document doc;
  doc.format = SourceFormat::kPdf;
  doc.notes = DropPageFurniture(&pages);
  {
    DocumentBuilder out(&doc);
    WriteParagraphs(pages, &out);
  }
  doc.title = CleanLine(ToUtf8(pdf->info_key("Title")));
  // Word's PDF export often titles the file after the .doc it came from.
  constexpr std::string_view kWordPrefix = "Microsoft Word - ";
  if (doc.title.rfind(kWordPrefix, 0) == 0) doc.title.erase(0, kWordPrefix.size());
  return doc;
}

}  // namespace

Result<Document> ImportPdf(std::string_view bytes) {
  return internal::ImportChecked(bytes,
                                 {"PDF", "no text in the PDF (scanned pages need OCR first)"},
                                 [&] { return ImportPdfOrThrow(bytes); });
}

}  // namespace mubiao::report
