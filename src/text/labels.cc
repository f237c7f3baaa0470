#include "text/labels.h"

#include "text/utf8.h"

namespace mubiao::text {
namespace {

bool IsChineseNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十〇零百").find(c) != std::u32string_view::npos;
}

}  // namespace

size_t NumeralLabel(std::string_view s, std::u32string_view marks) {
  size_t p = 0;
  int numerals = 0;
  while (p < s.size() && numerals < 4) {
    size_t q = p;
    char32_t c = DecodeUtf8(s, &q);
    if (!IsChineseNumeral(c)) {
      if (numerals > 0 && marks.find(c) != std::u32string_view::npos) return q;
      return 0;
    }
    ++numerals;
    p = q;
  }
  return 0;
}

size_t SectionLabel(std::string_view s) {
  size_t open = s.starts_with("（") ? 3 : s.starts_with("(") ? 1 : 0;
  if (open == 0) return 0;
  std::string_view rest = s.substr(open);
  size_t n = NumeralLabel(rest, U"）)");
  return n == 0 ? 0 : open + n;
}

size_t ChapterLabel(std::string_view s) {
  if (!s.starts_with("第")) return 0;
  size_t p = 3;
  int numerals = 0;
  while (p < s.size()) {
    size_t q = p;
    if (!IsChineseNumeral(DecodeUtf8(s, &q))) break;
    ++numerals;
    p = q;
  }
  if (numerals == 0) return 0;
  for (std::string_view unit : {"章", "篇", "部分"}) {
    if (s.substr(p, unit.size()) == unit) return p + unit.size();
  }
  return 0;
}

size_t ListLabel(std::string_view s) {
  if (size_t n = NumeralLabel(s, U"是"); n > 0) return n;
  if (s.starts_with("第")) {
    size_t n = NumeralLabel(s.substr(3), U"，,、");
    if (n > 0) return 3 + n;
  }
  // One or two digits, ASCII or full-width, after an optional opening
  // bracket and before the closing one or a full stop. Inside brackets a
  // space or two may stand around the digits: "（ 2）", "( 12 )".
  const size_t open = s.starts_with("（") ? 3 : s.starts_with("(") ? 1 : 0;
  const auto skip_spaces = [&](size_t pos) {
    for (int n = 0; n < 2 && open > 0 && pos < s.size(); ++n) {
      size_t q = pos;
      const char32_t c = DecodeUtf8(s, &q);
      if (c != ' ' && c != U'\u3000' && c != U'\u00A0') break;
      pos = q;
    }
    return pos;
  };
  size_t p = skip_spaces(open);
  int digits = 0;
  while (p < s.size()) {
    size_t q = p;
    if (DigitValue(DecodeUtf8(s, &q)) < 0) break;
    p = q;
    ++digits;
  }
  if (digits > 0 && digits <= 2 && p < s.size()) {
    p = skip_spaces(p);
    const std::string_view rest = s.substr(p);
    if (open > 0) {
      if (rest.starts_with("）")) return p + 3;
      if (rest.starts_with(")")) return p + 1;
      return 0;
    }
    if (rest.starts_with("、")) return p + 3;
    // A point followed by a digit is a decimal point: "3.5万吨", "３．５万户".
    const size_t point = rest.starts_with(".") ? 1 : rest.starts_with("．") ? 3 : 0;
    if (point == 0) return 0;
    size_t after = point;
    if (after < rest.size() && DigitValue(DecodeUtf8(rest, &after)) >= 0) return 0;
    return p + point;
  }
  size_t q = 0;
  const char32_t c = s.empty() ? 0 : DecodeUtf8(s, &q);
  if (c >= U'①' && c <= U'⑳') return q;
  return 0;
}

}  // namespace mubiao::text
