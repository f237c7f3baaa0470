// UTF-8 primitives. All offsets in mubiao are byte offsets into UTF-8 text
// unless a name says otherwise; ranges are half-open [begin, end).
#ifndef MUBIAO_TEXT_UTF8_H_
#define MUBIAO_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace mubiao::text {

// A half-open byte range [begin, end) into some text.
struct Span {
  size_t begin = 0;  // first byte, included
  size_t end = 0;    // one past the last byte, not included
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// The code point substituted for bytes that are not valid UTF-8.
inline constexpr char32_t kReplacementChar = 0xFFFD;

namespace internal {
// DecodeUtf8 of any sequence that does not start with an ASCII byte.
char32_t DecodeUtf8Multibyte(std::string_view s, size_t* pos);
// DecodeUtf8 of a sequence that does not start with an ASCII byte: a
// well-formed three-byte one led by E1–EC or EE–EF (Chinese characters and
// full-width punctuation; no overlong form or surrogate is possible there)
// here, every other one by DecodeUtf8Multibyte.
inline char32_t DecodeUtf8NonAscii(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const bool lead = (p[0] >= 0xE1 && p[0] <= 0xEC) || p[0] == 0xEE || p[0] == 0xEF;
  if (lead && i + 3 <= s.size() && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    *pos = i + 3;
    return (static_cast<char32_t>(p[0] & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) |
           (p[2] & 0x3F);
  }
  return DecodeUtf8Multibyte(s, pos);
}
}  // namespace internal

// Decodes the code point starting at byte *pos of `s` and advances *pos past
// it. An invalid or truncated sequence yields kReplacementChar and advances
// one byte, so every loop over a string terminates. Requires *pos < s.size().
// Inline: every scanner of the project decodes through it.
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return internal::DecodeUtf8NonAscii(s, pos);
}

// Appends the UTF-8 encoding of `cp` to `out` (invalid code points become
// kReplacementChar).
void AppendUtf8(char32_t cp, std::string* out);

// True when `s` is entirely well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Number of code points in `s` (invalid bytes count one each).
size_t CountCodePoints(std::string_view s);

// `s` cut or padded with spaces to `columns` terminal columns, counting
// wide characters (CJK, from U+1100 on) as two: for aligned tables.
std::string PadToColumns(std::string_view s, size_t columns);

// Where the code point ending `s` starts: the offset of the last lead byte
// at most three bytes back, or s.size() - 1 when the tail is no sequence;
// 0 for an empty `s`.
size_t LastCodePointStart(std::string_view s);

// True for CJK unified ideographs (including extensions A-G and compatibility
// ideographs) and the ideographic number zero 〇.
bool IsHan(char32_t cp);

// True when `name` is 1..max_chars characters, each an ASCII letter or
// digit, '_', '-', '.' or a Chinese character: the names people sign in with.
bool IsAccountName(std::string_view name, size_t max_chars);

// The value of an ASCII or full-width digit (０–９, as old transcriptions
// write years); -1 for any other code point.
int DigitValue(char32_t cp);

// Calls `f(value, begin, end)` for every run of exactly four ASCII or
// full-width digits in `s` ("2024", "２０２４"), [begin, end) being its
// bytes; with `spaced`, single spaces between its digits count too
// ("1 9 9 7", as old transcriptions write years). For years: the callers
// look at what follows (年).
template <typename F>
void ForEachFourDigitNumber(std::string_view s, bool spaced, F f) {
  int value = 0;
  int digits = 0;
  size_t begin = 0;
  size_t end = 0;
  for (size_t pos = 0;;) {
    const size_t at = pos;
    const bool more = pos < s.size();
    const char32_t c = more ? DecodeUtf8(s, &pos) : 0;
    if (const int d = more ? DigitValue(c) : -1; d >= 0) {
      if (digits == 0) begin = at;
      if (digits < 4) value = value * 10 + d;  // a longer run is no year, and may not overflow
      ++digits;
      end = pos;
      continue;
    }
    if (spaced && c == U' ' && digits > 0 && digits < 4) continue;
    if (digits == 4) f(value, begin, end);
    if (!more) return;
    value = 0;
    digits = 0;
  }
}

// True for Unicode white space, including the ideographic space U+3000.
bool IsSpace(char32_t cp);

// `s` without leading and trailing white space (ASCII and U+3000, U+00A0).
std::string_view TrimSpace(std::string_view s);

// Byte span of `s` without leading and trailing white space, relative to
// `within` of `text`.
Span TrimSpan(std::string_view text, Span within);

// `s` made safe to print as part of one line of a message (a file name in
// an error line): backslash, control characters, line and paragraph
// separators and bidirectional controls become C-style escapes (\\, \n,
// \t, \r, \x01, \u0085, \u2028, \u202e), and bytes that are not valid
// UTF-8 become \xNN. Everything else, Chinese included, is kept as it is.
std::string EscapeForDisplay(std::string_view s);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_UTF8_H_
