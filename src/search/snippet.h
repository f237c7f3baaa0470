// Snippets: the stretch of a document that best shows why it matched a
// query, with the matching words marked. Computed from the document text and
// the parsed query alone, so every storage backend shows the same snippets.
#ifndef MUBIAO_SEARCH_SNIPPET_H_
#define MUBIAO_SEARCH_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/query.h"
#include "text/utf8.h"

namespace mubiao::search {

// An excerpt with highlights.
struct Snippet {
  // The excerpt, with "…" where it cuts the text and line breaks as spaces.
  std::string text;
  // Byte spans of `text` that match query terms, in order, non-overlapping.
  std::vector<text::Span> highlights;
};

// The window of at most `max_chars` characters (code points, not counting
// the ellipses) of `text` that holds the most distinct terms of `query`,
// then the most matches, then comes first; a few characters of context are
// kept before the first match; windows start at one of the first 256
// matches, and when a window in the first 8 KB shows a match of every
// required group of the query the rest of the text is not read. Excluded
// terms are never highlighted. When no term occurs in `text` (a document
// that matched by its title), the start of the text. Linear in the size of
// `text` plus the number of matches times `max_chars`.
Snippet MakeSnippet(std::string_view text, const Query& query, size_t max_chars);

}  // namespace mubiao::search

#endif  // MUBIAO_SEARCH_SNIPPET_H_
