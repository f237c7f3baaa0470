#include "search/tokenizer.h"

#include <unicode/uchar.h>

#include "text/ascii.h"
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

using text::IsAsciiDigit;

// Characters of whole-word tokens (after folding).
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiDigit(cp) || (cp >= 'a' && cp <= 'z');
  return cp != text::kReplacementChar && !IsCjk(cp) && u_isalnum(static_cast<UChar32>(cp));
}

}  // namespace

bool Tokenize(std::string_view text, TokenizeMode mode, const TokenSink& sink) {
  const bool query = mode == TokenizeMode::kQuery;
  const bool characters = mode == TokenizeMode::kCharacters;
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
  // In queries, the lone character that ends a run is owed until the next
  // token shows whether it needs to be a prefix: before a CJK token it may
  // begin a bigram with it (粮食 安全 → 食*), before a word it cannot (基站5G
  // → 站). A run's last character is dropped when nothing follows (the
  // bigram before it covers it), unless it is the whole run (老 → 老*).
  bool owed = false;
  bool owed_alone = false;
  size_t owed_begin = 0;
  size_t owed_end = 0;
  auto flush_owed = [&](bool prefix) -> bool {
    owed = false;
    return sink(
        Token{text.substr(owed_begin, owed_end - owed_begin), owed_begin, owed_end, prefix});
  };

  auto emit = [&](const Token& token) -> bool {
    if (owed) {
      size_t first = 0;
      if (!flush_owed(IsCjk(text::DecodeUtf8(token.text, &first)))) return false;
    }
    return sink(token);
  };
  auto end_word = [&]() -> bool {
    if (!in_word) return true;
    in_word = false;
    return characters || emit(Token{word, word_begin, word_end, false});
  };
  // The last character of a run stands alone: in documents always, in
  // queries as owed above.
  auto end_run = [&]() -> bool {
    if (run_length == 0) return true;
    const size_t length = run_length;
    run_length = 0;
    if (characters) return true;
    if (!query) {
      return emit(
          Token{text.substr(last_begin, last_end - last_begin), last_begin, last_end, false});
    }
    // A run right after an owed character: the character may begin a bigram
    // with the run's first one.
    if (owed && !flush_owed(true)) return false;
    owed = true;
    owed_alone = length == 1;
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
      if (characters) {
        if (!sink(Token{text.substr(begin, pos - begin), begin, pos, false})) return false;
        continue;
      }
      if (run_length > 0 &&
          !emit(Token{text.substr(last_begin, pos - last_begin), last_begin, pos, false})) {
        return false;
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
  if (!end_run() || !end_word()) return false;
  return !owed || !owed_alone || flush_owed(true);
}

std::vector<QueryToken> QueryTokens(std::string_view text) {
  std::vector<QueryToken> tokens;
  Tokenize(text, TokenizeMode::kQuery, [&](const Token& token) {
    tokens.push_back({std::string(token.text), token.prefix});
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
