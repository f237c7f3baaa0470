// Tracking over the whole corpus: how many targets find an outcome, per
// place and level of government and for the most frequent indicators, how
// many a later source passes over in silence (未提及) and how many have no
// later source yet (待核实), why the others stay open, and the
// escalation (层层加码) of GDP growth targets 2021-2025 from 全国 through the
// provinces to the prefectures. Prints figures; asserts nothing.
//
// Run: scripts/build.sh bench, then build/bench/bench/tracking_report [DATA_DIR]

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"
#include "tracking/escalation.h"
#include "tracking/evidence.h"
#include "tracking/sources.h"
#include "tracking/track.h"

namespace fs = std::filesystem;
using mubiao::tracking::TargetStatus;
using mubiao::tracking::TrackedTarget;

namespace {

// Targets of one place: all, with a canonical indicator, settled.
struct Rate {
  std::string locality;
  std::string level;
  std::map<int, bool> years;  // plan years with targets
  int targets = 0;
  int canonical = 0;
  int settled = 0;  // met or missed: an outcome was found
  int met = 0;
  int later = 0;  // quantified targets whose place-year has a later source
  int not_mentioned = 0;
  int unverified = 0;
};

void Count(const TrackedTarget& t, Rate* r) {
  ++r->targets;
  r->canonical += !t.verdict.indicator_id.empty();
  r->settled += t.status == TargetStatus::kMet || t.status == TargetStatus::kMissed;
  r->met += t.status == TargetStatus::kMet;
  r->later += t.target.finding.value.has_value() && t.verdict.sources.any();
  r->not_mentioned += t.status == TargetStatus::kNotMentioned;
  r->unverified += t.status == TargetStatus::kUnverified;
}

// A reason with its particulars removed, for counting: the code, and for
// a measure mismatch or a unit that does not fit, what did not fit.
std::string ReasonKind(const mubiao::tracking::Verdict& v) {
  std::string kind(mubiao::tracking::ReasonName(v.reason));
  if (v.reason == mubiao::tracking::Reason::kMeasureMismatch ||
      v.reason == mubiao::tracking::Reason::kUnitMismatch) {
    kind += " " + v.indicator_name + (v.unit.empty() ? "" : " " + v.unit);
  }
  return kind;
}

std::string Percent(int part, int whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%5.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(MUBIAO_DATA_DIR_DEFAULT);
  if (!fs::exists(data / "corpus")) {
    std::printf("tracking_report: no corpus under %s; skipped\n", data.c_str());
    return 0;
  }
  mubiao::tracking::TrackInput findings;
  int64_t id = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(data / "corpus")) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    auto file = mubiao::report::ImportFile(path);
    if (!file.ok()) continue;
    for (auto& doc : file->documents) {
      auto r =
          mubiao::report::AnalyzeDocument(std::move(doc), mubiao::regions::Gazetteer::Builtin());
      if (!r.ok() || r->metadata.type == mubiao::report::DocType::kFiveYearPlan) continue;
      mubiao::tracking::AddReportFindings(*r, mubiao::targets::Extract(*r), ++id, &findings);
    }
  }
  // Targets of years whose outcomes the corpus can hold: a report of the
  // next year, or a communiqué (national, 1978-2025).
  std::vector<TrackedTarget> tracked = mubiao::tracking::Track(findings, {});
  // Place-years some outcome speaks of: a later source with none at all
  // was probably not read (its review not found), not silent.
  std::set<std::pair<std::string, int>> spoken;
  for (const auto& o : findings.outcomes) spoken.insert({o.region_code, o.finding.year});

  std::map<std::string, Rate> places;
  std::map<std::string, int> reasons;
  std::map<std::string, int> unlisted;  // wordings not in the lexicon, for growing it
  std::map<std::string, Rate> levels;
  std::map<std::string, Rate> indicators;    // canonical indicator name → its targets
  std::vector<const TrackedTarget*> silent;  // not mentioned
  int silent_unread = 0;  // not mentioned by a later source without any outcome of the year
  for (const TrackedTarget& t : tracked) {
    if (t.target.finding.kind != mubiao::targets::FindingKind::kTarget) continue;
    if (t.target.doc_type != mubiao::report::DocType::kWorkReport) continue;
    Rate& p = places[t.target.region_code];
    p.locality = t.target.locality;
    p.level = mubiao::regions::RegionLevelName(t.target.level);
    p.years[t.target.finding.year] = true;
    Count(t, &p);
    Count(t, &levels[std::string(mubiao::regions::RegionLevelName(t.target.level))]);
    if (!t.verdict.indicator_id.empty()) Count(t, &indicators[t.verdict.indicator_name]);
    if (t.status == TargetStatus::kNotMentioned) {
      silent.push_back(&t);
      silent_unread += !spoken.contains({t.target.region_code, t.verdict.year});
    }
    if (t.status == TargetStatus::kUnverified) {
      ++reasons[ReasonKind(t.verdict)];
      if (t.verdict.indicator_id.empty()) ++unlisted[t.target.finding.indicator];
    }
  }

  std::printf("%zu documents, %zu targets and commitments, %zu outcomes\n\n", (size_t)id,
              findings.targets.size(), findings.outcomes.size());
  std::printf(
      "match rate = targets with an outcome (met or missed) / all targets; later = quantified "
      "targets whose place-year has a later source (communiqué of N, report of N+1); 未提及 and "
      "待核实 split what was unverified before them\n");
  std::printf("%-12s %8s %10s %10s %8s %8s %8s %8s %8s %10s\n", "level", "targets", "canonical",
              "settled", "rate", "met", "later", "未提及", "待核实", "settled/later");
  for (const auto& [level, r] : levels) {
    std::printf("%-12s %8d %10d %10d %8s %8s %8d %8d %8d %10s\n", level.c_str(), r.targets,
                r.canonical, r.settled, Percent(r.settled, r.targets).c_str(),
                Percent(r.met, r.settled).c_str(), r.later, r.not_mentioned, r.unverified,
                Percent(r.settled, r.later).c_str());
  }
  std::printf(
      "\n未提及: %zu targets, of which %d by a later source with no outcome of the year at all "
      "(its review probably not read)\n",
      silent.size(), silent_unread);
  for (size_t k = 0; k < silent.size(); k += std::max<size_t>(1, silent.size() / 12)) {
    std::printf("  %s  [%s]  %s\n", silent[k]->target.document_title.c_str(),
                silent[k]->target.finding.text.c_str(),
                mubiao::tracking::EvidenceText(silent[k]->verdict).c_str());
  }

  std::printf("\nthe 20 most frequent canonical indicators:\n");
  std::vector<std::pair<int, std::string>> frequent;
  for (const auto& [name, r] : indicators) frequent.emplace_back(r.targets, name);
  std::sort(frequent.rbegin(), frequent.rend());
  for (size_t k = 0; k < frequent.size() && k < 20; ++k) {
    const Rate& r = indicators[frequent[k].second];
    std::printf(
        "  %-24s %7d targets  settled %6d  met %s  later %6d  未提及 %6d  待核实 %6d  "
        "settled/later %s\n",
        frequent[k].second.c_str(), r.targets, r.settled, Percent(r.met, r.settled).c_str(),
        r.later, r.not_mentioned, r.unverified, Percent(r.settled, r.later).c_str());
  }

  std::printf(
      "\nplaces with 5 or more consecutive plan years (rate of all targets; rate of "
      "targets with a canonical indicator):\n");
  std::vector<std::pair<std::string, const Rate*>> shown;
  for (const auto& [code, r] : places) {
    int run = 0, best = 0, last = -10;
    for (const auto& [year, present] : r.years) {
      run = year == last + 1 ? run + 1 : 1;
      best = std::max(best, run);
      last = year;
    }
    if (best >= 5) shown.emplace_back(code, &r);
  }
  for (const auto& [code, r] : shown) {
    std::printf("  %s %-12s %4d-%4d %6d targets  rate %s  canonical-rate %s  met %s\n",
                code.c_str(), r->locality.c_str(), r->years.begin()->first,
                r->years.rbegin()->first, r->targets, Percent(r->settled, r->targets).c_str(),
                Percent(r->settled, r->canonical).c_str(), Percent(r->met, r->settled).c_str());
  }

  std::printf("\nmost common reasons a target stays unverified (待核实):\n");
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [reason, n] : reasons) top.emplace_back(n, reason);
  std::sort(top.rbegin(), top.rend());
  for (size_t k = 0; k < top.size() && k < 15; ++k) {
    std::printf("  %7d  %s\n", top[k].first, top[k].second.c_str());
  }
  std::printf("\nmost frequent indicators not in the lexicon:\n ");
  top.clear();
  for (const auto& [w, n] : unlisted) top.emplace_back(n, w);
  std::sort(top.rbegin(), top.rend());
  for (size_t k = 0; k < top.size() && k < 40; ++k) {
    std::printf(" %s %d%s", top[k].second.c_str(), top[k].first, k % 8 == 7 ? "\n " : "");
  }

  std::printf(
      "\n\nescalation of GDP growth targets (mark-up in percentage points over the "
      "nearest level above with a target):\n");
  std::vector<const TrackedTarget*> headlines = mubiao::tracking::Headlines(tracked);
  for (int year = 2021; year <= 2025; ++year) {
    mubiao::tracking::Escalation e = mubiao::tracking::BuildEscalation(
        headlines, "gdp", mubiao::tracking::Measure::kGrowth, year);
    std::map<int, std::pair<double, int>> by_depth;  // depth → (sum of mark-ups, count)
    for (const auto& row : e.rows) {
      if (!row.markup) continue;
      by_depth[row.depth].first += *row.markup;
      ++by_depth[row.depth].second;
    }
    std::printf("\n%d: %zu governments;", year, e.rows.size());
    for (const auto& [depth, sum] : by_depth) {
      std::printf(" mean mark-up at depth %d: %+.2f (%d)", depth, sum.first / sum.second,
                  sum.second);
    }
    std::printf("\n");
    for (size_t k = 0; k < e.rows.size(); ++k) {
      const auto& row = e.rows[k];
      if (row.depth > 1) continue;
      std::printf("  %-14s %-30s", row.locality.c_str(), row.target.target.finding.text.c_str());
      if (row.markup) std::printf(" %+.1f", *row.markup);
      std::printf("  %s\n", std::string(StatusName(row.target.status)).c_str());
      std::string children;
      for (const auto& child : e.rows) {
        if (child.depth == 2 && child.parent == k) {
          char buffer[64];
          std::snprintf(buffer, sizeof buffer, "%+.1f", *child.markup);
          children += " " + child.locality + " " + buffer;
        }
      }
      if (!children.empty()) std::printf("      prefectures:%s\n", children.c_str());
    }
  }
  return 0;
}
