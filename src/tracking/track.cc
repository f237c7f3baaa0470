#include "tracking/track.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "base/enum_names.h"
#include "text/utf8.h"

namespace mubiao::tracking {
namespace {

// The year a target is judged in: its deadline's year when the deadline
// names one (到2025年), else its plan year. nullopt for a goal of a period
// (“十四五”时期, 今后五年, 新一届政府, 用3年时间, a five-year plan's
// 第六个五年计划) or a yearly average over one (年均), which no one year's
// outcome settles.
std::optional<int> JudgedYear(const targets::Finding& f) {
  if (f.average) return std::nullopt;
  const std::string& d = f.deadline;
  if (d.empty()) return f.year;
  for (std::string_view period : {"五年", "时期", "五”末", "用", "计划", "规划", "届"}) {
    if (d.find(period) != std::string::npos) return std::nullopt;
  }
  for (size_t i = 0; i + 4 <= d.size(); ++i) {
    if (std::all_of(d.begin() + i, d.begin() + i + 4,
                    [](char c) { return c >= '0' && c <= '9'; })) {
      return std::stoi(d.substr(i, 4));
    }
  }
  return f.year;  // 年底前, 年内, 6月底前: within the plan year
}

constexpr EnumName<Reason> kReasonNames[] = {{Reason::kMetRule, "met_rule"},
                                             {Reason::kMissedRule, "missed_rule"},
                                             {Reason::kNoComparator, "no_comparator"},
                                             {Reason::kNoLaterSource, "no_later_source"},
                                             {Reason::kNotMentioned, "not_mentioned"},
                                             {Reason::kUnreadMention, "unread_mention"},
                                             {Reason::kMeasureMismatch, "measure_mismatch"},
                                             {Reason::kIncomparable, "incomparable"},
                                             {Reason::kPeriodGoal, "period_goal"},
                                             {Reason::kQualitative, "qualitative"},
                                             {Reason::kNoValue, "no_value"},
                                             {Reason::kIndicatorUnknown, "indicator_unknown"},
                                             {Reason::kUnitMismatch, "unit_mismatch"},
                                             {Reason::kNotNew, "not_new"},
                                             {Reason::kAmbiguous, "ambiguous"},
                                             {Reason::kOutcomeBound, "outcome_bound"},
                                             {Reason::kSaidAchieved, "said_achieved"},
                                             {Reason::kNotSaidAchieved, "not_said_achieved"},
                                             {Reason::kPartlySaidAchieved, "partly_said_achieved"},
                                             {Reason::kReviewUnread, "review_unread"}};

// What identifies the outcomes that can settle a target.
using OutcomeKey = std::tuple<std::string, int, std::string>;  // region, year, indicator id

struct ReadOutcome {
  const store::StoredFinding* outcome;
  Reading reading;
};

// Preference among outcomes that could settle the same target.
bool Preferred(const ReadOutcome& a, const ReadOutcome& b) {
  const bool ac = a.outcome->doc_type == report::DocType::kCommunique;
  const bool bc = b.outcome->doc_type == report::DocType::kCommunique;
  if (ac != bc) return ac;
  if (a.reading.rank != b.reading.rank) return a.reading.rank < b.reading.rank;
  if (a.outcome->document_id != b.outcome->document_id) {
    return a.outcome->document_id < b.outcome->document_id;
  }
  return a.outcome->finding.span.begin < b.outcome->finding.span.begin;
}

// What outcomes and targets of one measure share in an OutcomeKey: the
// canonical indicator's id, or "~" and an open reading's wording.
std::string MeasureKey(const Reading& r) { return r.indicator ? r.indicator->id : "~" + r.wording; }

// Whether two figures differ beyond rounding.
bool Differ(double a, double b) { return std::fabs(a - b) > 1e-9 * std::max(1.0, std::fabs(a)); }

std::string Place(const store::StoredFinding& f) {
  return f.locality.empty() ? (f.region_code.empty() ? "未知地区" : f.region_code) : f.locality;
}

TargetStatus ShownStatus(const TrackedTarget& t) {
  return t.overrides.empty() ? t.verdict.status : t.overrides.back().status_after;
}

Reason UnreadReason(ReadProblem problem) {
  switch (problem) {
    case ReadProblem::kNoValue:
      return Reason::kNoValue;
    case ReadProblem::kUnknownWording:
      return Reason::kIndicatorUnknown;
    case ReadProblem::kUnitMismatch:
      return Reason::kUnitMismatch;
    case ReadProblem::kNotNew:
      return Reason::kNotNew;
  }
  return Reason::kIndicatorUnknown;
}

// Judges targets against the outcomes of one input, read once.
class Matcher {
 public:
  Matcher(const TrackInput& input, const TrackOptions& options)
      : input_(input), options_(options), lex_(*options.lexicon) {
    for (const store::StoredFinding& o : input.outcomes) {
      if (o.finding.kind != targets::FindingKind::kOutcome || o.finding.year == 0) continue;
      Unread why;
      std::optional<Reading> r = ReadAny(o.finding, &why);
      const std::string id = r ? MeasureKey(*r) : why.indicator ? why.indicator->id : "";
      if (id.empty()) continue;
      OutcomeKey key{o.region_code, o.finding.year, id};
      spoken_.insert(key);
      if (r) readable_[key].push_back({&o, *r});
    }
    for (auto& [key, list] : readable_) std::sort(list.begin(), list.end(), Preferred);
    for (const auto& [key, list] : readable_) {
      if (!std::get<2>(key).starts_with("~")) continue;
      for (const ReadOutcome& o : list) open_[{std::get<0>(key), std::get<1>(key)}].push_back(&o);
    }
    AddSentences(input.outcomes);
  }

  Verdict Of(const store::StoredFinding& t) const {
    Verdict v;
    v.place = Place(t);
    v.year = t.finding.year;
    if (t.finding.kind == targets::FindingKind::kCommitment) {
      SettleCommitment(t, &v);
      return v;
    }
    std::optional<int> year = JudgedYear(t.finding);
    if (year) {
      v.year = *year;
      v.sources = input_.sources.Of(t.region_code, *year);
    }
    Unread why;
    std::optional<Reading> r = ReadAny(t.finding, &why);
    if (!r) {
      v.reason = UnreadReason(why.problem);
      if (why.indicator != nullptr) v.indicator_name = why.indicator->name;
      v.wording = t.finding.indicator;
      v.unit = t.finding.unit;
      return v;
    }
    v.open = r->indicator == nullptr;
    v.indicator_id = v.open ? "" : r->indicator->id;
    v.indicator_name = v.open ? r->wording : r->indicator->name;
    v.measure = r->measure;
    if (!year) {
      v.year = 0;
      v.reason = Reason::kPeriodGoal;
      v.deadline = targets::DueLabel(t.finding);
      return v;
    }
    Settle(t, *r, &v);
    return v;
  }

 private:
  // A commitment (创建全国文明城市) is met when a later review says in one
  // clause that it was achieved (成功创建全国文明城市, 获评…); a list of
  // titles (创建国家卫生城市、园林城市) is partly met when some of them are;
  // named without saying so it stays open; where a later review names
  // nothing of it, 未提及. Without a review to read, or with a name too
  // short to look for, there is nothing to check.
  void SettleCommitment(const store::StoredFinding& t, Verdict* v) const {
    v->status = TargetStatus::kNotAssessable;
    v->reason = Reason::kQualitative;
    const std::string name = CommitmentName(t.finding.indicator);
    const std::optional<int> year = JudgedYear(t.finding);
    if (!year || text::CountCodePoints(name) < kOpenWordingChars) return;
    v->year = *year;
    v->indicator_name = name;
    v->sources = input_.sources.Of(t.region_code, *year);
    const std::vector<std::string>& reviews = input_.sources.ReviewsOf(t.region_code, *year);
    if (!v->sources.any()) {
      v->status = TargetStatus::kUnverified;
      v->reason = Reason::kNoLaterSource;
      return;
    }
    if (reviews.empty()) return;
    const std::optional<Naming> whole = NamingOf(name, reviews, v->place);
    if (whole && whole->achieved) {
      v->status = TargetStatus::kMet;
      v->reason = Reason::kSaidAchieved;
      v->mention = whole->clause;
    } else if (SettleItems(name, reviews, v)) {
      return;
    } else if (whole) {
      v->status = TargetStatus::kUnverified;
      v->reason = Reason::kNotSaidAchieved;
      v->mention = whole->clause;
    } else {
      v->status = TargetStatus::kNotMentioned;
      v->reason = Reason::kNotMentioned;
      NoteNamedInPart(name, reviews, v);
    }
  }

  // A clause of a review that names a commitment.
  struct Naming {
    std::string clause;
    bool achieved = false;  // it says the place achieved it
  };

  // The first clause of `reviews` saying `place` achieved `name`, else the
  // first naming it; nullopt when none does.
  static std::optional<Naming> NamingOf(std::string_view name,
                                        const std::vector<std::string>& reviews,
                                        std::string_view place) {
    std::optional<Naming> first;
    for (const std::string& review : reviews) {
      for (size_t at = review.find(name); at != std::string::npos;
           at = review.find(name, at + name.size())) {
        const std::string_view clause = ClauseAt(review, at, name.size());
        const size_t name_at = at - static_cast<size_t>(clause.data() - review.data());
        if (SaysAchieved(clause) && !ByPartOfPlace(clause, name_at, place)) {
          return Naming{std::string(clause), true};
        }
        if (!first) first = Naming{std::string(clause), false};
      }
    }
    return first;
  }

  // Settles a commitment to a list of titles (国家卫生城市、园林城市) item by
  // item: met when a review says each was achieved, partly met when some
  // were. False, with `v` untouched, when it is no list or none was.
  static bool SettleItems(std::string_view name, const std::vector<std::string>& reviews,
                          Verdict* v) {
    std::vector<std::string_view> items;
    for (size_t start = 0;;) {
      const size_t mark = name.find("、", start);
      items.push_back(
          name.substr(start, mark == std::string_view::npos ? name.npos : mark - start));
      if (mark == std::string_view::npos) break;
      start = mark + std::string_view("、").size();
    }
    if (items.size() < 2) return false;
    std::string achieved;
    size_t count = 0;
    for (std::string_view item : items) {
      if (text::CountCodePoints(item) < kOpenWordingChars) return false;
      const std::optional<Naming> naming = NamingOf(item, reviews, v->place);
      if (!naming || !naming->achieved) continue;
      ++count;
      if (achieved.find(naming->clause) == std::string::npos) {
        achieved += (achieved.empty() ? "" : "；") + naming->clause;
      }
    }
    if (count == 0) return false;
    v->status = count == items.size() ? TargetStatus::kMet : TargetStatus::kPartlyMet;
    v->reason = count == items.size() ? Reason::kSaidAchieved : Reason::kPartlySaidAchieved;
    v->mention = achieved;
    return true;
  }

  // The fewest characters of a commitment's name a review must repeat to
  // speak of it in part.
  static constexpr size_t kPartChars = 5;

  // A review that repeats a run of kPartChars characters of a commitment's
  // name (青禾湾创新示范区 of 东坪青禾湾创新示范区, 保障性住房 of
  // 保障性住房建设任务) speaks of it in other words: open, never 未提及.
  static void NoteNamedInPart(std::string_view name, const std::vector<std::string>& reviews,
                              Verdict* v) {
    std::vector<size_t> starts;  // byte offset of each character
    for (size_t at = 0; at < name.size(); text::DecodeUtf8(name, &at)) starts.push_back(at);
    starts.push_back(name.size());
    for (size_t i = 0; i + kPartChars < starts.size(); ++i) {
      const std::string_view part = name.substr(starts[i], starts[i + kPartChars] - starts[i]);
      for (const std::string& review : reviews) {
        const size_t at = review.find(part);
        if (at == std::string::npos) continue;
        v->status = TargetStatus::kUnverified;
        v->reason = Reason::kNotSaidAchieved;
        v->mention = std::string(ClauseAt(review, at, part.size()));
        return;
      }
    }
  }

  // What a commitment promises, as a later review would name it: its
  // wording without quotation marks (“四好农村路”示范县 → 四好农村路示范县)
  // and without 首批, which a review leaves out once it is won.
  static std::string CommitmentName(std::string_view indicator) {
    constexpr std::string_view kFirstBatch = "首批";
    if (indicator.starts_with(kFirstBatch)) indicator.remove_prefix(kFirstBatch.size());
    std::string name;
    for (size_t at = 0; at < indicator.size();) {
      const size_t start = at;
      const char32_t c = text::DecodeUtf8(indicator, &at);
      if (c != U'“' && c != U'”' && c != U'"') name += indicator.substr(start, at - start);
    }
    return name;
  }

  // The clause of `review` around the `size` bytes at `at`: from the mark
  // before it (，。；！？ or a line break) to the one after.
  static std::string_view ClauseAt(std::string_view review, size_t at, size_t size) {
    static constexpr std::string_view kMarks[] = {"，", "。", "；", "！", "？", "\n"};
    size_t begin = 0;
    size_t end = review.size();
    for (std::string_view mark : kMarks) {
      const size_t before = review.rfind(mark, at);
      if (before != std::string_view::npos) begin = std::max(begin, before + mark.size());
      const size_t after = review.find(mark, at + size);
      if (after != std::string_view::npos) end = std::min(end, after);
    }
    return review.substr(begin, end - begin);
  }

  // Words a review names the achievement with (成功创建, 获评, 通过验收).
  static constexpr std::string_view kAchieved[] = {
      "成功创建", "创建成功", "创成",     "获评",     "荣获",     "被评为", "被命名为",
      "被授予",   "获批",     "获准",     "入选",     "通过验收", "荣膺",   "圆满完成",
      "全面完成", "如期完成", "顺利完成", "成功举办", "正式成为"};

  // Whether someone other than `place` is the subject that achieved (东坪镇
  // 成功创建…, 某县荣获…, 某街区获评…): whatever stands before the
  // achievement word and the name (at `name_at` in the clause), once the
  // place's own words (我市, 全省, its name) and time and manner words are
  // set aside, and the title's own qualifiers (全国, 国家级, 首批).
  static bool ByPartOfPlace(std::string_view clause, size_t name_at, std::string_view place) {
    static constexpr std::string_view kOwn[] = {
        "我们", "全市", "我市",   "本市", "全区", "我区",   "全县", "我县", "全州", "我州", "全省",
        "我省", "全盟", "我盟",   "全旗", "我旗", "一年来", "今年", "去年", "当年", "年内", "同时",
        "先后", "相继", "首次",   "再次", "正式", "顺利",   "成功", "还",   "并",   "又",   "已",
        "均",   "全国", "国家级", "国家", "省级", "全球",   "首批", "“",    "”"};
    static constexpr std::string_view kPlaceSuffixes[] = {"自治区", "自治州", "市", "省", "县",
                                                          "区",     "州",     "盟", "旗"};
    std::string_view short_place = place;
    for (std::string_view suffix : kPlaceSuffixes) {
      if (place.ends_with(suffix) && place.size() >= suffix.size() + 6) {
        short_place = place.substr(0, place.size() - suffix.size());
        break;
      }
    }
    size_t subject_end = name_at;
    for (std::string_view word : kAchieved) {
      subject_end = std::min(subject_end, clause.find(word));
    }
    std::string_view subject = text::TrimSpace(clause.substr(0, subject_end));
    for (bool stripped = true; stripped && !subject.empty();) {
      stripped = false;
      for (std::string_view own : kOwn) {
        if (subject.starts_with(own)) {
          subject.remove_prefix(own.size());
          stripped = true;
        }
      }
      for (std::string_view name : {place, short_place}) {
        if (!name.empty() && subject.starts_with(name)) {
          subject.remove_prefix(name.size());
          stripped = true;
        }
      }
    }
    return !subject.empty();
  }

  // Whether a clause of a review says a thing was achieved (成功创建, 获评,
  // 通过验收), not that it is under way or still to come (积极创建, 力争,
  // 尚未, 获批创建: allowed to begin), nor a step short of it (提名, 评估).
  static bool SaysAchieved(std::string_view clause) {
    static constexpr std::string_view kNotYet[] = {
        "未",   "没有", "积极", "力争", "争取", "努力",     "推进",     "加快", "启动",
        "申报", "申创", "将",   "正在", "争创", "获批创建", "获批建设", "提名", "评估"};
    const auto has = [&](std::string_view word) {
      return clause.find(word) != std::string_view::npos;
    };
    return std::any_of(std::begin(kAchieved), std::end(kAchieved), has) &&
           std::none_of(std::begin(kNotYet), std::end(kNotYet), has);
  }

  // A finding read by the lexicon, or by its own wording when the lexicon
  // does not know it (open vocabulary).
  std::optional<Reading> ReadAny(const targets::Finding& f, Unread* why) const {
    std::optional<Reading> r = lex_.Read(f, why);
    if (!r && why->problem == ReadProblem::kUnknownWording) r = lex_.ReadOpen(f);
    return r;
  }

  // The outcomes that may settle a read target, preferred first: those of
  // its place, year, indicator (or wording), measure and unit family; for an
  // open reading without such, those whose wording it settles
  // (IndicatorLexicon::SettlesOpen).
  // Notes the other measures its outcomes are in.
  std::vector<const ReadOutcome*> Candidates(const store::StoredFinding& t, const Reading& r,
                                             const OutcomeKey& key, Verdict* v) const {
    std::vector<const ReadOutcome*> out;
    const auto consider = [&](const ReadOutcome& o) {
      if (o.reading.measure == r.measure && o.reading.family == r.family) {
        out.push_back(&o);
      } else if (o.reading.measure != r.measure &&
                 std::find(v->other_measures.begin(), v->other_measures.end(), o.reading.measure) ==
                     v->other_measures.end()) {
        // The same measure in another unit family is no other measure.
        v->other_measures.push_back(o.reading.measure);
      }
    };
    if (auto found = readable_.find(key); found != readable_.end()) {
      for (const ReadOutcome& o : found->second) consider(o);
    }
    if (out.empty() && r.indicator == nullptr) {
      if (auto open = open_.find({t.region_code, v->year}); open != open_.end()) {
        for (const ReadOutcome* o : open->second) {
          if (lex_.SettlesOpen(r.core, o->reading.core)) consider(*o);
        }
      }
      std::stable_sort(out.begin(), out.end(), [](const ReadOutcome* a, const ReadOutcome* b) {
        return Preferred(*a, *b);
      });
    }
    return out;
  }

  // Whether an outcome judged `status` settles a target whatever its true
  // figure: an outcome written as a bound (超过5900万人次, 下降3%以上) says
  // only on which side of its figure the truth lies, so it settles the
  // target only when the far end of that side is judged the same.
  bool Decisive(const store::StoredFinding& t, const Reading& r, const ReadOutcome& o,
                TargetStatus status) const {
    const quantity::Comparator cmp = o.outcome->finding.cmp;
    if (cmp != quantity::Comparator::kAtLeast && cmp != quantity::Comparator::kAtMost) return true;
    // Readings are signed: a decline of at least 3% is a value of at most −3.
    const bool decline =
        o.outcome->finding.change == targets::Change::kDown && o.reading.measure != Measure::kLevel;
    const bool upward = (cmp == quantity::Comparator::kAtLeast) != decline;
    Reading far = o.reading;
    far.value = upward ? kFar : -kFar;
    far.value_max.reset();
    return Judge(r, t.finding.cmp, t.finding.change, t.finding.unit, far, options_.tolerance)
               .status == status;
  }

  // Beyond any figure of any indicator.
  static constexpr double kFar = 1e300;

  // Finds the outcome of a read target's place, year and indicator, and
  // judges it; or says why there is none. A target of its own wording
  // whose outcomes in the preferred kind of source disagree is a close
  // call, left open.
  void Settle(const store::StoredFinding& t, const Reading& r, Verdict* v) const {
    const OutcomeKey key{t.region_code, v->year, MeasureKey(r)};
    const std::vector<const ReadOutcome*> candidates = Candidates(t, r, key, v);
    if (!candidates.empty()) {
      const ReadOutcome& best = *candidates.front();
      int disagreeing = 0;
      for (const ReadOutcome* o : candidates) {
        disagreeing += r.indicator == nullptr && o->outcome->doc_type == best.outcome->doc_type &&
                       Differ(o->reading.value, best.reading.value);
      }
      if (disagreeing > 0) {
        v->reason = Reason::kAmbiguous;
        v->candidates = disagreeing + 1;
        return;
      }
      Judgement j = Judge(r, t.finding.cmp, t.finding.change, t.finding.unit, best.reading,
                          options_.tolerance);
      v->status = j.status;
      v->reason = j.status == TargetStatus::kMet      ? Reason::kMetRule
                  : j.status == TargetStatus::kMissed ? Reason::kMissedRule
                                                      : Reason::kNoComparator;
      if (j.status != TargetStatus::kUnverified && !Decisive(t, r, best, j.status)) {
        v->status = j.status = TargetStatus::kUnverified;
        v->reason = Reason::kOutcomeBound;
      }
      v->judgement = std::move(j);
      v->outcome = *best.outcome;
      return;
    }
    if (!v->other_measures.empty()) {
      std::sort(v->other_measures.begin(), v->other_measures.end());
      v->reason = Reason::kMeasureMismatch;
    } else if (spoken_.contains(key)) {
      v->reason = Reason::kIncomparable;
    } else if (r.indicator == nullptr && v->sources.any()) {
      // Silence about a wording of its own is no finding: the next report
      // may say it in other words.
      v->reason = Reason::kIndicatorUnknown;
      v->wording = t.finding.indicator;
    } else if (v->sources.any() && Named(t, r, v->year)) {
      v->reason = Reason::kUnreadMention;
    } else if (v->sources.any() && !sentences_.contains({t.region_code, v->year})) {
      // No figure of the year read from them: their review was not
      // recognised, and silence cannot be claimed of what was not read.
      v->reason = Reason::kReviewUnread;
    } else if (v->sources.any()) {
      v->status = TargetStatus::kNotMentioned;
      v->reason = Reason::kNotMentioned;
    } else {
      v->reason = Reason::kNoLaterSource;
    }
  }

  // Notes the sentences of the outcomes of later sources (a communiqué of
  // year N, a work report of N + 1) under their place and N, once each.
  void AddSentences(const std::vector<store::StoredFinding>& outcomes) {
    std::set<std::pair<int64_t, size_t>> seen;  // document, sentence start
    for (const store::StoredFinding& o : outcomes) {
      int year = o.document_year;
      if (o.doc_type == report::DocType::kWorkReport) {
        --year;
      } else if (o.doc_type != report::DocType::kCommunique) {
        continue;
      }
      if (!seen.insert({o.document_id, o.finding.sentence_span.begin}).second) continue;
      sentences_[{o.region_code, year}].push_back(&o.finding.sentence);
    }
  }

  // Whether the later sources of the target's place and `year` speak of its
  // indicator: a sentence of their outcomes has a wording of three
  // characters or more (not 经济, which every review says) or the target's
  // own, or two of one's word pairs (农村常住居民人均可支配收入 for
  // 农民人均纯收入: 人均, 收入); or their review has such a wording anywhere
  // (word pairs would be found in any long text) or one of the words a
  // review speaks of it with, figure or not (就业、物价基本平稳) — silence is
  // claimed only where nothing is said in other words.
  bool Named(const store::StoredFinding& t, const Reading& r, int year) const {
    std::vector<std::string> names = {lex_.Normalize(t.finding.indicator)};
    if (r.indicator != nullptr) {
      for (const std::string& w : r.indicator->wordings) {
        if (text::CountCodePoints(w) >= 3) names.push_back(w);
      }
    }
    for (const std::string& review : input_.sources.ReviewsOf(t.region_code, year)) {
      for (const std::string& name : names) {
        if (text::CountCodePoints(name) >= 3 && review.find(name) != std::string::npos) {
          return true;
        }
      }
      if (r.indicator == nullptr) continue;
      for (const std::string& word : r.indicator->mentions) {
        if (review.find(word) != std::string::npos) return true;
      }
    }
    auto found = sentences_.find({t.region_code, year});
    if (found == sentences_.end()) return false;
    std::vector<std::vector<std::string>> pairs;
    for (const std::string& name : names) pairs.push_back(WordPairs(name));
    for (const std::string* sentence : found->second) {
      for (size_t i = 0; i < names.size(); ++i) {
        if (!names[i].empty() && sentence->find(names[i]) != std::string::npos) return true;
        const size_t shared = std::count_if(
            pairs[i].begin(), pairs[i].end(),
            [&](const std::string& p) { return sentence->find(p) != std::string::npos; });
        if (shared >= std::min<size_t>(2, pairs[i].size()) && shared > 0) return true;
      }
    }
    return false;
  }

  // The pairs of adjacent characters of `name` that say what it is about,
  // without those every review writes (增长, 全年, 同比, 完成).
  static std::vector<std::string> WordPairs(std::string_view name) {
    static constexpr std::string_view kCommon[] = {"增长", "全年", "同比", "上年", "完成", "实现",
                                                   "达到", "经济", "发展", "建设", "全市", "全省",
                                                   "全县", "全区", "以上", "左右", "新增", "总额"};
    std::vector<std::string> out;
    for (size_t at = 0; at < name.size();) {
      size_t second = at;
      text::DecodeUtf8(name, &second);
      size_t end = second;
      if (end >= name.size()) break;
      text::DecodeUtf8(name, &end);
      const std::string_view pair = name.substr(at, end - at);
      if (std::find(std::begin(kCommon), std::end(kCommon), pair) == std::end(kCommon) &&
          std::find(out.begin(), out.end(), pair) == out.end()) {
        out.emplace_back(pair);
      }
      at = second;
    }
    return out;
  }

  const TrackInput& input_;
  const TrackOptions& options_;
  const IndicatorLexicon& lex_;
  std::map<OutcomeKey, std::vector<ReadOutcome>> readable_;
  // Every key some outcome's wording names, readable or not: the outcomes
  // that speak to an indicator.
  std::set<OutcomeKey> spoken_;
  // The open readings of the outcomes of each place and year.
  std::map<std::pair<std::string, int>, std::vector<const ReadOutcome*>> open_;
  // The sentences of the outcomes of the later sources of each place and year.
  std::map<std::pair<std::string, int>, std::vector<const std::string*>> sentences_;
};

}  // namespace

std::string_view ReasonName(Reason reason) { return NameIn(kReasonNames, reason); }

std::optional<Reason> ParseReason(std::string_view name) { return ValueIn(kReasonNames, name); }

std::optional<int> LaterSources::YearReviewed(report::DocType type, int year) {
  if (type == report::DocType::kCommunique) return year;
  if (type == report::DocType::kWorkReport) return year - 1;
  return std::nullopt;
}

void LaterSources::Add(const std::string& region_code, report::DocType type, int year,
                       std::string review) {
  const std::optional<int> reviewed = YearReviewed(type, year);
  if (region_code.empty() || !reviewed) return;
  LaterSource& source = by_place_year_[{region_code, *reviewed}];
  (type == report::DocType::kCommunique ? source.communique : source.next_report) = true;
  if (!review.empty()) reviews_[{region_code, *reviewed}].push_back(std::move(review));
}

LaterSource LaterSources::Of(const std::string& region_code, int year) const {
  auto found = by_place_year_.find({region_code, year});
  return found == by_place_year_.end() ? LaterSource{} : found->second;
}

const std::vector<std::string>& LaterSources::ReviewsOf(const std::string& region_code,
                                                        int year) const {
  static const std::vector<std::string> kNone;
  auto found = reviews_.find({region_code, year});
  return found == reviews_.end() ? kNone : found->second;
}

std::vector<TrackedTarget> Track(const TrackInput& input, const TrackOptions& options) {
  const Matcher matcher(input, options);
  std::vector<TrackedTarget> tracked;
  tracked.reserve(input.targets.size());
  for (const store::StoredFinding& t : input.targets) {
    TrackedTarget out;
    out.target = t;
    out.verdict = matcher.Of(t);
    out.status = out.verdict.status;
    tracked.push_back(std::move(out));
  }
  return tracked;
}

void ApplyOverrides(const std::vector<store::VerdictOverride>& history,
                    std::vector<TrackedTarget>* tracked) {
  std::map<std::string, std::vector<const store::VerdictOverride*>> by_key;
  for (const store::VerdictOverride& o : history) by_key[o.current_key].push_back(&o);
  for (TrackedTarget& t : *tracked) {
    auto found = by_key.find(t.target.key);
    if (found == by_key.end()) continue;
    std::vector<const store::VerdictOverride*> mine = found->second;
    std::stable_sort(mine.begin(), mine.end(),
                     [](const auto* a, const auto* b) { return a->id < b->id; });
    t.overrides.clear();
    for (const store::VerdictOverride* o : mine) t.overrides.push_back(*o);
    t.status = ShownStatus(t);
  }
}

std::vector<const TrackedTarget*> Headlines(const std::vector<TrackedTarget>& tracked) {
  using Key = std::tuple<std::string, int, std::string, std::optional<Measure>>;
  std::map<Key, const TrackedTarget*> best;
  for (const TrackedTarget& t : tracked) {
    const Verdict& v = t.verdict;
    if (v.indicator_id.empty() || v.year != t.target.document_year) continue;
    if (t.target.finding.kind != targets::FindingKind::kTarget) continue;
    Key key{t.target.region_code, v.year, v.indicator_id, v.measure};
    auto [it, inserted] = best.emplace(key, &t);
    const store::StoredFinding& a = t.target;
    const store::StoredFinding& b = it->second->target;
    if (!inserted && std::tie(a.document_id, a.finding.span.begin) <
                         std::tie(b.document_id, b.finding.span.begin)) {
      it->second = &t;
    }
  }
  std::vector<const TrackedTarget*> out;
  for (const auto& [key, t] : best) out.push_back(t);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mubiao::tracking
