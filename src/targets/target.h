// Targets, outcomes and qualitative commitments of a report, as defined in
// the project's design notes (TARGETS.md): a target is a promise in the plan
// that can be checked with a number; an outcome is a figure the review
// reports as achieved; a commitment is a promise without a number.
#ifndef MUBIAO_TARGETS_TARGET_H_
#define MUBIAO_TARGETS_TARGET_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "quantity/comparator.h"
#include "report/report.h"
#include "text/utf8.h"

namespace mubiao::targets {

// Which of the three a finding is.
enum class FindingKind {
  kTarget,      // quantified promise from a plan part
  kOutcome,     // figure reported as achieved, from a review part (or a communiqué)
  kCommitment,  // promise without a number (创成全国文明城市)
};

// "target", "outcome", "commitment".
std::string_view FindingKindName(FindingKind kind);
// For readers: 目标, 实绩, 承诺.
std::string_view FindingKindLabel(FindingKind kind);
// The kind named by FindingKindName; nullopt for any other text.
std::optional<FindingKind> ParseFindingKind(std::string_view name);

// Which way a target moves what it measures (TARGETS.md `change`).
enum class Change {
  kLevel,  // a level to reach or keep: no change (达到, 稳定在, 新建)
  kUp,     // 增长, 提高, 新增, 增加
  kDown,   // 下降, 降低, 减少
};

// "up", "down"; "" for kLevel (absent, as TARGETS.md writes it).
std::string_view ChangeName(Change change);
// For readers: 增加, 减少; "" for kLevel.
std::string_view ChangeLabel(Change change);
// The change named by ChangeName; nullopt for any other text.
std::optional<Change> ParseChange(std::string_view name);

// How firmly a promise is made (TARGETS.md `strength`).
enum class Strength {
  kNone,    // no commitment word governs it
  kEnsure,  // 确保, 保证, 务必
  kStrive,  // 力争, 争取, 争创
};

// "ensure", "strive"; "" for kNone (absent).
std::string_view StrengthName(Strength strength);
// For readers: 确保, 力争; "" for kNone.
std::string_view StrengthLabel(Strength strength);
// The strength named by StrengthName; nullopt for any other text.
std::optional<Strength> ParseStrength(std::string_view name);

// Whether a target was achieved: decided by tracking, overridden by people.
enum class TargetStatus {
  kMet,
  kMissed,
  // A list target (a commitment to several titles) of which a later source
  // says some items, not all, were achieved.
  kPartlyMet,
  // A later source of the place for the judged year is in the archive (the
  // communiqué of that year, or the next year's work report), but nothing
  // in it speaks to the target's indicator: silence is a finding.
  kNotMentioned,
  kUnverified,     // no later source yet, or no outcome that can be compared with it
  kNotAssessable,  // qualitative: a commitment without a number
};

// "met", "missed", "partly_met", "not_mentioned", "unverified", "not_assessable".
std::string_view StatusName(TargetStatus status);
// For readers: 达成, 未达成, 部分达成, 未提及, 待核实, 不可评估.
std::string_view StatusLabel(TargetStatus status);
// The status named by StatusName; nullopt for any other text.
std::optional<TargetStatus> ParseStatus(std::string_view name);

// One target, outcome or commitment. Offsets are byte offsets into the
// report's Document::text, half-open; every string field is as written
// unless it says otherwise.
struct Finding {
  FindingKind kind = FindingKind::kTarget;
  std::string text;      // the shortest span that states it (粮食总产量20万吨以上)
  text::Span span;       // where `text` stands in the document
  std::string sentence;  // the sentence (or ；-separated list item) it comes from
  text::Span sentence_span;
  std::string section;  // outline path (二、2023年工作安排 > （七）坚持绿色低碳…)
  std::string indicator;  // what is measured, without verb or number (粮食播种面积)
  // The number in base units of its scale (58万 → 580000); absent for commitments.
  std::optional<double> value;
  std::optional<double> value_max;  // upper end of a range
  std::string unit;                 // 亩 吨 元 人 个 % 个百分点 …; without scale word
  quantity::Comparator cmp = quantity::Comparator::kNone;  // kNone for commitments
  Change change = Change::kLevel;
  Strength strength = Strength::kNone;
  std::string deadline;  // as written (年底前, 到2025年), or ""
  // A yearly average over a period (年均增长6%): judged only against the
  // period's figures, never one year's (TARGETS.md).
  bool average = false;
  std::string topic;  // policy area (宏观经济, 农业, …), or ""
  // The year it is about: the plan year, or the reviewed year for outcomes;
  // 0 for an outcome of a review of several years (过去五年) that names no
  // single year.
  int year = 0;
};

// When a finding is due, for readers: its deadline as written, with 年均 for
// a yearly average ("“十四五”时期 年均"; "年均" alone; "" for neither).
std::string DueLabel(const Finding& finding);

// The one JSON shape of a finding (target, outcome or commitment), written
// by the command line, the API and the downloads alike: kind, text, start,
// end, sentence, sentence_start, sentence_end, section, indicator, value,
// value_max, unit, cmp, change, strength, deadline, average (only when true),
// topic, year (absent for 0: an outcome of several years).
//
// The rules every JSON object of mubiao follows:
// - A field whose value is absent is left out: never null, never "" (as
//   TARGETS.md writes `value_max`, `change`, `strength`, `deadline`).
// - Closed vocabularies are written by their names (cmp ">=", change "up",
//   strength "ensure", level "province", type "work_report", status "met").
// - Offsets ("start"/"end", "sentence_start"/"sentence_end") are byte
//   offsets into the document's text as stored, UTF-8, half-open: the text
//   that /export/baogao/<id>.txt serves and `mubiao parse --format json`
//   prints as "text".
nlohmann::json FindingJson(const Finding& finding);

// Everything extracted from one report.
struct Extraction {
  std::vector<Finding> targets;
  std::vector<Finding> outcomes;
  std::vector<Finding> commitments;
};

// Version of the extraction rules; stored with derived data so documents
// extracted by older rules can be found and re-derived.
inline constexpr int kExtractorVersion = 7;

// Extracts targets from the plan parts, outcomes from the review parts (all
// of a communiqué, and the sentences of a plan part from one that opens on
// the year before, "过去一年，…", to one that opens on the plan year), and
// commitments from the plan parts. Linear in the
// report's size. Thread-safe.
Extraction Extract(const report::Report& report);

}  // namespace mubiao::targets

#endif  // MUBIAO_TARGETS_TARGET_H_
