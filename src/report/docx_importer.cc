// Word .docx files: a zip archive (read with libzip from memory) whose
// word/document.xml holds the body, word/styles.xml the paragraph styles and
// docProps/core.xml the title. Every entry is size-checked against the
// unpacked-bytes budget before it is inflated, and inflated with a bound, so
// a zip bomb costs at most the budget. The XML is parsed by libxml2 without
// network access, DTD loading or entity substitution (XXE and "billion
// laughs" documents yield no entity text).

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/import_guard.h"
#include "report/importer.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

using XmlDocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// WordprocessingML in its transitional (what Word writes) and strict forms.
constexpr std::string_view kWordNs[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr std::string_view kMarkupCompatibilityNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kDublinCoreNs = "http://purl.org/dc/elements/1.1/";

Status Corrupt(const std::string& why) {
  return InvalidInput("truncated or corrupt .docx (" + why + ")");
}

// libzip's messages start with a capital ("Not a zip archive").
std::string LowerFirst(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// ---------------------------------------------------------------------------
// The zip archive.

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

Result<ZipPtr> OpenZip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  // The source borrows `bytes` (freep = 0); the archive owns the source once
  // opened, and we free it ourselves when opening fails.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status(StatusCode::kInternal, "cannot read zip data: " + LowerFirst(why));
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Corrupt(LowerFirst(why));
  }
  zip_error_fini(&error);
  return ZipPtr(zip);
}

// Reads the entry `name`, charging its unpacked size to `*budget`. NotFound
// when the archive has no such entry; TooLarge when the size exceeds the
// remaining budget.
Result<std::string> ReadEntry(zip_t* zip, const char* name, size_t* budget, size_t limit) {
  const zip_int64_t index = zip_name_locate(zip, name, 0);
  if (index < 0) return NotFound(std::string("missing ") + name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & ZIP_STAT_SIZE) == 0) {
    return Corrupt(std::string("no size for ") + name);
  }
  if (stat.size > *budget) {
    return TooLarge(std::string(name) + " unpacks to " + MegaBytes(stat.size) +
                    (stat.size > limit ? ", over the " : ", taking the .docx over the ") +
                    MegaBytes(limit) + " limit");
  }
  ZipFilePtr file(zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) return Corrupt(name + (": " + LowerFirst(zip_strerror(zip))));
  // Grow the buffer with what actually inflates rather than reserving the
  // declared size, which a hostile header can inflate.
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) return Corrupt(name + (": " + LowerFirst(zip_file_strerror(file.get()))));
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > stat.size) {
      return Corrupt(std::string(name) + " is longer than its header says");
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  if (out.size() != stat.size) {
    return Corrupt(std::string(name) + " is shorter than its header says");
  }
  *budget -= out.size();
  return out;
}

// ---------------------------------------------------------------------------
// XML helpers.

// libxml2 reports some problems (failed encoding conversions) through its
// generic error handler, which prints to stderr whatever the parser options
// say; the parse result already tells us what went wrong.
void DiscardXmlError(void*, const char*, ...) {}

Result<XmlDocPtr> ParseXml(const std::string& xml, const char* name) {
  if (xml.size() > static_cast<size_t>(INT_MAX)) return TooLarge(std::string(name) + " over 2 GB");
  // The handler is per thread, so it is set on every parse.
  xmlSetGenericErrorFunc(nullptr, &DiscardXmlError);
  // No XML_PARSE_NOENT (entities stay unexpanded references, which we skip)
  // and no XML_PARSE_DTDLOAD (external DTDs and entities are never read).
  XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                &xmlFreeDoc);
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    return Corrupt(std::string(name) + " is not well-formed XML");
  }
  return doc;
}

std::string_view Href(const xmlNode* node) {
  return node->ns == nullptr || node->ns->href == nullptr
             ? std::string_view()
             : std::string_view(reinterpret_cast<const char*>(node->ns->href));
}

bool InWordNs(const xmlNode* node) {
  const std::string_view href = Href(node);
  return href == kWordNs[0] || href == kWordNs[1];
}

std::string_view LocalName(const xmlNode* node) {
  return std::string_view(reinterpret_cast<const char*>(node->name));
}

// True for the WordprocessingML element w:<local>.
bool IsW(const xmlNode* node, std::string_view local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && LocalName(node) == local &&
         InWordNs(node);
}

xmlNode* ChildW(const xmlNode* node, std::string_view local) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (IsW(child, local)) return child;
  }
  return nullptr;
}

// The w:val attribute (or another w: attribute); empty when absent.
std::string WAttr(const xmlNode* node, const char* local = "val") {
  for (std::string_view ns : kWordNs) {
    xmlChar* value = xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(local),
                                  reinterpret_cast<const xmlChar*>(std::string(ns).c_str()));
    if (value != nullptr) {
      std::string out(reinterpret_cast<const char*>(value));
      xmlFree(value);
      return out;
    }
  }
  return "";
}

// The text directly inside an element (text and CDATA children only, so
// entity references are never expanded).
std::string DirectText(const xmlNode* node) {
  std::string out;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != nullptr) {
      out += reinterpret_cast<const char*>(child->content);
    }
  }
  return out;
}

// Bold as set by an rPr element: 1 bold, 0 explicitly not bold, -1 not set.
// <w:b/> and <w:b w:val="true"/> are bold; "0", "false" and "off" are not.
int BoldIn(const xmlNode* rpr) {
  const xmlNode* b = rpr == nullptr ? nullptr : ChildW(rpr, "b");
  if (b == nullptr) return -1;
  const std::string val = WAttr(b);
  return val == "0" || val == "false" || val == "off" ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Styles.

// What a style says, before inheritance: -1 where it says nothing.
struct StyleInfo {
  int heading = -1;  // 0 body text, 1-6 heading level
  int bold = -1;
  std::string based_on;
};

// The heading level a style name stands for: "heading 2" / "Heading 2" /
// "标题 2" / "标题2" → 2; "Title" / "标题" → 1; otherwise 0.
int HeadingLevelOfName(std::string name) {
  name = std::string(text::TrimSpace(text::AsciiLower(name)));
  if (name == "title" || name == "标题") return 1;
  for (std::string_view prefix : {"heading", "标题"}) {
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) {
      const std::string_view rest = text::TrimSpace(std::string_view(name).substr(prefix.size()));
      if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return std::min(rest[0] - '0', 6);
    }
  }
  return 0;
}

// Level from a w:outlineLvl element: "0".."8" are outline levels 1-9 (cut to
// the six a Document knows), "9" is body text.
int OutlineLevel(const xmlNode* ppr) {
  const xmlNode* outline = ppr == nullptr ? nullptr : ChildW(ppr, "outlineLvl");
  if (outline == nullptr) return -1;
  const std::string val = WAttr(outline);
  if (val.size() != 1 || val[0] < '0' || val[0] > '9') return -1;
  return val[0] == '9' ? 0 : std::min(val[0] - '0' + 1, 6);
}

// Paragraph and character styles by id, with inheritance resolved on lookup.
class StyleMap {
 public:
  void Load(const xmlDoc* styles) {
    for (xmlNode* node = xmlDocGetRootElement(styles)->children; node != nullptr;
         node = node->next) {
      if (!IsW(node, "style")) continue;
      StyleInfo info;
      const xmlNode* name = ChildW(node, "name");
      const int named_level = name == nullptr ? 0 : HeadingLevelOfName(WAttr(name));
      info.heading = OutlineLevel(ChildW(node, "pPr"));
      if (named_level > 0) info.heading = named_level;
      info.bold = BoldIn(ChildW(node, "rPr"));
      if (const xmlNode* based = ChildW(node, "basedOn")) info.based_on = WAttr(based);
      styles_[WAttr(node, "styleId")] = std::move(info);
    }
  }

  // Heading level (0 when none) of a paragraph style.
  int Heading(const std::string& id) const {
    return Resolve(id, [](const StyleInfo& s) { return s.heading; });
  }
  // Whether a style makes its text bold.
  bool Bold(const std::string& id) const {
    return Resolve(id, [](const StyleInfo& s) { return s.bold; }) == 1;
  }

 private:
  // The first value a style or its ancestors set; 0 when none does. The
  // chain is cut at 32 steps and at cycles (basedOn loops in broken files).
  template <typename Get>
  int Resolve(std::string id, Get get) const {
    for (int step = 0; step < 32 && !id.empty(); ++step) {
      auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (get(it->second) >= 0) return get(it->second);
      id = it->second.based_on;
    }
    return 0;
  }

  std::unordered_map<std::string, StyleInfo> styles_;
};

// ---------------------------------------------------------------------------
// The body.

struct Run {
  std::string text;
  bool bold = false;
};

// Walks word/document.xml and writes blocks. Recursion follows the XML's
// nesting, which libxml2 caps at 256 levels.
class BodyWriter {
 public:
  BodyWriter(const StyleMap* styles, DocumentBuilder* out) : styles_(styles), out_(out) {}

  // Paragraphs and tables of the body (or of a content control in it).
  void Body(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (IsW(child, "p")) {
        Paragraph(child);
      } else if (IsW(child, "tbl")) {
        Rows(child);
      } else {
        Body(child);  // w:sdt, w:sdtContent, w:customXml, mc:AlternateContent...
      }
    }
  }

 private:
  // Elements whose content is not part of the visible text: properties,
  // deleted revisions, field instructions, and the Fallback copy of
  // mc:AlternateContent (the Choice holds the same text).
  static bool Skipped(const xmlNode* node) {
    if (Href(node) == kMarkupCompatibilityNs) return LocalName(node) == "Fallback";
    if (!InWordNs(node)) return false;
    static const std::string_view kSkipped[] = {"pPr",       "rPr",     "del",    "moveFrom",
                                                "instrText", "delText", "sectPr", "tblPr",
                                                "tblGrid",   "trPr",    "tcPr",   "fldData"};
    for (std::string_view s : kSkipped) {
      if (LocalName(node) == s) return true;
    }
    return false;
  }

  void Paragraph(const xmlNode* p) {
    const xmlNode* ppr = ChildW(p, "pPr");
    const xmlNode* pstyle = ppr == nullptr ? nullptr : ChildW(ppr, "pStyle");
    const std::string style = pstyle == nullptr ? "" : WAttr(pstyle);
    int level = OutlineLevel(ppr);
    if (level < 0) level = styles_->Heading(style);
    std::vector<Run> runs;
    std::vector<const xmlNode*> nested;  // paragraphs of text boxes in this one
    Collect(p, styles_->Bold(style), &runs, &nested);

    bool any = false, all_bold = true;
    for (const Run& run : runs) {
      if (text::TrimSpace(run.text).empty()) continue;
      any = true;
      all_bold = all_bold && run.bold;
    }
    if (any) {
      BlockKind kind = BlockKind::kParagraph;
      if (level > 0 || all_bold) {
        kind = BlockKind::kHeading;  // a bold paragraph is a heading, as in Markdown
      } else if (ppr != nullptr && ChildW(ppr, "numPr") != nullptr) {
        kind = BlockKind::kListItem;
      }
      out_->BeginBlock(kind, level);
      for (const Run& run : runs) out_->Append(run.text, run.bold);
      out_->EndBlock();
    }
    for (const xmlNode* inner : nested) Paragraph(inner);
  }

  // One block per table row, cells separated by tabs; a cell's paragraphs
  // and nested tables run together with spaces.
  void Rows(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (IsW(child, "tr")) {
        std::vector<Run> runs;
        bool first = true;
        Cells(child, &runs, &first);
        out_->BeginBlock(BlockKind::kTableRow);
        for (const Run& run : runs) out_->Append(run.text, run.bold);
        out_->EndBlock();
      } else if (!IsW(child, "tbl")) {
        Rows(child);  // rows wrapped in w:sdt or w:customXml
      }
    }
  }

  void Cells(const xmlNode* node, std::vector<Run>* runs, bool* first) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (IsW(child, "tc")) {
        if (!*first) runs->push_back(Run{"\t", false});
        *first = false;
        CellText(child, runs);
      } else {
        Cells(child, runs, first);
      }
    }
  }

  void CellText(const xmlNode* node, std::vector<Run>* runs) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (IsW(child, "p")) {
        const xmlNode* ppr = ChildW(child, "pPr");
        const xmlNode* pstyle = ppr == nullptr ? nullptr : ChildW(ppr, "pStyle");
        if (!runs->empty() && runs->back().text != "\t") runs->push_back(Run{" ", false});
        Collect(child, styles_->Bold(pstyle == nullptr ? "" : WAttr(pstyle)), runs, nullptr);
      } else {
        CellText(child, runs);
      }
    }
  }

  // The runs of a paragraph in order. Paragraphs nested inside it (text
  // boxes) go to *nested, or run on with a space when nested is null.
  void Collect(const xmlNode* node, bool para_bold, std::vector<Run>* runs,
               std::vector<const xmlNode*>* nested) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (!InWordNs(child)) {
        Collect(child, para_bold, runs, nested);  // drawings may hold text boxes
        continue;
      }
      const std::string_view name = LocalName(child);
      if (name == "p") {
        if (nested != nullptr) {
          nested->push_back(child);
        } else {
          Put(" ", false, runs);
          Collect(child, para_bold, runs, nullptr);
        }
      } else if (name == "r") {
        const xmlNode* rpr = ChildW(child, "rPr");
        int bold = BoldIn(rpr);
        if (bold < 0 && rpr != nullptr) {
          if (const xmlNode* rstyle = ChildW(rpr, "rStyle")) {
            bold = styles_->Bold(WAttr(rstyle)) ? 1 : -1;
          }
        }
        RunContent(child, bold < 0 ? para_bold : bold == 1, runs, nested);
      } else {
        Collect(child, para_bold, runs, nested);  // hyperlinks, insertions, fields, ...
      }
    }
  }

  void RunContent(const xmlNode* run, bool bold, std::vector<Run>* runs,
                  std::vector<const xmlNode*>* nested) {
    for (const xmlNode* child = run->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Skipped(child)) continue;
      if (!InWordNs(child)) {
        Collect(child, bold, runs, nested);  // w:drawing and mc: content with text boxes
        continue;
      }
      const std::string_view name = LocalName(child);
      if (name == "t") {
        Put(DirectText(child), bold, runs);
      } else if (name == "tab" || name == "ptab") {
        Put("\t", bold, runs);
      } else if (name == "br" || name == "cr") {
        Put(" ", bold, runs);
      } else if (name == "noBreakHyphen") {
        Put("-", bold, runs);
      } else {
        Collect(child, bold, runs, nested);  // w:pict, w:object: may hold text boxes
      }
    }
  }

  static void Put(std::string_view s, bool bold, std::vector<Run>* runs) {
    if (s.empty()) return;
    if (runs->empty() || runs->back().bold != bold) runs->push_back(Run{"", bold});
    runs->back().text += s;
  }

  const StyleMap* styles_;
  DocumentBuilder* out_;
};

// dc:title of docProps/core.xml, white space collapsed.
std::string CoreTitle(const xmlDoc* core) {
  for (const xmlNode* node = xmlDocGetRootElement(core)->children; node != nullptr;
       node = node->next) {
    if (node->type == XML_ELEMENT_NODE && LocalName(node) == "title" &&
        Href(node) == kDublinCoreNs) {
      return std::string(text::TrimSpace(DirectText(node)));
    }
  }
  return "";
}

Result<Document> ImportDocxOrThrow(std::string_view bytes, const ImportLimits& limits) {
  Result<ZipPtr> zip = OpenZip(bytes);
  if (!zip.ok()) return zip.status();
  size_t budget = limits.max_unpacked_bytes;
  const size_t limit = limits.max_unpacked_bytes;

  Result<std::string> body_xml = ReadEntry(zip->get(), "word/document.xml", &budget, limit);
  if (!body_xml.ok()) {
    return body_xml.status().code() == StatusCode::kNotFound ? Corrupt("missing word/document.xml")
                                                             : body_xml.status();
  }
  // libxml2 is initialised once, before any thread parses.
  static const bool initialised = (xmlInitParser(), true);
  (void)initialised;
  Result<XmlDocPtr> body = ParseXml(*body_xml, "word/document.xml");
  if (!body.ok()) return body.status();
  body_xml = std::string();  // release the raw XML early

  // Styles and core properties are optional: a missing or broken one costs
  // heading levels or the title, not the document.
  StyleMap styles;
  Result<std::string> styles_xml = ReadEntry(zip->get(), "word/styles.xml", &budget, limit);
  if (styles_xml.status().code() == StatusCode::kTooLarge) return styles_xml.status();
  if (styles_xml.ok()) {
    if (Result<XmlDocPtr> parsed = ParseXml(*styles_xml, "word/styles.xml"); parsed.ok()) {
      styles.Load(parsed->get());
    }
  }
  Document doc;
  doc.format = SourceFormat::kDocx;
  Result<std::string> core_xml = ReadEntry(zip->get(), "docProps/core.xml", &budget, limit);
  if (core_xml.status().code() == StatusCode::kTooLarge) return core_xml.status();
  if (core_xml.ok()) {
    if (Result<XmlDocPtr> parsed = ParseXml(*core_xml, "docProps/core.xml"); parsed.ok()) {
      doc.title = CoreTitle(parsed->get());
    }
  }
  doc.encoding = (*body)->encoding != nullptr
                     ? std::string(reinterpret_cast<const char*>((*body)->encoding))
                     : "UTF-8";

  const xmlNode* root = xmlDocGetRootElement(body->get());
  const xmlNode* body_element = ChildW(root, "body");
  if (!IsW(root, "document") || body_element == nullptr) {
    return Corrupt("word/document.xml has no w:body");
  }
  {
    DocumentBuilder out(&doc);
    BodyWriter(&styles, &out).Body(body_element);
  }
  return doc;
}

}  // namespace

Result<Document> ImportDocx(std::string_view bytes, const ImportLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return FileTooLarge(bytes.size(), limits.max_file_bytes);
  }
  return internal::ImportChecked(bytes, {".docx", "no text in the .docx"},
                                 [&] { return ImportDocxOrThrow(bytes, limits); });
}

}  // namespace mubiao::report
