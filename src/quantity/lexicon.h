// The lexicons of the quantity grammar (data/lexicon/*.txt), parsed once into
// lookup tables. Internal to the quantity module.
#ifndef MUBIAO_QUANTITY_LEXICON_H_
#define MUBIAO_QUANTITY_LEXICON_H_

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quantity/comparator.h"
#include "quantity/quantity.h"

namespace mubiao::quantity::internal {

// A set of UTF-8 words, each with an index, matched by longest prefix.
// Lookups cost at most the length of the longest word, whatever the text.
class WordTrie {
 public:
  // Adds `word` (non-empty) with `payload` >= 0; a word added twice keeps
  // its first payload.
  void Insert(std::string_view word, int payload);
  // The payload of the longest word that starts at text[pos], and its end
  // in *end; -1 when no word starts there.
  int LongestMatch(std::string_view text, size_t pos, size_t* end) const;

 private:
  // The most children a node looks up by scanning; a node with more looks
  // them up in a table of all 256 bytes (the root and the nodes after the
  // lead byte of a Chinese character have dozens, and every position of a
  // text starts a lookup at the root).
  static constexpr size_t kScannedChildren = 8;
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> children;  // byte → node, until `table`
    int32_t payload = -1;
    int32_t table = -1;  // index into tables_, or -1 while it has few children
  };
  int32_t Child(int32_t node, unsigned char byte) const;
  std::vector<Node> nodes_{1};  // nodes_[0] is the root
  std::vector<std::array<int32_t, 256>> tables_;
};

// The role of a character in a Chinese numeral (numerals.txt).
enum class NumeralRole {
  kDigit,
  kUnit,
  kScale,
  kTens,
  kPoint,
  kMinus,
  kHalf,
  kMore,
  kSome,
  kSeveral,
  kAnd
};

struct NumeralChar {
  NumeralRole role = NumeralRole::kDigit;
  double value = 0;           // digit 0-9, place 10/100/1000, scale, or tens
  bool financial = false;     // 壹 陆 拾 …: alone, a word more often than a number
  bool liang = false;         // 两 and its forms
  bool spoken = false;        // 幺 洞 拐: only in figures read out digit by digit
  bool noncanonical = false;  // refused by NumberSyntax::kStrict
};

struct UnitEntry {
  std::string unit;  // canonical form (the "as=" attribute, else as written)
  QuantityKind kind = QuantityKind::kCount;
  bool is_date = false;   // a number before it is a date (6月, 27日, 三季度)
  bool is_clock = false;  // a clock time (8时, 10点)
  bool is_label = false;  // a name (3号线)
  double factor = 1;      // ‰: 0.1
  bool han_word = false;  // a word after a one-character Chinese numeral (一度)
  bool year = false;      // 年: a four-digit whole number before it is a year
  int count_of = 0;       // 打: 12, 对: 2 (ParseNumber only)
  bool yuan = false;      // takes 整/正 or 角/分
};

struct ComparatorEntry {
  bool after = false;  // stands after the quantity (以上), else before it (约)
  Comparator cmp = Comparator::kNone;
  bool approx = false;    // the figure is not exact
  bool not_time = false;  // before a duration it means "recent" (近三年)
};

// All lexicons. Words are stored in normalised form (text/normalize.h) to
// match normalised text.
class Lexicons {
 public:
  // The lexicons compiled into the library, parsed on first use. A malformed
  // line in a lexicon file is a build defect: it aborts with a message naming
  // the file and line (the unit tests load the lexicons first thing).
  static const Lexicons& Get();

  // The numeral character `cp`, or nullptr.
  const NumeralChar* Numeral(char32_t cp) const {
    // Most characters are no numeral: a bit per BMP character answers
    // without hashing.
    if (cp < kBmp && !bmp_numerals_[cp]) return nullptr;
    auto it = numerals_.find(cp);
    return it == numerals_.end() ? nullptr : &it->second;
  }

  const WordTrie& units() const { return units_; }
  const UnitEntry& unit(int id) const { return unit_entries_[id]; }
  const WordTrie& comparators() const { return comparators_; }
  const ComparatorEntry& comparator(int id) const { return comparator_entries_[id]; }
  // Words in which a numeral states no quantity (non_quantities.txt).
  const WordTrie& non_quantities() const { return non_quantities_; }
  // True for a word of times_of_day.txt (早上, 下午), as normalised.
  bool IsTimeOfDay(std::string_view word) const {
    return std::find(times_of_day_.begin(), times_of_day_.end(), word) != times_of_day_.end();
  }

 private:
  Lexicons();
  static constexpr char32_t kBmp = 0x10000;
  std::unordered_map<char32_t, NumeralChar> numerals_;
  std::bitset<kBmp> bmp_numerals_;  // which BMP characters numerals_ holds
  WordTrie units_;
  std::vector<UnitEntry> unit_entries_;
  WordTrie comparators_;
  std::vector<ComparatorEntry> comparator_entries_;
  WordTrie non_quantities_;
  std::vector<std::string> times_of_day_;
};

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_LEXICON_H_
