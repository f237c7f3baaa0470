#include "quantity/number.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "text/utf8.h"

namespace mubiao::quantity::internal {
namespace {

// True for two digits read together as "one or the other": 三四 (3-4), 一两,
// 三五 (3-5, as in 三五年).
bool IsPair(const NumeralChar& a, const NumeralChar& b) {
  if (a.role != NumeralRole::kDigit || b.role != NumeralRole::kDigit || a.spoken || b.spoken) {
    return false;
  }
  return a.value >= 1 && (b.value == a.value + 1 || (a.value == 3 && b.value == 5));
}

// A value lo..hi; the ends differ only in vague numbers (三四十万, 几十万).
struct Interval {
  Decimal lo;
  Decimal hi;

  static Interval Exactly(Decimal d) { return Interval{d, d}; }
  Interval Plus(const Interval& other) const { return {lo.Plus(other.lo), hi.Plus(other.hi)}; }
  Interval Shift(int exponent) const { return {lo.Shift(exponent), hi.Shift(exponent)}; }
  bool IsZero() const { return lo.IsZero() && hi.IsZero(); }
};

// A figure read digit by digit: 二〇二三, 一一, in whole strings also
// 幺八五洞幺拐, with decimals after 点.
class DigitStringReader {
 public:
  DigitStringReader(const Lexer& lexer, size_t pos, bool trace, RefusedDigitRun* refused)
      : lexer_(lexer), begin_(pos), p_(pos), trace_(trace), refused_(refused) {}

  // False for 两 among digits not read out radio style.
  bool Read(NumberInfo* out) {
    if (refused_->begin <= begin_ && begin_ < refused_->end && begin_ <= refused_->last_liang) {
      return false;  // the rest of a refused run, with a 两 still ahead
    }
    n_.begin = begin_;
    int count = 0;
    bool liang = false;
    bool spoken = false;
    size_t last_liang = 0;
    for (Element e = lexer_.Lex(p_); e.kind == Element::kDigit; e = lexer_.Lex(p_)) {
      if (e.numeral->liang) last_liang = e.begin;
      liang |= e.numeral->liang;
      spoken |= e.numeral->spoken;
      if (++count <= kMaxDigits) mantissa_ = mantissa_ * 10 + e.DigitValue();
      if (trace_) n_.trace.push_back(e);
      p_ = e.end;
    }
    // 两 reads as a digit only in a figure read out radio style (幺八五洞幺拐两…);
    // 两两 is "in pairs".
    if (liang && !spoken) {
      *refused_ = RefusedDigitRun{begin_, p_, last_liang};
      return false;
    }
    ReadDecimals();
    n_.end = p_;
    n_.lo = n_.hi = Decimal{mantissa_, decimals_};
    n_.any_digit = true;
    n_.chinese = true;
    n_.digit_string = true;
    n_.too_long = count > kMaxDigits;
    n_.chars = static_cast<int>(text::CountCodePoints(lexer_.text().substr(begin_, p_ - begin_)));
    *out = std::move(n_);
    return true;
  }

 private:
  void ReadDecimals() {
    const Element point = lexer_.Lex(p_);
    if (point.kind != Element::kPoint) return;
    Element d = lexer_.Lex(point.end);
    if (d.kind != Element::kDigit || d.numeral->liang) return;
    if (trace_) n_.trace.push_back(point);
    p_ = point.end;
    while (d.kind == Element::kDigit && !d.numeral->liang) {
      if (decimals_ < kSignificantDigits) {
        mantissa_ = mantissa_ * 10 + d.DigitValue();
        ++decimals_;
      }
      if (trace_) n_.trace.push_back(d);
      p_ = d.end;
      d = lexer_.Lex(p_);
    }
    n_.point = true;
  }

  const Lexer& lexer_;
  const size_t begin_;
  size_t p_;
  const bool trace_;
  RefusedDigitRun* refused_;
  NumberInfo n_;
  double mantissa_ = 0;
  int decimals_ = 0;
};

// A positional numeral, Chinese, Arabic or mixed, read element by element
// from left to right. The value is total (complete scale groups) + section
// (the current group of four places) + pending (the last digit or Arabic
// literal, not yet multiplied by a place).
class NumberReader {
 public:
  NumberReader(const Lexer& lexer, size_t pos, bool trace, RefusedDigitRun* refused)
      : lexer_(lexer), begin_(pos), p_(pos), trace_(trace), refused_(refused) {
    n_.begin = n_.end = pos;
  }

  bool Read(NumberInfo* out) {
    if (StartsDigitString() && DigitStringReader(lexer_, begin_, trace_, refused_).Read(out)) {
      return true;
    }
    while (true) {
      const Element e = NextElement();
      const Step step = ReadElement(e);
      if (step == Step::kStop) break;
      if (step == Step::kTakenWithMore) continue;
      Take(e);
      if (step == Step::kTakeLast) break;
    }
    if (p_ == begin_) return false;
    Finish(out);
    return true;
  }

 private:
  // What the method of an element did with it.
  enum class Step {
    kStop,           // not part of the number, which ends before it
    kTake,           // part of the number, which may go on
    kTakeLast,       // part of the number, which ends after it (一半)
    kTakenWithMore,  // taken with what follows it, the position moved (点 and decimals)
  };
  // What pending_value_ holds.
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
  // The decimals after 点.
  struct Decimals {
    size_t end = 0;
    Decimal value;
    int count = 0;
    std::vector<Element> elements;  // when tracing
  };

  // The element at the current position, or the scale word after a gap
  // that follows an Arabic literal: "785.6 亿", "1200 万吨" are written so.
  Element NextElement() const {
    const Element e = lexer_.Lex(p_);
    if (e.kind != Element::kOther || prev_ != Element::kArabic) return e;
    const size_t after_gap = lexer_.SkipGap(p_);
    if (after_gap == p_) return e;
    const Element scale = lexer_.Lex(after_gap);
    return scale.kind == Element::kScale ? scale : e;
  }

  // Two digits in a row that are not a pair (三四) start a digit string.
  bool StartsDigitString() const {
    const Element first = lexer_.Lex(begin_);
    if (first.kind != Element::kDigit) return false;
    const Element second = lexer_.Lex(first.end);
    return second.kind == Element::kDigit &&
           !(IsPair(*first.numeral, *second.numeral) && EndsPair(second.end));
  }

  // True when a pair of neighbouring digits ending at `pos` stands alone (no
  // further digit or decimal point follows): 三四十万, not 一二点三.
  bool EndsPair(size_t pos) const {
    const Element::Kind next = lexer_.Lex(pos).kind;
    return next != Element::kDigit && next != Element::kPoint && next != Element::kArabic;
  }

  Step ReadElement(const Element& e) {
    switch (e.kind) {
      case Element::kDigit:
        return Digit(e);
      case Element::kArabic:
        return Arabic(e);
      case Element::kUnit:
        return Place(e);
      case Element::kTens:
        return Tens(e);
      case Element::kScale:
        return Scale(e);
      case Element::kPoint:
        return Point(e);
      case Element::kHalf:
        return Half();
      case Element::kMore:
        return More();
      case Element::kSome:
      case Element::kSeveral:
        return SomeOrSeveral(e);
      default:
        return Step::kStop;
    }
  }

  Step Digit(const Element& e) {
    if (n_.more || n_.point || e.numeral->spoken) return Step::kStop;
    const double d = e.DigitValue();
    if (d == 0) return Zero();
    if (pending_ == Pending::kDigit && prev_ == Element::kDigit && prev_digit_ != nullptr) {
      return SecondOfPair(e);
    }
    if (HasPendingValue() || pending_ == Pending::kZero || prev_ == Element::kArabic) {
      return Step::kStop;
    }
    SetPending(Pending::kDigit, Interval::Exactly(Decimal{d, 0}));
    n_.any_digit = true;
    return Step::kTake;
  }

  // 零: the number itself when first, else a gap of skipped places (一百零五).
  Step Zero() {
    if (pending_ != Pending::kNone) return Step::kStop;
    if (prev_ == Element::kEnd) {
      pending_ = Pending::kZero;
      n_.any_digit = true;
    } else {
      zero_gap_ = true;
    }
    return Step::kTake;
  }

  // 三四十万, 十七八万, 一万六七: neighbouring digits make a range.
  Step SecondOfPair(const Element& e) {
    if (!(pending_after_place_ || pending_first_) || !IsPair(*prev_digit_, *e.numeral) ||
        !EndsPair(e.end)) {
      return Step::kStop;
    }
    pending_value_.hi = Decimal{e.DigitValue(), 0};
    pending_ = Pending::kPair;
    n_.vague = true;
    return Step::kTake;
  }

  Step Arabic(const Element& e) {
    if (n_.more || n_.point || HasPendingValue() || pending_ == Pending::kZero) return Step::kStop;
    if (prev_ == Element::kDigit && !zero_gap_) return Step::kStop;
    const bool single =
        e.int_digits == 1 && !e.fraction && !e.grouped && !e.notation && !e.leading_zero;
    SetPending(single ? Pending::kSingleArabic : Pending::kArabic, Interval::Exactly(e.arabic));
    if (!n_.arabic) {
      n_.arabic_int_digits = e.int_digits;
      n_.arabic_leading_zero = e.leading_zero;
    }
    n_.arabic = true;
    n_.too_long |= e.int_digits > kMaxDigits;
    n_.dotted_chain |= e.dotted_chain;
    n_.notation |= e.notation;
    n_.arabic_integer = !e.fraction && prev_ == Element::kEnd;
    n_.any_digit = true;
    return Step::kTake;
  }

  // A place word: 十 百 千.
  Step Place(const Element& e) {
    if (n_.more || n_.point) return Step::kStop;
    const int u = Exponent(e.DigitValue());
    // A unit that starts here ends the number: 100千瓦, 5百分点.
    size_t unit_end;
    if ((n_.any_digit || prev_ != Element::kEnd) && lexer_.UnitAt(p_, &unit_end) != nullptr) {
      return Step::kStop;
    }
    if (last_small_ != 0 && u >= last_small_) return Step::kStop;
    const Interval digit = HasPendingValue() ? pending_value_ : Interval::Exactly(Decimal{1, 0});
    section_ = section_.Plus(digit.Shift(u));
    if (prev_ == Element::kEnd && u == 1) n_.leading_ten = true;
    last_small_ = last_place_ = u;
    pending_ = Pending::kNone;
    zero_gap_ = false;
    n_.places_after_last_digit *= Pow10(u);
    n_.place_words = true;
    return Step::kTake;
  }

  // 廿 卅 卌.
  Step Tens(const Element& e) {
    if (n_.more || n_.point || HasPendingValue() || pending_ == Pending::kZero) return Step::kStop;
    if (last_small_ != 0 && last_small_ <= 1) return Step::kStop;
    section_ = section_.Plus(Interval::Exactly(Decimal{e.DigitValue(), 0}));
    last_small_ = last_place_ = 1;
    n_.places_after_last_digit = 10;
    n_.scales_after_last_digit = 1;
    n_.place_words = true;
    n_.any_digit = true;
    return Step::kTake;
  }

  // A scale word: 万 亿 兆.
  Step Scale(const Element& e) {
    const int s = Exponent(e.DigitValue());
    size_t unit_end;
    if (lexer_.UnitAt(e.begin, &unit_end) != nullptr) return Step::kStop;  // 兆瓦
    // 百二万 = 1200000, 三千五万: a digit right after 百 or 千 is the next
    // place down before a scale too (but not after one: 5亿1万).
    if (last_small_ >= 2) ApplyAbbreviation();
    if (!MultiplyByScale(s, HasPendingValue() ? section_.Plus(pending_value_) : section_)) {
      return Step::kStop;
    }
    section_ = Interval{};
    pending_ = Pending::kNone;
    last_small_ = 0;
    last_place_ = s;
    zero_gap_ = false;
    n_.places_after_last_digit *= Pow10(s);
    n_.scales_after_last_digit *= Pow10(s);
    n_.big_scale = true;
    return Step::kTake;
  }

  // Folds the current group `group` into the total under the scale 10^s;
  // false when the scale cannot stand here.
  bool MultiplyByScale(int s, const Interval& group) {
    if (group.IsZero()) {
      if (prev_ == Element::kEnd) {
        // A scale standing first means one of it: 萬九 = 19000, 万分之三.
        total_ = Interval::Exactly(Decimal{1, 0}.Shift(s));
        max_scale_ = s;
      } else if (total_.IsZero()) {
        return false;  // 零万
      } else {
        // A scale after a scale compounds: 1.3万亿, 四万万.
        total_ = total_.Shift(s);
        max_scale_ += s;
      }
    } else if (s > max_scale_) {
      total_ = total_.Plus(group).Shift(s);
      max_scale_ = s;
    } else if (s < max_scale_) {
      total_ = total_.Plus(group.Shift(s));
    } else {
      return false;  // 3万4万: two numbers
    }
    return true;
  }

  // 点 and the decimals after it.
  Step Point(const Element& e) {
    // 10点 is a clock time; Arabic decimals are written with ".".
    if (n_.point || n_.more || pending_ == Pending::kArabic || pending_ == Pending::kSingleArabic ||
        !(n_.any_digit || n_.place_words || n_.big_scale)) {
      return Step::kStop;
    }
    const Decimals decimals = ReadDecimals(e.end);
    // 五点三十五分 is a clock time: decimals take no place word after them.
    const Element::Kind after_digits = lexer_.Lex(decimals.end).kind;
    if (decimals.count == 0 || after_digits == Element::kUnit || after_digits == Element::kTens) {
      return Step::kStop;
    }
    ApplyAbbreviation();
    pending_value_ = Whole().Plus(Interval::Exactly(decimals.value));
    pending_ = Pending::kDecimal;
    pending_after_place_ = false;
    total_ = section_ = Interval{};
    max_scale_ = last_small_ = last_place_ = 0;
    n_.point = true;
    n_.places_after_last_digit = n_.scales_after_last_digit = 1;
    if (trace_) {
      n_.trace.push_back(e);
      n_.trace.insert(n_.trace.end(), decimals.elements.begin(), decimals.elements.end());
    }
    n_.chinese = true;
    prev_ = Element::kPoint;
    p_ = decimals.end;
    return Step::kTakenWithMore;
  }

  // Decimals from `pos`: Chinese digits read one by one, or Arabic digits (零點77).
  Decimals ReadDecimals(size_t pos) const {
    Decimals out;
    out.end = pos;
    Element d = lexer_.Lex(pos);
    if (d.kind == Element::kArabic && !d.fraction && !d.grouped && !d.notation && !d.dotted_chain &&
        d.int_digits <= kSignificantDigits) {
      out.value = Decimal{d.arabic.mantissa, d.int_digits};
      out.count = d.int_digits;
      if (trace_) out.elements.push_back(d);
      out.end = d.end;
      return out;
    }
    while (d.kind == Element::kDigit && !d.numeral->liang && !d.numeral->spoken) {
      if (out.count < kSignificantDigits) {
        out.value = Decimal{out.value.mantissa * 10 + d.DigitValue(), out.value.decimals + 1};
      }
      ++out.count;
      if (trace_) out.elements.push_back(d);
      out.end = d.end;
      d = lexer_.Lex(out.end);
    }
    return out;
  }

  Step Half() {
    if (prev_ == Element::kEnd) {  // 半百, 半成
      SetPending(Pending::kHalf, Interval::Exactly(Decimal{5, 1}));
      n_.any_digit = true;
      return Step::kTake;
    }
    const bool one = (pending_ == Pending::kDigit || pending_ == Pending::kSingleArabic) &&
                     (prev_ == Element::kDigit || prev_ == Element::kArabic) &&
                     !pending_after_place_ && pending_first_ && pending_value_.lo.Value() == 1;
    if (!one) return Step::kStop;
    pending_value_ = Interval{pending_value_.lo.Times(0.5), pending_value_.hi.Times(0.5)};  // 一半
    pending_ = Pending::kHalf;
    return Step::kTakeLast;
  }

  // 十余万, 300多家, 一千多万: after a place word or an Arabic number;
  // 十几万多亿: once more after a scale.
  Step More() {
    if ((n_.more && prev_ != Element::kScale) || n_.point ||
        !(prev_ == Element::kUnit || prev_ == Element::kScale || prev_ == Element::kTens ||
          prev_ == Element::kArabic)) {
      return Step::kStop;
    }
    n_.more = true;
    return Step::kTake;
  }

  // 几 and 数.
  Step SomeOrSeveral(const Element& e) {
    if (n_.more || n_.point) return Step::kStop;
    const Element::Kind next = lexer_.Lex(e.end).kind;
    const bool place_follows = next == Element::kUnit || next == Element::kScale;
    if (prev_ == Element::kEnd && place_follows) {
      // 几十万, 数百: some or several of the place, 1..10 of it.
      SetPending(Pending::kVague, Interval{Decimal{1, 0}, Decimal{10, 0}});
      n_.vague = true;
      n_.any_digit = true;
      return Step::kTake;
    }
    if (e.kind == Element::kSome && pending_ == Pending::kNone &&
        (prev_ == Element::kUnit || prev_ == Element::kTens || zero_gap_)) {
      n_.more = true;  // 二十几万, 一百零几万: a digit and then some
      return Step::kTake;
    }
    return Step::kStop;
  }

  // Moves past an element its method took.
  void Take(const Element& e) {
    if (trace_) n_.trace.push_back(e);
    if (first_numeral_ == nullptr && p_ == begin_) first_numeral_ = e.numeral;
    const bool digit = e.kind == Element::kArabic || e.kind == Element::kHalf ||
                       (e.kind == Element::kDigit && e.DigitValue() != 0);
    if (digit) n_.places_after_last_digit = n_.scales_after_last_digit = 1;
    if (e.numeral != nullptr) n_.chinese = true;
    prev_digit_ = e.kind == Element::kDigit ? e.numeral : nullptr;
    prev_ = e.kind;
    p_ = e.end;
  }

  bool HasPendingValue() const { return pending_ != Pending::kNone && pending_ != Pending::kZero; }

  void SetPending(Pending kind, const Interval& value) {
    pending_ = kind;
    pending_value_ = value;
    pending_after_place_ =
        (prev_ == Element::kUnit || prev_ == Element::kScale || prev_ == Element::kTens) &&
        !zero_gap_;
    pending_first_ = prev_ == Element::kEnd;
  }

  // 三万五 = 35000: a last digit right after a place word is the next place down.
  void ApplyAbbreviation() {
    const bool single = pending_ == Pending::kDigit || pending_ == Pending::kPair ||
                        pending_ == Pending::kSingleArabic;
    if (single && pending_after_place_ && last_place_ >= 2) {
      pending_value_ = pending_value_.Shift(last_place_ - 1);
      pending_after_place_ = false;
    }
  }

  // total + section + pending.
  Interval Whole() const {
    const Interval whole = total_.Plus(section_);
    return HasPendingValue() ? whole.Plus(pending_value_) : whole;
  }

  void Finish(NumberInfo* out) {
    ApplyAbbreviation();
    const Interval whole = Whole();
    n_.lo = whole.lo;
    n_.hi = whole.hi;
    n_.end = p_;
    n_.units_only = !n_.any_digit && !n_.leading_ten;
    n_.chars = static_cast<int>(text::CountCodePoints(lexer_.text().substr(begin_, p_ - begin_)));
    n_.single_financial = n_.chars == 1 && first_numeral_ != nullptr && first_numeral_->financial;
    if (n_.arabic_integer && (n_.chinese || n_.point)) n_.arabic_integer = false;
    const double value = std::max(std::fabs(n_.lo.Value()), std::fabs(n_.hi.Value()));
    if (!std::isfinite(value) || value > kMaxValue) n_.too_long = true;
    *out = std::move(n_);
  }

  const Lexer& lexer_;
  const size_t begin_;
  size_t p_;  // the element being read
  const bool trace_;
  RefusedDigitRun* refused_;
  NumberInfo n_;  // what is known so far; n_.point: after 点, n_.more: after 余 多 几
  Interval total_;
  Interval section_;
  Interval pending_value_;  // the last digit or literal, not yet multiplied by a place
  Pending pending_ = Pending::kNone;
  bool pending_after_place_ = false;  // the pending digit directly follows a place or scale word
  bool pending_first_ = false;        // the pending digit is the first element
  int max_scale_ = 0;                 // exponent of the largest scale applied to total
  int last_small_ = 0;                // exponent of the last place word in this group, 0 if none
  int last_place_ = 0;                // exponent of the last place or scale word
  Element::Kind prev_ = Element::kEnd;
  const NumeralChar* prev_digit_ = nullptr;
  bool zero_gap_ = false;  // a 零 since the last place word
  const NumeralChar* first_numeral_ = nullptr;
};

}  // namespace

bool ReadNumber(const Lexer& lexer, size_t pos, bool trace, RefusedDigitRun* refused,
                NumberInfo* out) {
  return NumberReader(lexer, pos, trace, refused).Read(out);
}

}  // namespace mubiao::quantity::internal
