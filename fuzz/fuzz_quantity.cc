// libFuzzer target: arbitrary bytes through the quantity recogniser. Every
// quantity must quote its span of the input exactly, in order and without
// overlap, with finite values, a range's ends in order and a known cmp; the
// whole-string readers must not crash and must cover what they accept.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_require.h"
#include "quantity/comparator.h"
#include "quantity/quantity.h"
#include "text/utf8.h"

using mubiao::fuzz::Require;
using mubiao::quantity::Comparator;
using mubiao::quantity::ComparatorSymbol;
using mubiao::quantity::ParseComparator;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t end = 0;
  for (const mubiao::quantity::Quantity& q : mubiao::quantity::FindQuantities(text)) {
    Require(q.span.begin >= end && q.span.begin < q.span.end && q.span.end <= size,
            "spans in order, not empty, inside the text");
    Require(text.substr(q.span.begin, q.span.size()) == q.text, "text is the span's text");
    Require(mubiao::text::IsValidUtf8(q.text), "text is valid UTF-8");
    Require(std::isfinite(q.value), "value is finite");
    Require(!q.value_max || (std::isfinite(*q.value_max) && *q.value_max >= q.value),
            "a range's ends are finite and in order");
    Require(q.cmp == Comparator::kNone || ParseComparator(ComparatorSymbol(q.cmp)) == q.cmp,
            "cmp is one of the documented values");
    Require(q.cmp != Comparator::kRange || q.value_max.has_value(), "a range has its upper end");
    end = q.span.end;
  }
  auto whole = mubiao::quantity::ParseQuantity(text);
  if (whole.ok()) {
    Require(whole->span.begin == 0 && whole->span.end == size, "a whole string covers it all");
    Require(std::isfinite(whole->value), "a whole string's value is finite");
  }
  auto number = mubiao::quantity::ParseNumber(text);
  if (number.ok()) Require(std::isfinite(*number), "a number is finite");
  auto strict = mubiao::quantity::ParseNumber(text, mubiao::quantity::NumberSyntax::kStrict);
  if (strict.ok()) {
    Require(number.ok() && *number == *strict, "a canonical numeral reads the same leniently");
  }
  return 0;
}
