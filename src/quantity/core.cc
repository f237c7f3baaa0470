// Cores of the quantity grammar: sign, number, fraction and per-hundred
// forms (the unit and its tail are in unit.cc).
#include <cmath>
#include <utility>

#include "quantity/grammar.h"

namespace mubiao::quantity::internal {
namespace {

// A whole number and a fraction (三又三分之一, 1 3/5) as the value of `c`.
void SetMixedNumber(double whole, size_t end, Core* c) {
  c->lo = c->hi = Decimal{c->negative ? -whole : whole, 0};
  c->fraction = true;
  c->end = end;
}

}  // namespace

bool Grammar::ParseCoreAt(size_t pos, Core* out) const {
  Core c;
  c.begin = pos;
  size_t p = pos;
  size_t after_sign;
  if (lexer_.IsSign(lexer_.At(p, &after_sign)) && after_sign < lexer_.text().size()) {
    c.negative = true;
    p = after_sign;
  }
  c.number.begin = c.number.end = p;
  if (!ReadNumber(lexer_, p, trace_, &refused_digit_run_, &c.number) || !ReadAfterNumber(&c)) {
    // The caller still learns how far the number went, so that it resumes
    // after it instead of reading it again.
    out->number = std::move(c.number);
    return false;
  }
  *out = std::move(c);
  return true;
}

// What follows the number of a core: a fraction, or the whole number's own
// value, then its unit.
bool Grammar::ReadAfterNumber(Core* c) const {
  const NumberInfo& a = c->number;
  c->vague = a.vague;
  c->end = a.end;
  size_t q;
  if (FractionMark(a.end, &q)) {
    if (!a.units_only && !a.any_digit && !a.leading_ten) return false;
    if (!ParseFractionTail(q, a, c->negative, c)) return false;
  } else if (a.units_only && a.lo.Value() == 100 && a.chars == 1 && lexer_.Starts(a.end, "分百")) {
    c->lo = c->hi = Decimal{100, 0};  // 百分百
    c->per_hundred = true;
    c->unit_name = "%";
    c->kind = QuantityKind::kPercent;
    c->end = a.end + 6;
    return true;
  } else {
    c->lo = c->negative ? a.lo.Negated() : a.lo;
    c->hi = c->negative ? a.hi.Negated() : a.hi;
    ReadFractionOfWhole(c);
  }
  if (!c->per_hundred) ParseUnitTail(c);
  // Place and scale words alone (百, 万, 千亿) are a number only before a
  // unit: 千亿斤, 万亿元, 百万吨.
  return !(a.units_only && !c->per_hundred && c->unit == nullptr);
}

// A fraction after a whole number: a/b, 三又三分之一, 1 3/5 (whole strings).
void Grammar::ReadFractionOfWhole(Core* c) const {
  const NumberInfo& a = c->number;
  size_t after;
  if (a.arabic_integer && !a.notation && lexer_.At(a.end, &after) == '/') {
    ReadSlashFraction(after, c);
  } else if (lexer_.Starts(a.end, "又")) {
    ReadMixedFraction(a.end + 3, c);
  } else if (lexer_.mode() == Mode::kWholeString && a.arabic_integer &&
             lexer_.At(a.end, &after) == ' ') {
    ReadSpacedFraction(after, c);
  }
}

// a/b: in running text only proper fractions with a small denominator (1/2,
// 3/4); 2023/5/6 and 16/9 are dates and ratios.
void Grammar::ReadSlashFraction(size_t pos, Core* c) const {
  const Element b = lexer_.Lex(pos);
  const char32_t follow = lexer_.At(b.end);
  if (b.kind == Element::kArabic && !b.fraction && !b.grouped && !b.notation &&
      b.arabic.Value() != 0 && follow != '/' && !IsAsciiDigit(follow) &&
      (lexer_.mode() == Mode::kWholeString ||
       (c->number.lo.Value() < b.arabic.Value() && b.int_digits <= 3))) {
    c->lo = c->hi = Decimal{c->lo.Value() / b.arabic.Value(), 0};
    c->fraction = true;
    c->end = b.end;
  }
}

// 三又三分之一: a whole number and a fraction after 又 at `pos`.
void Grammar::ReadMixedFraction(size_t pos, Core* c) const {
  NumberInfo d;
  size_t numerator;
  if (!ReadNumber(lexer_, pos, trace_, &refused_digit_run_, &d) ||
      !(d.any_digit || d.leading_ten) || !FractionMark(d.end, &numerator)) {
    return;
  }
  Core part;
  if (ParseFractionTail(numerator, d, false, &part)) {
    SetMixedNumber(std::fabs(c->number.lo.Value()) + part.lo.Value(), part.end, c);
  }
}

// 1 3/5: a whole number, a space, a fraction (whole strings).
void Grammar::ReadSpacedFraction(size_t pos, Core* c) const {
  const Element x = lexer_.Lex(pos);
  size_t slash_end;
  if (x.kind != Element::kArabic || x.fraction || lexer_.At(x.end, &slash_end) != '/') return;
  const Element b = lexer_.Lex(slash_end);
  if (b.kind == Element::kArabic && !b.fraction && b.arabic.Value() != 0) {
    SetMixedNumber(std::fabs(c->number.lo.Value()) + x.arabic.Value() / b.arabic.Value(), b.end, c);
  }
}

bool Grammar::FractionMark(size_t pos, size_t* after) const {
  if (lexer_.Starts(pos, "分之")) {
    *after = pos + 6;
    return true;
  }
  // In whole strings also 分 or 份 before a numeral: 四分一, 二份一, 百分三十.
  if (lexer_.mode() == Mode::kWholeString &&
      (lexer_.Starts(pos, "分") || lexer_.Starts(pos, "份"))) {
    const Element::Kind next = lexer_.Lex(pos + 3).kind;
    if (next == Element::kDigit || next == Element::kArabic || next == Element::kUnit ||
        next == Element::kTens) {
      *after = pos + 3;
      return true;
    }
  }
  return false;
}

// The numerator after 分之: D分之N = N/D, and 百分之N, 千分之N … = N %, N ‰ ….
bool Grammar::ParseFractionTail(size_t pos, const NumberInfo& denominator, bool negative,
                                Core* out) const {
  size_t p = pos;
  bool numerator_negative = false;
  size_t after_sign;
  if (lexer_.IsMinus(lexer_.At(p, &after_sign))) {
    numerator_negative = true;
    p = after_sign;
  }
  NumberInfo numerator;
  if (!ReadNumber(lexer_, p, trace_, &refused_digit_run_, &numerator)) return false;
  const bool per_hundred = denominator.units_only;  // 百分之, 千分之, 百万分之
  if (!numerator.any_digit && !numerator.leading_ten) {
    // 百分之百 is the only numerator without a digit.
    if (!(per_hundred && numerator.units_only && numerator.lo.Value() == 100)) return false;
  }
  Decimal lo = numerator.lo;
  Decimal hi = numerator.hi;
  if (numerator_negative != negative) {
    lo = lo.Negated();
    hi = hi.Negated();
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

}  // namespace mubiao::quantity::internal
