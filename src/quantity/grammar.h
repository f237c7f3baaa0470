// The grammar of quantity.h as a recursive-descent parser over normalised
// text. Internal to the quantity module: quantity.cc drives it over running
// text (FindQuantities) or whole strings (ParseQuantity, ParseNumber).
//
// Every Parse* function reads forward from a byte position, never backwards
// past it, and reads each character of a number once (a failed range or
// fraction re-reads at most one number), which is what makes the scan linear.
#ifndef MUBIAO_QUANTITY_GRAMMAR_H_
#define MUBIAO_QUANTITY_GRAMMAR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "quantity/lexicon.h"

namespace mubiao::quantity::internal {

// Running text restricts the grammar to what is safe among words; a whole
// string is known to be a figure and takes more (quantity.h, ParseQuantity).
enum class Mode { kRunningText, kWholeString };

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
  bool IsZero() const { return mantissa == 0; }
};

// One lexical element of a number.
struct Element {
  enum Kind {
    kEnd,
    kOther,
    kDigit,
    kArabic,
    kUnit,
    kScale,
    kTens,
    kPoint,
    kHalf,
    kMore,
    kSome,
    kSeveral
  };
  Kind kind = kEnd;
  size_t begin = 0;
  size_t end = 0;
  const NumeralChar* numeral = nullptr;  // Chinese elements
  // Arabic literals:
  Decimal arabic;
  int int_digits = 0;         // digits before the decimal point
  bool leading_zero = false;  // 0371
  bool fraction = false;      // has a decimal point
  bool grouped = false;       // has thousands separators
  bool dotted_chain = false;  // 1.2.3: a version or section number, not a figure
  bool notation = false;      // exponent, power or k/M/G suffix (whole strings)
  double DigitValue() const { return numeral ? numeral->value : 0; }
};

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

// A number with what follows it up to its unit.
struct Core {
  size_t begin = 0;   // including the sign
  size_t end = 0;     // after the unit and its tail
  NumberInfo number;  // the first number (the denominator of a fraction)
  bool negative = false;
  Decimal lo;
  Decimal hi;
  bool fraction = false;     // 三分之一, 1/2
  bool vague = false;        // lo..hi from neighbouring digits, 几 or 数 (百分之二三十)
  bool per_hundred = false;  // 百分之…, 千分之… (unit %)
  bool tenths = false;       // 八成, 八折 (unit %)
  const UnitEntry* unit = nullptr;  // nullptr: none, or the % of the forms above
  std::string unit_name;  // canonical, compound with "/" (元/人); "%" for the forms above
  QuantityKind kind = QuantityKind::kNumber;
  bool yuan_whole = false;       // 元整, 圆正
  bool yuan_subunits = false;    // 元…角…分
  bool half_after_unit = false;  // 两米半
};

// A quantity as parsed: one core, or two for a range, plus bound words.
struct Parsed {
  size_t begin = 0;  // including a bound word before it
  size_t end = 0;    // including a bound word after it
  Core first;
  Core second;  // valid when is_range
  bool is_range = false;
  const ComparatorEntry* before = nullptr;
  const ComparatorEntry* after = nullptr;
  double value = 0;
  double value_max = 0;  // valid when has_max
  bool has_max = false;
  std::string cmp;
  bool approx = false;
  std::string unit;
  const UnitEntry* unit_entry = nullptr;
  QuantityKind kind = QuantityKind::kNumber;
};

class Grammar {
 public:
  // With `trace`, numbers record their elements (NumberInfo::trace) for
  // IsCanonicalNumeral.
  Grammar(std::string_view text, Mode mode, bool trace = false);

  // True when a number may begin at `pos` (a digit, a numeral character, a
  // sign before one). Cheap: looks at one or two characters.
  bool CanStartNumber(size_t pos) const;

  // Parses a quantity starting at `pos`. `before` is a bound word ending at
  // `pos` (from the caller's scan), starting at `before_begin`, or nullptr.
  // On success fills *out. Either way sets *scanned to the end of the first
  // number read (or one character past `pos`), where a caller that rejects
  // or fails may resume without reading that number again.
  bool ParseQuantityAt(size_t pos, const ComparatorEntry* before, size_t before_begin, Parsed* out,
                       size_t* scanned) const;

  // Reads a number at `pos` (no sign, no unit). False when none starts there;
  // *out is then unchanged.
  bool ParseNumberAt(size_t pos, NumberInfo* out) const;

  // The unit that starts at `pos`, honouring the Latin-letter boundary;
  // nullptr when none. Sets *end.
  const UnitEntry* UnitAt(size_t pos, size_t* end) const;

  // Decodes the code point at `pos` (kReplacementChar past the end).
  char32_t At(size_t pos, size_t* next = nullptr) const;
  // The code point before `pos`, 0 at the start; sets *begin to its offset.
  char32_t Before(size_t pos, size_t* begin = nullptr) const;

  std::string_view text() const { return text_; }

 private:
  Element Lex(size_t pos) const;
  Element LexArabic(size_t pos) const;
  bool ParseDigitString(size_t pos, NumberInfo* out, bool trace) const;
  bool ParseCoreAt(size_t pos, Core* out) const;
  // True when a pair of neighbouring digits ending at `pos` stands alone (no
  // further digit or decimal point follows): 三四十万, not 一二点三.
  bool EndsPair(size_t pos) const;
  // The fraction mark (分之) at `pos`; sets *after past it.
  bool FractionMark(size_t pos, size_t* after) const;
  bool ParseFractionTail(size_t pos, const NumberInfo& denominator, bool negative, Core* out) const;
  void ParseUnitTail(Core* core) const;
  size_t SkipSpaces(size_t pos, int max) const;
  bool Starts(size_t pos, std::string_view word) const {
    return text_.substr(pos, word.size()) == word;
  }

  std::string_view text_;
  Mode mode_;
  bool trace_;
  const Lexicons& lex_;
};

// True when the traced elements of a number spell it in the canonical
// written form (NumberSyntax::kStrict in quantity.h).
bool IsCanonicalNumeral(const std::vector<Element>& trace);

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_GRAMMAR_H_
