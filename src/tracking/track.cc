#include "tracking/track.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace mubiao::tracking {
namespace {

// The year a target is judged in: its deadline's year when the deadline
// names one (到2025年), else its plan year. nullopt for a goal of a period
// (“十四五”时期, 今后五年, 用3年时间) or a yearly average over one (年均),
// which no one year's outcome settles.
std::optional<int> JudgedYear(const targets::Finding& f) {
  if (f.average) return std::nullopt;
  const std::string& d = f.deadline;
  if (d.empty()) return f.year;
  for (std::string_view period : {"五年", "时期", "五”末", "用"}) {
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

std::string Place(const store::StoredFinding& f) {
  return f.locality.empty() ? (f.region_code.empty() ? "未知地区" : f.region_code) : f.locality;
}

TargetStatus ShownStatus(const TrackedTarget& t) {
  return t.overrides.empty() ? t.verdict.status : t.overrides.back().status_after;
}

}  // namespace

std::vector<TrackedTarget> Track(const std::vector<store::StoredFinding>& targets,
                                 const std::vector<store::StoredFinding>& outcomes,
                                 const TrackOptions& options) {
  const IndicatorLexicon& lex = *options.lexicon;
  std::map<OutcomeKey, std::vector<ReadOutcome>> by_key;
  for (const store::StoredFinding& o : outcomes) {
    if (o.finding.kind != targets::FindingKind::kOutcome || o.finding.year == 0) continue;
    Result<Reading> r = lex.Read(o.finding);
    if (!r.ok()) continue;
    by_key[{o.region_code, o.finding.year, r->indicator->id}].push_back({&o, *r});
  }
  for (auto& [key, list] : by_key) std::sort(list.begin(), list.end(), Preferred);

  std::vector<TrackedTarget> tracked;
  tracked.reserve(targets.size());
  for (const store::StoredFinding& t : targets) {
    TrackedTarget out;
    out.target = t;
    Verdict& v = out.verdict;
    v.year = t.finding.year;
    if (t.finding.kind == targets::FindingKind::kCommitment) {
      v.status = TargetStatus::kNotAssessable;
      v.reason = "定性承诺，没有可核对的数字";
    } else {
      Result<Reading> r = lex.Read(t.finding);
      std::optional<int> year = JudgedYear(t.finding);
      if (!r.ok()) {
        v.reason = r.status().message();
      } else {
        v.indicator_id = r->indicator->id;
        v.indicator_name = r->indicator->name;
        v.measure = r->measure;
        if (!year) {
          v.year = 0;
          v.reason = "多年期目标（" + targets::DueLabel(t.finding) + "），不按单一年度评估";
        } else {
          v.year = *year;
          auto found = by_key.find({t.region_code, *year, r->indicator->id});
          const ReadOutcome* best = nullptr;
          std::set<std::string> other_measures;
          if (found != by_key.end()) {
            for (const ReadOutcome& o : found->second) {
              if (o.reading.measure == r->measure && o.reading.family == r->family) {
                best = &o;
                break;
              }
              other_measures.insert(std::string(MeasureLabel(o.reading.measure)));
            }
          }
          if (best != nullptr) {
            Judgement j = Judge(*r, t.finding.cmp, t.finding.change, t.finding.unit, best->reading,
                                options.tolerance);
            v.status = j.status;
            v.rule = j.rule;
            v.outcome = *best->outcome;
          } else if (other_measures.empty()) {
            v.reason =
                "尚无" + Place(t) + std::to_string(*year) + "年" + r->indicator->name + "的实绩";
          } else {
            std::string measures;
            for (const std::string& m : other_measures)
              measures += (measures.empty() ? "" : "、") + m;
            v.reason = std::to_string(*year) + "年" + r->indicator->name + "的实绩只有" + measures +
                       "，没有目标所用的" + std::string(MeasureLabel(r->measure));
          }
        }
      }
    }
    out.status = v.status;
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
