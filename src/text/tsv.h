// Tab-separated data files (data/regions.tsv, data/lexicon/*): one row a
// line, fields separated by tabs. Blank lines and lines starting with '#'
// (comments) are no rows; a CR before a line end is dropped, so a file saved
// with CRLF line ends reads the same.
#ifndef MUBIAO_TEXT_TSV_H_
#define MUBIAO_TEXT_TSV_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mubiao::text {

// One data row of a file.
struct TsvRow {
  size_t line = 0;                       // 1-based line number, for messages
  std::vector<std::string_view> fields;  // views into the file's text, at least one
};

// The data rows of `tsv`, in file order. The views point into `tsv`.
std::vector<TsvRow> TsvRows(std::string_view tsv);

// The text of a file compiled in by cmake/embed_text.cmake, whose generated
// function returns it in pieces: the pieces joined in order.
std::string JoinChunks(std::span<const std::string_view> chunks);

// Data files compiled into the binary are part of the source tree and
// tested, so failing to parse one is a defect of the build, not a condition
// to handle at run time: prints "mubiao: FILE: error: MESSAGE" (FILE as
// data/regions.tsv) and aborts.
[[noreturn]] void AbortOnBrokenDataFile(std::string_view file, const Status& error);

// What `parsed`, the parse of the compiled-in data file `file`, holds, or
// AbortOnBrokenDataFile.
template <typename T>
T ParsedDataFile(std::string_view file, Result<T> parsed) {
  if (!parsed.ok()) AbortOnBrokenDataFile(file, parsed.status());
  return std::move(parsed).value();
}

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_TSV_H_
