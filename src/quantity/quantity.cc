#include "quantity/quantity.h"

#include <algorithm>
#include <cmath>

#include "quantity/grammar.h"
#include "quantity/lexicon.h"
#include "text/ascii.h"
#include "text/normalize.h"

namespace mubiao::quantity {
namespace {

using internal::ComparatorEntry;
using internal::Core;
using internal::Grammar;
using internal::Lexicons;
using internal::Mode;
using internal::NumberInfo;
using internal::Parsed;

using text::IsAsciiDigit;
using text::IsAsciiLetter;
bool IsAsciiAlnum(char32_t c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

bool IsChineseDigit(char32_t c) {
  const internal::NumeralChar* n = Lexicons::Get().Numeral(c);
  return n != nullptr && n->role == internal::NumeralRole::kDigit;
}

// A Han character that is neither a numeral nor a unit: the 策 of 一户一策.
bool IsPlainHan(const Grammar& g, size_t pos) {
  const char32_t c = g.At(pos);
  size_t end;
  return text::IsHan(c) && Lexicons::Get().Numeral(c) == nullptr && g.UnitAt(pos, &end) == nullptr;
}

// The end of a token of a name, code or formula written with Latin letters,
// digits and joining signs (PM2.5, COVID-19, 1+11+7, 2023-02-27, 8:30).
size_t SkipToken(std::string_view text, size_t pos) {
  constexpr std::string_view kJoiners = "._-+/:#%*=";
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (!IsAsciiAlnum(c) && kJoiners.find(static_cast<char>(c)) == std::string_view::npos) break;
    ++pos;
  }
  return pos;
}

// A year: four Arabic digits (2023), Chinese digits one by one (二〇二三,
// 八五), or a numeral between 1900 and 2100 (两千零五).
bool LooksLikeYear(const NumberInfo& n) {
  if (n.point || n.vague) return false;
  const double v = n.lo.Value();
  return (n.arabic_integer && n.arabic_int_digits == 4 && !n.arabic_leading_zero) ||
         (n.digit_string && n.chars >= 2) ||
         (n.chinese && !n.arabic && v >= 1900 && v <= 2100 && v == std::floor(v));
}

// Why a parse of running text is not a quantity, or "" when it is one.
// `*resume` is where the scan continues after a rejection.
std::string_view Reject(const Grammar& g, const Parsed& q, size_t* resume) {
  const Core& c = q.first;
  const NumberInfo& n = c.number;
  const std::string_view t = g.text();
  size_t prev_begin;
  const char32_t prev = g.Before(c.begin, &prev_begin);

  // Names, codes and formulas: PM2.5, G107, COVID-19, 1+11+7, 2023-02-27.
  constexpr std::u32string_view kTokenMarks = U"._#@&+/\\*=×%?·∶";
  if (IsAsciiAlnum(prev) || kTokenMarks.find(prev) != std::u32string_view::npos) {
    *resume = SkipToken(t, c.begin);
    return "part of a name, code or formula";
  }
  if (prev == '-' || prev == ':' || prev == U'：') {
    if (IsAsciiAlnum(g.Before(prev_begin))) {
      *resume = SkipToken(t, c.begin);
      return "part of a name, code or date";
    }
  }
  const Core& last = q.is_range ? q.second : c;
  const char32_t after_number = g.At(n.end);
  const char32_t after_last = g.At(last.number.end);
  if (IsAsciiLetter(after_number) && c.end == n.end) {
    *resume = SkipToken(t, c.begin);
    return "part of a name (5G, 3D)";
  }
  for (const char32_t follow : {after_number, after_last}) {
    if (std::u32string_view(U"+×*=").find(follow) != std::u32string_view::npos) {
      *resume = SkipToken(t, c.begin);
      return "part of a formula";
    }
  }
  if (!last.fraction) {
    // 2023-02-27, 8:30, 1-2-3: a chain of numbers is a date, time or code.
    size_t after;
    const char32_t mark = g.At(last.number.end, &after);
    if (std::u32string_view(U"-/:.·∶：").find(mark) != std::u32string_view::npos &&
        IsAsciiDigit(g.At(after))) {
      *resume = SkipToken(t, c.begin);
      return "part of a date, time or code";
    }
  }
  if (prev == U'第') return "an ordinal";
  if (n.chinese && !n.arabic && n.chars <= 2 &&
      (prev == U'周' || prev == U'初' || prev == U'拜' ||
       (prev == U'期' && g.Before(prev_begin) == U'星'))) {
    return "a day (周一, 初三)";
  }
  // “十四五”, “1+11+7”, “两个确保”: a number right after an opening quote is a label.
  if (std::u32string_view(U"“「『\"‘《").find(prev) != std::u32string_view::npos) {
    return "a quoted label";
  }
  const bool bare = q.unit.empty();
  if (prev == U'（' && (after_number == U'）' || g.At(c.end) == U'）')) return "an outline number";
  if (bare && after_number == U'、') return "an outline or list number";
  if (bare && n.arabic_integer && after_number == '.' &&
      (prev == 0 || prev == '\n' || prev == ' ')) {
    return "an outline number";
  }

  // 五点三十五分, 八点一刻, 八点三十, 早上一点零二, 十点十分三十六秒: clock times.
  if (n.chinese && bare) {
    if (n.point && std::u32string_view(U"分刻秒").find(g.At(c.end)) != std::u32string_view::npos) {
      return "a clock time";
    }
    if (prev == U'点' || prev == U'點') return "a clock time";
    size_t hour_begin;
    g.Before(prev_begin, &hour_begin);
    const std::string_view daytime = t.substr(hour_begin, c.begin - hour_begin);
    if (Lexicons::Get().IsTimeOfDay(daytime)) return "a clock time";
  }
  if (q.unit == "秒" && prev == U'分') return "a clock time";
  // Place and scale words alone: 每万人口 and 万元GDP are "per", 亿元以上项目 a class.
  if (n.units_only && !c.per_hundred && !c.fraction) {
    if (n.chars < 2 || prev == U'每') return "a unit of account (万元, 每万人)";
    // A magnitude counts nothing: 温暖千万家, 亿万人民, 百万人口 name a class.
    if (q.kind == QuantityKind::kCount || q.kind == QuantityKind::kPeople ||
        q.kind == QuantityKind::kTime) {
      return "a magnitude naming a class (千万家, 百万人口)";
    }
  }
  const internal::UnitEntry* unit = q.unit_entry;
  if (unit != nullptr && (unit->is_date || unit->is_clock || unit->is_label)) {
    *resume = std::max(*resume, q.end);
    return "a date, time or label";
  }
  if (unit != nullptr && unit->year &&
      (LooksLikeYear(n) || (q.is_range && LooksLikeYear(q.second.number)))) {
    *resume = std::max(*resume, q.end);
    return "a year";
  }
  if (bare && !c.fraction) {
    // A Chinese numeral with no unit or scale is a figure only when it stands
    // alone (共一百零五。) or has a bound (五百以上); before a word it names
    // something (二十大, 六十七中, 一是), and digit strings are years or codes
    // (二〇二三), neighbouring digits alone train numbers (高一二).
    const char32_t follow = g.At(q.end);
    if (n.chinese && !n.arabic && !n.big_scale && !n.point &&
        (n.digit_string || (n.vague && !n.place_words) ||
         (q.after == nullptr && (n.chars < 2 || text::IsHan(follow) || IsAsciiAlnum(follow))))) {
      return "a Chinese numeral naming something (二十大, 一是, 二〇二三)";
    }
    if (n.arabic_integer && n.arabic_int_digits == 4 && c.lo.Value() >= 1900 &&
        c.lo.Value() <= 2100) {
      return "a year";
    }
    if (n.arabic_leading_zero || n.arabic_int_digits > 15) return "a code";
  }
  if (n.too_long || n.dotted_chain || !std::isfinite(q.value) ||
      (q.has_max && !std::isfinite(q.value_max))) {
    return "too long for a figure";
  }
  if (n.single_financial) return "a word (陆地, 队伍, 收拾)";
  // Things are counted in whole numbers: 2.2本 is section 2.2 and a word.
  if (q.kind == QuantityKind::kCount && !q.approx &&
      (q.value != std::floor(q.value) || (q.has_max && q.value_max != std::floor(q.value_max)))) {
    return "a section number (2.2本)";
  }
  const bool one_han_digit = n.chinese && !n.arabic && n.chars == 1;
  if (one_han_digit && unit != nullptr && unit->han_word) return "a word (一度, 三方)";
  if (one_han_digit && !q.is_range && c.end > n.end) {
    // 一户一策, 一人一档: a slogan pairs a numeral and a character twice, and
    // one of the pairs is no quantity (九年八吨 is two).
    size_t next;
    g.At(c.end, &next);
    if (IsChineseDigit(g.At(c.end)) && IsPlainHan(g, next)) return "a slogan (一户一策)";
    size_t han_begin;
    g.Before(c.begin, &han_begin);
    size_t digit_begin;
    const char32_t digit = g.Before(han_begin, &digit_begin);
    const char32_t ahead = digit_begin > 0 ? g.Before(digit_begin) : 0;
    if (han_begin < c.begin && IsPlainHan(g, han_begin) && IsChineseDigit(digit) &&
        !IsChineseDigit(ahead) && !text::IsHan(ahead)) {
      return "a slogan (一户一策)";
    }
  }
  return "";
}

Quantity ToQuantity(const Parsed& q, std::string_view original, const text::NormalizedText* norm) {
  Quantity out;
  if (norm != nullptr) {
    norm->ToOriginal(q.begin, q.end, &out.span.begin, &out.span.end);
  } else {
    out.span = text::Span{0, original.size()};
  }
  out.text = std::string(original.substr(out.span.begin, out.span.size()));
  out.value = q.value;
  if (q.has_max) out.value_max = q.value_max;
  out.unit = q.unit;
  out.kind = q.kind;
  if (q.unit == "%") out.kind = QuantityKind::kPercent;
  out.cmp = q.cmp;
  out.approx = q.approx;
  return out;
}

// The normal form of a whole string: normalised, with its spaces dropped
// except one between two Arabic digits (1 3/5).
std::string SqueezeSpaces(std::string_view text) {
  const std::string normal = text::NormalizeForAnalysis(text).text;
  std::string out;
  out.reserve(normal.size());
  for (size_t i = 0; i < normal.size(); ++i) {
    if (normal[i] != ' ') {
      out.push_back(normal[i]);
      continue;
    }
    size_t j = i;
    while (j < normal.size() && normal[j] == ' ') ++j;
    if (!out.empty() && IsAsciiDigit(static_cast<unsigned char>(out.back())) && j < normal.size() &&
        IsAsciiDigit(static_cast<unsigned char>(normal[j]))) {
      out.push_back(' ');
    }
    i = j - 1;
  }
  return out;
}

struct WholeParse {
  std::string squeezed;
  Parsed parsed;
};

Result<WholeParse> ParseWholeString(std::string_view text, bool trace) {
  if (!text::IsValidUtf8(text)) return InvalidInput("not valid UTF-8");
  WholeParse w;
  w.squeezed = SqueezeSpaces(text);
  const std::string& s = w.squeezed;
  if (s.empty()) return InvalidInput("empty: no quantity");
  const Grammar g(s, Mode::kWholeString, trace);
  const Lexicons& lex = Lexicons::Get();
  size_t pos = 0;
  const ComparatorEntry* before = nullptr;
  size_t word_end;
  const int id = lex.comparators().LongestMatch(s, 0, &word_end);
  if (id >= 0 && !lex.comparator(id).after && g.CanStartNumber(word_end)) {
    before = &lex.comparator(id);
    pos = word_end;
  }
  size_t scanned;
  if (!g.CanStartNumber(pos) || !g.ParseQuantityAt(pos, before, 0, &w.parsed, &scanned)) {
    return InvalidInput("not a quantity: \"" + std::string(text) + "\"");
  }
  const Parsed& q = w.parsed;
  if (q.end != s.size()) {
    return InvalidInput("text left over after the quantity \"" + s.substr(0, q.end) + "\": \"" +
                        s.substr(q.end) + "\"");
  }
  if (q.unit_entry != nullptr &&
      (q.unit_entry->is_date || q.unit_entry->is_clock || q.unit_entry->is_label)) {
    return InvalidInput("a date, time or label, not a quantity: \"" + std::string(text) + "\"");
  }
  if (q.first.number.too_long || !std::isfinite(q.value)) {
    return InvalidInput("too large for a figure: \"" + std::string(text) + "\"");
  }
  return w;
}

}  // namespace

std::string_view QuantityKindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kNumber:
      return "number";
    case QuantityKind::kPercent:
      return "percent";
    case QuantityKind::kPercentagePoint:
      return "percentage_point";
    case QuantityKind::kMultiple:
      return "multiple";
    case QuantityKind::kMoney:
      return "money";
    case QuantityKind::kArea:
      return "area";
    case QuantityKind::kMass:
      return "mass";
    case QuantityKind::kLength:
      return "length";
    case QuantityKind::kVolume:
      return "volume";
    case QuantityKind::kEnergy:
      return "energy";
    case QuantityKind::kTime:
      return "time";
    case QuantityKind::kPeople:
      return "people";
    case QuantityKind::kCount:
      return "count";
    case QuantityKind::kTemperature:
      return "temperature";
    case QuantityKind::kData:
      return "data";
  }
  return "number";
}

std::vector<Quantity> FindQuantities(std::string_view original_utf8) {
  const text::NormalizedText norm = text::NormalizeForAnalysis(original_utf8);
  const std::string& t = norm.text;
  const Grammar g(t, Mode::kRunningText);
  const Lexicons& lex = Lexicons::Get();
  std::vector<Quantity> out;
  size_t blocked_until = 0;  // inside a word of non_quantities.txt
  // The bound word (约, 超过, …) reaching furthest right so far.
  const ComparatorEntry* bound = nullptr;
  size_t bound_begin = 0;
  size_t bound_end = 0;
  size_t i = 0;
  while (i < t.size()) {
    size_t end;
    if (lex.non_quantities().LongestMatch(t, i, &end) >= 0) {
      blocked_until = std::max(blocked_until, end);
    }
    const int id = lex.comparators().LongestMatch(t, i, &end);
    if (id >= 0 && !lex.comparator(id).after && end > bound_end) {
      bound = &lex.comparator(id);
      bound_begin = i;
      bound_end = end;
    }
    if (i >= blocked_until && g.CanStartNumber(i)) {
      const bool adjacent = bound != nullptr && bound_end <= i && i - bound_end <= 2 &&
                            t.find_first_not_of(' ', bound_end) >= i;
      Parsed q;
      size_t scanned;
      if (g.ParseQuantityAt(i, adjacent ? bound : nullptr, bound_begin, &q, &scanned)) {
        size_t resume = scanned;
        if (Reject(g, q, &resume).empty()) {
          out.push_back(ToQuantity(q, original_utf8, &norm));
          i = q.end;
          continue;
        }
        scanned = std::max(scanned, resume);
      }
      i = scanned;
      continue;
    }
    size_t next;
    g.At(i, &next);
    i = next;
  }
  return out;
}

Result<Quantity> ParseQuantity(std::string_view text) {
  Result<WholeParse> w = ParseWholeString(text, /*trace=*/false);
  if (!w.ok()) return w.status();
  const Parsed& q = w->parsed;
  if (q.unit_entry != nullptr && q.unit_entry->year && !q.is_range &&
      q.first.number.arabic_integer && q.first.number.arabic_int_digits == 4) {
    return InvalidInput("a year, not a quantity: \"" + std::string(text) + "\"");
  }
  return ToQuantity(q, text, nullptr);
}

Result<double> ParseNumber(std::string_view text, NumberSyntax syntax) {
  const bool strict = syntax == NumberSyntax::kStrict;
  Result<WholeParse> w = ParseWholeString(text, /*trace=*/strict);
  if (!w.ok()) return w.status();
  const Parsed& q = w->parsed;
  const Core& c = q.first;
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (q.has_max) return InvalidInput("a range, not one number: " + quoted);
  if (q.before != nullptr || q.after != nullptr) {
    return InvalidInput("a bounded quantity, not a number: " + quoted);
  }
  if (c.per_hundred || c.tenths || q.unit == "%") return InvalidInput("a percentage: " + quoted);
  double value = q.value;
  if (!q.unit.empty()) {
    const internal::UnitEntry* unit = c.unit;
    if (unit != nullptr && unit->count_of > 0) {
      value *= unit->count_of;  // 一打 = 12
    } else if (q.unit != "个" && (unit == nullptr || !unit->yuan)) {
      return InvalidInput("a quantity in " + q.unit + ", not a number: " + quoted);
    }
  }
  if (strict) {
    const bool yuan = c.unit != nullptr && c.unit->yuan;
    if (text.find(' ') != std::string_view::npos || w->squeezed.front() == '-' || c.fraction ||
        c.number.more || c.number.vague || c.number.arabic || c.half_after_unit ||
        (!q.unit.empty() && !(yuan && (c.yuan_whole || c.yuan_subunits))) ||
        !internal::IsCanonicalNumeral(c.number.trace)) {
      return InvalidInput("not in the canonical written form: " + quoted);
    }
  }
  return value;
}

}  // namespace mubiao::quantity
