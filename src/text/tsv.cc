#include "text/tsv.h"

#include <cstdio>
#include <cstdlib>

namespace mubiao::text {

std::vector<TsvRow> TsvRows(std::string_view tsv) {
  std::vector<TsvRow> rows;
  size_t line = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view text = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line;
    if (text.ends_with('\r')) text.remove_suffix(1);
    if (text.empty() || text.front() == '#') continue;
    TsvRow row{line, {}};
    for (size_t start = 0;;) {
      const size_t tab = text.find('\t', start);
      row.fields.push_back(text.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void AbortOnBrokenDataFile(std::string_view file, const Status& error) {
  std::fprintf(stderr, "mubiao: %.*s: error: %s\n", static_cast<int>(file.size()), file.data(),
               error.message().c_str());
  std::abort();
}

std::string JoinChunks(std::span<const std::string_view> chunks) {
  std::string text;
  for (std::string_view chunk : chunks) text += chunk;
  return text;
}

}  // namespace mubiao::text
