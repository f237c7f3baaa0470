#include "quantity/grammar.h"

#include <algorithm>
#include <utility>

namespace mubiao::quantity::internal {
namespace {

// Whether two cores make a range by their units, and its unit: the second's,
// or the first's when the second has none (百分之三十到四十一).
bool RangeUnit(const Core& first, const Core& second, std::string* unit) {
  *unit = second.unit_name;
  if (second.unit_name.empty()) {
    if (!first.unit_name.empty() && first.unit_name != "%") return false;
    *unit = first.unit_name;
    return true;
  }
  return first.unit_name.empty() || first.unit_name == second.unit_name;
}

// The lower end of a range: the first takes the second's scale when it has
// none (5到6万, 十八至三十万), unless that puts it above the second.
Decimal RangeLow(const Core& first, const Core& second) {
  const NumberInfo& a = first.number;
  if (!first.unit_name.empty() || first.fraction || a.big_scale || a.point) return first.lo;
  const double scale =
      a.place_words ? second.number.scales_after_last_digit : second.number.places_after_last_digit;
  if (scale > 1) {
    const Decimal scaled = first.lo.Shift(Exponent(scale));
    if (scaled.Value() <= second.lo.Value()) return scaled;
  }
  return first.lo;
}

// The value, its upper end and the bound of a parsed quantity, from its
// cores and bound words.
void Resolve(Parsed* q) {
  const Core& c1 = q->first;
  const bool more = c1.number.more;
  if (!q->is_range) q->value = c1.lo.Value();
  if (q->is_range || c1.vague) {
    q->has_max = true;
    if (!q->is_range) q->value_max = c1.hi.Value();
    if (q->value_max < q->value) std::swap(q->value, q->value_max);  // 负三四十: -40..-30
    q->cmp = Comparator::kRange;
  } else if (q->after != nullptr) {
    q->cmp = q->after->cmp;
  } else if (q->before != nullptr && q->before->cmp != Comparator::kRange) {
    q->cmp = q->before->cmp;
  } else if (more) {
    q->cmp = Comparator::kAtLeast;
  }
  q->approx = c1.vague || more || (q->after != nullptr && q->after->approx) ||
              (q->before != nullptr && q->before->approx);
}

}  // namespace

Grammar::Grammar(std::string_view text, Mode mode, bool trace)
    : lexer_(text, mode), trace_(trace) {}

bool Grammar::ParseQuantityAt(size_t pos, const ComparatorEntry* before, size_t before_begin,
                              Parsed* out, size_t* scanned) const {
  lexer_.At(pos, scanned);
  Parsed q;
  const bool ok = ParseCoreAt(pos, &q.first);
  *scanned = std::max(*scanned, q.first.number.end);
  if (!ok) return false;
  q.end = q.first.end;
  q.unit = q.first.unit_name;
  q.unit_entry = q.first.unit;
  q.kind = q.first.kind;
  if (!q.first.vague) ReadRange(&q);
  ReadBoundAfter(&q);
  ReadBoundBefore(before, before_begin, &q);
  Resolve(&q);
  *out = std::move(q);
  return true;
}

// A range: core connector core. Sets q->value and q->value_max to its ends.
void Grammar::ReadRange(Parsed* q) const {
  const Core& c1 = q->first;
  const size_t r = lexer_.SkipGap(c1.end);
  bool between = false;
  const size_t conn = ReadConnector(r, &between);
  const size_t s = lexer_.SkipGap(conn);
  Core c2;
  if (conn == r || !lexer_.CanStartNumber(s) || !ParseCoreAt(s, &c2) || c2.vague ||
      c2.number.more) {
    return;
  }
  std::string unit;
  if (!RangeUnit(c1, c2, &unit)) return;
  const Decimal low = RangeLow(c1, c2);
  if (!(low.Value() < c2.lo.Value())) return;
  size_t end = c2.end;
  if (between && !ReadBetweenEnd(c1, &c2, &unit, &end)) return;
  q->is_range = true;
  q->value = low.Value();
  q->value_max = c2.lo.Value();
  q->unit = unit;
  if (!c2.unit_name.empty()) {
    q->unit_entry = c2.unit;
    q->kind = c2.kind;
  }
  q->end = end;
  q->second = std::move(c2);
}

// The end of the connector at `pos`, or `pos` when none: 至 | 到 | - | — | – | ~,
// or 和 | 与 | 及, which need 之间 after the range (*between).
size_t Grammar::ReadConnector(size_t pos, bool* between) const {
  for (std::string_view word : {"——", "—", "–", "--", "-", "~", "至", "到"}) {
    if (lexer_.Starts(pos, word)) return pos + word.size();
  }
  for (std::string_view word : {"和", "与", "及"}) {
    if (lexer_.Starts(pos, word)) {
      *between = true;
      return pos + word.size();
    }
  }
  return pos;
}

// X与Y之间: the 之间 or 间 that ends the range; sets *end past it.
bool Grammar::ReadBetweenEnd(const Core& first, Core* second, std::string* unit,
                             size_t* end) const {
  size_t t = lexer_.SkipGap(second->end);
  if (second->unit_name == "间" && first.unit_name.empty()) {
    // The 间 may have been read as a measure word.
    t = second->number.end;
    unit->clear();
    second->unit = nullptr;
    second->unit_name.clear();
    second->kind = QuantityKind::kNumber;
  }
  if (lexer_.Starts(t, "之间")) {
    *end = t + 6;
  } else if (lexer_.Starts(t, "间")) {
    *end = t + 3;
  } else {
    return false;
  }
  return true;
}

// A bound word after the quantity: 以上 以下 左右 …
void Grammar::ReadBoundAfter(Parsed* q) const {
  size_t word_end;
  const ComparatorEntry* word = lexer_.ComparatorAt(lexer_.SkipGap(q->end), &word_end);
  if (word != nullptr && word->after && (word->cmp != Comparator::kRange || q->is_range)) {
    q->after = word;
    q->end = word_end;
  }
}

// The bound word before the quantity, when it fits it.
void Grammar::ReadBoundBefore(const ComparatorEntry* before, size_t before_begin, Parsed* q) const {
  // 近三年 is "the last three years", not "nearly three years"; 从 only
  // opens a range.
  if (before != nullptr && before->not_time && q->kind == QuantityKind::kTime) before = nullptr;
  if (before != nullptr && before->cmp == Comparator::kRange && !q->is_range) before = nullptr;
  q->before = before;
  q->begin = before != nullptr ? before_begin : q->first.begin;
}

}  // namespace mubiao::quantity::internal
