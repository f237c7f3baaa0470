#include "text/normalize.h"

#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::text {

char32_t NormalizeChar(char32_t cp) {
  switch (cp) {
    case 0xFF0C:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF08:
    case 0xFF09:
    case 0xFF01:
    case 0xFF1F:
      return cp;  // already the full-width punctuation of the normal form
    case ',':
      return 0xFF0C;
    case ';':
      return 0xFF1B;
    case ':':
      return 0xFF1A;
    case '(':
      return 0xFF08;
    case ')':
      return 0xFF09;
    case '!':
      return 0xFF01;
    case '?':
      return 0xFF1F;
    case 0x3000:
    case 0x00A0:
    case '\t':
    case 0x2002:
    case 0x2003:
    case 0x2009:
      return ' ';
    case 0xFF5E:
    case 0x301C:
      return '~';
    default:
      break;
  }
  // Remaining full-width ASCII variants (digits, letters, % . + - / < = > ...).
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  return cp;
}

NormalizedText NormalizeForAnalysis(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.origin.reserve(original.size() + 1);
  char32_t prev = 0;  // previous original code point, normalised
  size_t i = 0;
  while (i < original.size()) {
    const size_t start = i;
    char32_t cp = DecodeUtf8(original, &i);
    char32_t mapped = NormalizeChar(cp);
    if ((cp == ',' || cp == ':') && IsAsciiDigit(prev) && i < original.size()) {
      // Keep a thousands separator or a clock colon ASCII when a digit follows.
      size_t peek = i;
      if (IsAsciiDigit(NormalizeChar(DecodeUtf8(original, &peek)))) mapped = cp;
    }
    size_t before = out.text.size();
    AppendUtf8(mapped, &out.text);
    out.origin.insert(out.origin.end(), out.text.size() - before, static_cast<uint32_t>(start));
    prev = mapped;
  }
  out.origin.push_back(static_cast<uint32_t>(original.size()));
  return out;
}

void NormalizedText::ToOriginal(size_t begin, size_t end, size_t* original_begin,
                                size_t* original_end) const {
  *original_begin = origin[begin];
  if (end == begin) {
    *original_end = *original_begin;
    return;
  }
  // The end is the original end of the last character inside the range: the
  // origin of the next character that starts at a different original offset.
  size_t last = origin[end - 1];
  size_t k = end;
  while (k < text.size() && origin[k] == last) ++k;
  *original_end = origin[k];
}

}  // namespace mubiao::text
