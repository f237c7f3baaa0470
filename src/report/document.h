// A Document is what an importer makes of one file (or one JSON Lines row):
// the body text as a reader sees it, with markup removed, split into blocks,
// plus whatever metadata the file itself carries. It knows nothing about
// reports yet; see report.h for the analysis.
#ifndef MUBIAO_REPORT_DOCUMENT_H_
#define MUBIAO_REPORT_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace mubiao::report {

using text::Span;

// The file format a document was read from.
enum class SourceFormat { kMarkdown, kText, kHtml, kDocx, kPdf, kJsonLines };

// Lower-case name of a format ("markdown", "text", "html", "docx", "pdf", "jsonl").
std::string_view SourceFormatName(SourceFormat format);
// The format named `name` (as SourceFormatName writes it); nullopt otherwise.
std::optional<SourceFormat> ParseSourceFormat(std::string_view name);
// The format as readers call it ("Markdown 文本", "Word 文档", "JSON Lines 数据行").
std::string_view SourceFormatLabel(SourceFormat format);

// What a block of text is, as far as the file's markup tells.
enum class BlockKind {
  kHeading,    // marked as a heading (Markdown #, HTML h1-h6, Word heading style,
               // or a line that is bold as a whole)
  kParagraph,  // ordinary running text
  kQuote,      // a quotation or epigraph (Markdown >, HTML blockquote)
  kListItem,   // an item of a bulleted or numbered list
  kTableRow,   // one row of a table, cells separated by tabs
};

// The stored name of a block kind: "heading", "paragraph", "quote",
// "list_item", "table_row".
std::string_view BlockKindName(BlockKind kind);
// The kind named `name` (as BlockKindName writes it); nullopt otherwise.
std::optional<BlockKind> ParseBlockKind(std::string_view name);

// A paragraph-like unit of the text.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;      // bytes of Document::text, trimmed, never empty
  int level = 0;  // heading level 1-6 when the markup gives one, else 0
  // Bold or otherwise emphasised runs inside the block (byte spans of
  // Document::text), e.g. a lead sentence "**扛稳粮食安全责任。**".
  std::vector<Span> emphasis;
};

// One imported document.
struct Document {
  std::string path;  // the file; "FILE#N" for row N (1-based) of a JSON Lines file
  SourceFormat format = SourceFormat::kText;
  std::string encoding;  // the encoding the bytes were in ("UTF-8", "GB18030", ...)
  // The body text, UTF-8, blocks joined by "\n". Offsets everywhere in the
  // report model are byte offsets into this string.
  std::string text;
  std::vector<Block> blocks;  // in text order, non-overlapping

  // Metadata carried by the file itself (empty or absent when not given).
  std::string title;        // front matter title:, <title>, Word core title, JSONL title
  std::string source_url;   // front matter source:, JSONL url, <link rel=canonical>
  std::optional<int> year;  // an explicit year field (JSON Lines)
  // Text the file carries outside the body: HTML/Markdown comments, site
  // chrome lines that were dropped (导航菜单, 本文地址:...). Kept for metadata
  // such as a permalink; never analysed as report text.
  std::vector<std::string> notes;

  // The text of a span of this document.
  std::string_view Slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
};

// Builds a Document's text and blocks one block at a time, so importers never
// compute offsets by hand.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(Document* doc) : doc_(doc) {}

  // Starts a new block of the given kind; text is added with Append().
  void BeginBlock(BlockKind kind, int level = 0);
  // Appends text to the current block (starting a paragraph if none is open).
  // `emphasised` marks the appended run as bold/emphasis.
  void Append(std::string_view text, bool emphasised = false);
  // Ends the current block: trims it and drops it when empty.
  void EndBlock();
  // Convenience: one whole block.
  void AddBlock(BlockKind kind, std::string_view text, int level = 0);

  // Ends any open block. Called automatically by the destructor.
  void Finish();
  ~DocumentBuilder() { Finish(); }

  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

 private:
  Document* doc_;
  bool open_ = false;
  Block current_;
  size_t block_start_ = 0;
};

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_DOCUMENT_H_
