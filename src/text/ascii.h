// ASCII character classes and case, for the Latin parts of mixed text (file
// extensions, HTML names, numbers written with 0-9). Bytes and code points
// outside ASCII are never digits and keep their case.
#ifndef MUBIAO_TEXT_ASCII_H_
#define MUBIAO_TEXT_ASCII_H_

#include <string>
#include <string_view>

namespace mubiao::text {

// True for 0-9 (a code point, or a byte widened to one).
constexpr bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// True for a-z and A-Z.
constexpr bool IsAsciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True for 0-9, a-z and A-Z.
constexpr bool IsAsciiAlnum(char32_t c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

// True when `s` is not empty and holds nothing but 0-9.
bool AllAsciiDigits(std::string_view s);

// `s` with A-Z turned into a-z.
std::string AsciiLower(std::string_view s);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_ASCII_H_
