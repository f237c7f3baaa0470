#include "text/utf8.h"

#include <algorithm>

namespace mubiao::text {

char32_t internal::DecodeUtf8Multibyte(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = *pos;
  unsigned char c = p[i];
  int len;
  char32_t cp;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kReplacementChar;
  }
  if (i + len > n) {
    *pos = i + 1;
    return kReplacementChar;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) {
      *pos = i + 1;
      return kReplacementChar;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacementChar;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    char32_t cp = DecodeUtf8(s, &i);
    // A genuine U+FFFD is three bytes long; a substitution consumed one.
    if (cp == kReplacementChar && i - start != 3) return false;
  }
  return true;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) DecodeUtf8(s, &i);
  return count;
}

std::string PadToColumns(std::string_view s, size_t columns) {
  size_t used = 0;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const size_t width = DecodeUtf8(s, &i) >= 0x1100 ? 2 : 1;
    if (used + width > columns) break;
    out.append(s, start, i - start);
    used += width;
  }
  return out + std::string(columns - used, ' ');
}

int DigitValue(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  return -1;
}

bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool IsAccountName(std::string_view name, size_t max_chars) {
  if (name.empty() || !IsValidUtf8(name) || CountCodePoints(name) > max_chars) return false;
  for (size_t pos = 0; pos < name.size();) {
    const char32_t c = DecodeUtf8(name, &pos);
    const bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ascii_ok && !IsHan(c)) return false;
  }
  return true;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x3000 || cp == 0x00A0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 ||
         cp == 0x200B || cp == 0xFEFF;
}

size_t LastCodePointStart(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t next = start;
  DecodeUtf8(s, &next);
  return next == s.size() ? start : s.size() - 1;
}

Span TrimSpan(std::string_view text, Span within) {
  size_t b = within.begin;
  size_t e = within.end;
  while (b < e) {
    size_t next = b;
    if (!IsSpace(DecodeUtf8(text, &next))) break;
    b = next;
  }
  while (e > b) {
    const size_t start = std::max(b, LastCodePointStart(text.substr(0, e)));
    size_t next = start;
    if (!IsSpace(DecodeUtf8(text, &next)) || next != e) break;
    e = start;
  }
  return {b, e};
}

std::string_view TrimSpace(std::string_view s) {
  Span span = TrimSpan(s, {0, s.size()});
  return s.substr(span.begin, span.size());
}

namespace {

// Code points that move or split a line, or reorder what follows them.
bool NeedsEscape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x061C || cp == 0x200E ||
         cp == 0x200F || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string EscapeForDisplay(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t begin = pos;
    const char32_t cp = DecodeUtf8(s, &pos);
    if (cp == kReplacementChar && pos - begin == 1) {  // an invalid byte
      const auto byte = static_cast<unsigned char>(s[begin]);
      out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
    } else if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x80 && NeedsEscape(cp)) {
      out += {'\\', 'x', kHex[cp >> 4], kHex[cp & 0xF]};
    } else if (NeedsEscape(cp)) {
      out +=
          {'\\', 'u', kHex[cp >> 12], kHex[(cp >> 8) & 0xF], kHex[(cp >> 4) & 0xF], kHex[cp & 0xF]};
    } else {
      out.append(s.substr(begin, pos - begin));
    }
  }
  return out;
}

}  // namespace mubiao::text
