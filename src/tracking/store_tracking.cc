#include "tracking/store_tracking.h"

#include <algorithm>
#include <map>
#include <optional>

#include "text/json_text.h"
#include "tracking/export.h"

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
// among `sources`, with its review.
Status AddLaterSources(store::Store* store, store::DocumentFilter filter, LaterSources* sources) {
  filter.limit = store::kMaxListLimit;
  for (report::DocType type : {report::DocType::kCommunique, report::DocType::kWorkReport}) {
    filter.filters.doc_type = type;
    for (filter.offset = 0;; filter.offset += filter.limit) {
      Result<store::DocumentPage> page = store->ListDocuments(filter);
      if (!page.ok()) return page.status();
      for (const store::DocumentSummary& d : page->documents) {
        Result<std::string> review = store->PartsText(d.id, report::PartKind::kReview);
        if (!review.ok()) return review.status();
        sources->Add(d.region_code, d.doc_type, d.year, std::move(review).value());
      }
      if (page->documents.size() < static_cast<size_t>(filter.limit)) break;
    }
  }
  return Status::Ok();
}

// The filter of the targets `query` asks for, and the exact region of
// their place (`place`: "" for a region and everything under it, or for the
// documents of no known region, whose `unknown_region` is set).
store::FindingFilter TargetFilter(const TrackQuery& query) {
  store::FindingFilter filter;
  if (query.place_only) {
    filter.exact_region_code = query.region_code;
    filter.unknown_region = query.region_code.empty();
  } else if (query.region_code != "000000") {
    filter.filters.region_code = query.region_code;
  }
  filter.filters.year_min = filter.filters.year_max = query.year;
  filter.filters.level = query.level;
  filter.document_id = query.document_id;
  return filter;
}

// Every target (and commitment) matching `query`, judged now against the
// stored outcomes (overrides not applied). `indicator` (from
// query.indicator) keeps only the targets read as it.
Result<std::vector<TrackedTarget>> DeriveTracked(store::Store* store, const TrackQuery& query,
                                                 const Indicator* indicator,
                                                 const TrackOptions& options) {
  store::FindingFilter target_filter = TargetFilter(query);
  search::SearchFilters region;
  region.region_code = target_filter.filters.region_code;
  region.level = query.level;
  const std::string& place = target_filter.exact_region_code;
  // The documents of no known region are one place, with no later sources.
  const bool unknown = target_filter.unknown_region;
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
    outcome_filter.unknown_region = unknown;
    if (query.document_id != 0)
      outcome_filter.exact_region_code = input.targets.front().region_code;
    s = AppendFindings(store, outcome_filter, &input.outcomes);
    if (!s.ok()) return s;
  }
  if (!input.targets.empty() && !unknown) {
    store::DocumentFilter document_filter;
    document_filter.filters = region;
    document_filter.filters.year_min = query.year;
    document_filter.exact_region_code =
        query.document_id != 0 ? input.targets.front().region_code : place;
    s = AddLaterSources(store, document_filter, &input.sources);
    if (!s.ok()) return s;
  }
  std::vector<TrackedTarget> tracked = Track(input, options);
  if (indicator != nullptr) {
    std::erase_if(tracked,
                  [&](const TrackedTarget& t) { return t.verdict.indicator_id != indicator->id; });
  }
  if (query.read_as_indicator) {
    std::erase_if(tracked, [](const TrackedTarget& t) { return t.verdict.indicator_id.empty(); });
  }
  return tracked;
}

// The tracked target of a stored finding and its stored verdict; its
// outcome is attached by the caller.
Result<TrackedTarget> StoredTracked(store::StoredFinding finding) {
  nlohmann::json codes = nlohmann::json::parse(finding.verdict->detail, nullptr, false);
  Result<Verdict> verdict = ParseVerdictCodes(codes);
  if (!verdict.ok()) {
    return Status(StatusCode::kInternal,
                  "the stored verdict of " + finding.key + ": " + verdict.status().message());
  }
  TrackedTarget t;
  t.verdict = std::move(verdict).value();
  t.status = t.verdict.status;
  finding.verdict.reset();
  t.target = std::move(finding);
  return t;
}

// The filter of the stored targets `query` asks for (commitments: with
// kind set).
store::FindingFilter ReadFilter(const TrackQuery& query, const Indicator* indicator) {
  store::FindingFilter filter = TargetFilter(query);
  if (indicator != nullptr) filter.verdict_indicator = indicator->id;
  filter.verdict_read = query.read_as_indicator;
  return filter;
}

// The kinds of finding `query` lists, in the order they are listed.
std::vector<targets::FindingKind> KindsOf(const TrackQuery& query, const Indicator* indicator) {
  if (query.commitments && indicator == nullptr) {
    return {targets::FindingKind::kTarget, targets::FindingKind::kCommitment};
  }
  return {targets::FindingKind::kTarget};
}

// The tracked targets of stored findings, with their stored verdicts and
// outcomes (overrides not applied); nullopt when one of them has no stored
// verdict (a document that is not its report's primary source).
Result<std::optional<std::vector<TrackedTarget>>> TrackedOfStored(
    store::Store* store, std::vector<store::StoredFinding> findings, bool statuses_only) {
  std::vector<TrackedTarget> tracked;
  tracked.reserve(findings.size());
  std::vector<int64_t> outcome_ids;
  for (store::StoredFinding& f : findings) {
    if (!f.verdict) return std::optional<std::vector<TrackedTarget>>();
    if (statuses_only) {
      TrackedTarget& t = tracked.emplace_back();
      t.status = t.verdict.status = f.verdict->status;
      t.verdict.indicator_id = std::move(f.verdict->indicator_id);
      f.verdict.reset();
      t.target = std::move(f);
      continue;
    }
    const int64_t outcome_id = f.verdict->outcome_id;
    Result<TrackedTarget> t = StoredTracked(std::move(f));
    if (!t.ok()) return t.status();
    if (outcome_id != 0) {
      outcome_ids.push_back(outcome_id);
      t->verdict.outcome.emplace().id = outcome_id;
    }
    tracked.push_back(std::move(t).value());
  }
  if (statuses_only) return std::optional<std::vector<TrackedTarget>>(std::move(tracked));
  std::sort(outcome_ids.begin(), outcome_ids.end());
  outcome_ids.erase(std::unique(outcome_ids.begin(), outcome_ids.end()), outcome_ids.end());
  Result<std::vector<store::StoredFinding>> outcomes =
      store->FindingsById(targets::FindingKind::kOutcome, outcome_ids);
  if (!outcomes.ok()) return outcomes.status();
  std::map<int64_t, const store::StoredFinding*> by_id;
  for (const store::StoredFinding& o : *outcomes) by_id[o.id] = &o;
  for (TrackedTarget& t : tracked) {
    if (!t.verdict.outcome) continue;
    auto found = by_id.find(t.verdict.outcome->id);
    if (found == by_id.end()) return std::optional<std::vector<TrackedTarget>>();
    t.verdict.outcome = *found->second;
  }
  return std::optional<std::vector<TrackedTarget>>(std::move(tracked));
}

// The stored verdicts of every target (and commitment) matching `query`
// (overrides not applied); nullopt as TrackedOfStored.
Result<std::optional<std::vector<TrackedTarget>>> ReadTracked(store::Store* store,
                                                              const TrackQuery& query,
                                                              const Indicator* indicator) {
  store::FindingFilter filter = ReadFilter(query, indicator);
  std::vector<store::StoredFinding> findings;
  for (targets::FindingKind kind : KindsOf(query, indicator)) {
    filter.kind = kind;
    Status s = AppendFindings(store, filter, &findings);
    if (!s.ok()) return s;
  }
  return TrackedOfStored(store, std::move(findings), query.statuses_only);
}

// Whether the verdicts reached with `options` are the stored ones, and
// every place's are current: one stale place would make the stored
// verdicts disagree with the derived ones.
Result<bool> StoredVerdictsServe(store::Store* store, const TrackOptions& options) {
  if (options.lexicon != &IndicatorLexicon::Builtin() || options.tolerance != Tolerance{}) {
    return false;
  }
  Result<std::vector<std::string>> untracked = store->PlacesToTrack(TrackingVersion());
  if (!untracked.ok()) return untracked.status();
  return untracked->empty();
}

// The counts of the stored verdicts of the findings `query` asks for, by
// kind (KindsOf), then year, topic and the status shown: counted by the
// store, then each overridden finding among them (of `history`, the whole
// override history) moved from its stored status to its last override's,
// as ApplyOverrides shows it. Overrides are few: each is looked up once,
// in its document.
Result<std::map<targets::FindingKind, std::vector<store::StatusCount>>> ShownStatusCounts(
    store::Store* store, const TrackQuery& query, const Indicator* indicator,
    const std::vector<store::VerdictOverride>& history) {
  std::map<targets::FindingKind, std::vector<store::StatusCount>> counts;
  store::FindingFilter filter = ReadFilter(query, indicator);
  for (targets::FindingKind kind : KindsOf(query, indicator)) {
    filter.kind = kind;
    Result<std::vector<store::StatusCount>> of_kind = store->CountStatuses(filter);
    if (!of_kind.ok()) return of_kind.status();
    counts[kind] = std::move(of_kind).value();
  }
  std::map<std::string, TargetStatus> shown;
  for (const store::VerdictOverride& o : history) shown[o.current_key] = o.status_after;
  for (const auto& [key, status] : shown) {
    Result<store::StoredFinding> f = store->FindingByKey(key);
    if (f.status().code() == StatusCode::kNotFound) continue;  // orphaned
    if (!f.ok()) return f.status();
    auto of_kind = counts.find(f->finding.kind);
    if (!f->verdict || of_kind == counts.end()) continue;
    if (filter.document_id != 0 && filter.document_id != f->document_id) continue;
    store::FindingFilter its_document = filter;
    its_document.kind = f->finding.kind;
    its_document.document_id = f->document_id;
    std::vector<store::StoredFinding> listed;
    Status s = AppendFindings(store, its_document, &listed);
    if (!s.ok()) return s;
    if (std::none_of(listed.begin(), listed.end(),
                     [&](const store::StoredFinding& l) { return l.key == key; })) {
      continue;
    }
    of_kind->second.push_back({f->finding.year, f->finding.topic, f->verdict->status, -1});
    of_kind->second.push_back({f->finding.year, f->finding.topic, status, 1});
  }
  return counts;
}

// The scorecard of one place from its stored verdicts, which must be the
// current ones: its targets counted by the store, and only those read as an
// indicator read whole (for the series); nullopt as TrackedOfStored.
Result<std::optional<Scorecard>> StoredVerdictsScorecard(store::Store* store,
                                                         const std::string& region_code) {
  TrackQuery query;
  query.region_code = region_code;
  query.place_only = true;
  Result<std::vector<store::VerdictOverride>> history = store->VerdictOverrides("");
  if (!history.ok()) return history.status();
  Result<std::map<targets::FindingKind, std::vector<store::StatusCount>>> counts =
      ShownStatusCounts(store, query, nullptr, *history);
  if (!counts.ok()) return counts.status();
  Scorecard card;
  for (const auto& [kind, of_kind] : *counts) {
    for (const store::StatusCount& c : of_kind) {
      card.by_year[c.year].Add(c.status, static_cast<int>(c.count));
      card.by_topic[c.topic].Add(c.status, static_cast<int>(c.count));
    }
  }
  query.commitments = false;
  query.read_as_indicator = true;
  Result<std::optional<std::vector<TrackedTarget>>> read = ReadTracked(store, query, nullptr);
  if (!read.ok()) return read.status();
  if (!*read) return std::optional<Scorecard>();
  ApplyOverrides(*history, &**read);
  AddSeries(**read, region_code, &card);
  return std::optional<Scorecard>(std::move(card));
}

// The canonical indicator `query` asks for: nullptr for none; kNotFound
// for a name the lexicon does not know.
Result<const Indicator*> QueriedIndicator(const TrackQuery& query, const TrackOptions& options) {
  if (query.indicator.empty()) return static_cast<const Indicator*>(nullptr);
  const Indicator* indicator = options.lexicon->Find(query.indicator);
  if (indicator == nullptr) {
    return NotFound("no canonical indicator named " + query.indicator +
                    " (see data/lexicon/indicators.tsv)");
  }
  return indicator;
}

// A page of every tracked target of `query` (TrackStored's), counted.
Result<TrackedPage> PageOfAll(store::Store* store, const TrackQuery& query, int offset, int limit,
                              const TrackOptions& options) {
  Result<std::vector<TrackedTarget>> all = TrackStored(store, query, options);
  if (!all.ok()) return all.status();
  TrackedPage page;
  page.total = static_cast<int64_t>(all->size());
  for (size_t i = 0; i < all->size(); ++i) {
    page.counts.Add((*all)[i].status);
    if (i >= static_cast<size_t>(offset) && page.targets.size() < static_cast<size_t>(limit)) {
      page.targets.push_back(std::move((*all)[i]));
    }
  }
  return page;
}

}  // namespace

int64_t TrackingVersion() {
  static const int64_t version =
      (int64_t{kTrackingRulesVersion} << 32) |
      static_cast<int64_t>(std::stoul(IndicatorLexicon::BuiltinHash().substr(0, 8), nullptr, 16));
  return version;
}

Result<std::vector<TrackedTarget>> TrackStored(store::Store* store, const TrackQuery& query,
                                               const TrackOptions& options) {
  Result<const Indicator*> indicator = QueriedIndicator(query, options);
  if (!indicator.ok()) return indicator.status();
  std::optional<std::vector<TrackedTarget>> tracked;
  Result<bool> stored = StoredVerdictsServe(store, options);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    Result<std::optional<std::vector<TrackedTarget>>> read = ReadTracked(store, query, *indicator);
    if (!read.ok()) return read.status();
    tracked = std::move(read).value();
  }
  if (!tracked) {
    Result<std::vector<TrackedTarget>> derived = DeriveTracked(store, query, *indicator, options);
    if (!derived.ok()) return derived.status();
    tracked = std::move(derived).value();
  }
  Result<std::vector<store::VerdictOverride>> history = store->VerdictOverrides("");
  if (!history.ok()) return history.status();
  ApplyOverrides(*history, &*tracked);
  return std::move(*tracked);
}

Result<TrackedPage> TrackStoredPage(store::Store* store, const TrackQuery& query, int offset,
                                    int limit, const TrackOptions& options) {
  if (offset < 0 || limit < 1 || limit > store::kMaxListLimit) {
    return InvalidInput("a page of tracked targets needs offset >= 0 and limit 1..1000");
  }
  Result<const Indicator*> indicator = QueriedIndicator(query, options);
  if (!indicator.ok()) return indicator.status();
  Result<bool> stored = StoredVerdictsServe(store, options);
  if (!stored.ok()) return stored.status();
  if (!*stored) return PageOfAll(store, query, offset, limit, options);
  // Counted by the store; only the page is read (targets, then commitments).
  Result<std::vector<store::VerdictOverride>> history = store->VerdictOverrides("");
  if (!history.ok()) return history.status();
  Result<std::map<targets::FindingKind, std::vector<store::StatusCount>>> counts =
      ShownStatusCounts(store, query, *indicator, *history);
  if (!counts.ok()) return counts.status();
  TrackedPage page;
  std::vector<store::StoredFinding> findings;
  int64_t skip = offset;
  for (targets::FindingKind kind : KindsOf(query, *indicator)) {
    int64_t of_kind = 0;
    for (const store::StatusCount& c : (*counts)[kind]) {
      page.counts.Add(c.status, static_cast<int>(c.count));
      of_kind += c.count;
    }
    page.total += of_kind;
    const int64_t wanted = limit - static_cast<int64_t>(findings.size());
    if (skip < of_kind && wanted > 0) {
      store::FindingFilter filter = ReadFilter(query, *indicator);
      filter.kind = kind;
      filter.offset = static_cast<int>(skip);
      filter.limit = static_cast<int>(std::min<int64_t>(wanted, store::kMaxListLimit));
      filter.count_total = false;
      Result<store::FindingPage> read = store->ListFindings(filter);
      if (!read.ok()) return read.status();
      for (store::StoredFinding& f : read->findings) findings.push_back(std::move(f));
    }
    skip = std::max<int64_t>(0, skip - of_kind);
  }
  Result<std::optional<std::vector<TrackedTarget>>> tracked =
      TrackedOfStored(store, std::move(findings), query.statuses_only);
  if (!tracked.ok()) return tracked.status();
  if (!*tracked) return PageOfAll(store, query, offset, limit, options);
  page.targets = std::move(**tracked);
  ApplyOverrides(*history, &page.targets);
  return page;
}

Result<int> UpdateStoredVerdicts(store::Store* store) {
  // Places are written in batches: one transaction (and one sync to disk)
  // per place would cost more than deriving their verdicts.
  constexpr size_t kPlacesPerWrite = 64;
  Result<std::vector<std::string>> places = store->PlacesToTrack(TrackingVersion());
  if (!places.ok()) return places.status();
  std::vector<store::PlaceVerdicts> batch;
  for (const std::string& place : *places) {
    TrackQuery query;
    query.region_code = place;
    query.place_only = true;
    Result<std::vector<TrackedTarget>> tracked = DeriveTracked(store, query, nullptr, {});
    if (!tracked.ok()) return tracked.status();
    store::PlaceVerdicts& out = batch.emplace_back();
    out.region_code = place;
    out.verdicts.reserve(tracked->size());
    for (const TrackedTarget& t : *tracked) {
      store::VerdictUpdate& u = out.verdicts.emplace_back();
      u.kind = t.target.finding.kind;
      u.finding_id = t.target.id;
      u.verdict.status = t.verdict.status;
      u.verdict.indicator_id = t.verdict.indicator_id;
      if (t.verdict.outcome) u.verdict.outcome_id = t.verdict.outcome->id;
      u.verdict.detail = text::JsonText(VerdictCodesJson(t.verdict));
    }
    if (batch.size() == kPlacesPerWrite || &place == &places->back()) {
      Status put = store->PutPlaceVerdicts(batch, TrackingVersion());
      if (!put.ok()) return put;
      batch.clear();
    }
  }
  return static_cast<int>(places->size());
}

Result<Scorecard> StoredScorecard(store::Store* store, const std::string& region_code,
                                  const TrackOptions& options) {
  Result<bool> stored = StoredVerdictsServe(store, options);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    // A place of many years has thousands of targets: counted, not read.
    Result<std::optional<Scorecard>> card = StoredVerdictsScorecard(store, region_code);
    if (!card.ok()) return card.status();
    if (*card) return std::move(**card);
  }
  TrackQuery query;
  query.region_code = region_code;
  query.place_only = true;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  return BuildScorecard(*tracked, region_code);
}

Result<std::map<std::string, StatusCounts>> StoredCountsByPlace(store::Store* store,
                                                                regions::RegionLevel level,
                                                                int year,
                                                                const TrackOptions& options) {
  TrackQuery query;
  query.year = year;
  query.level = level;
  query.statuses_only = true;
  Result<std::vector<TrackedTarget>> tracked = TrackStored(store, query, options);
  if (!tracked.ok()) return tracked.status();
  std::map<std::string, StatusCounts> counts;
  for (const TrackedTarget& t : *tracked) {
    if (t.target.region_code.empty()) continue;
    // As BuildScorecard counts a place's year.
    counts[t.target.region_code].Add(t.status);
  }
  return counts;
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
