// Test hooks: the recogniser with the work it did (internal::Lexer::steps),
// so that tests check the linear-time guarantee of quantity.h by counting
// work on growing inputs instead of timing them. Internal to the quantity
// module and its tests.
#ifndef MUBIAO_QUANTITY_WORK_COUNT_H_
#define MUBIAO_QUANTITY_WORK_COUNT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "quantity/quantity.h"

namespace mubiao::quantity::internal {

// FindQuantities(original_utf8); sets *steps to the work done.
std::vector<Quantity> FindQuantitiesCountingSteps(std::string_view original_utf8, uint64_t* steps);

// ParseQuantity(text); sets *steps to the work done (0 when the text is
// refused before parsing: invalid UTF-8, empty).
Result<Quantity> ParseQuantityCountingSteps(std::string_view text, uint64_t* steps);

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_WORK_COUNT_H_
