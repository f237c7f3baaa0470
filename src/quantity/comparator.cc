#include "quantity/comparator.h"

#include "base/enum_names.h"

namespace mubiao::quantity {
namespace {

constexpr EnumName<Comparator> kNames[] = {
    {Comparator::kNone, ""},     {Comparator::kAtLeast, ">="}, {Comparator::kAtMost, "<="},
    {Comparator::kAbout, "~"},   {Comparator::kEqual, "="},    {Comparator::kRange, "range"},
};
constexpr EnumName<Comparator> kLabels[] = {
    {Comparator::kNone, ""},        {Comparator::kAtLeast, "不低于"}, {Comparator::kAtMost, "不高于"},
    {Comparator::kAbout, "左右"},   {Comparator::kEqual, "等于"},     {Comparator::kRange, "区间"},
};

}  // namespace

std::string_view ComparatorSymbol(Comparator cmp) { return NameIn(kNames, cmp); }

std::string_view ComparatorLabel(Comparator cmp) { return NameIn(kLabels, cmp); }

std::optional<Comparator> ParseComparator(std::string_view symbol) {
  return ValueIn(kNames, symbol);
}

}  // namespace mubiao::quantity
