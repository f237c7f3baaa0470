#include "tracking/store_tracking.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace mubiao::tracking {
namespace {

// Source paths of the stored documents under `filters`, by id.
Result<std::unordered_map<int64_t, std::string>> SourcePaths(store::Store* store,
                                                             const search::SearchFilters& filters) {
  std::unordered_map<int64_t, std::string> paths;
  store::DocumentFilter f;
  f.filters = filters;
  f.limit = store::kMaxListLimit;
  for (;;) {
    Result<store::DocumentPage> page = store->ListDocuments(f);
    if (!page.ok()) return page.status();
    for (const store::DocumentSummary& d : page->documents) paths[d.id] = d.source_path;
    f.offset += static_cast<int>(page->documents.size());
    if (page->documents.empty() || f.offset >= page->total) break;
  }
  return paths;
}

// Every finding of `kind` under `filters` (and of one document when
// `document_id` is set), with its document's source path.
Status AppendFindings(store::Store* store, targets::FindingKind kind,
                      const search::SearchFilters& filters, int64_t document_id,
                      const std::unordered_map<int64_t, std::string>& paths,
                      std::vector<SourcedFinding>* out) {
  store::FindingFilter f;
  f.kind = kind;
  f.filters = filters;
  f.document_id = document_id;
  f.limit = 0;
  Result<store::FindingPage> page = store->ListFindings(f);
  if (!page.ok()) return page.status();
  for (const store::StoredFinding& s : page->findings) {
    auto path = paths.find(s.document_id);
    out->push_back(FromStored(s, path == paths.end() ? "" : path->second));
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
  if (query.region_code != "000000") region.region_code = query.region_code;
  Result<std::unordered_map<int64_t, std::string>> paths = SourcePaths(store, region);
  if (!paths.ok()) return paths.status();

  search::SearchFilters target_filters = region;
  target_filters.year_min = target_filters.year_max = query.year;
  std::vector<SourcedFinding> targets;
  Status s = AppendFindings(store, targets::FindingKind::kTarget, target_filters, query.document_id,
                            *paths, &targets);
  if (s.ok() && query.commitments && indicator == nullptr) {
    s = AppendFindings(store, targets::FindingKind::kCommitment, target_filters, query.document_id,
                       *paths, &targets);
  }
  if (!s.ok()) return s;

  // Outcomes of the targets' regions (a document's own region for a report
  // page); of every year, as deadlines (到2025年) reach beyond the plan year.
  search::SearchFilters outcome_filters = region;
  if (query.document_id != 0 && !targets.empty()) {
    outcome_filters.region_code = targets.front().region_code;
  }
  std::vector<SourcedFinding> outcomes;
  if (!targets.empty()) {
    s = AppendFindings(store, targets::FindingKind::kOutcome, outcome_filters, 0, *paths,
                       &outcomes);
    if (!s.ok()) return s;
  }
  std::vector<TrackedTarget> tracked = Track(targets, outcomes, options);
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
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  return BuildScorecard(*tracked, region_code);
}

Result<Escalation> StoredEscalation(store::Store* store, const std::string& indicator, int year,
                                    const std::string& measure, const std::string& region_code,
                                    const TrackOptions& options) {
  TrackQuery query;
  query.region_code = region_code;
  query.year = year;
  query.indicator = indicator;
  query.commitments = false;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  std::vector<const TrackedTarget*> headlines = Headlines(*tracked);
  std::string chosen = measure;
  if (chosen.empty()) {
    std::map<std::string, int> count;
    for (const TrackedTarget* t : headlines) ++count[t->verdict.measure];
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
  const size_t hash = key.rfind('#');
  if (hash == std::string::npos) return NotFound("not a target key: " + key);
  const std::string path = key.substr(0, hash);
  Result<std::unordered_map<int64_t, std::string>> paths = SourcePaths(store, {});
  if (!paths.ok()) return paths.status();
  std::vector<int64_t> ids;
  for (const auto& [id, p] : *paths) {
    if (p == path) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  for (int64_t id : ids) {
    TrackQuery query;
    query.document_id = id;
    Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
    if (!tracked.ok()) return tracked.status();
    for (const TrackedTarget& t : *tracked) {
      if (t.key != key) continue;
      store::VerdictOverride entry;
      entry.target_key = key;
      entry.status_before = std::string(StatusName(t.status));
      entry.status_after = std::string(StatusName(status));
      entry.author = author;
      entry.reason = reason;
      return store->AddVerdictOverride(entry);
    }
  }
  return NotFound("no stored target has the key " + key);
}

}  // namespace mubiao::tracking
