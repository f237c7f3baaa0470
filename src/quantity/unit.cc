// Units of the quantity grammar and what may follow them: % and the tenths
// of 成 and 折, units of units.txt with their compounds (元/人), 半 after a
// unit (两米半) and the tail of a written amount (元整, 壹角, 捌分).
#include <cmath>
#include <string_view>
#include <utility>

#include "quantity/grammar.h"

namespace mubiao::quantity::internal {

void Grammar::ParseUnitTail(Core* core) const {
  const size_t q = lexer_.SkipGap(core->end);
  size_t next;
  const char32_t cp = lexer_.At(q, &next);
  if (cp == '%') {
    core->unit_name = "%";
    core->kind = QuantityKind::kPercent;
    core->end = next;
    return;
  }
  if ((cp == U'成' || cp == U'折') && !core->fraction && ReadTenths(cp, next, core)) return;
  ReadUnit(q, core);
}

// 成 and 折 count tenths: 八成 = 80 %, 七成六 = 76 %, 三成半 = 35 %, 75折 = 75 %.
// `mark` ends at `pos`. False when the mark begins a word (成果, 折合) or the
// number counts no tenths; true when the mark ends the core, as a unit or not
// (十折 is no discount).
bool Grammar::ReadTenths(char32_t mark, size_t pos, Core* core) const {
  static constexpr std::u32string_view kAfterCheng = U"员本为果绩长熟立功就交型效品都";
  static constexpr std::u32string_view kAfterZhe = U"合算旧叠扣返射价线";
  const char32_t after = lexer_.At(pos);
  const bool word =
      (mark == U'成' ? kAfterCheng : kAfterZhe).find(after) != std::u32string_view::npos;
  const double v = core->lo.Value();
  if (word || !(v > 0 && v <= 100)) return false;
  // 75折 and 九五折 are two digits written out; 十折 is no discount.
  const NumberInfo& n = core->number;
  const bool two_digits = n.digit_string || (n.arabic_integer && n.arabic_int_digits == 2);
  if (mark == U'折' && v >= 10 && !two_digits) return true;
  size_t end = pos;
  if (mark == U'成' || v < 10) {
    const bool half = n.chars == 1 && n.any_digit && v == 0.5;
    const int shift = (mark == U'折' && half) ? 2 : 1;  // 半折 is half price, 50 %
    core->lo = core->lo.Shift(shift);
    core->hi = core->hi.Shift(shift);
  }
  if (mark == U'成') {
    const Element d = lexer_.Lex(pos);
    double extra = 0;
    if (d.kind == Element::kDigit && d.DigitValue() > 0 && !d.numeral->liang) {
      extra = d.DigitValue();  // 七成六
    } else if (d.kind == Element::kHalf) {
      extra = 5;  // 三成半
    }
    if (extra != 0) {
      core->lo = core->lo.Plus(Decimal{extra, 0});
      core->hi = core->hi.Plus(Decimal{extra, 0});
      end = d.end;
    }
  }
  core->tenths = true;
  core->unit_name = "%";
  core->kind = QuantityKind::kPercent;
  core->end = end;
  return true;
}

// A unit of units.txt at `pos`, scaled by its factor (‰), with its tail.
void Grammar::ReadUnit(size_t pos, Core* core) const {
  size_t p;
  const UnitEntry* unit = lexer_.UnitAt(pos, &p);
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
  if (!dated) p = ReadPerUnit(p, core);
  if (!dated && core->kind != QuantityKind::kPercent) p = ReadHalfAfterUnit(p, core);
  if (unit->yuan) p = ReadYuanTail(p, core);
  core->end = p;
}

// A compound unit: 元/人, 微克/立方米. Returns the end of the core's unit.
size_t Grammar::ReadPerUnit(size_t pos, Core* core) const {
  const std::string_view t = lexer_.text();
  if (pos >= t.size() || t[pos] != '/') return pos;
  size_t end;
  const UnitEntry* per = lexer_.UnitAt(pos + 1, &end);
  if (per == nullptr || per->is_date || per->is_clock || per->is_label) return pos;
  core->unit_name += "/" + per->unit;
  return end;
}

// 两米半, 三斤半: half of the unit more.
size_t Grammar::ReadHalfAfterUnit(size_t pos, Core* core) const {
  size_t after_half;
  if (lexer_.At(pos, &after_half) != U'半') return pos;
  core->lo = core->lo.Plus(Decimal{5, 1});
  core->hi = core->hi.Plus(Decimal{5, 1});
  core->half_after_unit = true;
  return after_half;
}

// The tail of a written amount: 元整, 元正, 壹角, 捌分.
size_t Grammar::ReadYuanTail(size_t pos, Core* core) const {
  size_t after_word;
  const char32_t word = lexer_.At(pos, &after_word);
  if (word == U'整' || word == U'正') {
    core->yuan_whole = true;
    return after_word;
  }
  Decimal cents;
  size_t r = pos;
  bool any = false;
  for (const auto& [mark, shift] : {std::pair{U'角', -1}, std::pair{U'分', -2}}) {
    const Element d = lexer_.Lex(r);
    const bool digit = (d.kind == Element::kDigit && !d.numeral->spoken) ||
                       (d.kind == Element::kArabic && d.int_digits == 1 && !d.fraction &&
                        !d.notation && !d.grouped);
    size_t after_mark;
    if (!digit || lexer_.At(d.end, &after_mark) != mark) continue;
    const double v = d.kind == Element::kDigit ? d.DigitValue() : d.arabic.Value();
    cents = cents.Plus(Decimal{v, 0}.Shift(shift));
    r = after_mark;
    any = true;
  }
  if (!any) return pos;
  core->lo = core->lo.Plus(cents);
  core->hi = core->hi.Plus(cents);
  core->yuan_subunits = true;
  return r;
}

}  // namespace mubiao::quantity::internal
