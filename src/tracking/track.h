// Tracking: every target of year N set against the outcomes of year N of
// the same region (from the statistical communiqué of year N, or the review
// part of the report of year N+1), with a verdict and its evidence; and a
// person's overrides of verdicts, kept as an append-only history.
//
// Pure functions over plain values: no I/O. store_tracking.h reads their
// input from a store.
#ifndef MUBIAO_TRACKING_TRACK_H_
#define MUBIAO_TRACKING_TRACK_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store.h"
#include "targets/target.h"
#include "tracking/indicators.h"
#include "tracking/verdict.h"

namespace mubiao::tracking {

// Why a verdict is what it is. With the verdict's parameters it is all
// EvidenceText (evidence.h) needs to say it in Chinese.
enum class Reason {
  kMetRule,             // met: `judgement` compared the figures
  kMissedRule,          // missed: the same
  kNoComparator,        // an outcome was found, but the target states no comparison
  kNoLaterSource,       // neither the communiqué of the year nor the next report is in the archive
  kNotMentioned,        // one of them is (`sources`), but no outcome of the indicator for the year
                        // and no sentence of its outcomes names the indicator
  kUnreadMention,       // a sentence of such a source names it, but no figure of it was read
  kMeasureMismatch,     // outcomes of the indicator only in other measures (`other_measures`)
  kIncomparable,        // outcomes of the indicator whose figures cannot be read (their unit)
  kPeriodGoal,          // a goal of a period (`deadline`), which no one year settles
  kQualitative,         // a commitment: nothing to check
  kNoValue,             // the target has no figure
  kIndicatorUnknown,    // its wording (`wording`) is not in the lexicon
  kUnitMismatch,        // its unit (`unit`) is not one of the indicator's
  kNotNew,              // a flow's wording without 新增 or 增长
  kAmbiguous,           // several outcomes of its own wording disagree (`candidates`): a close
                        // call stays open
  kOutcomeBound,        // the outcome states a bound (超过, 以上; `judgement`, `outcome`) on
                        // the side that cannot settle the target
  kSaidAchieved,        // met: a commitment a later review says was achieved (`mention`)
  kNotSaidAchieved,     // a later review names the commitment (`mention`) but does not say
                        // it was achieved
  kPartlySaidAchieved,  // partly met: a later review says some of a commitment's items
                        // were achieved (`mention`), not all
  kReviewUnread,        // a later source is there, but no figure of the year was read from
                        // it (its review not recognised): silence cannot be claimed
};

// "met_rule", "missed_rule", "no_comparator", "no_later_source",
// "not_mentioned", "unread_mention", "measure_mismatch", "incomparable", "period_goal",
// "qualitative", "no_value", "indicator_unknown", "unit_mismatch", "not_new",
// "ambiguous", "outcome_bound", "said_achieved", "not_said_achieved",
// "partly_said_achieved", "review_unread".
std::string_view ReasonName(Reason reason);

// The reason named by ReasonName; nullopt for any other text.
std::optional<Reason> ParseReason(std::string_view name);

// Which later sources of a place's outcomes of one year are in the archive.
struct LaterSource {
  bool communique = false;   // the statistical communiqué of that year
  bool next_report = false;  // the work report of the next year

  bool any() const { return communique || next_report; }
};

// The later sources of every place and year of an archive, from its
// documents, with what they say of that year when it is known.
class LaterSources {
 public:
  // Notes a document of the region `region_code`: a communiqué of `year`
  // is a later source of `year`, a work report of `year` one of `year` − 1.
  // `review` is what the document says of that year (a work report's
  // review, a communiqué's text; "" when not read): silence is claimed only
  // where it names nothing of a target. Other types, and documents of an
  // unknown region (""), are ignored.
  void Add(const std::string& region_code, report::DocType type, int year, std::string review = "");

  // The later sources of the outcomes of `year` of the region `region_code`.
  LaterSource Of(const std::string& region_code, int year) const;

  // The reviews given for the later sources of `year` of `region_code`.
  const std::vector<std::string>& ReviewsOf(const std::string& region_code, int year) const;

 private:
  // The year a document of `type` and `year` is a later source of; nullopt
  // for other types.
  static std::optional<int> YearReviewed(report::DocType type, int year);

  std::map<std::pair<std::string, int>, LaterSource> by_place_year_;
  std::map<std::pair<std::string, int>, std::vector<std::string>> reviews_;
};

// The verdict of one target, with its reason and the reason's parameters.
struct Verdict {
  TargetStatus status = TargetStatus::kUnverified;
  Reason reason = Reason::kNoLaterSource;
  std::string place;  // the target's region as readers know it (河南省)
  // The canonical indicator of the target; empty when the target is not
  // read as a measure of one (its wording is not in the lexicon, or its
  // unit or meaning does not fit: then `indicator_name` still names the
  // indicator its wording is of).
  std::string indicator_id;
  std::string indicator_name;
  std::optional<Measure> measure;  // of the target's reading; absent when unread
  // The year judged: the plan year, or the year of a deadline (到2025年); 0
  // for a goal of a period (“十四五”时期), which no one year settles, when
  // its indicator is read (an unread one keeps its plan year).
  int year = 0;
  std::optional<Judgement> judgement;   // kMetRule, kMissedRule, kNoComparator, kOutcomeBound
  std::vector<Measure> other_measures;  // kMeasureMismatch: the outcomes' measures
  LaterSource sources;                  // of the place and the judged year
  std::string wording;                  // kIndicatorUnknown: the indicator as written
  std::string unit;                     // kUnitMismatch: the target's unit
  std::string deadline;                 // kPeriodGoal: the deadline as written
  // Matched by the target's own wording (indicator_name), which the lexicon
  // lacks: the outcome of the same place and year with the same wording and
  // measure (open vocabulary; indicator_id stays empty).
  bool open = false;
  int candidates = 0;  // kAmbiguous: the outcomes that disagree
  // kSaidAchieved, kNotSaidAchieved, kPartlySaidAchieved: the clause of the
  // later review that names the commitment (or the items achieved).
  std::string mention;
  // The outcome that was judged (kMetRule, kMissedRule, kNoComparator,
  // kOutcomeBound); absent otherwise.
  std::optional<store::StoredFinding> outcome;
};

// A target with its verdict and the overrides of it.
struct TrackedTarget {
  store::StoredFinding target;
  Verdict verdict;  // as derived by the rules
  // Overrides of this target, oldest first.
  std::vector<store::VerdictOverride> overrides;
  // The status shown: the last override's status_after, else
  // verdict.status.
  TargetStatus status = TargetStatus::kUnverified;
};

// How verdicts are reached.
struct TrackOptions {
  Tolerance tolerance;
  const IndicatorLexicon* lexicon = &IndicatorLexicon::Builtin();  // must outlive the call
};

// What tracking judges: targets and commitments, the outcomes that may
// settle them, and which later sources of them are in the archive.
struct TrackInput {
  std::vector<store::StoredFinding> targets;   // findings of kind target or commitment
  std::vector<store::StoredFinding> outcomes;  // findings of kind outcome
  LaterSources sources;
};

// Judges every target and commitment (always kNotAssessable) against the
// outcomes (the targets of communiqués are not read). For each target the
// outcome is the one of the same region, the judged year and the same
// canonical indicator and measure (growth with growth, level with level, in
// convertible units), preferring a communiqué to a work report, then the
// wording's rank (the annual average of a rate before its year-end value),
// then text order. A target no outcome speaks to is kNotMentioned when a
// later source of its place and year is in `input.sources` and none of the
// sentences of that source's outcomes names the indicator (any of its
// wordings of three characters or more, or the target's own); else
// kUnverified. Results are in the order of `input.targets`. Linear in the
// inputs (plus sorting outcomes).
std::vector<TrackedTarget> Track(const TrackInput& input, const TrackOptions& options);

// Attaches an override history (any order; oldest first by id is kept) to
// the targets it names and sets their shown status.
void ApplyOverrides(const std::vector<store::VerdictOverride>& history,
                    std::vector<TrackedTarget>* tracked);

// The headline target of each region, year and canonical indicator with
// measure: among targets whose document is of the judged year, the first
// in text order of the first document (by id). A report that repeats its
// GDP target in an explanation has one headline. Pointers into `tracked`,
// in its order.
std::vector<const TrackedTarget*> Headlines(const std::vector<TrackedTarget>& tracked);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_TRACK_H_
