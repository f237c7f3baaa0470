// How a figure bounds what it measures: the `cmp` of a quantity and of a
// target (TARGETS.md).
#ifndef MUBIAO_QUANTITY_COMPARATOR_H_
#define MUBIAO_QUANTITY_COMPARATOR_H_

#include <optional>
#include <string_view>

namespace mubiao::quantity {

enum class Comparator {
  kNone,     // the text states no bound
  kAtLeast,  // >=  以上, 不低于, 超过, 达到, 新增 (the default for a promise)
  kAtMost,   // <=  以内, 以下, 控制在, 不超过
  kAbout,    // ~   左右, 约, 上下
  kEqual,    // =   exactly (planned amounts)
  kRange,    // range  4.5%至5%: value .. value_max
};

// ">=", "<=", "~", "=", "range"; "" for kNone.
std::string_view ComparatorSymbol(Comparator cmp);

// For readers: 不低于, 不高于, 左右, 等于, 区间; "" for kNone.
std::string_view ComparatorLabel(Comparator cmp);

// The comparator written `symbol` (as ComparatorSymbol writes it); nullopt
// for any other text.
std::optional<Comparator> ParseComparator(std::string_view symbol);

}  // namespace mubiao::quantity

#endif  // MUBIAO_QUANTITY_COMPARATOR_H_
