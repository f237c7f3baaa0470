#include "tracking/ledger_outcomes.h"

#include <unordered_map>

#include "tracking/evidence.h"
#include "tracking/store_tracking.h"

namespace mubiao::tracking {

Result<std::vector<ducha::YearEndRow>> YearEndRows(store::Store* store, int64_t ledger_id) {
  Result<store::LedgerRecord> ledger = store->GetLedger(ledger_id);
  if (!ledger.ok()) return ledger.status();
  Result<std::vector<ducha::LedgerRow>> rows = store->LedgerRows(ledger_id);
  if (!rows.ok()) return rows.status();
  TrackQuery query;
  query.document_id = ledger->document_id;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query);
  if (!tracked.ok()) return tracked.status();
  std::unordered_map<std::string, const TrackedTarget*> by_key;
  for (const TrackedTarget& t : *tracked) by_key[t.target.key] = &t;
  std::vector<ducha::YearEndRow> out;
  for (ducha::LedgerRow& row : *rows) {
    ducha::YearEndRow year_end{std::move(row), "", "", ""};
    const auto found = by_key.find(year_end.ledger.task.finding_key);
    if (found != by_key.end()) {
      const TrackedTarget& t = *found->second;
      year_end.verdict = std::string(targets::StatusLabel(t.status));
      if (t.verdict.outcome) year_end.outcome = t.verdict.outcome->finding.text;
      year_end.evidence = EvidenceText(t.verdict);
    }
    out.push_back(std::move(year_end));
  }
  return out;
}

}  // namespace mubiao::tracking
