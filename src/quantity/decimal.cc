#include "quantity/decimal.h"

#include <algorithm>
#include <cmath>

namespace mubiao::quantity::internal {

double Pow10(int exponent) {
  static const auto* const table = [] {
    auto* powers = new double[61];
    for (int e = -30; e <= 30; ++e) powers[e + 30] = std::pow(10.0, e);
    return powers;
  }();
  if (exponent >= -30 && exponent <= 30) return table[exponent + 30];
  return std::pow(10.0, exponent);
}

int Exponent(double power_of_ten) {
  return static_cast<int>(std::lround(std::log10(power_of_ten)));
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

}  // namespace mubiao::quantity::internal
