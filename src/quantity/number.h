// The number of the quantity grammar (quantity.h): Arabic, Chinese and mixed
// numerals, digit strings, decimals after 点, and the approximations 余 多 几
// 数 and neighbouring digits. Internal to the quantity module.
#ifndef MUBIAO_QUANTITY_NUMBER_H_
#define MUBIAO_QUANTITY_NUMBER_H_

#include <cstddef>
#include <vector>

#include "quantity/decimal.h"
#include "quantity/lexer.h"

namespace mubiao::quantity::internal {

// What was read as a number, with the facts the filters of running text need.
struct NumberInfo {
  size_t begin = 0;
  size_t end = 0;
  Decimal lo;                     // the value; the lower end when vague
  Decimal hi;                     // the upper end of 三四十万, 几十万; else == lo
  bool vague = false;             // lo..hi from neighbouring digits, 几 or 数
  bool more = false;              // 余, 多, or a final 几: more than the value
  bool any_digit = false;         // a digit, Arabic or Chinese, or 半
  bool leading_ten = false;       // begins with 十 (十万 has no digit but is a number)
  bool units_only = false;        // only place and scale words (百, 千, 百万): 百分之 etc.
  bool arabic = false;            // contains an Arabic literal
  bool chinese = false;           // contains a Chinese numeral character
  bool big_scale = false;         // 万 亿 兆
  bool place_words = false;       // 十 百 千 (or 廿 卅 卌)
  bool point = false;             // 点 decimals
  bool digit_string = false;      // read digit by digit (二〇二三)
  bool single_financial = false;  // one financial-form character and nothing else
  bool too_long = false;          // more digits than any real quantity has
  bool dotted_chain = false;      // 1.2.3
  bool notation = false;          // 2e5, 2^5, 1.2k (whole strings)
  bool arabic_integer = false;    // one Arabic whole number and nothing else
  int arabic_int_digits = 0;      // of the first Arabic literal
  bool arabic_leading_zero = false;
  int chars = 0;  // code points read
  // Products of the place and scale words after the last digit, for ranges
  // whose first number takes the second's scale (5到6万, 十八至三十万):
  double places_after_last_digit = 1;  // 三十万: 10^5
  double scales_after_last_digit = 1;  // 三十万: 10^4
  std::vector<Element> trace;          // the elements read, when tracing (strict syntax)
};

// The last run of Chinese digits found to be no digit string: it holds 两 and
// no spoken digit (两两 is "in pairs", 一两三 no figure read digit by digit).
// A number read at a later position of the run is no digit string either
// while a 两 lies ahead in the run; remembering that keeps 两两两… linear
// instead of reading the rest of the run again at every character.
struct RefusedDigitRun {
  size_t begin = 0;
  size_t end = 0;         // begin == end: none
  size_t last_liang = 0;  // where the last 两 of the run begins
};

// Reads a number at `pos` (no sign, no unit). Reads each element of the
// number once, and the run of digits it starts to its end unless `refused`,
// the caller's memory of the last refused run over the same text, says it is
// no digit string. With `trace`, records the elements read in
// NumberInfo::trace. False when no number starts there; *out is then
// unchanged.
bool ReadNumber(const Lexer& lexer, size_t pos, bool trace, RefusedDigitRun* refused,
                NumberInfo* out);

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_NUMBER_H_
