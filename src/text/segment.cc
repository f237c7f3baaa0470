#include "text/segment.h"

namespace mubiao::text {
namespace {

bool IsSentenceEnd(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}
bool IsSemicolon(char32_t c) { return c == 0xFF1B || c == ';'; }
bool IsClauseMark(char32_t c) {
  return c == 0xFF0C || c == ',' || c == 0xFF1A || c == ':' || IsSemicolon(c);
}
bool IsCloser(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
         c == 0x300B || c == '"' || c == 0x3011;
}

void AddClause(std::string_view text, Span piece, std::vector<Span>* clauses) {
  Span trimmed = TrimSpan(text, piece);
  if (!trimmed.empty()) clauses->push_back(trimmed);
}

}  // namespace

std::vector<SentenceSpans> SplitSentences(std::string_view text, Span within,
                                          bool semicolon_ends_sentence) {
  std::vector<SentenceSpans> out;
  SentenceSpans current;
  size_t sentence_begin = within.begin;
  size_t clause_begin = within.begin;
  auto finish = [&](size_t end) {
    AddClause(text, {clause_begin, end}, &current.clauses);
    current.span = TrimSpan(text, {sentence_begin, end});
    if (!current.span.empty()) out.push_back(std::move(current));
    current = SentenceSpans();
    sentence_begin = clause_begin = end;
  };
  size_t i = within.begin;
  while (i < within.end) {
    const size_t at = i;
    char32_t c = DecodeUtf8(text, &i);
    if (c == '\n' || c == '\r') {
      finish(at);
      sentence_begin = clause_begin = i;
    } else if (IsSentenceEnd(c) || (semicolon_ends_sentence && IsSemicolon(c))) {
      // Swallow further end marks and closing quotes: 。” and ？！
      size_t end = i;
      while (end < within.end) {
        size_t next = end;
        char32_t d = DecodeUtf8(text, &next);
        if (!IsCloser(d) && !IsSentenceEnd(d)) break;
        end = next;
      }
      // The clause itself excludes the end mark.
      AddClause(text, {clause_begin, at}, &current.clauses);
      clause_begin = end;
      i = end;
      finish(end);
    } else if (IsClauseMark(c)) {
      AddClause(text, {clause_begin, at}, &current.clauses);
      clause_begin = i;
    }
  }
  finish(within.end);
  return out;
}

}  // namespace mubiao::text
