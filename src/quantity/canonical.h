// The canonical written form of a Chinese numeral, as on a cheque
// (NumberSyntax::kStrict in quantity.h). Internal to the quantity module.
#ifndef MUBIAO_QUANTITY_CANONICAL_H_
#define MUBIAO_QUANTITY_CANONICAL_H_

#include <vector>

#include "quantity/lexer.h"

namespace mubiao::quantity::internal {

// True when the traced elements of a number (NumberInfo::trace) spell it in
// the canonical written form.
bool IsCanonicalNumeral(const std::vector<Element>& trace);

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_CANONICAL_H_
