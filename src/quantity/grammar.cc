#include "quantity/grammar.h"

#include <algorithm>
#include <cmath>

#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::quantity::internal {
namespace {

// Larger "figures" are codes, serial numbers or noise, not quantities.
constexpr int kMaxDigits = 30;
constexpr double kMaxValue = 1e30;
// Digits a double holds exactly; further decimals only add rounding noise.
constexpr int kSignificantDigits = 17;

double Pow10(int exponent) {
  static const auto* const table = [] {
    auto* powers = new double[61];
    for (int e = -30; e <= 30; ++e) powers[e + 30] = std::pow(10.0, e);
    return powers;
  }();
  if (exponent >= -30 && exponent <= 30) return table[exponent + 30];
  return std::pow(10.0, exponent);
}

// The exponent of a power of ten held in a lexicon value (10 → 1, 10^8 → 8).
int Exponent(double power_of_ten) {
  return static_cast<int>(std::lround(std::log10(power_of_ten)));
}

using text::IsAsciiDigit;
using text::IsAsciiLetter;

Decimal Negated(Decimal d) { return Decimal{-d.mantissa, d.decimals}; }

// True for two digits read together as "one or the other": 三四 (3-4), 一两,
// 三五 (3-5, as in 三五年).
bool IsPair(const NumeralChar& a, const NumeralChar& b) {
  if (a.role != NumeralRole::kDigit || b.role != NumeralRole::kDigit || a.spoken || b.spoken) {
    return false;
  }
  return a.value >= 1 && (b.value == a.value + 1 || (a.value == 3 && b.value == 5));
}

}  // namespace

bool Grammar::EndsPair(size_t pos) const {
  const Element::Kind next = Lex(pos).kind;
  return next != Element::kDigit && next != Element::kPoint && next != Element::kArabic;
}

double Decimal::Value() const {
  if (decimals == 0) return mantissa;
  return decimals > 0 ? mantissa / Pow10(decimals) : mantissa * Pow10(-decimals);
}

Decimal Decimal::Shift(int exponent) const {
  if (exponent >= decimals) return Decimal{mantissa * Pow10(exponent - decimals), 0};
  return Decimal{mantissa, decimals - exponent};
}

Decimal Decimal::Plus(const Decimal& other) const {
  const int d = std::max(decimals, other.decimals);
  return Decimal{mantissa * Pow10(d - decimals) + other.mantissa * Pow10(d - other.decimals), d};
}

Decimal Decimal::Times(double factor) const { return Decimal{mantissa * factor, decimals}; }

Grammar::Grammar(std::string_view text, Mode mode, bool trace)
    : text_(text), mode_(mode), trace_(trace), lex_(Lexicons::Get()) {}

char32_t Grammar::At(size_t pos, size_t* next) const {
  if (pos >= text_.size()) {
    if (next) *next = text_.size();
    return text::kReplacementChar;
  }
  size_t p = pos;
  char32_t cp = text::DecodeUtf8(text_, &p);
  if (next) *next = p;
  return cp;
}

char32_t Grammar::Before(size_t pos, size_t* begin) const {
  if (pos == 0 || pos > text_.size()) {
    if (begin) *begin = 0;
    return 0;
  }
  size_t start = pos - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  size_t p = start;
  char32_t cp = text::DecodeUtf8(text_, &p);
  if (p != pos) {  // not a whole character: an invalid byte
    start = pos - 1;
    cp = text::kReplacementChar;
  }
  if (begin) *begin = start;
  return cp;
}

size_t Grammar::SkipSpaces(size_t pos, int max) const {
  while (max-- > 0 && pos < text_.size() && text_[pos] == ' ') ++pos;
  return pos;
}

const UnitEntry* Grammar::UnitAt(size_t pos, size_t* end) const {
  int id = lex_.units().LongestMatch(text_, pos, end);
  if (id < 0) return nullptr;
  // A longer word that starts here is no unit: 升至 (rises to), 部门.
  size_t word_end;
  if (lex_.non_quantities().LongestMatch(text_, pos, &word_end) >= 0 && word_end > *end) {
    return nullptr;
  }
  // A unit written in Latin letters must end a word: 5G is a name, not 5 g.
  const char last = text_[*end - 1];
  const char32_t after = *end < text_.size() ? static_cast<unsigned char>(text_[*end]) : 0;
  if ((IsAsciiLetter(last) || IsAsciiDigit(last)) &&
      (IsAsciiLetter(after) || IsAsciiDigit(after))) {
    return nullptr;
  }
  return &lex_.unit(id);
}

Element Grammar::LexArabic(size_t pos) const {
  Element e;
  e.kind = Element::kArabic;
  e.begin = pos;
  size_t p = pos;
  const size_t n = text_.size();
  auto digit_at = [&](size_t i) {
    return i < n && IsAsciiDigit(static_cast<unsigned char>(text_[i]));
  };
  double mantissa = 0;
  int significant = 0;
  auto take_integer_digit = [&](char c) {
    ++e.int_digits;
    if (e.int_digits <= kMaxDigits) {
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa != 0) ++significant;
    }
  };
  e.leading_zero = text_[p] == '0' && digit_at(p + 1);
  while (digit_at(p)) take_integer_digit(text_[p++]);
  // Thousands separators: groups of exactly three digits after a first group
  // of one to three (1,050,000). The full-width comma stays in normalised text.
  if (e.int_digits >= 1 && e.int_digits <= 3) {
    while (true) {
      size_t sep = 0;
      if (p < n && text_[p] == ',') {
        sep = 1;
      } else if (text_.substr(p, 3) == "\xEF\xBC\x8C") {  // ，
        sep = 3;
      }
      const size_t g = p + sep;
      if (sep == 0 || !digit_at(g) || !digit_at(g + 1) || !digit_at(g + 2) || digit_at(g + 3))
        break;
      for (size_t i = g; i < g + 3; ++i) take_integer_digit(text_[i]);
      p = g + 3;
      e.grouped = true;
    }
  }
  int decimals = 0;
  if (p < n && text_[p] == '.' && digit_at(p + 1)) {
    e.fraction = true;
    ++p;
    while (digit_at(p)) {
      if (significant < kSignificantDigits) {
        mantissa = mantissa * 10 + (text_[p] - '0');
        ++decimals;
        if (mantissa != 0) ++significant;
      }
      ++p;
    }
    // A second point: 1.2.3 is a section, version or address, not a figure.
    if (p < n && text_[p] == '.' && digit_at(p + 1)) {
      e.dotted_chain = true;
      while (p < n && (digit_at(p) || (text_[p] == '.' && digit_at(p + 1)))) ++p;
    }
  }
  e.arabic = Decimal{mantissa, decimals};
  if (e.int_digits > kMaxDigits) e.arabic = Decimal{kMaxValue * 10, 0};
  if (mode_ == Mode::kWholeString && !e.dotted_chain) {
    // Scientific notation: 2e5, 2.7890e-1, 12.32e+14.
    if (p < n && (text_[p] == 'e' || text_[p] == 'E')) {
      size_t q = p + 1;
      bool negative = false;
      if (q < n && (text_[q] == '+' || text_[q] == '-')) negative = text_[q++] == '-';
      if (digit_at(q)) {
        int exponent = 0;
        while (digit_at(q)) exponent = std::min(exponent * 10 + (text_[q++] - '0'), 999);
        e.arabic = e.arabic.Shift(negative ? -exponent : exponent);
        e.notation = true;
        p = q;
      }
    }
    // Powers: 2^5, 2^-1, 1.1^+23 (signs after ^ multiply: --23 is +23).
    if (p < n && text_[p] == '^') {
      size_t q = p + 1;
      bool negative = false;
      while (q < n && (text_[q] == '+' || text_[q] == '-')) negative ^= text_[q++] == '-';
      if (digit_at(q)) {
        int exponent = 0;
        while (digit_at(q)) exponent = std::min(exponent * 10 + (text_[q++] - '0'), 999);
        e.arabic = Decimal{std::pow(e.arabic.Value(), negative ? -exponent : exponent), 0};
        e.notation = true;
        p = q;
      }
    }
    // SI suffixes: 40k, 1.2M, .0012G.
    if (p < n && (p + 1 >= n || !IsAsciiLetter(static_cast<unsigned char>(text_[p + 1])))) {
      int exponent = 0;
      switch (text_[p]) {
        case 'k':
        case 'K':
          exponent = 3;
          break;
        case 'M':
          exponent = 6;
          break;
        case 'G':
          exponent = 9;
          break;
        default:
          break;
      }
      if (exponent != 0) {
        e.arabic = e.arabic.Shift(exponent);
        e.notation = true;
        ++p;
      }
    }
  }
  e.end = p;
  return e;
}

Element Grammar::Lex(size_t pos) const {
  Element e;
  e.begin = e.end = pos;
  if (pos >= text_.size()) return e;
  const auto c = static_cast<unsigned char>(text_[pos]);
  if (IsAsciiDigit(c)) return LexArabic(pos);
  if (c == '.' && mode_ == Mode::kWholeString && pos + 1 < text_.size() &&
      IsAsciiDigit(static_cast<unsigned char>(text_[pos + 1]))) {
    return LexArabic(pos);
  }
  const char32_t cp = At(pos, &e.end);
  e.kind = Element::kOther;
  const NumeralChar* numeral = lex_.Numeral(cp);
  if (numeral == nullptr) return e;
  // Spoken digits (洞, 拐) are words in running text.
  if (numeral->spoken && mode_ == Mode::kRunningText) return e;
  e.numeral = numeral;
  switch (numeral->role) {
    case NumeralRole::kDigit:
      e.kind = Element::kDigit;
      break;
    case NumeralRole::kUnit:
      e.kind = Element::kUnit;
      break;
    case NumeralRole::kScale:
      e.kind = Element::kScale;
      break;
    case NumeralRole::kTens:
      e.kind = Element::kTens;
      break;
    case NumeralRole::kPoint:
      e.kind = Element::kPoint;
      break;
    case NumeralRole::kHalf:
      e.kind = Element::kHalf;
      break;
    case NumeralRole::kMore:
      e.kind = Element::kMore;
      break;
    case NumeralRole::kSome:
      e.kind = Element::kSome;
      break;
    case NumeralRole::kSeveral:
      e.kind = Element::kSeveral;
      break;
    case NumeralRole::kMinus:
    case NumeralRole::kAnd:
      break;  // signs and 又 are read by the quantity grammar, not inside numbers
  }
  return e;
}

bool Grammar::CanStartNumber(size_t pos) const {
  if (pos >= text_.size()) return false;
  Element e = Lex(pos);
  switch (e.kind) {
    case Element::kArabic:
    case Element::kDigit:
    case Element::kUnit:
    case Element::kScale:
    case Element::kTens:
    case Element::kHalf:
    case Element::kSome:
    case Element::kSeveral:
      return true;
    default:
      break;
  }
  size_t next;
  const char32_t cp = At(pos, &next);
  const NumeralChar* numeral = lex_.Numeral(cp);
  const bool sign =
      cp == '-' || cp == U'\u2212' || (numeral && numeral->role == NumeralRole::kMinus);
  if (!sign) return false;
  const Element after = Lex(next);
  return after.kind == Element::kArabic || after.kind == Element::kDigit ||
         after.kind == Element::kUnit || after.kind == Element::kTens;
}

bool Grammar::ParseDigitString(size_t pos, NumberInfo* out, bool trace) const {
  NumberInfo n;
  n.begin = pos;
  size_t p = pos;
  double mantissa = 0;
  int count = 0;
  bool liang = false;
  bool spoken = false;
  while (true) {
    Element e = Lex(p);
    if (e.kind != Element::kDigit) break;
    liang |= e.numeral->liang;
    spoken |= e.numeral->spoken;
    if (++count <= kMaxDigits) mantissa = mantissa * 10 + e.DigitValue();
    if (trace) n.trace.push_back(e);
    p = e.end;
  }
  // 两 reads as a digit only in a figure read out radio style (幺八五洞幺拐两…);
  // 两两 is "in pairs".
  if (liang && !spoken) return false;
  int decimals = 0;
  Element point = Lex(p);
  if (point.kind == Element::kPoint) {
    Element d = Lex(point.end);
    if (d.kind == Element::kDigit && !d.numeral->liang) {
      if (trace) n.trace.push_back(point);
      p = point.end;
      while (d.kind == Element::kDigit && !d.numeral->liang) {
        if (decimals < kSignificantDigits) {
          mantissa = mantissa * 10 + d.DigitValue();
          ++decimals;
        }
        if (trace) n.trace.push_back(d);
        p = d.end;
        d = Lex(p);
      }
      n.point = true;
    }
  }
  n.end = p;
  n.lo = n.hi = Decimal{mantissa, decimals};
  n.any_digit = true;
  n.chinese = true;
  n.digit_string = true;
  n.too_long = count > kMaxDigits;
  n.chars = static_cast<int>(text::CountCodePoints(text_.substr(pos, p - pos)));
  *out = std::move(n);
  return true;
}

bool Grammar::ParseNumberAt(size_t pos, NumberInfo* out) const {
  const bool trace = trace_;
  NumberInfo n;
  n.begin = n.end = pos;
  {
    // Two digits in a row that are not a pair (三四) start a digit string.
    const Element first = Lex(pos);
    if (first.kind == Element::kDigit) {
      const Element second = Lex(first.end);
      if (second.kind == Element::kDigit &&
          !(IsPair(*first.numeral, *second.numeral) && EndsPair(second.end)) &&
          ParseDigitString(pos, out, trace)) {
        return true;
      }
    }
  }

  // The value is total (complete scale groups) + section (the current group
  // of four places) + pending (the last digit or Arabic literal, not yet
  // multiplied by a place). Each is a pair lo..hi for vague numbers.
  enum class Pending {
    kNone,
    kZero,
    kDigit,
    kPair,
    kArabic,
    kSingleArabic,
    kHalf,
    kVague,
    kDecimal
  };
  Decimal total_lo, total_hi, section_lo, section_hi, pending_lo, pending_hi;
  Pending pending = Pending::kNone;
  bool pending_after_place = false;  // the pending digit directly follows a place or scale word
  bool pending_first = false;        // the pending digit is the first element
  int max_scale = 0;                 // exponent of the largest scale applied to total
  int last_small = 0;                // exponent of the last place word in this group, 0 if none
  int last_place = 0;                // exponent of the last place or scale word
  Element::Kind prev = Element::kEnd;
  const NumeralChar* prev_digit = nullptr;
  bool zero_gap = false;  // a 零 since the last place word
  bool more = false;
  bool after_point = false;
  bool done = false;
  bool any = false;
  const NumeralChar* first_numeral = nullptr;
  size_t p = pos;

  auto has_pending_value = [&] { return pending != Pending::kNone && pending != Pending::kZero; };
  auto apply_abbreviation = [&] {
    // 三万五 = 35000: a last digit right after a place word is the next place down.
    const bool single = pending == Pending::kDigit || pending == Pending::kPair ||
                        pending == Pending::kSingleArabic;
    if (single && pending_after_place && last_place >= 2) {
      pending_lo = pending_lo.Shift(last_place - 1);
      pending_hi = pending_hi.Shift(last_place - 1);
      pending_after_place = false;
    }
  };
  auto set_pending = [&](Pending kind, Decimal lo, Decimal hi) {
    pending = kind;
    pending_lo = lo;
    pending_hi = hi;
    pending_after_place =
        (prev == Element::kUnit || prev == Element::kScale || prev == Element::kTens) && !zero_gap;
    pending_first = prev == Element::kEnd;
  };

  while (!done) {
    Element e = Lex(p);
    bool take = false;
    switch (e.kind) {
      case Element::kDigit: {
        if (more || after_point || e.numeral->spoken) break;
        const double d = e.DigitValue();
        if (d == 0) {
          if (pending == Pending::kNone && prev == Element::kEnd) {
            pending = Pending::kZero;
            any = true;
            take = true;
          } else if (pending == Pending::kNone && prev != Element::kEnd) {
            zero_gap = true;
            take = true;
          }
          break;
        }
        if (pending == Pending::kDigit && prev == Element::kDigit && prev_digit != nullptr) {
          // 三四十万, 十七八万, 一万六七: neighbouring digits make a range.
          if ((pending_after_place || pending_first) && IsPair(*prev_digit, *e.numeral) &&
              EndsPair(e.end)) {
            pending_hi = Decimal{d, 0};
            pending = Pending::kPair;
            n.vague = true;
            take = true;
          }
          break;
        }
        if (has_pending_value() || pending == Pending::kZero || prev == Element::kArabic) break;
        set_pending(Pending::kDigit, Decimal{d, 0}, Decimal{d, 0});
        any = true;
        take = true;
        break;
      }
      case Element::kArabic: {
        if (more || after_point || has_pending_value() || pending == Pending::kZero) break;
        if (prev == Element::kDigit && !zero_gap) break;
        const bool single =
            e.int_digits == 1 && !e.fraction && !e.grouped && !e.notation && !e.leading_zero;
        set_pending(single ? Pending::kSingleArabic : Pending::kArabic, e.arabic, e.arabic);
        if (!n.arabic) {
          n.arabic_int_digits = e.int_digits;
          n.arabic_leading_zero = e.leading_zero;
        }
        n.arabic = true;
        n.too_long |= e.int_digits > kMaxDigits;
        n.dotted_chain |= e.dotted_chain;
        n.notation |= e.notation;
        n.arabic_integer = !e.fraction && prev == Element::kEnd;
        any = true;
        take = true;
        break;
      }
      case Element::kUnit: {
        if (more || after_point) break;
        const int u = Exponent(e.DigitValue());
        // A unit that starts here ends the number: 100千瓦, 5百分点.
        size_t unit_end;
        if ((any || prev != Element::kEnd) && UnitAt(p, &unit_end) != nullptr) break;
        if (last_small != 0 && u >= last_small) break;
        Decimal lo{1, 0};
        Decimal hi{1, 0};
        if (has_pending_value()) {
          lo = pending_lo;
          hi = pending_hi;
        }
        section_lo = section_lo.Plus(lo.Shift(u));
        section_hi = section_hi.Plus(hi.Shift(u));
        if (prev == Element::kEnd && u == 1) n.leading_ten = true;
        last_small = last_place = u;
        pending = Pending::kNone;
        zero_gap = false;
        n.places_after_last_digit *= Pow10(u);
        n.place_words = true;
        take = true;
        break;
      }
      case Element::kTens: {
        if (more || after_point || has_pending_value() || pending == Pending::kZero) break;
        if (last_small != 0 && last_small <= 1) break;
        section_lo = section_lo.Plus(Decimal{e.DigitValue(), 0});
        section_hi = section_hi.Plus(Decimal{e.DigitValue(), 0});
        last_small = last_place = 1;
        n.places_after_last_digit = 10;
        n.scales_after_last_digit = 1;
        n.place_words = true;
        any = true;
        take = true;
        break;
      }
      case Element::kScale: {
        const int s = Exponent(e.DigitValue());
        size_t unit_end;
        if (UnitAt(p, &unit_end) != nullptr) break;  // 兆瓦
        // 百二万 = 1200000, 三千五万: a digit right after 百 or 千 is the next
        // place down before a scale too (but not after one: 5亿1万).
        if (last_small >= 2) apply_abbreviation();
        const Decimal x_lo = has_pending_value() ? section_lo.Plus(pending_lo) : section_lo;
        const Decimal x_hi = has_pending_value() ? section_hi.Plus(pending_hi) : section_hi;
        if (x_lo.IsZero() && x_hi.IsZero()) {
          if (prev == Element::kEnd) {
            // A scale standing first means one of it: 萬九 = 19000, 万分之三.
            total_lo = total_hi = Decimal{1, 0}.Shift(s);
            max_scale = s;
          } else if (total_lo.IsZero() && total_hi.IsZero()) {
            break;  // 零万
          } else {
            // A scale after a scale compounds: 1.3万亿, 四万万.
            total_lo = total_lo.Shift(s);
            total_hi = total_hi.Shift(s);
            max_scale += s;
          }
        } else if (s > max_scale) {
          total_lo = total_lo.Plus(x_lo).Shift(s);
          total_hi = total_hi.Plus(x_hi).Shift(s);
          max_scale = s;
        } else if (s < max_scale) {
          total_lo = total_lo.Plus(x_lo.Shift(s));
          total_hi = total_hi.Plus(x_hi.Shift(s));
        } else {
          break;  // 3万4万: two numbers
        }
        section_lo = section_hi = Decimal{};
        pending = Pending::kNone;
        last_small = 0;
        last_place = s;
        zero_gap = false;
        n.places_after_last_digit *= Pow10(s);
        n.scales_after_last_digit *= Pow10(s);
        n.big_scale = true;
        take = true;
        break;
      }
      case Element::kPoint: {
        // 10点 is a clock time; Arabic decimals are written with ".".
        if (after_point || more || pending == Pending::kArabic ||
            pending == Pending::kSingleArabic || !(any || n.place_words || n.big_scale)) {
          break;
        }
        // Decimals: Chinese digits read one by one, or Arabic digits (零點77).
        size_t q = e.end;
        Decimal fraction;
        int count = 0;
        std::vector<Element> digits;
        Element d = Lex(q);
        if (d.kind == Element::kArabic && !d.fraction && !d.grouped && !d.notation &&
            !d.dotted_chain && d.int_digits <= kSignificantDigits) {
          fraction = Decimal{d.arabic.mantissa, d.int_digits};
          count = d.int_digits;
          if (trace) digits.push_back(d);
          q = d.end;
        } else {
          while (d.kind == Element::kDigit && !d.numeral->liang && !d.numeral->spoken) {
            if (count < kSignificantDigits) {
              fraction = Decimal{fraction.mantissa * 10 + d.DigitValue(), fraction.decimals + 1};
            }
            ++count;
            if (trace) digits.push_back(d);
            q = d.end;
            d = Lex(q);
          }
        }
        // 五点三十五分 is a clock time: decimals take no place word after them.
        const Element::Kind after_digits = Lex(q).kind;
        if (count == 0 || after_digits == Element::kUnit || after_digits == Element::kTens) break;
        apply_abbreviation();
        Decimal whole_lo = total_lo.Plus(section_lo);
        Decimal whole_hi = total_hi.Plus(section_hi);
        if (has_pending_value()) {
          whole_lo = whole_lo.Plus(pending_lo);
          whole_hi = whole_hi.Plus(pending_hi);
        }
        pending_lo = whole_lo.Plus(fraction);
        pending_hi = whole_hi.Plus(fraction);
        pending = Pending::kDecimal;
        pending_after_place = false;
        total_lo = total_hi = section_lo = section_hi = Decimal{};
        max_scale = last_small = last_place = 0;
        after_point = true;
        n.point = true;
        n.places_after_last_digit = n.scales_after_last_digit = 1;
        if (trace) {
          n.trace.push_back(e);
          n.trace.insert(n.trace.end(), digits.begin(), digits.end());
        }
        n.chinese = true;
        prev = Element::kPoint;
        p = q;
        continue;
      }
      case Element::kHalf: {
        if (prev == Element::kEnd) {  // 半百, 半成
          set_pending(Pending::kHalf, Decimal{5, 1}, Decimal{5, 1});
          any = true;
          take = true;
        } else if ((pending == Pending::kDigit || pending == Pending::kSingleArabic) &&
                   (prev == Element::kDigit || prev == Element::kArabic) && !pending_after_place &&
                   pending_first && pending_lo.Value() == 1) {  // 一半
          pending_lo = pending_lo.Times(0.5);
          pending_hi = pending_hi.Times(0.5);
          pending = Pending::kHalf;
          take = true;
          done = true;
        }
        break;
      }
      case Element::kMore: {
        // 十余万, 300多家, 一千多万: after a place word or an Arabic number.
        // 十几万多亿: once more after a scale.
        if ((more && prev != Element::kScale) || after_point ||
            !(prev == Element::kUnit || prev == Element::kScale || prev == Element::kTens ||
              prev == Element::kArabic)) {
          break;
        }
        more = true;
        take = true;
        break;
      }
      case Element::kSome:
      case Element::kSeveral: {
        if (more || after_point) break;
        const Element next = Lex(e.end);
        const bool place_follows = next.kind == Element::kUnit || next.kind == Element::kScale;
        if (prev == Element::kEnd && place_follows) {
          // 几十万, 数百: some or several of the place, 1..10 of it.
          set_pending(Pending::kVague, Decimal{1, 0}, Decimal{10, 0});
          n.vague = true;
          any = true;
          take = true;
        } else if (e.kind == Element::kSome && pending == Pending::kNone &&
                   (prev == Element::kUnit || prev == Element::kTens || zero_gap)) {
          more = true;  // 二十几万, 一百零几万: a digit and then some
          take = true;
        }
        break;
      }
      default:
        break;
    }
    if (!take) break;
    if (trace) n.trace.push_back(e);
    if (first_numeral == nullptr && p == pos) first_numeral = e.numeral;
    if (e.kind == Element::kDigit || e.kind == Element::kArabic || e.kind == Element::kHalf) {
      if (!(e.kind == Element::kDigit && e.DigitValue() == 0)) {
        n.places_after_last_digit = n.scales_after_last_digit = 1;
      }
    }
    if (e.numeral != nullptr) n.chinese = true;
    prev_digit = e.kind == Element::kDigit ? e.numeral : nullptr;
    prev = e.kind;
    p = e.end;
  }
  if (p == pos) return false;
  apply_abbreviation();
  n.lo = total_lo.Plus(section_lo);
  n.hi = total_hi.Plus(section_hi);
  if (has_pending_value()) {
    n.lo = n.lo.Plus(pending_lo);
    n.hi = n.hi.Plus(pending_hi);
  }
  n.end = p;
  n.more = more;
  n.any_digit = any;
  n.units_only = !any && !n.leading_ten;
  n.chars = static_cast<int>(text::CountCodePoints(text_.substr(pos, p - pos)));
  n.single_financial = n.chars == 1 && first_numeral != nullptr && first_numeral->financial;
  if (n.arabic_integer && (n.chinese || n.point)) n.arabic_integer = false;
  const double value = std::max(std::fabs(n.lo.Value()), std::fabs(n.hi.Value()));
  if (!std::isfinite(value) || value > kMaxValue) n.too_long = true;
  *out = std::move(n);
  return true;
}

bool Grammar::ParseFractionTail(size_t pos, const NumberInfo& denominator, bool negative,
                                Core* out) const {
  size_t p = pos;
  bool numerator_negative = false;
  size_t after_sign;
  const char32_t cp = At(p, &after_sign);
  const NumeralChar* numeral = lex_.Numeral(cp);
  if (cp == '-' || (numeral && numeral->role == NumeralRole::kMinus)) {
    numerator_negative = true;
    p = after_sign;
  }
  NumberInfo numerator;
  if (!ParseNumberAt(p, &numerator)) return false;
  const bool per_hundred = denominator.units_only;  // 百分之, 千分之, 百万分之
  if (!numerator.any_digit && !numerator.leading_ten) {
    // 百分之百 is the only numerator without a digit.
    if (!(per_hundred && numerator.units_only && numerator.lo.Value() == 100)) return false;
  }
  Decimal lo = numerator.lo;
  Decimal hi = numerator.hi;
  if (numerator_negative != negative) {
    lo = Negated(lo);
    hi = Negated(hi);
  }
  if (per_hundred) {
    // The denominator is a power of ten: shift, so 千分之2.4 is exactly 0.24.
    const int shift = 2 - Exponent(denominator.lo.Value());
    lo = lo.Shift(shift);
    hi = hi.Shift(shift);
    out->per_hundred = true;
    out->unit_name = "%";
    out->kind = QuantityKind::kPercent;
  } else {
    const double d = denominator.lo.Value();
    if (d == 0) return false;
    lo = Decimal{lo.Value() / d, 0};
    hi = Decimal{hi.Value() / d, 0};
    out->fraction = true;
  }
  out->lo = lo;
  out->hi = hi;
  out->vague = numerator.vague;
  out->end = numerator.end;
  return true;
}

void Grammar::ParseUnitTail(Core* core) const {
  const size_t q = SkipSpaces(core->end, mode_ == Mode::kRunningText ? 4 : 0);
  size_t next;
  const char32_t cp = At(q, &next);
  if (cp == '%') {
    core->unit_name = "%";
    core->kind = QuantityKind::kPercent;
    core->end = next;
    return;
  }
  // 成 and 折 count tenths: 八成 = 80 %, 七成六 = 76 %, 三成半 = 35 %, 75折 = 75 %.
  if ((cp == U'成' || cp == U'折') && !core->fraction) {
    const char32_t after = At(next);
    static constexpr std::u32string_view kAfterCheng = U"员本为果绩长熟立功就交型效品都";
    static constexpr std::u32string_view kAfterZhe = U"合算旧叠扣返射价线";
    const bool word =
        (cp == U'成' ? kAfterCheng : kAfterZhe).find(after) != std::u32string_view::npos;
    const double v = core->lo.Value();
    if (!word && v > 0 && v <= 100) {
      Decimal lo = core->lo;
      Decimal hi = core->hi;
      size_t end = next;
      // 75折 and 九五折 are two digits written out; 十折 is no discount.
      const bool two_digits = core->number.digit_string ||
                              (core->number.arabic_integer && core->number.arabic_int_digits == 2);
      if (cp == U'折' && v >= 10 && !two_digits) return;
      if (cp == U'成' || v < 10) {
        const bool half = core->number.chars == 1 && core->number.any_digit && v == 0.5;
        const int shift = (cp == U'折' && half) ? 2 : 1;  // 半折 is half price, 50 %
        lo = lo.Shift(shift);
        hi = hi.Shift(shift);
      }
      if (cp == U'成') {
        const Element d = Lex(next);
        if (d.kind == Element::kDigit && d.DigitValue() > 0 && !d.numeral->liang) {
          lo = lo.Plus(Decimal{d.DigitValue(), 0});
          hi = hi.Plus(Decimal{d.DigitValue(), 0});
          end = d.end;
        } else if (d.kind == Element::kHalf) {
          lo = lo.Plus(Decimal{5, 0});
          hi = hi.Plus(Decimal{5, 0});
          end = d.end;
        }
      }
      core->lo = lo;
      core->hi = hi;
      core->tenths = true;
      core->unit_name = "%";
      core->kind = QuantityKind::kPercent;
      core->end = end;
      return;
    }
  }
  size_t p;
  const UnitEntry* unit = UnitAt(q, &p);
  if (unit == nullptr) return;
  core->unit = unit;
  core->unit_name = unit->unit;
  core->kind = unit->kind;
  if (unit->factor != 1) {
    const double exponent = std::log10(unit->factor);
    if (exponent == std::round(exponent)) {
      core->lo = core->lo.Shift(static_cast<int>(exponent));
      core->hi = core->hi.Shift(static_cast<int>(exponent));
    } else {
      core->lo = core->lo.Times(unit->factor);
      core->hi = core->hi.Times(unit->factor);
    }
  }
  const bool dated = unit->is_date || unit->is_clock || unit->is_label;
  // A compound unit: 元/人, 微克/立方米.
  if (!dated && p < text_.size() && text_[p] == '/') {
    size_t end;
    const UnitEntry* per = UnitAt(p + 1, &end);
    if (per != nullptr && !per->is_date && !per->is_clock && !per->is_label) {
      core->unit_name += "/" + per->unit;
      p = end;
    }
  }
  // 两米半, 三斤半: half of the unit more.
  size_t after_half;
  if (!dated && core->kind != QuantityKind::kPercent && At(p, &after_half) == U'半') {
    core->lo = core->lo.Plus(Decimal{5, 1});
    core->hi = core->hi.Plus(Decimal{5, 1});
    core->half_after_unit = true;
    p = after_half;
  }
  // The tail of a written amount: 元整, 元正, 壹角, 捌分.
  if (unit->yuan) {
    size_t after_word;
    const char32_t word = At(p, &after_word);
    if (word == U'整' || word == U'正') {
      core->yuan_whole = true;
      p = after_word;
    } else {
      Decimal cents;
      size_t r = p;
      bool any = false;
      for (const auto& [mark, shift] : {std::pair{U'角', -1}, std::pair{U'分', -2}}) {
        const Element d = Lex(r);
        const bool digit = (d.kind == Element::kDigit && !d.numeral->spoken) ||
                           (d.kind == Element::kArabic && d.int_digits == 1 && !d.fraction &&
                            !d.notation && !d.grouped);
        size_t after_mark;
        if (!digit || At(d.end, &after_mark) != mark) continue;
        const double v = d.kind == Element::kDigit ? d.DigitValue() : d.arabic.Value();
        cents = cents.Plus(Decimal{v, 0}.Shift(shift));
        r = after_mark;
        any = true;
      }
      if (any) {
        core->lo = core->lo.Plus(cents);
        core->hi = core->hi.Plus(cents);
        core->yuan_subunits = true;
        p = r;
      }
    }
  }
  core->end = p;
}

bool Grammar::FractionMark(size_t pos, size_t* after) const {
  if (Starts(pos, "分之")) {
    *after = pos + 6;
    return true;
  }
  // In whole strings also 分 or 份 before a numeral: 四分一, 二份一, 百分三十.
  if (mode_ == Mode::kWholeString && (Starts(pos, "分") || Starts(pos, "份"))) {
    const Element::Kind next = Lex(pos + 3).kind;
    if (next == Element::kDigit || next == Element::kArabic || next == Element::kUnit ||
        next == Element::kTens) {
      *after = pos + 3;
      return true;
    }
  }
  return false;
}

bool Grammar::ParseCoreAt(size_t pos, Core* out) const {
  Core c;
  c.begin = pos;
  size_t p = pos;
  {
    size_t after_sign;
    const char32_t cp = At(p, &after_sign);
    const NumeralChar* numeral = lex_.Numeral(cp);
    if ((cp == '-' || cp == U'\u2212' || (numeral && numeral->role == NumeralRole::kMinus)) &&
        after_sign < text_.size()) {
      c.negative = true;
      p = after_sign;
    }
  }
  c.number.begin = c.number.end = p;
  // On failure the caller still learns how far the number went, so that it
  // resumes after it instead of reading it again.
  auto fail = [&] {
    out->number = std::move(c.number);
    return false;
  };
  if (!ParseNumberAt(p, &c.number)) return fail();
  const NumberInfo& a = c.number;
  c.vague = a.vague;
  p = a.end;
  c.end = p;
  size_t q;
  if (FractionMark(p, &q)) {
    if (!a.units_only && !a.any_digit && !a.leading_ten) return fail();
    if (!ParseFractionTail(q, a, c.negative, &c)) return fail();
  } else {
    if (a.units_only && a.lo.Value() == 100 && a.chars == 1 && Starts(p, "分百")) {
      c.lo = c.hi = Decimal{100, 0};  // 百分百
      c.per_hundred = true;
      c.unit_name = "%";
      c.kind = QuantityKind::kPercent;
      c.end = p + 6;
      *out = std::move(c);
      return true;
    }
    c.lo = c.negative ? Negated(a.lo) : a.lo;
    c.hi = c.negative ? Negated(a.hi) : a.hi;
    size_t after;
    if (a.arabic_integer && !a.notation && At(p, &after) == '/') {
      // a/b: in running text only proper fractions with a small denominator
      // (1/2, 3/4); 2023/5/6 and 16/9 are dates and ratios.
      const Element b = Lex(after);
      const char32_t follow = At(b.end);
      if (b.kind == Element::kArabic && !b.fraction && !b.grouped && !b.notation &&
          b.arabic.Value() != 0 && follow != '/' && !IsAsciiDigit(follow) &&
          (mode_ == Mode::kWholeString || (a.lo.Value() < b.arabic.Value() && b.int_digits <= 3))) {
        c.lo = c.hi = Decimal{c.lo.Value() / b.arabic.Value(), 0};
        c.fraction = true;
        c.end = b.end;
      }
    } else if (Starts(p, "又")) {
      // 三又三分之一: a whole number and a fraction.
      NumberInfo d;
      size_t numerator;
      if (ParseNumberAt(p + 3, &d) && (d.any_digit || d.leading_ten) &&
          FractionMark(d.end, &numerator)) {
        Core part;
        if (ParseFractionTail(numerator, d, false, &part)) {
          const double whole = std::fabs(a.lo.Value()) + part.lo.Value();
          c.lo = c.hi = Decimal{c.negative ? -whole : whole, 0};
          c.fraction = true;
          c.end = part.end;
        }
      }
    } else if (mode_ == Mode::kWholeString && a.arabic_integer && At(p, &after) == ' ') {
      // 1 3/5: a whole number, a space, a fraction.
      const Element x = Lex(after);
      size_t slash_end;
      if (x.kind == Element::kArabic && !x.fraction && At(x.end, &slash_end) == '/') {
        const Element b = Lex(slash_end);
        if (b.kind == Element::kArabic && !b.fraction && b.arabic.Value() != 0) {
          const double whole = std::fabs(a.lo.Value()) + x.arabic.Value() / b.arabic.Value();
          c.lo = c.hi = Decimal{c.negative ? -whole : whole, 0};
          c.fraction = true;
          c.end = b.end;
        }
      }
    }
  }
  if (!c.per_hundred) ParseUnitTail(&c);
  // Place and scale words alone (百, 万, 千亿) are a number only before a
  // unit: 千亿斤, 万亿元, 百万吨.
  if (a.units_only && !c.per_hundred && c.unit == nullptr) return fail();
  *out = std::move(c);
  return true;
}

bool Grammar::ParseQuantityAt(size_t pos, const ComparatorEntry* before, size_t before_begin,
                              Parsed* out, size_t* scanned) const {
  At(pos, scanned);
  Core first;
  const bool ok = ParseCoreAt(pos, &first);
  *scanned = std::max(*scanned, first.number.end);
  if (!ok) return false;

  Parsed q;
  q.first = std::move(first);
  const Core& c1 = q.first;
  size_t end = c1.end;
  std::string unit = c1.unit_name;
  const UnitEntry* unit_entry = c1.unit;
  QuantityKind kind = c1.kind;
  Decimal lo = c1.lo;
  Decimal hi = c1.hi;

  // A range: core connector core.
  if (!c1.vague) {
    size_t r = SkipSpaces(c1.end, 2);
    bool between = false;
    size_t conn = r;
    for (std::string_view word : {"——", "—", "–", "--", "-", "~", "至", "到"}) {
      if (Starts(r, word)) {
        conn = r + word.size();
        break;
      }
    }
    for (std::string_view word : {"和", "与", "及"}) {
      if (conn == r && Starts(r, word)) {
        conn = r + word.size();
        between = true;
      }
    }
    const size_t s = SkipSpaces(conn, 2);
    Core c2;
    if (conn != r && CanStartNumber(s) && ParseCoreAt(s, &c2) && !c2.vague && !c2.number.more) {
      bool ok_range = true;
      std::string range_unit = c2.unit_name;
      if (c2.unit_name.empty()) {
        // 百分之三十到四十一: the second takes the first's percent.
        if (!c1.unit_name.empty() && c1.unit_name != "%") ok_range = false;
        range_unit = c1.unit_name;
      } else if (!c1.unit_name.empty() && c1.unit_name != c2.unit_name) {
        ok_range = false;
      }
      // The first takes the second's scale when it has none: 5到6万, 十八至三十万.
      Decimal first_lo = c1.lo;
      if (c1.unit_name.empty() && !c1.fraction && !c1.number.big_scale && !c1.number.point) {
        const double scale = c1.number.place_words ? c2.number.scales_after_last_digit
                                                   : c2.number.places_after_last_digit;
        if (scale > 1) {
          const Decimal scaled = first_lo.Shift(Exponent(scale));
          if (scaled.Value() <= c2.lo.Value()) first_lo = scaled;
        }
      }
      if (!(first_lo.Value() < c2.lo.Value())) ok_range = false;
      size_t range_end = c2.end;
      if (ok_range && between) {
        // X与Y之间: the 间 that ends it may have been read as a measure word.
        size_t t = SkipSpaces(c2.end, 2);
        if (c2.unit_name == "间" && c1.unit_name.empty()) {
          t = c2.number.end;
          range_unit.clear();
          c2.unit = nullptr;
          c2.unit_name.clear();
          c2.kind = QuantityKind::kNumber;
        }
        if (Starts(t, "之间")) {
          range_end = t + 6;
        } else if (Starts(t, "间")) {
          range_end = t + 3;
        } else {
          ok_range = false;
        }
      }
      if (ok_range) {
        q.is_range = true;
        lo = first_lo;
        hi = c2.lo;
        unit = range_unit;
        if (!c2.unit_name.empty()) {
          unit_entry = c2.unit;
          kind = c2.kind;
        }
        end = range_end;
        q.second = std::move(c2);
      }
    }
  }

  // A bound word after the quantity.
  {
    const size_t t = SkipSpaces(end, 2);
    size_t word_end;
    const int id = lex_.comparators().LongestMatch(text_, t, &word_end);
    if (id >= 0) {
      const ComparatorEntry& word = lex_.comparator(id);
      if (word.after && (word.cmp != "range" || q.is_range)) {
        q.after = &word;
        end = word_end;
      }
    }
  }
  // 近三年 is "the last three years", not "nearly three years"; 从 only
  // opens a range.
  if (before != nullptr && before->not_time && kind == QuantityKind::kTime) before = nullptr;
  if (before != nullptr && before->cmp == "range" && !q.is_range) before = nullptr;
  q.before = before;
  q.begin = before != nullptr ? before_begin : c1.begin;
  q.end = end;
  q.unit = unit;
  q.unit_entry = unit_entry;
  q.kind = kind;
  q.value = lo.Value();
  const bool more = c1.number.more;
  if (q.is_range || c1.vague) {
    q.has_max = true;
    q.value_max = hi.Value();
    if (q.value_max < q.value) std::swap(q.value, q.value_max);  // 负三四十: -40..-30
    q.cmp = "range";
  } else if (q.after != nullptr) {
    q.cmp = q.after->cmp;
  } else if (q.before != nullptr && q.before->cmp != "range") {
    q.cmp = q.before->cmp;
  } else if (more) {
    q.cmp = ">=";
  }
  q.approx = c1.vague || more || (q.after != nullptr && q.after->approx) ||
             (q.before != nullptr && q.before->approx);
  *out = std::move(q);
  return true;
}

namespace {

// The canonical written form, as a recursive descent over symbols: a digit,
// a place word (十 百 千 as exponents 1-3), a scale (万 亿 as 4, 8) or a
// contracted ten (廿 卅 卌). Follows the grammar of cn2an's strict mode: in
// each group of four places every place is named from the highest down, one
// 零 stands for each run of skipped places and none elsewhere; 十 may stand
// without its 一 at the start, after 零 (零十) or after 亿, and 百 after 零.
class CanonicalMatcher {
 public:
  struct Symbol {
    enum Kind { kDigit, kPlace, kScale, kTens } kind;
    int value;
  };
  explicit CanonicalMatcher(std::vector<Symbol> symbols) : s_(std::move(symbols)) {}

  bool MatchAll() {
    if (s_.size() == 1 && s_[0].kind == Symbol::kDigit && s_[0].value == 0) return true;  // 零
    long long value = 0;
    return N16(&value) && i_ == s_.size();
  }

 private:
  bool Is(Symbol::Kind kind, int value) const {
    return i_ < s_.size() && s_[i_].kind == kind && s_[i_].value == value;
  }
  bool IsZero() const { return Is(Symbol::kDigit, 0); }
  bool StartsNumber() const {
    return i_ < s_.size() && ((s_[i_].kind == Symbol::kDigit && s_[i_].value != 0) ||
                              s_[i_].kind == Symbol::kTens || Is(Symbol::kPlace, 1));
  }

  // 1..9999. `bare_ten`: 十 may stand without its digit at the start.
  // `after_zero`: just after a 零, where 十 and 百 may stand alone.
  bool N4(bool bare_ten, bool after_zero, long long* value) {
    long long v = 0;
    int last = 4;
    bool zero = false;
    bool any = false;
    while (i_ < s_.size()) {
      const Symbol x = s_[i_];
      int digit = 0;
      int place = 0;
      size_t take = 1;
      if (x.kind == Symbol::kDigit && x.value != 0) {
        digit = x.value;
        if (i_ + 1 < s_.size() && s_[i_ + 1].kind == Symbol::kPlace) {
          place = s_[i_ + 1].value;
          take = 2;
        }
      } else if (x.kind == Symbol::kTens) {
        digit = x.value;
        place = 1;
      } else if (x.kind == Symbol::kPlace && x.value == 1 &&
                 ((!any && (bare_ten || after_zero)) || zero)) {
        digit = 1;
        place = 1;
      } else if (x.kind == Symbol::kPlace && x.value == 2 && ((!any && after_zero) || zero)) {
        digit = 1;
        place = 2;
      } else if (x.kind == Symbol::kDigit && x.value == 0) {
        if (!any || zero) return false;
        zero = true;
        ++i_;
        continue;
      } else {
        break;
      }
      if (place >= last) return false;
      if (any && (place < last - 1) != zero) return false;  // one 零 per gap, none elsewhere
      if (!any && zero) return false;
      v += digit * static_cast<long long>(std::llround(Pow10(place)));
      last = place;
      any = true;
      zero = false;
      i_ += take;
      if (place == 0) break;
    }
    if (zero) return false;
    *value = v;
    return any;
  }

  // 1..99999999: N4 [万 [零 N4<1000 | N4>=1000]].
  bool N8(bool bare_ten, bool after_zero, long long* value) {
    long long high = 0;
    if (!N4(bare_ten, after_zero, &high)) return false;
    *value = high;
    if (!Is(Symbol::kScale, 4)) return true;
    ++i_;
    *value = high * 10000;
    long long low = 0;
    if (IsZero()) {
      ++i_;
      if (!N4(false, true, &low) || low >= 1000) return false;
    } else if (StartsNumber()) {
      if (!N4(false, false, &low) || low < 1000) return false;
    }
    *value += low;
    return true;
  }

  // 1..10^16: N8 [亿 [零 N8 | N8>=10000]].
  bool N16(long long* value) {
    long long high = 0;
    if (!N8(true, false, &high)) return false;
    *value = high;
    if (!Is(Symbol::kScale, 8)) return true;
    ++i_;
    long long low = 0;
    if (IsZero()) {
      ++i_;
      if (!N8(false, true, &low)) return false;
    } else if (StartsNumber()) {
      if (!N8(true, false, &low) || low < 10000) return false;
    }
    *value = high * 100000000 + low;
    return true;
  }

  std::vector<Symbol> s_;
  size_t i_ = 0;
};

}  // namespace

bool IsCanonicalNumeral(const std::vector<Element>& trace) {
  std::vector<CanonicalMatcher::Symbol> whole;
  bool point = false;
  int decimals = 0;
  double last_decimal = 0;
  for (const Element& e : trace) {
    if (e.numeral == nullptr || e.numeral->noncanonical) return false;
    if (point) {
      if (e.kind != Element::kDigit) return false;
      ++decimals;
      last_decimal = e.DigitValue();
      continue;
    }
    switch (e.kind) {
      case Element::kDigit:
        whole.push_back({CanonicalMatcher::Symbol::kDigit, static_cast<int>(e.DigitValue())});
        break;
      case Element::kUnit:
        whole.push_back({CanonicalMatcher::Symbol::kPlace, Exponent(e.DigitValue())});
        break;
      case Element::kScale:
        whole.push_back({CanonicalMatcher::Symbol::kScale, Exponent(e.DigitValue())});
        break;
      case Element::kTens:
        whole.push_back({CanonicalMatcher::Symbol::kTens, static_cast<int>(e.DigitValue() / 10)});
        break;
      case Element::kPoint:
        point = true;
        break;
      default:
        return false;
    }
  }
  if (whole.empty()) return false;
  if (point && (decimals == 0 || last_decimal == 0)) return false;  // 零点, 零点零
  return CanonicalMatcher(std::move(whole)).MatchAll();
}

}  // namespace mubiao::quantity::internal
