// The bound on what one document may put into the search index.
//
// SQLite's FTS5 holds every distinct term of a row in memory until the row is
// written (a hash entry of at least 128 bytes each), then sorts them; so
// indexing a document costs memory in proportion to its distinct terms and
// time a little more than that, whatever its length. Report text repeats its
// words: the 150 MB of reference reports hold 607,000 distinct terms
// together, a single report well under 50,000. Random characters make a new
// bigram at every character, about 350,000 per MB of text. Bounding the
// distinct terms of a document bounds the memory and time of indexing it,
// and refuses such text without refusing any long report.
#ifndef MUBIAO_STORE_INDEX_TERMS_H_
#define MUBIAO_STORE_INDEX_TERMS_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace mubiao::store {

// The most distinct terms the word index may hold for one document, title
// and body together: about 160 MB and 10 s of indexing at the limit.
inline constexpr size_t kMaxIndexTerms = 1'000'000;

// The number of distinct terms the word index (search::TokenizeMode::
// kDocument) holds for a document with these column values, counted up to
// `limit` + 1 at most: counting stops there. Linear time in the text;
// memory in proportion to the count (32 bytes or less per term).
size_t CountIndexTerms(std::initializer_list<std::string_view> columns, size_t limit);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_INDEX_TERMS_H_
