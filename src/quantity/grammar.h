// The grammar of quantity.h above the number: a core (sign, number, fraction,
// unit and its tail) and a quantity (one core or a range of two, with bound
// words). Internal to the quantity module: quantity.cc drives it over running
// text (FindQuantities) or whole strings (ParseQuantity, ParseNumber).
//
// The parser is split by level: lexer.h reads characters and the elements of
// a number, number.h reads numbers, core.cc reads signs and fractions, unit.cc
// units and their tails, grammar.cc ranges, bound words and quantities.
//
// Every method reads forward from a byte position, never backwards past it,
// and reads each character of a number once (a failed range or fraction
// re-reads at most one number; a run of digits refused as a digit string is
// remembered, not read again: RefusedDigitRun), which is what makes the scan
// linear.
#ifndef MUBIAO_QUANTITY_GRAMMAR_H_
#define MUBIAO_QUANTITY_GRAMMAR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "quantity/decimal.h"
#include "quantity/lexer.h"
#include "quantity/lexicon.h"
#include "quantity/number.h"

namespace mubiao::quantity::internal {

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
  Comparator cmp = Comparator::kNone;
  bool approx = false;
  std::string unit;
  const UnitEntry* unit_entry = nullptr;
  QuantityKind kind = QuantityKind::kNumber;
};

class Grammar {
 public:
  // With `trace`, numbers record their elements (NumberInfo::trace) for
  // IsCanonicalNumeral. `text` must outlive the grammar.
  Grammar(std::string_view text, Mode mode, bool trace = false);

  // Parses a quantity starting at `pos`. `before` is a bound word ending at
  // `pos` (from the caller's scan), starting at `before_begin`, or nullptr.
  // On success fills *out. Either way sets *scanned to the end of the first
  // number read (or one character past `pos`), where a caller that rejects
  // or fails may resume without reading that number again.
  bool ParseQuantityAt(size_t pos, const ComparatorEntry* before, size_t before_begin, Parsed* out,
                       size_t* scanned) const;

  // The characters, elements and units of the text, and the work done.
  const Lexer& lexer() const { return lexer_; }

 private:
  // grammar.cc: quantities.
  void ReadRange(Parsed* q) const;
  size_t ReadConnector(size_t pos, bool* between) const;
  bool ReadBetweenEnd(const Core& first, Core* second, std::string* unit, size_t* end) const;
  void ReadBoundAfter(Parsed* q) const;
  void ReadBoundBefore(const ComparatorEntry* before, size_t before_begin, Parsed* q) const;

  // core.cc: cores and fractions.
  bool ParseCoreAt(size_t pos, Core* out) const;
  bool ReadAfterNumber(Core* c) const;
  void ReadFractionOfWhole(Core* c) const;
  void ReadSlashFraction(size_t pos, Core* c) const;
  void ReadMixedFraction(size_t pos, Core* c) const;
  void ReadSpacedFraction(size_t pos, Core* c) const;
  // The fraction mark (分之) at `pos`; sets *after past it.
  bool FractionMark(size_t pos, size_t* after) const;
  bool ParseFractionTail(size_t pos, const NumberInfo& denominator, bool negative, Core* out) const;

  // unit.cc: units and their tails.
  void ParseUnitTail(Core* core) const;
  bool ReadTenths(char32_t mark, size_t pos, Core* core) const;
  void ReadUnit(size_t pos, Core* core) const;
  size_t ReadPerUnit(size_t pos, Core* core) const;
  size_t ReadHalfAfterUnit(size_t pos, Core* core) const;
  size_t ReadYuanTail(size_t pos, Core* core) const;

  Lexer lexer_;
  bool trace_;
  mutable RefusedDigitRun refused_digit_run_;  // a cache for ReadNumber, kept across calls
};

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_GRAMMAR_H_
