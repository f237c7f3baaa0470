#include "quantity/quantity.h"

#include <algorithm>
#include <cmath>

#include "base/enum_names.h"
#include "quantity/canonical.h"
#include "quantity/grammar.h"
#include "quantity/lexer.h"
#include "quantity/lexicon.h"
#include "quantity/work_count.h"
#include "text/ascii.h"
#include "text/normalize.h"

namespace mubiao::quantity {
namespace {

using internal::ComparatorEntry;
using internal::Core;
using internal::Grammar;
using internal::IsAsciiDigit;
using internal::IsAsciiLetter;
using internal::Lexer;
using internal::Lexicons;
using internal::Mode;
using internal::NumberInfo;
using internal::Parsed;

using text::IsAsciiAlnum;

bool IsChineseDigit(char32_t c) {
  const internal::NumeralChar* n = Lexicons::Get().Numeral(c);
  return n != nullptr && n->role == internal::NumeralRole::kDigit;
}

// A Han character that is neither a numeral nor a unit: the 策 of 一户一策.
bool IsPlainHan(const Lexer& t, size_t pos) {
  const char32_t c = t.At(pos);
  size_t end;
  return text::IsHan(c) && Lexicons::Get().Numeral(c) == nullptr && t.UnitAt(pos, &end) == nullptr;
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

// Why a parse of running text is not a quantity: the filters of quantity.h
// ("What FindQuantities never reports"), one method per kind of thing that
// looks like a quantity and is none.
class RunningTextFilter {
 public:
  RunningTextFilter(const Lexer& t, const Parsed& q)
      : t_(t),
        q_(q),
        c_(q.first),
        n_(q.first.number),
        last_(q.is_range ? q.second : q.first),
        prev_(t.Before(c_.begin, &prev_begin_)),
        before_gap_(t.BeforeGap(c_.begin)),
        after_number_(t.At(n_.end)),
        bare_(q.unit.empty()) {}

  // Why the parse is no quantity, or "" when it is one. `*resume` is where
  // the scan continues after a rejection.
  std::string_view Reject(size_t* resume) const {
    std::string_view why = NameCodeOrFormula(resume);
    if (why.empty()) why = OrdinalDayLabelOrOutline();
    if (why.empty()) why = ClockTime();
    if (why.empty()) why = ClassDateOrYear(resume);
    if (why.empty()) why = BareNumber();
    if (why.empty()) why = NoFigure();
    if (why.empty()) why = Word();
    return why;
  }

 private:
  // PM2.5, G107, COVID-19, 1+11+7, 2023-02-27, 8:30, 5G.
  std::string_view NameCodeOrFormula(size_t* resume) const {
    const std::string_view why = NameCodeOrFormulaReason();
    if (!why.empty()) *resume = t_.SkipToken(c_.begin);
    return why;
  }

  std::string_view NameCodeOrFormulaReason() const {
    constexpr std::u32string_view kTokenMarks = U"._#@&+/\\*=×%?·∶";
    if (IsAsciiAlnum(prev_) || kTokenMarks.find(prev_) != std::u32string_view::npos) {
      return "part of a name, code or formula";
    }
    if ((prev_ == '-' || prev_ == ':' || prev_ == U'：') && IsAsciiAlnum(t_.Before(prev_begin_))) {
      return "part of a name, code or date";
    }
    if (IsAsciiLetter(after_number_) && c_.end == n_.end) return "part of a name (5G, 3D)";
    for (const char32_t follow : {after_number_, t_.At(last_.number.end)}) {
      if (std::u32string_view(U"+×*=").find(follow) != std::u32string_view::npos) {
        return "part of a formula";
      }
    }
    if (!last_.fraction) {
      // 2023-02-27, 8:30, 1-2-3: a chain of numbers is a date, time or code.
      size_t after;
      const char32_t mark = t_.At(last_.number.end, &after);
      if (std::u32string_view(U"-/:.·∶：").find(mark) != std::u32string_view::npos &&
          IsAsciiDigit(t_.At(after))) {
        return "part of a date, time or code";
      }
    }
    return "";
  }

  std::string_view OrdinalDayLabelOrOutline() const {
    if (before_gap_ == U'第') return "an ordinal";
    if (n_.chinese && !n_.arabic && n_.chars <= 2 &&
        (prev_ == U'周' || prev_ == U'初' || prev_ == U'拜' ||
         (prev_ == U'期' && t_.Before(prev_begin_) == U'星'))) {
      return "a day (周一, 初三)";
    }
    // “十四五”, “1+11+7”, “两个确保”: a number right after an opening quote is a label.
    if (std::u32string_view(U"“「『\"‘《").find(prev_) != std::u32string_view::npos) {
      return "a quoted label";
    }
    if (before_gap_ == U'（' &&
        (t_.At(t_.SkipGap(n_.end)) == U'）' || t_.At(t_.SkipGap(c_.end)) == U'）')) {
      return "an outline number";
    }
    if (bare_ && after_number_ == U'、') return "an outline or list number";
    if (bare_ && n_.arabic_integer && after_number_ == '.' &&
        (prev_ == 0 || prev_ == '\n' || prev_ == ' ')) {
      return "an outline number";
    }
    return "";
  }

  // 五点三十五分, 八点一刻, 八点三十, 早上一点零二, 十点十分三十六秒.
  std::string_view ClockTime() const {
    if (n_.chinese && bare_) {
      if (n_.point &&
          std::u32string_view(U"分刻秒").find(t_.At(c_.end)) != std::u32string_view::npos) {
        return "a clock time";
      }
      if (prev_ == U'点' || prev_ == U'點') return "a clock time";
      size_t hour_begin;
      t_.Before(prev_begin_, &hour_begin);
      const std::string_view daytime = t_.text().substr(hour_begin, c_.begin - hour_begin);
      if (Lexicons::Get().IsTimeOfDay(daytime)) return "a clock time";
    }
    if (q_.unit == "秒" && prev_ == U'分') return "a clock time";
    return "";
  }

  std::string_view ClassDateOrYear(size_t* resume) const {
    // Place and scale words alone: 每万人口 and 万元GDP are "per", 亿元以上项目 a class.
    if (n_.units_only && !c_.per_hundred && !c_.fraction) {
      if (n_.chars < 2 || prev_ == U'每') return "a unit of account (万元, 每万人)";
      // A magnitude counts nothing: 温暖千万家, 亿万人民, 百万人口 name a class.
      if (q_.kind == QuantityKind::kCount || q_.kind == QuantityKind::kPeople ||
          q_.kind == QuantityKind::kTime) {
        return "a magnitude naming a class (千万家, 百万人口)";
      }
    }
    const internal::UnitEntry* unit = q_.unit_entry;
    if (unit != nullptr && (unit->is_date || unit->is_clock || unit->is_label)) {
      *resume = std::max(*resume, q_.end);
      return "a date, time or label";
    }
    if (unit != nullptr && unit->year &&
        (LooksLikeYear(n_) || (q_.is_range && LooksLikeYear(q_.second.number)))) {
      *resume = std::max(*resume, q_.end);
      return "a year";
    }
    return "";
  }

  std::string_view BareNumber() const {
    if (!bare_ || c_.fraction) return "";
    // A Chinese numeral with no unit or scale is a figure only when it stands
    // alone (共一百零五。) or has a bound (五百以上); before a word it names
    // something (二十大, 六十七中, 一是), and digit strings are years or codes
    // (二〇二三), neighbouring digits alone train numbers (高一二).
    const char32_t follow = t_.At(q_.end);
    if (n_.chinese && !n_.arabic && !n_.big_scale && !n_.point &&
        (n_.digit_string || (n_.vague && !n_.place_words) ||
         (q_.after == nullptr && (n_.chars < 2 || text::IsHan(follow) || IsAsciiAlnum(follow))))) {
      return "a Chinese numeral naming something (二十大, 一是, 二〇二三)";
    }
    if (n_.arabic_integer && n_.arabic_int_digits == 4 && c_.lo.Value() >= 1900 &&
        c_.lo.Value() <= 2100) {
      return "a year";
    }
    if (n_.arabic_leading_zero || n_.arabic_int_digits > 15) return "a code";
    return "";
  }

  std::string_view NoFigure() const {
    if (n_.too_long || n_.dotted_chain || !std::isfinite(q_.value) ||
        (q_.has_max && !std::isfinite(q_.value_max))) {
      return "too long for a figure";
    }
    if (n_.single_financial) return "a word (陆地, 队伍, 收拾)";
    // Things are counted in whole numbers: 2.2本 is section 2.2 and a word.
    if (q_.kind == QuantityKind::kCount && !q_.approx &&
        (q_.value != std::floor(q_.value) ||
         (q_.has_max && q_.value_max != std::floor(q_.value_max)))) {
      return "a section number (2.2本)";
    }
    return "";
  }

  // 一度, 三方; 一户一策, 一人一档: a slogan pairs a numeral and a character
  // twice, and one of the pairs is no quantity (九年八吨 is two).
  std::string_view Word() const {
    if (!n_.chinese || n_.arabic || n_.chars != 1) return "";
    const internal::UnitEntry* unit = q_.unit_entry;
    if (unit != nullptr && unit->han_word) return "a word (一度, 三方)";
    if (q_.is_range || c_.end <= n_.end) return "";
    size_t next;
    t_.At(c_.end, &next);
    if (IsChineseDigit(t_.At(c_.end)) && IsPlainHan(t_, next)) return "a slogan (一户一策)";
    size_t han_begin;
    t_.Before(c_.begin, &han_begin);
    size_t digit_begin;
    const char32_t digit = t_.Before(han_begin, &digit_begin);
    const char32_t ahead = digit_begin > 0 ? t_.Before(digit_begin) : 0;
    if (han_begin < c_.begin && IsPlainHan(t_, han_begin) && IsChineseDigit(digit) &&
        !IsChineseDigit(ahead) && !text::IsHan(ahead)) {
      return "a slogan (一户一策)";
    }
    return "";
  }

  const Lexer& t_;
  const Parsed& q_;
  const Core& c_;
  const NumberInfo& n_;
  const Core& last_;  // the second core of a range, else the first
  size_t prev_begin_ = 0;
  const char32_t prev_;        // the character before the quantity's first core
  const char32_t before_gap_;  // the same, before a gap there (第 5 届)
  const char32_t after_number_;
  const bool bare_;  // no unit
};

// Normalisation makes a tab a space, but the importers join table cells with
// tabs ("20\t万人发明专利拥有量" is row 20 and a heading), so a tab stays a tab
// here: no gap.
void KeepTabs(std::string_view original, text::NormalizedText* norm) {
  if (original.find('\t') == std::string_view::npos) return;
  for (size_t i = 0; i < norm->text.size(); ++i) {
    if (norm->text[i] == ' ' && original[norm->origin[i]] == '\t') norm->text[i] = '\t';
  }
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

// Parses `text` as one quantity; sets *steps to the work done.
Result<WholeParse> ParseWholeString(std::string_view text, bool trace, uint64_t* steps) {
  *steps = 0;
  if (!text::IsValidUtf8(text)) return InvalidInput("not valid UTF-8");
  WholeParse w;
  w.squeezed = SqueezeSpaces(text);
  const std::string& s = w.squeezed;
  if (s.empty()) return InvalidInput("empty: no quantity");
  const Grammar g(s, Mode::kWholeString, trace);
  const Lexer& t = g.lexer();
  size_t pos = 0;
  size_t word_end;
  const ComparatorEntry* before = t.ComparatorAt(0, &word_end);
  if (before != nullptr && !before->after && t.CanStartNumber(word_end)) {
    pos = word_end;
  } else {
    before = nullptr;
  }
  size_t scanned;
  const bool parsed =
      t.CanStartNumber(pos) && g.ParseQuantityAt(pos, before, 0, &w.parsed, &scanned);
  *steps = t.steps();
  if (!parsed) return InvalidInput("not a quantity: \"" + std::string(text) + "\"");
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

constexpr EnumName<QuantityKind> kKindNames[] = {
    {QuantityKind::kNumber, "number"},
    {QuantityKind::kPercent, "percent"},
    {QuantityKind::kPercentagePoint, "percentage_point"},
    {QuantityKind::kMultiple, "multiple"},
    {QuantityKind::kMoney, "money"},
    {QuantityKind::kArea, "area"},
    {QuantityKind::kMass, "mass"},
    {QuantityKind::kLength, "length"},
    {QuantityKind::kVolume, "volume"},
    {QuantityKind::kEnergy, "energy"},
    {QuantityKind::kTime, "time"},
    {QuantityKind::kPeople, "people"},
    {QuantityKind::kCount, "count"},
    {QuantityKind::kTemperature, "temperature"},
    {QuantityKind::kData, "data"},
};

std::string_view QuantityKindName(QuantityKind kind) { return NameIn(kKindNames, kind); }

std::optional<QuantityKind> ParseQuantityKind(std::string_view name) {
  return ValueIn(kKindNames, name);
}

namespace internal {

namespace {

// A doubling at `pos` of normalised `text` (翻番, 翻了一番, 翻两番, 翻一番半:
// TARGETS.md writes 翻番 as 2 倍, so n doublings are 2^n 倍, to two decimals).
std::optional<Parsed> DoublingAt(std::string_view text, size_t pos) {
  constexpr std::string_view kTurn = "翻";
  constexpr std::string_view kTimes = "番";
  const std::string_view rest = text.substr(pos);
  if (!rest.starts_with(kTurn)) return std::nullopt;
  // “双翻番”, 两个翻番: the name of a pair of goals, no figure.
  for (std::string_view label : {"双", "个", "“"}) {
    if (text.substr(0, pos).ends_with(label)) return std::nullopt;
  }
  size_t at = kTurn.size();
  if (rest.substr(at).starts_with("了")) at += std::string_view("了").size();
  int doublings = 1;
  struct Count {
    std::string_view word;
    int n;
  };
  for (const Count c : {Count{"一", 1}, Count{"两", 2}, Count{"二", 2}, Count{"三", 3},
                        Count{"1", 1}, Count{"2", 2}, Count{"3", 3}}) {
    if (rest.substr(at).starts_with(c.word)) {
      doublings = c.n;
      at += c.word.size();
      break;
    }
  }
  if (!rest.substr(at).starts_with(kTimes)) return std::nullopt;
  at += kTimes.size();
  // 翻一番半: one and a half doublings.
  const bool half = rest.substr(at).starts_with("半");
  if (half) at += std::string_view("半").size();
  // 收入翻番计划, 外贸翻番工程: the name of a programme, no figure.
  for (std::string_view name : {"计划", "工程", "行动", "战略"}) {
    if (rest.substr(at).starts_with(name)) return std::nullopt;
  }
  Parsed q;
  q.begin = pos;
  q.end = pos + at;
  q.value = std::round(std::exp2(doublings + (half ? 0.5 : 0.0)) * 100) / 100;
  q.unit = "倍";
  q.kind = QuantityKind::kMultiple;
  return q;
}

}  // namespace

std::vector<Quantity> FindQuantitiesCountingSteps(std::string_view original_utf8, uint64_t* steps) {
  text::NormalizedText norm = text::NormalizeForAnalysis(original_utf8);
  KeepTabs(original_utf8, &norm);
  const std::string& text = norm.text;
  const Grammar g(text, Mode::kRunningText);
  const Lexer& t = g.lexer();
  std::vector<Quantity> out;
  size_t blocked_until = 0;  // inside a word of non_quantities.txt
  // The bound word (约, 超过, …) reaching furthest right so far.
  const ComparatorEntry* bound = nullptr;
  size_t bound_begin = 0;
  size_t bound_end = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t end;
    if (t.NonQuantityAt(i, &end)) blocked_until = std::max(blocked_until, end);
    const ComparatorEntry* word = t.ComparatorAt(i, &end);
    if (word != nullptr && !word->after && end > bound_end) {
      bound = word;
      bound_begin = i;
      bound_end = end;
    }
    if (i >= blocked_until) {
      if (std::optional<Parsed> doubling = DoublingAt(text, i)) {
        out.push_back(ToQuantity(*doubling, original_utf8, &norm));
        i = doubling->end;
        continue;
      }
    }
    if (i >= blocked_until && t.CanStartNumber(i)) {
      const bool adjacent = bound != nullptr && bound_end <= i && t.SkipGap(bound_end) == i;
      Parsed q;
      size_t scanned;
      if (g.ParseQuantityAt(i, adjacent ? bound : nullptr, bound_begin, &q, &scanned)) {
        size_t resume = scanned;
        if (RunningTextFilter(t, q).Reject(&resume).empty()) {
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
    t.At(i, &next);
    i = next;
  }
  *steps = t.steps();
  return out;
}

Result<Quantity> ParseQuantityCountingSteps(std::string_view text, uint64_t* steps) {
  Result<WholeParse> w = ParseWholeString(text, /*trace=*/false, steps);
  if (!w.ok()) return w.status();
  const Parsed& q = w->parsed;
  if (q.unit_entry != nullptr && q.unit_entry->year && !q.is_range &&
      q.first.number.arabic_integer && q.first.number.arabic_int_digits == 4) {
    return InvalidInput("a year, not a quantity: \"" + std::string(text) + "\"");
  }
  return ToQuantity(q, text, nullptr);
}

}  // namespace internal

bool IsGap(std::string_view between) {
  size_t pos = 0;
  for (int n = 0; pos < between.size(); ++n) {
    const char32_t c = text::DecodeUtf8(between, &pos);
    if (n == kMaxGap || c == '\t' || text::NormalizeChar(c) != ' ') return false;
  }
  return true;
}

std::vector<Quantity> FindQuantities(std::string_view original_utf8) {
  uint64_t steps;
  return internal::FindQuantitiesCountingSteps(original_utf8, &steps);
}

Result<Quantity> ParseQuantity(std::string_view text) {
  uint64_t steps;
  return internal::ParseQuantityCountingSteps(text, &steps);
}

Result<double> ParseNumber(std::string_view text, NumberSyntax syntax) {
  const bool strict = syntax == NumberSyntax::kStrict;
  uint64_t steps;
  Result<WholeParse> w = ParseWholeString(text, /*trace=*/strict, &steps);
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
