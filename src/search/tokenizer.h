// The search tokenizer: one pure function that both storage backends use, so
// SQLite's FTS5 index and a PostgreSQL tsvector hold the same tokens.
//
// Tokens:
// - CJK text (Han ideographs, kana, hangul): one token per character. In
//   documents (kDocument), a character and the next one of its run make a
//   bigram; the last character of a run stands alone: "碳达峰" is indexed as
//   碳达 达峰 峰. Bigrams never span punctuation, spaces or other scripts.
//   A query word of two or more CJK characters becomes the phrase of its
//   bigrams (碳达峰 → 碳达 达峰), so it matches exactly the texts that
//   contain it. In queries (kQuery), a lone character is a prefix token: it
//   stands for the character alone or any bigram that starts with it, which
//   is exactly "this character at this position". A query run followed by
//   more tokens ends with such a prefix token for its last character, so the
//   next token lands on the next position (粮食 安全 → 粮食 食* 安全,
//   matching 粮食安全 and 粮食，安全).
// - For the character index (kCharacters): every CJK character on its own
//   and nothing else, so that a one-character query is a lookup of which
//   documents contain that character.
// - Latin letters, digits and other alphanumerics as whole words, case folded
//   ("5G" → 5g, "GDP" → gdp); a '.' between two digits stays inside the word
//   ("5.5", "pm2.5"). Not in kCharacters.
// - Everything else (punctuation, symbols, spaces) separates tokens.
// Full-width forms are folded to ASCII first ("５Ｇ" → 5g).
//
// Guarantees: linear time in the input; offsets are byte offsets of the
// input, half-open; invalid UTF-8 bytes separate tokens and never crash.
#ifndef MUBIAO_SEARCH_TOKENIZER_H_
#define MUBIAO_SEARCH_TOKENIZER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mubiao::search {

// What the text being tokenized is.
enum class TokenizeMode {
  kDocument,    // text for the word index: one token per position
  kCharacters,  // text for the character index: its CJK characters
  kQuery,       // one query word or phrase: bigrams, and prefix tokens where needed
};

// One token.
struct Token {
  std::string_view text;  // the normalised token; valid only during the callback
  size_t begin = 0;       // first byte in the input, included
  size_t end = 0;         // one past the last byte in the input, not included
  // In kQuery mode, a lone CJK character that matches itself or any bigram
  // starting with it.
  bool prefix = false;
};

// Called once per token in text order; returns false to stop tokenizing.
using TokenSink = std::function<bool(const Token&)>;

// Longer words are cut to this many bytes (at a character boundary), in
// documents and queries alike.
inline constexpr size_t kMaxTokenBytes = 100;

// Tokenizes `text` (UTF-8) and hands every token to `sink`. Returns false
// when the sink stopped early, true otherwise.
bool Tokenize(std::string_view text, TokenizeMode mode, const TokenSink& sink);

// A token of a query word or phrase.
struct QueryToken {
  std::string text;
  bool prefix = false;  // matches `text` or any token starting with it (Token::prefix)

  bool operator==(const QueryToken&) const = default;
};

// The tokens of a query word or phrase (kQuery mode), in order: the terms of
// the phrase a search engine must find at consecutive positions.
std::vector<QueryToken> QueryTokens(std::string_view text);

// The search form of a whole text, as the tokenizer sees it: full-width
// forms folded to ASCII and letters case folded; everything else unchanged.
// Used to check results against a plain substring scan.
std::string FoldForSearch(std::string_view text);

}  // namespace mubiao::search

#endif  // MUBIAO_SEARCH_TOKENIZER_H_
