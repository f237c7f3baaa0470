// Exact decimal values for the quantity grammar, and the limits of a figure.
// Internal to the quantity module.
#ifndef MUBIAO_QUANTITY_DECIMAL_H_
#define MUBIAO_QUANTITY_DECIMAL_H_

namespace mubiao::quantity::internal {

// Larger "figures" are codes, serial numbers or noise, not quantities.
inline constexpr int kMaxDigits = 30;
inline constexpr double kMaxValue = 1e30;
// Digits a double holds exactly; further decimals only add rounding noise.
inline constexpr int kSignificantDigits = 17;

// 10^exponent (exact from a table for |exponent| <= 30).
double Pow10(int exponent);

// The exponent of a power of ten held in a lexicon value (10 → 1, 10^8 → 8).
int Exponent(double power_of_ten);

// A decimal as mantissa × 10^-decimals, so that scaling by powers of ten is
// exact: 7.61万 is 761 × 10^2, not 7.61 × 10^4 (= 76100.00000000001).
struct Decimal {
  double mantissa = 0;
  int decimals = 0;

  double Value() const;
  // This × 10^exponent (exponent may be negative).
  Decimal Shift(int exponent) const;
  Decimal Plus(const Decimal& other) const;
  Decimal Times(double factor) const;  // exact for small integer factors
  Decimal Negated() const { return Decimal{-mantissa, decimals}; }
  bool IsZero() const { return mantissa == 0; }
};

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_DECIMAL_H_
