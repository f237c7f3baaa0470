#include "tracking/store_tracking.h"

#include <algorithm>
#include <map>

namespace mubiao::tracking {
namespace {

// Every finding matching `filter` (of every page).
Status AppendFindings(store::Store* store, store::FindingFilter filter,
                      std::vector<store::StoredFinding>* out) {
  filter.limit = 0;
  Result<store::FindingPage> page = store->ListFindings(filter);
  if (!page.ok()) return page.status();
  for (store::StoredFinding& s : page->findings) out->push_back(std::move(s));
  return Status::Ok();
}

// Notes every communiqué and work report matching `filter` (of every page)
// among `sources`.
Status AddLaterSources(store::Store* store, store::DocumentFilter filter, LaterSources* sources) {
  filter.limit = store::kMaxListLimit;
  for (report::DocType type : {report::DocType::kCommunique, report::DocType::kWorkReport}) {
    filter.filters.doc_type = type;
    for (filter.offset = 0;; filter.offset += filter.limit) {
      Result<store::DocumentPage> page = store->ListDocuments(filter);
      if (!page.ok()) return page.status();
      for (const store::DocumentSummary& d : page->documents) {
        sources->Add(d.region_code, d.doc_type, d.year);
      }
      if (page->documents.size() < static_cast<size_t>(filter.limit)) break;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<TrackedTarget>> TrackStored(store::Store* store, const TrackQuery& query,
                                               const TrackOptions& options) {
  const Indicator* indicator = nullptr;
  if (!query.indicator.empty()) {
    indicator = options.lexicon->Find(query.indicator);
    if (indicator == nullptr) {
      return NotFound("no canonical indicator named " + query.indicator +
                      " (see data/lexicon/indicators.tsv)");
    }
  }
  search::SearchFilters region;
  std::string place;  // exact region of targets and outcomes, "" for a subtree
  if (query.place_only) {
    place = query.region_code;
  } else if (query.region_code != "000000") {
    region.region_code = query.region_code;
  }

  store::FindingFilter target_filter;
  target_filter.filters = region;
  target_filter.filters.year_min = target_filter.filters.year_max = query.year;
  target_filter.document_id = query.document_id;
  target_filter.exact_region_code = place;
  TrackInput input;
  Status s = AppendFindings(store, target_filter, &input.targets);
  if (s.ok() && query.commitments && indicator == nullptr) {
    target_filter.kind = targets::FindingKind::kCommitment;
    s = AppendFindings(store, target_filter, &input.targets);
  }
  if (!s.ok()) return s;

  // Outcomes and later sources of the targets' regions (only a document's
  // own region for a report page); of the plan year and after, as deadlines
  // (到2025年) reach beyond it.
  if (!input.targets.empty()) {
    store::FindingFilter outcome_filter;
    outcome_filter.kind = targets::FindingKind::kOutcome;
    outcome_filter.filters = region;
    outcome_filter.filters.year_min = query.year;
    outcome_filter.exact_region_code = place;
    if (query.document_id != 0)
      outcome_filter.exact_region_code = input.targets.front().region_code;
    s = AppendFindings(store, outcome_filter, &input.outcomes);
    if (!s.ok()) return s;
    store::DocumentFilter document_filter;
    document_filter.filters = region;
    document_filter.filters.year_min = query.year;
    document_filter.exact_region_code = outcome_filter.exact_region_code;
    s = AddLaterSources(store, document_filter, &input.sources);
    if (!s.ok()) return s;
  }
  std::vector<TrackedTarget> tracked = Track(input, options);
  if (indicator != nullptr) {
    std::erase_if(tracked,
                  [&](const TrackedTarget& t) { return t.verdict.indicator_id != indicator->id; });
  }
  Result<std::vector<store::VerdictOverride>> history = store->VerdictOverrides("");
  if (!history.ok()) return history.status();
  ApplyOverrides(*history, &tracked);
  return tracked;
}

Result<Scorecard> StoredScorecard(store::Store* store, const std::string& region_code,
                                  const TrackOptions& options) {
  TrackQuery query;
  query.region_code = region_code;
  query.place_only = true;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  return BuildScorecard(*tracked, region_code);
}

Result<Escalation> StoredEscalation(store::Store* store, const std::string& indicator, int year,
                                    std::optional<Measure> measure, const std::string& region_code,
                                    const TrackOptions& options) {
  TrackQuery query;
  query.region_code = region_code;
  query.year = year;
  query.indicator = indicator;
  query.commitments = false;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  std::vector<const TrackedTarget*> headlines = Headlines(*tracked);
  Measure chosen = measure.value_or(Measure::kLevel);
  if (!measure) {
    std::map<Measure, int> count;
    for (const TrackedTarget* t : headlines) {
      if (t->verdict.measure) ++count[*t->verdict.measure];
    }
    int best = 0;
    for (const auto& [m, n] : count) {
      if (n > best) {
        best = n;
        chosen = m;
      }
    }
  }
  const Indicator* ind = options.lexicon->Find(indicator);
  Escalation e = BuildEscalation(headlines, ind->id, chosen, year);
  if (e.indicator_name.empty()) e.indicator_name = ind->name;
  return e;
}

Result<store::VerdictOverride> OverrideVerdict(store::Store* store, const std::string& key,
                                               TargetStatus status, const std::string& author,
                                               const std::string& reason,
                                               const TrackOptions& options) {
  if (reason.empty()) return InvalidInput("an override needs a reason");
  Result<store::StoredFinding> found = store->FindingByKey(key);
  if (!found.ok()) return found.status();
  TrackQuery query;
  query.document_id = found->document_id;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  for (const TrackedTarget& t : *tracked) {
    if (t.target.key != key) continue;
    store::VerdictOverride entry;
    entry.target_key = key;
    entry.quote = t.target.finding.text;
    entry.status_before = t.status;
    entry.status_after = status;
    entry.author = author;
    entry.reason = reason;
    return store->AddVerdictOverride(entry);
  }
  return NotFound("the finding " + key + " is not a target or commitment");
}

}  // namespace mubiao::tracking
