// Splitting text into sentences and clauses. Works on original or normalised
// text alike (it knows both the ASCII and the full-width punctuation).
#ifndef MUBIAO_TEXT_SEGMENT_H_
#define MUBIAO_TEXT_SEGMENT_H_

#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace mubiao::text {

// A sentence and its clauses, as byte spans of the text.
struct SentenceSpans {
  Span span;                  // the sentence including its end mark and closing quotes
  std::vector<Span> clauses;  // pieces between ，；： (marks excluded), trimmed, non-empty
};

// Splits text[within] into sentences. A sentence ends after 。！？ (or ASCII
// ! ?), any closing quotes or brackets right after it, or at a line break.
// `semicolon_ends_sentence` also ends sentences at ；: list items separated by
// semicolons are separate sentences for the purpose of commitment words.
// Spans are trimmed of white space; empty sentences are dropped. Linear time.
std::vector<SentenceSpans> SplitSentences(std::string_view text, Span within,
                                          bool semicolon_ends_sentence = false);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_SEGMENT_H_
