#include "quantity/format.h"

#include <cmath>
#include <cstdio>

namespace mubiao::quantity {

std::string FormatNumber(double value) {
  const auto plain = [](double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  };
  const double magnitude = std::fabs(value);
  const auto round_in = [&](double unit) {
    const double scaled = value / unit;
    return std::fabs(scaled * 100 - std::round(scaled * 100)) < 1e-6;
  };
  if (magnitude >= 1e12 && round_in(1e12)) return plain(value / 1e12) + "万亿";
  if (magnitude >= 1e8 && round_in(1e8)) return plain(value / 1e8) + "亿";
  if (magnitude >= 1e4 && round_in(1e4)) return plain(value / 1e4) + "万";
  return plain(value);
}

}  // namespace mubiao::quantity
