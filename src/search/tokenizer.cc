#include "search/tokenizer.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace mubiao::search {
namespace {

// Full-width ASCII forms to ASCII, then case folding.
char32_t Fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

// Characters indexed as bigrams: Han ideographs, kana and hangul syllables.
bool IsCjk(char32_t cp) {
  return text::IsHan(cp) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
         cp == 0x30FC || (cp >= 0xAC00 && cp <= 0xD7A3);
}

bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Characters of whole-word tokens (after folding).
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiDigit(cp) || (cp >= 'a' && cp <= 'z');
  return cp != text::kReplacementChar && !IsCjk(cp) && u_isalnum(static_cast<UChar32>(cp));
}

}  // namespace

bool Tokenize(std::string_view text, TokenizeMode mode, const TokenSink& sink) {
  const bool document = mode == TokenizeMode::kDocument;
  // The word being built (folded), and its extent in the input.
  std::string word;
  size_t word_begin = 0;
  size_t word_end = 0;
  bool in_word = false;
  char32_t last_word_char = 0;
  // The current run of CJK characters: its length and its last character.
  size_t run_length = 0;
  size_t last_begin = 0;
  size_t last_end = 0;
  // In queries, the unigram that ends a run of two or more characters, owed
  // only when another token follows (it holds the run's last position).
  bool unigram_owed = false;
  size_t owed_begin = 0;
  size_t owed_end = 0;

  auto emit = [&](const Token& token) -> bool {
    if (unigram_owed) {
      unigram_owed = false;
      if (!sink(
              Token{text.substr(owed_begin, owed_end - owed_begin), owed_begin, owed_end, false})) {
        return false;
      }
    }
    return sink(token);
  };
  auto end_word = [&]() -> bool {
    if (!in_word) return true;
    in_word = false;
    return emit(Token{word, word_begin, word_end, false});
  };
  // The last character of a run stands alone: its unigram takes a position of
  // its own in documents, and in queries where anything follows the run.
  auto end_run = [&]() -> bool {
    if (run_length == 0) return true;
    const Token unigram{text.substr(last_begin, last_end - last_begin), last_begin, last_end,
                        false};
    if (document || run_length == 1) {
      run_length = 0;
      return emit(unigram);
    }
    run_length = 0;
    unigram_owed = true;
    owed_begin = last_begin;
    owed_end = last_end;
    return true;
  };

  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = pos;
    const char32_t raw = text::DecodeUtf8(text, &pos);
    if (IsCjk(raw)) {  // folding never changes a CJK character
      if (!end_word()) return false;
      if (run_length > 0) {
        if (!emit(Token{text.substr(last_begin, pos - last_begin), last_begin, pos, false})) {
          return false;
        }
        if (document && !sink(Token{text.substr(last_begin, last_end - last_begin), last_begin,
                                    last_end, true})) {
          return false;
        }
      }
      last_begin = begin;
      last_end = pos;
      ++run_length;
      continue;
    }
    const char32_t cp = Fold(raw);
    bool word_char = IsWordChar(cp);
    if (!word_char && cp == '.' && in_word && IsAsciiDigit(last_word_char) && pos < text.size()) {
      size_t peek = pos;
      word_char = IsAsciiDigit(Fold(text::DecodeUtf8(text, &peek)));
    }
    if (!word_char) {
      if (!end_run() || !end_word()) return false;
      continue;
    }
    if (!end_run()) return false;
    if (!in_word) {
      in_word = true;
      word.clear();
      word_begin = begin;
    }
    std::string folded;
    text::AppendUtf8(cp, &folded);
    if (word.size() + folded.size() <= kMaxTokenBytes) word += folded;
    word_end = pos;
    last_word_char = cp;
  }
  return end_run() && end_word();
}

std::vector<std::string> QueryTokens(std::string_view text) {
  std::vector<std::string> tokens;
  Tokenize(text, TokenizeMode::kQuery, [&](const Token& token) {
    tokens.emplace_back(token.text);
    return true;
  });
  return tokens;
}

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) text::AppendUtf8(Fold(text::DecodeUtf8(text, &pos)), &out);
  return out;
}

}  // namespace mubiao::search
