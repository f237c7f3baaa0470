// A supervision ledger (src/ducha) at the year's end: each task beside what
// tracking found for the target or commitment it came from, for the
// year-end table (对照表).
#ifndef MUBIAO_TRACKING_LEDGER_OUTCOMES_H_
#define MUBIAO_TRACKING_LEDGER_OUTCOMES_H_

#include <vector>

#include "base/status.h"
#include "ducha/sheet.h"
#include "store/store.h"

namespace mubiao::tracking {

// The tasks of ledger `ledger_id` in order, each with the status shown for
// its finding (overrides applied), the outcome judged as its source writes
// it, and the evidence in Chinese (evidence.h); tasks added by hand, or
// whose finding the report no longer has, get none. kNotFound for an
// unknown ledger.
Result<std::vector<ducha::YearEndRow>> YearEndRows(store::Store* store, int64_t ledger_id);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_LEDGER_OUTCOMES_H_
