// Parsing what a user types into a search box, and turning it into an FTS5
// MATCH expression without ever passing user text through as syntax.
//
// Grammar (whitespace is ASCII space, tab or the ideographic space 　):
//
//   query   := item+
//   item    := "-" term              a term the documents must not contain
//            | term ("OR" term)*     any one of the terms ("|" works as OR)
//   term    := word | phrase
//   word    := characters up to whitespace or a quote
//   phrase  := '"' characters '"'    also “…” and ＂…＂
//
// Items are ANDed, so OR binds tighter than AND: `养老 托育 OR 托幼` means
// 养老 AND (托育 OR 托幼). Every term is tokenized as the index is (see
// tokenizer.h) and must match as a phrase: the word 碳达峰 and the phrase
// "碳达峰" both mean the characters 碳达峰 in a row. Terms with nothing
// searchable in them (only punctuation) are ignored.
#ifndef MUBIAO_SEARCH_QUERY_H_
#define MUBIAO_SEARCH_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "search/tokenizer.h"

namespace mubiao::search {

// One word or phrase of a query.
struct Term {
  std::string text;  // as typed, without quotes or the leading '-'
  bool quoted = false;
  // Its tokens in kQuery mode (tokenizer.h), never empty: they must occur at
  // consecutive positions.
  std::vector<QueryToken> tokens;
};

// A parsed query: documents that match at least one term of every group of
// `required` and no term of `excluded`.
struct Query {
  std::vector<std::vector<Term>> required;  // AND of ORs; never empty
  std::vector<Term> excluded;
};

// Longest query accepted, in characters (code points).
inline constexpr size_t kMaxQueryChars = 256;
// Most terms (words and phrases, excluded ones included) in one query.
inline constexpr size_t kMaxQueryTerms = 16;

// Parses a query. Errors (kInvalidInput), with a message meant for the user:
// text that is not UTF-8, an empty query, nothing searchable in it, an unclosed quote, OR without a
// term on both sides, an exclusion inside an OR, only exclusions, or a query
// over the limits above.
Result<Query> ParseQuery(std::string_view input);

// Whether a term is one CJK character. Such a term is looked up in the
// character index, which knows every document containing the character,
// rather than the word index, where it would be a prefix query over every
// bigram starting with it.
bool IsCharacterTerm(const Term& term);

// A query as FTS5 MATCH expressions over the two indexes of a store: the
// word index (tokens with positions: every term but single characters) and
// the character index (which documents contain each CJK character). Every
// token is a quoted FTS5 string (quotes doubled), tokens of a phrase are
// joined with "+", prefix tokens carry "*". A document matches the query
// when it matches every non-empty part below.
// Example: 养老 "一老一小" -疫情 → words =
//   (("养老") AND ("一老" + "老一" + "一小")) NOT ("疫情")
struct IndexQuery {
  // The groups whose terms are all word terms, ANDed, with NOT of the
  // excluded word terms when there is such a group; "" when there is none.
  std::string words;
  // The same for character terms and the character index.
  std::string characters;
  // A group with terms of both kinds: a document matches it when it matches
  // `words` in the word index or `characters` in the character index.
  struct Mixed {
    std::string words;
    std::string characters;
  };
  std::vector<Mixed> mixed;
  // Excluded terms that `words` or `characters` could not hold (it is
  // empty), ORed: a matching document matches neither; "" when none.
  std::string excluded_words;
  std::string excluded_characters;
};

// Splits a query over the two indexes.
IndexQuery PlanIndexQuery(const Query& query);

}  // namespace mubiao::search

#endif  // MUBIAO_SEARCH_QUERY_H_
