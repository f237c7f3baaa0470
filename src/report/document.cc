#include "report/document.h"

#include "base/enum_names.h"

namespace mubiao::report {

namespace {

constexpr EnumName<SourceFormat> kFormatNames[] = {
    {SourceFormat::kMarkdown, "markdown"}, {SourceFormat::kText, "text"},
    {SourceFormat::kHtml, "html"},         {SourceFormat::kDocx, "docx"},
    {SourceFormat::kPdf, "pdf"},           {SourceFormat::kJsonLines, "jsonl"}};
constexpr EnumName<SourceFormat> kFormatLabels[] = {
    {SourceFormat::kMarkdown, "Markdown 文本"},
    {SourceFormat::kText, "纯文本"},
    {SourceFormat::kHtml, "网页"},
    {SourceFormat::kDocx, "Word 文档"},
    {SourceFormat::kPdf, "PDF 文档"},
    {SourceFormat::kJsonLines, "JSON Lines 数据行"}};
constexpr EnumName<BlockKind> kBlockKindNames[] = {{BlockKind::kHeading, "heading"},
                                                   {BlockKind::kParagraph, "paragraph"},
                                                   {BlockKind::kQuote, "quote"},
                                                   {BlockKind::kListItem, "list_item"},
                                                   {BlockKind::kTableRow, "table_row"}};

}  // namespace

std::string_view SourceFormatName(SourceFormat format) { return NameIn(kFormatNames, format); }
std::optional<SourceFormat> ParseSourceFormat(std::string_view name) {
  return ValueIn(kFormatNames, name);
}
std::string_view SourceFormatLabel(SourceFormat format) { return NameIn(kFormatLabels, format); }
std::string_view BlockKindName(BlockKind kind) { return NameIn(kBlockKindNames, kind); }
std::optional<BlockKind> ParseBlockKind(std::string_view name) {
  return ValueIn(kBlockKindNames, name);
}

void DocumentBuilder::BeginBlock(BlockKind kind, int level) {
  EndBlock();
  if (!doc_->text.empty()) doc_->text.push_back('\n');
  open_ = true;
  current_ = Block();
  current_.kind = kind;
  current_.level = level;
  block_start_ = doc_->text.size();
}

void DocumentBuilder::Append(std::string_view text, bool emphasised) {
  if (!open_) BeginBlock(BlockKind::kParagraph);
  // Line breaks inside a block would split sentences; blocks are one line.
  size_t start = doc_->text.size();
  for (char c : text) doc_->text.push_back(c == '\n' || c == '\r' ? ' ' : c);
  if (emphasised && doc_->text.size() > start) {
    Span run = text::TrimSpan(doc_->text, {start, doc_->text.size()});
    if (!run.empty()) {
      // Merge with a directly preceding emphasised run.
      if (!current_.emphasis.empty() && current_.emphasis.back().end == start) {
        current_.emphasis.back().end = run.end;
      } else {
        current_.emphasis.push_back(run);
      }
    }
  }
}

void DocumentBuilder::EndBlock() {
  if (!open_) return;
  open_ = false;
  Span span = text::TrimSpan(doc_->text, {block_start_, doc_->text.size()});
  if (span.empty()) {
    // Drop the block and the separator that preceded it.
    doc_->text.resize(block_start_ > 0 ? block_start_ - 1 : 0);
    return;
  }
  // Cut trailing white space so blocks end where their text does.
  doc_->text.resize(span.end);
  current_.span = span;
  std::erase_if(current_.emphasis, [&](const Span& s) { return s.begin >= span.end; });
  for (Span& s : current_.emphasis) s.end = std::min(s.end, span.end);
  doc_->blocks.push_back(std::move(current_));
}

void DocumentBuilder::AddBlock(BlockKind kind, std::string_view text, int level) {
  BeginBlock(kind, level);
  Append(text);
  EndBlock();
}

void DocumentBuilder::Finish() { EndBlock(); }

}  // namespace mubiao::report
