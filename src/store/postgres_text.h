// The store's full text in PostgreSQL's terms (schema_postgres.cc): our
// tokenizer's tokens written as tsvector and tsquery literals, since
// PostgreSQL cannot run the tokenizer itself. Internal to src/store.
#ifndef MUBIAO_STORE_POSTGRES_TEXT_H_
#define MUBIAO_STORE_POSTGRES_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "search/query.h"
#include "store/sql.h"

namespace mubiao::store {

// Longest passage, in bytes: whole lines up to this size (a longer line cut
// at sentence ends, where no token spans the cut). A tsvector keeps
// positions up to 16,383 and 256 of them per lexeme; a passage has fewer
// tokens than bytes, and few enough that no word of a report repeats 256
// times in one; and a search rechecks each matching passage for its
// phrases, so fewer, fuller passages are read faster.
inline constexpr size_t kMaxPassageBytes = 4000;

// The texts whose word tokens go into document_passages, in order: the
// title, then the body in runs of whole lines of at most kMaxPassageBytes
// (a longer line cut at sentence ends). No search::TokenizeMode::kDocument
// token spans two of them.
std::vector<std::string_view> Passages(std::string_view title, std::string_view body);

// A tsvector literal of `text`'s word tokens (kDocument), each with its
// positions (1-based).
std::string WordVector(std::string_view text);

// A tsvector literal of the CJK characters of `texts` (kCharacters),
// without positions.
std::string CharacterVector(std::initializer_list<std::string_view> texts);

// A tsquery literal matching the tokens of `term` at consecutive positions
// (a prefix token matches any token it begins).
std::string PhraseQuery(const search::Term& term);

// A tsquery literal matching the CJK character that `term` is
// (search::IsCharacterTerm) in document_chars.
std::string CharacterQuery(const search::Term& term);

// Writes the full-text rows of a PostgreSQL database: a document's
// passages and characters, a target's indicator tokens.
class TextIndexWriter {
 public:
  // Prepares the statements on `db`, which must outlive the writer.
  static Result<TextIndexWriter> Prepare(Database* db);

  // Replaces the rows of document `id` in document_passages and
  // document_chars.
  Status IndexDocument(int64_t id, std::string_view title, std::string_view body);

  // Sets targets.indicator_words of target `id`.
  Status IndexIndicator(int64_t id, std::string_view indicator);

 private:
  TextIndexWriter() = default;
  Statement forget_, passage_, characters_, indicator_;
};

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_POSTGRES_TEXT_H_
