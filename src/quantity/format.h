// Numbers written for Chinese readers, as reports write them.
#ifndef MUBIAO_QUANTITY_FORMAT_H_
#define MUBIAO_QUANTITY_FORMAT_H_

#include <string>

namespace mubiao::quantity {

// A number for reading: up to two decimals, trailing zeros dropped, with
// 万 or 亿 for large round values (580000 → "58万", 1.3e12 → "1.3万亿").
std::string FormatNumber(double value);

}  // namespace mubiao::quantity

#endif  // MUBIAO_QUANTITY_FORMAT_H_
