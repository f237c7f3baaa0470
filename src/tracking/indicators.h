// Canonical indicators: the many wordings reports use for one measured
// thing (地区生产总值 / 国内生产总值 / 经济增长 / GDP), and how a finding's
// figure is read as a measure of it (a growth rate, a level, a change in
// percentage points) in comparable units. The lexicon is the data file
// data/lexicon/indicators.tsv, compiled in; its header documents the format
// and its sources. A wording that is not listed stays unmatched.
#ifndef MUBIAO_TRACKING_INDICATORS_H_
#define MUBIAO_TRACKING_INDICATORS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "targets/target.h"

namespace mubiao::tracking {

// How an indicator's figures are written (see indicators.tsv).
enum class IndicatorKind {
  kGrowth,  // levels in money and growth rates in % (地区生产总值)
  kRate,    // the figure is itself a percentage (居民消费价格涨幅, 失业率)
  kFlow,    // an amount added in the year; 新增 is part of the name (城镇新增就业)
  kLevel,   // an amount (粮食产量), or its change with 增加/减少
};

// Which side of a target is the good one; decides how 左右 and ranges are
// judged (see verdict.h).
enum class Sense {
  kHigher,  // more is better: growth, jobs, output
  kLower,   // less is better: prices, unemployment, energy intensity
  kNone,    // neither: both sides of a 左右 target count
};

// "higher", "lower", "none".
std::string_view SenseName(Sense sense);

// The sense named by SenseName; nullopt for any other text.
std::optional<Sense> ParseSense(std::string_view name);

// One canonical indicator.
struct Indicator {
  std::string id;    // stable ASCII key (gdp, cpi, urban_new_jobs)
  std::string name;  // display name (地区生产总值)
  IndicatorKind kind = IndicatorKind::kGrowth;
  Sense sense = Sense::kHigher;
  std::vector<std::string> units;     // units its figures may have (%, 元, 吨, 斤)
  std::vector<std::string> wordings;  // every wording of it in the lexicon, in file order
  // Words a review speaks of it with, figure or not (物价 for 居民消费价格涨幅,
  // 就业 for 失业率): where one stands, its silence is no finding.
  std::vector<std::string> mentions;
};

// What a figure measures.
enum class Measure {
  kLevel,   // a level or amount in a unit family (粮食产量7.07亿吨; 失业率5.1%)
  kGrowth,  // a growth rate in % (增长5.2%, 下降2.6% → -2.6)
  kPoints,  // a change in percentage points (提高1个百分点)
  kChange,  // an absolute change in a unit family (增加216万人)
};

// "level", "growth", "points", "change".
std::string_view MeasureName(Measure measure);
// For readers: 总量, 增速, 百分点变化, 增减量.
std::string_view MeasureLabel(Measure measure);
// The measure named by MeasureName; nullopt for any other text.
std::optional<Measure> ParseMeasure(std::string_view name);

// A finding read as a measure of a canonical indicator.
struct Reading {
  const Indicator* indicator = nullptr;  // owned by the lexicon
  Measure measure = Measure::kLevel;
  // Family of the unit (mass, area, yuan, people, percent, points, or the
  // unit itself when it has no family): figures compare only within one.
  std::string family;
  // The value in the family's base unit (吨 for mass, 亩 for area), signed:
  // a decline (下降2.6%) is negative.
  double value = 0;
  std::optional<double> value_max;  // upper end of a range, same scale
  // Converts the finding's unit as written to the family's base unit
  // (斤 → 吨: 0.0005); for showing figures in the unit they were written in.
  double unit_factor = 1;
  // Lower ranks are preferred when one source gives several figures of the
  // indicator (the annual average before the year-end rate).
  int rank = 5;
  // Which side is the good one: the indicator's, or for an open reading as
  // its comparator reads (控制在, 减少: less is better).
  Sense sense = Sense::kHigher;
  // An open reading's measure: the finding's own wording, normalized, when
  // the lexicon does not know it (`indicator` is then nullptr).
  std::string wording;
  // Its core (IndicatorLexicon::OpenCore), as open readings are matched.
  std::string core;
};

// The fewest characters an open reading's wording has: shorter ones (项目,
// 企业, 投资) name no one measure.
inline constexpr size_t kOpenWordingChars = 4;

// Why a finding has no reading.
enum class ReadProblem {
  kNoValue,         // no figure (a commitment)
  kUnknownWording,  // the wording is not in the lexicon
  kUnitMismatch,    // the unit is not one of the indicator's
  kNotNew,          // a flow's wording without 新增 or 增长
};

// A finding that could not be read, with what is known of it.
struct Unread {
  ReadProblem problem = ReadProblem::kUnknownWording;
  // The indicator its wording names; nullptr for kNoValue and
  // kUnknownWording. Owned by the lexicon.
  const Indicator* indicator = nullptr;
};

// The canonical indicators and their wordings. Immutable; thread-safe.
class IndicatorLexicon {
 public:
  // The lexicon compiled into the binary (data/lexicon/indicators.tsv),
  // parsed on first use.
  static const IndicatorLexicon& Builtin();

  // The ContentHash (store.h) of the builtin lexicon's data file: what
  // verdicts derived with it depend on besides the rules.
  static const std::string& BuiltinHash();

  // Parses the tab-separated format documented in indicators.tsv. Errors
  // (kInvalidInput) name the line and what is wrong with it.
  static Result<IndicatorLexicon> Parse(std::string_view tsv);

  // The indicator with this id, display name or any wording of it
  // (gdp, 地区生产总值, 国内生产总值); nullptr when none.
  const Indicator* Find(std::string_view id_or_name) const;

  // The factor converting `unit` to its family's base unit (斤 → 0.0005);
  // 1 for a unit without a family.
  double UnitFactor(std::string_view unit) const;

  // Every indicator, in file order.
  const std::vector<Indicator>& indicators() const { return indicators_; }

  // The wording of an indicator as the lexicon looks it up: footnote marks
  // ([2]) removed, then scope and estimate words (全年, 预计) stripped from
  // the front and comparisons (比上年) from the end.
  std::string Normalize(std::string_view wording) const;

  // Reads a target or outcome as a measure of its canonical indicator; the
  // reading points into this lexicon, which must outlive it.
  // nullopt when the finding has no value, the wording is not in the
  // lexicon, or its unit or meaning does not fit the indicator; then `why`,
  // when given, says which.
  std::optional<Reading> Read(const targets::Finding& finding, Unread* why = nullptr) const;

  // Reads a finding whose wording the lexicon lacks as a measure of its own
  // wording (open vocabulary: 湿地修复 with 湿地修复, never with a
  // synonym): the wording normalized, the measure and unit family as Read
  // infers them without an indicator's kind (% without a change is a rate,
  // a wording with 新增 a flow). nullopt without a value or with a wording
  // shorter than kOpenWordingChars.
  std::optional<Reading> ReadOpen(const targets::Finding& finding) const;

  // The core of an open wording, as SettlesOpen compares it: without
  // quotation marks and bracketed asides, the verbs before it (新建, 引进)
  // and the generic nouns after it (规模, 工程), keeping kOpenWordingChars
  // characters.
  std::string OpenCore(std::string_view wording) const;

  // Whether an outcome whose open wording has the core `outcome` (OpenCore,
  // as an open Reading keeps it) measures what a target whose open wording
  // has the core `target` promises: the target's core stands in the
  // outcome's, is most of it (退化林修复 and
  // 完成退化林修复, not 湿地修复 and 湿地修复项目资金投入), and is not
  // narrowed there by a scope word before it (省级, 农村: the outcome counts
  // a part of what the target counts). One way only: an outcome of a
  // broader thing (就业岗位) settles no target of a narrower one
  // (非农就业岗位).
  bool SettlesOpen(std::string_view target, std::string_view outcome) const;

 private:
  struct Wording {
    size_t indicator = 0;  // index into indicators_
    bool growth = false;
    bool needs_change = false;
    int rank = 5;
  };
  struct Unit {
    std::string family;
    double factor = 1;
  };

  std::vector<Indicator> indicators_;
  std::map<std::string, Wording, std::less<>> wordings_;
  std::map<std::string, Unit, std::less<>> units_;
  // The list a row type of indicators.tsv fills with words (prefix, suffix,
  // open_verb, open_noun, scope); nullptr for other row types.
  std::vector<std::string>* WordList(std::string_view row_type);
  // Fills the measure, family, value and unit factor of `reading` from the
  // finding's figure, as a figure of an indicator of `kind` (`growth`: its
  // wording names a growth, 增速).
  void ReadFigure(const targets::Finding& finding, IndicatorKind kind, bool growth,
                  Reading* reading) const;

  std::vector<std::string> prefixes_;  // longest first
  std::vector<std::string> suffixes_;  // longest first
  // For SettlesOpen: verbs and nouns around a target's wording, and the
  // words that narrow a scope; longest first.
  std::vector<std::string> open_verbs_;
  std::vector<std::string> open_nouns_;
  std::vector<std::string> scopes_;
};

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_INDICATORS_H_
