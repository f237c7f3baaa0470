#include "quantity/canonical.h"

#include <cmath>
#include <utility>

#include "quantity/decimal.h"

namespace mubiao::quantity::internal {
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
    return Scaled(kYi, /*bare_ten=*/true, /*after_zero=*/false, &value) && i_ == s_.size();
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

  // The two scales, as rules of HIGH SCALE [零 LOW | LOW]. Under 万 a LOW
  // below a thousand takes 零 (一万零五百) and one of a thousand or more
  // does not (一万五千); under 亿 a LOW after 零 may be any (一亿零五百万),
  // one without 零 is at least ten thousand (一亿二千万) and may open with
  // a bare 十 (一亿十万).
  struct ScaleRule {
    int exponent;                 // 4 for 万, 8 for 亿
    long long unit;               // 10^exponent
    long long zero_low_below;     // a LOW after 零 is below it
    long long bare_low_at_least;  // a LOW without 零 is at least it
    bool bare_low_may_open_ten;   // such a LOW may open with 十
  };
  static constexpr ScaleRule kWan = {4, 10000, 1000, 1000, false};
  static constexpr ScaleRule kYi = {8, 100000000, 100000000, 10000, true};

  // HIGH [SCALE [零 LOW | LOW]], HIGH and LOW below the scale: N4 under 万
  // (1..99999999), the 万 level under 亿 (1..10^16).
  bool Scaled(const ScaleRule& rule, bool bare_ten, bool after_zero, long long* value) {
    const auto below = [&](bool ten, bool zero, long long* v) {
      return rule.exponent == kWan.exponent ? N4(ten, zero, v) : Scaled(kWan, ten, zero, v);
    };
    long long high = 0;
    if (!below(bare_ten, after_zero, &high)) return false;
    *value = high;
    if (!Is(Symbol::kScale, rule.exponent)) return true;
    ++i_;
    long long low = 0;
    if (IsZero()) {
      ++i_;
      if (!below(false, true, &low) || low >= rule.zero_low_below) return false;
    } else if (StartsNumber()) {
      if (!below(rule.bare_low_may_open_ten, false, &low) || low < rule.bare_low_at_least) {
        return false;
      }
    }
    *value = high * rule.unit + low;
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
