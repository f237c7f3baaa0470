#include "quantity/lexicon.h"

#include <charconv>
#include <span>
#include <string>
#include <utility>

#include "embedded/comparators_txt.h"
#include "embedded/non_quantities_txt.h"
#include "embedded/numerals_txt.h"
#include "embedded/times_of_day_txt.h"
#include "embedded/units_txt.h"
#include "text/normalize.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace mubiao::quantity::internal {
namespace {

// One data row of a lexicon file (text/tsv.h), with the file's name and the
// line for error messages.
struct Line {
  std::string_view file;
  int number = 0;
  std::vector<std::string_view> fields;
};

[[noreturn]] void Fail(const Line& line, std::string_view what) {
  text::AbortOnBrokenDataFile(
      "data/lexicon/" + std::string(line.file),
      InvalidInput("line " + std::to_string(line.number) + ": " + std::string(what)));
}

template <typename Fn>
void ForEachLine(std::string_view file, std::span<const std::string_view> chunks, Fn fn) {
  const std::string whole = text::JoinChunks(chunks);
  for (text::TsvRow& row : text::TsvRows(whole)) {
    fn(Line{file, static_cast<int>(row.line), std::move(row.fields)});
  }
}

std::string Normalized(std::string_view word) { return text::NormalizeForAnalysis(word).text; }

double ParseDouble(const Line& line, std::string_view s) {
  double value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) Fail(line, "not a number");
  return value;
}

// Splits "a,b,c" (or "-") into flags.
std::vector<std::string_view> Flags(std::string_view s) {
  std::vector<std::string_view> flags;
  if (s == "-") return flags;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    flags.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return flags;
}

// A flag a lexicon line may carry: its name and the member it sets.
template <typename Entry>
using FlagMember = std::pair<std::string_view, bool Entry::*>;

// Sets the member of `entry` that `flag` names; fails the line when no
// member of `known` is called so.
template <typename Entry, size_t N>
void SetFlag(const Line& line, std::string_view flag, const FlagMember<Entry> (&known)[N],
             Entry* entry) {
  for (const auto& [name, member] : known) {
    if (flag == name) {
      entry->*member = true;
      return;
    }
  }
  Fail(line, "unknown flag " + std::string(flag));
}

// A line of numerals.txt: character role value flags. Sets *cp to the character.
NumeralChar NumeralFromLine(const Line& line, char32_t* cp) {
  if (line.fields.size() != 4) Fail(line, "expected 4 fields: character role value flags");
  std::string_view ch = line.fields[0];
  size_t pos = 0;
  *cp = ch.empty() ? text::kReplacementChar : text::DecodeUtf8(ch, &pos);
  if (ch.empty() || pos != ch.size()) Fail(line, "expected one character");
  static constexpr std::pair<std::string_view, NumeralRole> kRoles[] = {
      {"digit", NumeralRole::kDigit}, {"unit", NumeralRole::kUnit},
      {"scale", NumeralRole::kScale}, {"tens", NumeralRole::kTens},
      {"point", NumeralRole::kPoint}, {"minus", NumeralRole::kMinus},
      {"half", NumeralRole::kHalf},   {"more", NumeralRole::kMore},
      {"some", NumeralRole::kSome},   {"several", NumeralRole::kSeveral},
      {"and", NumeralRole::kAnd}};
  NumeralChar numeral;
  bool known_role = false;
  for (const auto& [name, role] : kRoles) {
    if (line.fields[1] == name) {
      numeral.role = role;
      known_role = true;
    }
  }
  if (!known_role) Fail(line, "unknown role");
  numeral.value = ParseDouble(line, line.fields[2]);
  static constexpr FlagMember<NumeralChar> kFlags[] = {
      {"financial", &NumeralChar::financial},
      {"liang", &NumeralChar::liang},
      {"spoken", &NumeralChar::spoken},
      {"noncanonical", &NumeralChar::noncanonical}};
  for (std::string_view flag : Flags(line.fields[3])) SetFlag(line, flag, kFlags, &numeral);
  return numeral;
}

// The kind of units.txt: date, clock, label or a QuantityKindName.
void SetUnitKind(const Line& line, std::string_view kind, UnitEntry* entry) {
  if (kind == "date") {
    entry->is_date = true;
  } else if (kind == "clock") {
    entry->is_clock = true;
  } else if (kind == "label") {
    entry->is_label = true;
  } else {
    const std::optional<QuantityKind> known = ParseQuantityKind(kind);
    if (!known) Fail(line, "unknown kind");
    entry->kind = *known;
  }
}

// A line of units.txt: unit kind [attributes].
UnitEntry UnitFromLine(const Line& line) {
  if (line.fields.size() < 2) Fail(line, "expected: unit kind [attributes]");
  UnitEntry entry;
  entry.unit = Normalized(line.fields[0]);
  SetUnitKind(line, line.fields[1], &entry);
  for (size_t i = 2; i < line.fields.size(); ++i) {
    std::string_view attr = line.fields[i];
    if (attr.starts_with("as=")) {
      entry.unit = Normalized(attr.substr(3));
    } else if (attr.starts_with("x=")) {
      entry.factor = ParseDouble(line, attr.substr(2));
    } else if (attr.starts_with("count-of=")) {
      entry.count_of = static_cast<int>(ParseDouble(line, attr.substr(9)));
    } else {
      static constexpr FlagMember<UnitEntry> kFlags[] = {{"han-word", &UnitEntry::han_word},
                                                         {"year", &UnitEntry::year},
                                                         {"yuan", &UnitEntry::yuan}};
      SetFlag(line, attr, kFlags, &entry);
    }
  }
  return entry;
}

// A line of comparators.txt: word where cmp flags.
ComparatorEntry ComparatorFromLine(const Line& line) {
  if (line.fields.size() != 4) Fail(line, "expected 4 fields: word where cmp flags");
  ComparatorEntry entry;
  if (line.fields[1] == "after") {
    entry.after = true;
  } else if (line.fields[1] != "before") {
    Fail(line, "where must be before or after");
  }
  const std::optional<Comparator> cmp = ParseComparator(line.fields[2]);
  if (!cmp || *cmp == Comparator::kNone) Fail(line, "unknown cmp");
  entry.cmp = *cmp;
  static constexpr FlagMember<ComparatorEntry> kFlags[] = {
      {"approx", &ComparatorEntry::approx}, {"not-time", &ComparatorEntry::not_time}};
  for (std::string_view flag : Flags(line.fields[3])) SetFlag(line, flag, kFlags, &entry);
  return entry;
}

}  // namespace

int32_t WordTrie::Child(int32_t node, unsigned char byte) const {
  const Node& n = nodes_[node];
  if (n.table >= 0) return tables_[n.table][byte];
  for (const auto& [b, child] : n.children) {
    if (b == byte) return child;
  }
  return -1;
}

void WordTrie::Insert(std::string_view word, int payload) {
  int32_t node = 0;
  for (char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    int32_t next = Child(node, byte);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_[node].children.emplace_back(byte, next);
      nodes_.emplace_back();
      Node& parent = nodes_[node];
      if (parent.table < 0 && parent.children.size() > kScannedChildren) {
        parent.table = static_cast<int32_t>(tables_.size());
        tables_.emplace_back();
        tables_.back().fill(-1);
        for (const auto& [b, child] : parent.children) tables_.back()[b] = child;
        parent.children.clear();
        parent.children.shrink_to_fit();
      } else if (parent.table >= 0) {
        tables_[parent.table][byte] = next;
      }
    }
    node = next;
  }
  if (nodes_[node].payload < 0) nodes_[node].payload = payload;
}

int WordTrie::LongestMatch(std::string_view text, size_t pos, size_t* end) const {
  int best = -1;
  int32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = Child(node, static_cast<unsigned char>(text[i]));
    if (node < 0) break;
    if (nodes_[node].payload >= 0) {
      best = nodes_[node].payload;
      *end = i + 1;
    }
  }
  return best;
}

const Lexicons& Lexicons::Get() {
  static const Lexicons* const lexicons = new Lexicons();
  return *lexicons;
}

Lexicons::Lexicons() {
  ForEachLine("numerals.txt", NumeralsLexicon(), [&](const Line& line) {
    char32_t cp;
    const NumeralChar numeral = NumeralFromLine(line, &cp);
    if (!numerals_.emplace(cp, numeral).second) Fail(line, "character listed twice");
    if (cp < kBmp) bmp_numerals_.set(cp);
  });
  ForEachLine("units.txt", UnitsLexicon(), [&](const Line& line) {
    UnitEntry entry = UnitFromLine(line);
    units_.Insert(Normalized(line.fields[0]), static_cast<int>(unit_entries_.size()));
    unit_entries_.push_back(std::move(entry));
  });
  ForEachLine("comparators.txt", ComparatorsLexicon(), [&](const Line& line) {
    ComparatorEntry entry = ComparatorFromLine(line);
    comparators_.Insert(Normalized(line.fields[0]), static_cast<int>(comparator_entries_.size()));
    comparator_entries_.push_back(std::move(entry));
  });
  int word_count = 0;
  ForEachLine("non_quantities.txt", NonQuantitiesLexicon(), [&](const Line& line) {
    if (line.fields.size() != 1) Fail(line, "expected one word a line");
    non_quantities_.Insert(Normalized(line.fields[0]), word_count++);
  });
  ForEachLine("times_of_day.txt", TimesOfDayLexicon(), [&](const Line& line) {
    if (line.fields.size() != 1) Fail(line, "expected one word a line");
    times_of_day_.push_back(Normalized(line.fields[0]));
  });
}

}  // namespace mubiao::quantity::internal
