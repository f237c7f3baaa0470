// Tracking over a store: the entry points of `mubiao track` and the portal
// (report pages, scorecards, escalation views, overrides). Each reads the
// targets, outcomes and override history it needs through the Store
// interface and applies the pure functions of track.h, scorecard.h and
// escalation.h. Errors are the store's (kIoError, kInvalidInput for bad
// filters) or kNotFound as stated.
#ifndef MUBIAO_TRACKING_STORE_TRACKING_H_
#define MUBIAO_TRACKING_STORE_TRACKING_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"
#include "tracking/escalation.h"
#include "tracking/scorecard.h"
#include "tracking/track.h"

namespace mubiao::tracking {

// Which targets to track; empty or zero fields do not restrict.
struct TrackQuery {
  std::string region_code;  // a region and everything under it (000000: all)
  int year = 0;             // the targets' plan year
  std::string indicator;    // a canonical indicator (id or name, see indicators.tsv)
  int64_t document_id = 0;  // only this document's targets (a report page)
  // Only the documents of `region_code` itself, not those under it (a
  // place's scorecard).
  bool place_only = false;
  bool commitments = true;  // also list commitments (not assessable)
  // Only the documents of places at this level (the provinces of a map);
  // nullopt does not restrict.
  std::optional<regions::RegionLevel> level;
  // Only the statuses are wanted (counts): stored verdicts are not decoded
  // nor their outcomes read, so each verdict carries its status and
  // indicator_id only (overrides are applied as always). Verdicts derived
  // on reading are whole.
  bool statuses_only = false;
  // Only the targets (and commitments) read as some canonical indicator,
  // those a scorecard's series are drawn from.
  bool read_as_indicator = false;
};

// The version of tracking's rules: raised with every change of the rules
// that can change a verdict, so that stored verdicts are derived again.
inline constexpr int kTrackingRulesVersion = 7;

// What stored verdicts were derived by: the rules' version and the builtin
// lexicon's data (IndicatorLexicon::BuiltinHash).
int64_t TrackingVersion();

// Every target (and commitment) matching `query`, with its verdict and the
// overrides applied; in document order (newest documents first, as the
// store lists them), then text order. Verdicts reached with the standard
// options (the builtin lexicon, the default tolerance) are read from the
// store when every place's are current (UpdateStoredVerdicts); otherwise
// they are derived from the stored outcomes of the targets' regions and
// years.
// kNotFound when `query.indicator` names no canonical indicator.
Result<std::vector<TrackedTarget>> TrackStored(store::Store* store, const TrackQuery& query,
                                               const TrackOptions& options = {});

// A page of the tracked targets of a query, and how many there are.
struct TrackedPage {
  std::vector<TrackedTarget> targets;  // in TrackStored's order, from the page's offset
  int64_t total = 0;                   // every target (and commitment) of the query
  StatusCounts counts;                 // of every one, by the status shown
};

// The targets (and commitments) TrackStored would list from `offset`, at
// most `limit` (1 ..= store::kMaxListLimit), with the total and the counts
// of them all. Stored verdicts are counted by the store and only the page
// is read; verdicts derived on reading are derived for all.
Result<TrackedPage> TrackStoredPage(store::Store* store, const TrackQuery& query, int offset,
                                    int limit, const TrackOptions& options = {});

// Derives and stores, with the standard options, the verdicts of every
// place whose stored verdicts are missing or stale (Store::PlacesToTrack
// with TrackingVersion): after an import, a re-derivation, or a new version
// of the rules or the lexicon. Returns the number of places tracked.
Result<int> UpdateStoredVerdicts(store::Store* store);

// The scorecard of one place (its own documents only, not those under it).
Result<Scorecard> StoredScorecard(store::Store* store, const std::string& region_code,
                                  const TrackOptions& options = {});

// The status counts of the targets (and commitments) of plan year `year`
// of every place at `level` (its own documents), by exact region code: for
// each place its scorecard's row of that year (Scorecard::by_year), read in
// one pass over the level rather than a scorecard per place. Places without
// targets that year are absent.
Result<std::map<std::string, StatusCounts>> StoredCountsByPlace(store::Store* store,
                                                                regions::RegionLevel level,
                                                                int year,
                                                                const TrackOptions& options = {});

// The escalation table of one indicator (id or name) and year, for the
// headline targets of `region_code` and everything under it ("" or 000000:
// every region), with the measure of the indicator's headline figures
// (growth for 地区生产总值, level for 粮食产量; nullopt picks the measure of
// the most targets). kNotFound for an unknown indicator.
Result<Escalation> StoredEscalation(store::Store* store, const std::string& indicator, int year,
                                    std::optional<Measure> measure = std::nullopt,
                                    const std::string& region_code = "",
                                    const TrackOptions& options = {});

// Appends an override of the verdict of the target named `key` (store::FindingKey)
// to the store's history, recording the status shown before it. kNotFound
// when no stored target has that key; kInvalidInput for an empty reason.
Result<store::VerdictOverride> OverrideVerdict(store::Store* store, const std::string& key,
                                               TargetStatus status, const std::string& author,
                                               const std::string& reason,
                                               const TrackOptions& options = {});

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_STORE_TRACKING_H_
