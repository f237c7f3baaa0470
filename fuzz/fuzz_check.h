// Invariants every imported Document must satisfy, checked by the fuzz
// targets after each successful import (a violation aborts, so libFuzzer
// reports it like a crash).
#ifndef MUBIAO_FUZZ_FUZZ_CHECK_H_
#define MUBIAO_FUZZ_FUZZ_CHECK_H_

#include "fuzz_require.h"
#include "report/document.h"
#include "report/importer.h"
#include "text/utf8.h"

namespace mubiao::fuzz {

// The importer contract (importer.h, document.h): valid UTF-8 text, blocks
// in order, inside the text, trimmed and non-empty; emphasis inside its
// block; valid UTF-8 metadata.
inline void CheckDocument(const report::Document& doc) {
  Require(text::IsValidUtf8(doc.text), "text is valid UTF-8");
  Require(!doc.text.empty(), "a successful import has text");
  size_t end = 0;
  for (const report::Block& block : doc.blocks) {
    Require(block.span.begin >= end, "blocks in order, not overlapping");
    Require(!block.span.empty(), "blocks are not empty");
    Require(block.span.end <= doc.text.size(), "blocks inside the text");
    Require(block.level >= 0 && block.level <= 6, "heading level 0-6");
    const std::string_view slice = doc.Slice(block.span);
    Require(text::TrimSpace(slice) == slice, "blocks are trimmed");
    Require(slice.find('\n') == std::string_view::npos, "blocks are one line");
    for (const text::Span& run : block.emphasis) {
      Require(run.begin >= block.span.begin && run.end <= block.span.end && !run.empty(),
              "emphasis inside its block");
    }
    end = block.span.end;
  }
  Require(text::IsValidUtf8(doc.title), "title is valid UTF-8");
  Require(text::IsValidUtf8(doc.source_url), "source_url is valid UTF-8");
  for (const std::string& note : doc.notes) Require(text::IsValidUtf8(note), "notes are UTF-8");
}

inline void CheckImported(const report::ImportedFile& file) {
  for (const report::Document& doc : file.documents) CheckDocument(doc);
}

}  // namespace mubiao::fuzz

#endif  // MUBIAO_FUZZ_FUZZ_CHECK_H_
