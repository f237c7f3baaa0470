// The lexical level of the quantity grammar (quantity.h): characters, the
// elements of a number (a digit, a place or scale word, an Arabic literal…),
// units and signs in normalised text. Internal to the quantity module.
//
// The lexer counts the work it does (steps: characters decoded, bytes of the
// elements and units it reads), so that tests can check that the recogniser
// stays linear in its input (quantity.h) by counting, not by timing.
#ifndef MUBIAO_QUANTITY_LEXER_H_
#define MUBIAO_QUANTITY_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "quantity/decimal.h"
#include "quantity/lexicon.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::quantity::internal {

using text::IsAsciiDigit;
using text::IsAsciiLetter;

// Running text restricts the grammar to what is safe among words; a whole
// string is known to be a figure and takes more (quantity.h, ParseQuantity).
enum class Mode { kRunningText, kWholeString };

// One lexical element of a number.
struct Element {
  enum Kind {
    kEnd,
    kOther,
    kDigit,
    kArabic,
    kUnit,  // a place word: 十 百 千
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
  bool grouped = false;       // has thousands separators (commas or spaces)
  bool dotted_chain = false;  // 1.2.3: a version or section number, not a figure
  bool notation = false;      // exponent, power or k/M/G suffix (whole strings)
  double DigitValue() const { return numeral ? numeral->value : 0; }
};

// Reads normalised text (text/normalize.h) at byte positions. Never reads
// before a position except in Before(); every read is counted in steps().
// Not thread-safe (the step count); one lexer per text and thread.
class Lexer {
 public:
  // `text` must outlive the lexer.
  Lexer(std::string_view text, Mode mode);

  // Decodes the code point at `pos` (kReplacementChar past the end) and sets
  // *next after it.
  char32_t At(size_t pos, size_t* next = nullptr) const {
    ++steps_;
    if (pos >= text_.size()) {
      if (next) *next = text_.size();
      return text::kReplacementChar;
    }
    size_t p = pos;
    const char32_t cp = text::DecodeUtf8(text_, &p);
    if (next) *next = p;
    return cp;
  }
  // The code point before `pos`, 0 at the start; sets *begin to its offset.
  char32_t Before(size_t pos, size_t* begin = nullptr) const;
  // The code point before the gap that ends at `pos` (the 第 of "第 5 届"), or
  // before `pos` when no space is there; 0 at the start.
  char32_t BeforeGap(size_t pos) const;
  // True when `word` starts at `pos`.
  bool Starts(size_t pos, std::string_view word) const {
    ++steps_;
    return text_.substr(pos, word.size()) == word;
  }
  // `pos` moved past a gap (quantity.h, IsGap): at most kMaxGap spaces.
  size_t SkipGap(size_t pos) const;
  // True when a scale word (万 亿) or a unit starts at `pos`.
  bool ScaleOrUnitAt(size_t pos) const;

  // The end of the token of a name, code or formula written with Latin
  // letters, digits and joining signs that starts at `pos` (PM2.5, COVID-19,
  // 1+11+7, 2023-02-27, 8:30).
  size_t SkipToken(size_t pos) const;

  // The element at `pos`: kEnd past the end, kOther for anything that is no
  // part of a number.
  Element Lex(size_t pos) const;
  // The unit that starts at `pos`, honouring the Latin-letter boundary;
  // nullptr when none. Sets *end.
  const UnitEntry* UnitAt(size_t pos, size_t* end) const;
  // The bound word of comparators.txt that starts at `pos` (the longest),
  // nullptr when none. Sets *end.
  const ComparatorEntry* ComparatorAt(size_t pos, size_t* end) const {
    ++steps_;
    const int id = lex_.comparators().LongestMatch(text_, pos, end);
    return id < 0 ? nullptr : &lex_.comparator(id);
  }
  // True when a word of non_quantities.txt starts at `pos`; sets *end past
  // the longest.
  bool NonQuantityAt(size_t pos, size_t* end) const {
    ++steps_;
    return lex_.non_quantities().LongestMatch(text_, pos, end) >= 0;
  }
  // '-', 负 or 負: the sign of a fraction's numerator.
  bool IsMinus(char32_t cp) const {
    const NumeralChar* numeral = lex_.Numeral(cp);
    return cp == '-' || (numeral && numeral->role == NumeralRole::kMinus);
  }
  // A sign before a number: IsMinus or the mathematical minus U+2212.
  bool IsSign(char32_t cp) const { return cp == U'\u2212' || IsMinus(cp); }
  // True when a number may begin at `pos` (a digit, a numeral character, a
  // sign before one). Cheap: looks at one or two characters.
  bool CanStartNumber(size_t pos) const;

  std::string_view text() const { return text_; }
  Mode mode() const { return mode_; }
  // The work done so far: characters decoded, bytes of elements, units and
  // tokens read, lexicon lookups.
  uint64_t steps() const { return steps_; }

 private:
  std::string_view text_;
  Mode mode_;
  const Lexicons& lex_;
  mutable uint64_t steps_ = 0;
};

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_LEXER_H_
