// Reading files into Documents. One entry point (ImportFile) picks the
// importer from the file's content and name; each format also has its own
// function for callers that already know it.
//
// Guarantees: an importer either returns a Document whose text is valid
// UTF-8 or an error saying what is wrong with the input; it never crashes on
// hostile input and its time and memory are linear in the input size (the
// size itself is bounded by ImportLimits).
#ifndef MUBIAO_REPORT_IMPORTER_H_
#define MUBIAO_REPORT_IMPORTER_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/document.h"

namespace mubiao::report {

// Bounds on what an import may read.
struct ImportLimits {
  size_t max_file_bytes = 64u << 20;       // larger files are refused (kTooLarge)
  size_t max_unpacked_bytes = 256u << 20;  // bound on a .docx's inflated XML (zip bombs)
};

// The documents read from one file. Most files hold one document; a JSON
// Lines file holds one per row, and a bad row is reported in `errors`
// ("line 12: ...") while the good rows are kept.
struct ImportedFile {
  std::vector<Document> documents;
  std::vector<std::string> errors;
};

// A size as messages give it: whole megabytes (2^20 bytes), rounded up
// ("211 MB").
std::string MegaBytes(uintmax_t bytes);

// The error of a file over a size limit (kTooLarge): "file is 211 MB, over
// the 64 MB limit".
Status FileTooLarge(uintmax_t bytes, uintmax_t limit);

// The bytes of the file at `path`. Errors: "is a directory"
// (kInvalidInput), "cannot read: ..." (kNotFound), FileTooLarge when it has
// more than `max_bytes`, "cannot open for reading" or "short read"
// (kIoError).
Result<std::string> ReadFileBytes(const std::filesystem::path& path, size_t max_bytes);

// Reads the file at `path` and imports it with the importer its content (and
// failing that, its extension) calls for. Errors name the problem, not the
// path: "empty file", "binary data, not text", "truncated or corrupt .docx
// (...)", "file is 210 MB, over the 64 MB limit", ...
Result<ImportedFile> ImportFile(const std::filesystem::path& path,
                                const ImportLimits& limits = ImportLimits());

// Imports bytes already in memory; `name` (a file name) helps choose the
// format and becomes Document::path.
Result<ImportedFile> ImportBytes(std::string_view bytes, const std::string& name,
                                 const ImportLimits& limits = ImportLimits());

// Markdown as in the corpus: optional front matter (title:, source:), #
// headings, **bold** headings and lead sentences, <!-- comments --> (kept as
// notes), > quotes, <details> tables of contents (dropped), lists, tables.
// Takes UTF-8 text; the caller, which decoded it, sets the encoding.
Result<Document> ImportMarkdown(std::string_view utf8);

// `s` with its HTML character references resolved ("6.5&permil;" → "6.5‰",
// "&#8212;", "&#x2030;"), as ImportMarkdown resolves them; unknown ones stay.
std::string DecodeCharacterReferences(std::string_view s);

// Plain text, one paragraph per line. Lines that are site chrome of report
// archive pages (导航菜单, the disclaimer, 本文地址:, 留言与评论, 验证码, ...)
// are moved to notes. Takes UTF-8 text; the caller, which decoded it, sets
// the encoding.
Result<Document> ImportPlainText(std::string_view utf8);

// An HTML page (libxml2's HTML parser): the article body, without navigation,
// scripts, styles, forms and comment boxes. Takes raw bytes; the charset is
// taken from a BOM, the <meta> declaration, or detected as for text files.
Result<Document> ImportHtml(std::string_view bytes);

// A Word .docx file: paragraphs of word/document.xml with heading styles,
// bold runs and tables; the title from docProps/core.xml.
Result<Document> ImportDocx(std::string_view bytes, const ImportLimits& limits = ImportLimits());

// A PDF (poppler): the text of every page in reading order, paragraphs
// rebuilt from lines; the title from the document info.
Result<Document> ImportPdf(std::string_view bytes);

// JSON Lines: one object per line with "content" (required), "title", "url"
// and "year". Takes the file's bytes (UTF-8 or GB18030; ImportBytes decodes
// UTF-16 files first) and judges every row on its own: a row that is not
// valid JSON, lacks "content", is not text (NUL bytes, invalid UTF-8, binary
// junk, also as \u escapes in "content") or is empty is reported in
// `errors` with its line number, and the other rows are kept. Fails only
// when no row is usable.
Result<ImportedFile> ImportJsonLines(std::string_view bytes);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_IMPORTER_H_
