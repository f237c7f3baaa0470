// Scores the extractor against the hand-checked gold annotations in
// ../shared/data/gold, the way the design notes (TARGETS.md) define it: a
// predicted target matches a gold target when value and unit agree and the
// prediction's text or sentence overlaps the gold quote; precision counts
// every unmatched prediction except those matching an optional entry;
// recall counts the gold targets.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "base/testing.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"
#include "text/utf8.h"

namespace mubiao::targets {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// True when `quote` and `text` share at least one character run: one
// contains the other or they overlap in the document.
bool Overlaps(const std::string& doc, const Finding& f, const std::string& file_quote) {
  // The quote is the file's bytes; the stored text has its character
  // references resolved (&permil; → ‰).
  const std::string quote = report::DecodeCharacterReferences(file_quote);
  if (quote.empty()) return false;
  for (size_t at = doc.find(quote); at != std::string::npos; at = doc.find(quote, at + 1)) {
    size_t end = at + quote.size();
    if (at < f.span.end && f.span.begin < end) return true;
    if (at < f.sentence_span.end && f.sentence_span.begin < end) return true;
  }
  return f.text.find(quote) != std::string::npos || quote.find(f.text) != std::string::npos;
}

// The gold writes per mille as written (6.1‰); mubiao reports it as a
// scale of percent (0.61 %, data/lexicon/units.txt), as it reports 58万亩 as
// 580000 亩: compared in percent.
bool Matches(const std::string& doc, const Finding& f, const json& gold) {
  if (!f.value || !gold.contains("value") || !gold.contains("unit")) return false;
  double value = gold["value"].get<double>();
  std::string unit = gold["unit"].get<std::string>();
  if (unit == "‰") {
    value *= 0.1;
    unit = "%";
  }
  return SameValue(*f.value, value) && f.unit == unit &&
         Overlaps(doc, f, gold.value("quote", std::string()));
}

// An indicator without what only dresses it: quotation and title marks
// and spaces.
std::string BareIndicator(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(s, &pos);
    if (c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'《' || c == U'》' || c == U'"' ||
        c == U' ' || c == U'\u3000') {
      continue;
    }
    out.append(s.substr(at, pos - at));
  }
  return out;
}

// `indicator` without a leading verb that defines what is counted: TARGETS.md
// keeps these (新增, 净增, 招引, 培育) yet writes 新增城镇就业6000人's indicator
// as 城镇就业, so either wording is right.
std::string_view WithoutDefiningVerb(std::string_view indicator) {
  for (std::string_view verb : {"新增", "净增", "招引", "引进", "培育"}) {
    if (indicator.starts_with(verb) && indicator.size() > verb.size()) {
      return indicator.substr(verb.size());
    }
  }
  return indicator;
}

// Whether `indicator` names the measure of gold entry `g`: its settled
// wording, or one the settling reading also accepted (`indicator_also`:
// another annotator's equally faithful wording, as multi-reference scoring
// does), with or without a defining verb.
bool IndicatorAgrees(const std::string& indicator, const json& g) {
  const std::string bare = BareIndicator(indicator);
  const auto agrees = [&](const std::string& gold) {
    const std::string other = BareIndicator(gold);
    return bare == other || WithoutDefiningVerb(bare) == WithoutDefiningVerb(other);
  };
  if (agrees(g.value("indicator", std::string()))) return true;
  for (const json& also : g.value("indicator_also", json::array())) {
    if (agrees(also.get<std::string>())) return true;
  }
  return false;
}

// Counts of one comparison of findings with gold entries.
struct Counts {
  int predicted = 0, gold = 0, matched = 0;
  // Of the matched: indicator, cmp, strength, average (targets) or year
  // (outcomes) as the gold says.
  int indicator = 0, cmp = 0, strength = 0, average = 0, year = 0;
  int trap_hits = 0;

  void Add(const Counts& o) {
    testing::AddCounters(*this, o, &Counts::predicted, &Counts::gold, &Counts::matched,
                         &Counts::indicator, &Counts::cmp, &Counts::strength, &Counts::average,
                         &Counts::year, &Counts::trap_hits);
  }
  double Precision() const { return predicted ? 1.0 * matched / predicted : 1; }
  double Recall() const { return gold ? 1.0 * matched / gold : 1; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double Rate(int n) const { return matched ? 1.0 * n / matched : 0; }
};

// Compares `found` with the gold `entries` (unmatched predictions that
// match an `optional` entry are not counted); prints the differences.
Counts Compare(const std::string& doc, const std::vector<Finding>& found, const json& entries,
               const json& optional, const json& traps, bool outcomes) {
  Counts c;
  c.gold = static_cast<int>(entries.size());
  std::vector<bool> taken(entries.size(), false);
  for (const Finding& f : found) {
    bool matched = false;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (taken[i] || !Matches(doc, f, entries[i])) continue;
      taken[i] = matched = true;
      ++c.matched;
      const json& g = entries[i];
      if (IndicatorAgrees(f.indicator, g)) {
        ++c.indicator;
      } else {
        std::cout << "    indicator" << (outcomes ? " outcome" : "") << ": " << f.indicator
                  << " (gold " << g.value("indicator", "") << ") " << f.text << "\n";
      }
      if (quantity::ComparatorSymbol(f.cmp) == g.value("cmp", std::string())) {
        ++c.cmp;
      } else {
        std::cout << "    cmp: " << quantity::ComparatorSymbol(f.cmp) << " (gold "
                  << g.value("cmp", "") << ") " << f.text << "\n";
      }
      c.strength += StrengthName(f.strength) == g.value("strength", std::string());
      if (f.average == g.value("average", false)) {
        ++c.average;
      } else if (!outcomes) {
        std::cout << "    average: " << f.average << " (gold " << !f.average << ") " << f.text
                  << "\n";
      }
      c.year += f.year == g.value("year", 0);
      break;
    }
    if (matched) continue;
    bool is_optional = false;
    for (const json& o : optional) is_optional = is_optional || Matches(doc, f, o);
    if (is_optional) continue;
    std::cout << "    extra" << (outcomes ? " outcome" : "") << ": " << f.text << " = "
              << (f.value ? *f.value : 0) << " " << f.unit << "\n";
    for (const json& trap : traps) {
      const std::string t = trap.get<std::string>();
      if (f.text.find(t) != std::string::npos) {
        ++c.trap_hits;
        std::cout << "    TRAP: " << t << " in " << f.text << "\n";
      }
    }
  }
  c.predicted = static_cast<int>(found.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    if (taken[i]) continue;
    std::cout << "    missed" << (outcomes ? " outcome" : "") << ": "
              << entries[i]["quote"].get<std::string>() << "\n";
  }
  return c;
}

// Predictions that match an optional entry count neither way.
int OptionalMatches(const std::string& doc, const std::vector<Finding>& found, const json& entries,
                    const json& optional) {
  int n = 0;
  for (const Finding& f : found) {
    bool gold = false;
    for (const json& e : entries) gold = gold || Matches(doc, f, e);
    if (gold) continue;
    for (const json& o : optional) {
      if (Matches(doc, f, o)) {
        ++n;
        break;
      }
    }
  }
  return n;
}

// The bar of each gold file of ../shared/data/gold: the figures measured
// when it was last raised (README.md states the F1s), rounded down at the
// third decimal, so that any regression fails. Raise them with the
// extractor.
struct Floor {
  std::string_view file;
  double f1, indicator, cmp, strength;
};
constexpr Floor kFloors[] = {
    {"henan-2023.json", 0.993, 0.862, 1.0, 1.0},  // F1 0.9938 (printed 0.994)
    {"national-2023.json", 1.0, 1.0, 1.0, 1.0},
    {"seed.json", 1.0, 1.0, 1.0, 1.0},
};

// The bars of the repository's gold (testdata/gold), per split: the
// figures measured when the gold was made, rounded down.
struct SplitFloor {
  std::string_view split;
  double f1, indicator, cmp, strength, outcome_precision, outcome_recall;
  int trap_hits;  // at most; TARGETS.md: no trap is ever a target
};
constexpr SplitFloor kRepositoryFloors[] = {
    // dev: rules may be written from it (made at F1 0.894).
    // seen: the held-out rounds of sessions 5, 6, 8, 9, 10 and 15, each scored
    // once before any rule was written from it (README records those
    // figures) and tuned on since.
    // heldout: the round of session 17, set aside before that session
    // changed any rule; rules are not written from it.
    // Indicators count as right when they are the settled wording or one
    // the settling reading also accepted (indicator_also).
    // Outcomes of a period (year 0) are left out of the comparison since
    // they are no figure of the last year.
    {"dev", 0.988, 0.808, 0.970, 0.992, 0.956, 0.975, 0},
    {"seen", 0.975, 0.801, 0.985, 0.995, 0.916, 0.935, 7},
    {"heldout", 0.959, 0.798, 0.982, 0.993, 0.857, 0.911, 2},
};

// A gold file scored: its targets and, when it has them, its outcomes.
struct Score {
  std::string name;
  Counts targets;
  Counts outcomes;
  bool has_outcomes = false;
};

Score ScoreGold(const json& gold, const std::string& name) {
  Score score;
  score.name = name;
  auto file = report::ImportFile(testing::DataDir() / gold["doc"].get<std::string>());
  EXPECT_TRUE(file.ok()) << file.status().message();
  if (!file.ok()) return score;
  auto report =
      report::AnalyzeDocument(std::move(file->documents.at(0)), regions::Gazetteer::Builtin());
  EXPECT_TRUE(report.ok()) << report.status().message();
  if (!report.ok()) return score;
  const Extraction ex = Extract(*report);
  const std::string& doc = report->document.text;
  const json optional = gold.value("optional", json::array());
  const json traps = gold.value("traps", json::array());
  score.targets = Compare(doc, ex.targets, gold["targets"], optional, traps, false);
  score.targets.predicted -= OptionalMatches(doc, ex.targets, gold["targets"], optional);
  if (gold.contains("outcomes")) {
    score.has_outcomes = true;
    // The gold lists the figures of the last year: an outcome of a period
    // (year 0) is none of them, and no error either.
    std::vector<Finding> of_a_year;
    for (const Finding& f : ex.outcomes) {
      if (f.year != 0) of_a_year.push_back(f);
    }
    score.outcomes = Compare(doc, of_a_year, gold["outcomes"], json::array(), json::array(), true);
  }
  std::printf(
      "%-20s P %.3f  R %.3f  F1 %.3f  indicator %.3f  cmp %.3f  strength %.3f  average %.3f  "
      "traps %d\n",
      name.c_str(), score.targets.Precision(), score.targets.Recall(), score.targets.F1(),
      score.targets.Rate(score.targets.indicator), score.targets.Rate(score.targets.cmp),
      score.targets.Rate(score.targets.strength), score.targets.Rate(score.targets.average),
      score.targets.trap_hits);
  if (score.has_outcomes) {
    std::printf("%-20s outcomes P %.3f  R %.3f  year %.3f\n", "", score.outcomes.Precision(),
                score.outcomes.Recall(), score.outcomes.Rate(score.outcomes.year));
  }
  return score;
}

TEST(Gold, EveryGoldFileMeetsTheBar) {
  MUBIAO_REQUIRE_DATA("gold");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(testing::DataDir() / "gold")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    const Score s =
        ScoreGold(json::parse(testing::ReadFileOrEmpty(file)), file.filename().string());
    const Floor* floor = nullptr;
    for (const Floor& f : kFloors) {
      if (f.file == s.name) floor = &f;
    }
    if (floor == nullptr) {
      ADD_FAILURE() << s.name << " has no bar: add its measured figures to kFloors";
      continue;
    }
    EXPECT_GE(s.targets.F1(), floor->f1) << s.name;
    EXPECT_GE(s.targets.Rate(s.targets.indicator), floor->indicator) << s.name;
    EXPECT_GE(s.targets.Rate(s.targets.cmp), floor->cmp) << s.name;
    EXPECT_GE(s.targets.Rate(s.targets.strength), floor->strength) << s.name;
    EXPECT_EQ(s.targets.trap_hits, 0) << s.name;
  }
}

// The gold of testdata/gold (README there): reports annotated by two
// independent passes and settled, a third of them held out from rule
// changes. Scored together per split (micro-averaged), printed apart.
TEST(Gold, RepositoryGoldDevelopmentAndHeldOut) {
  MUBIAO_REQUIRE_DATA("corpus");
  const fs::path dir = testing::SourceDir() / "src/targets/testdata/gold";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20u);
  std::map<std::string, Score> splits;
  for (const fs::path& file : files) {
    const json gold = json::parse(testing::ReadFileOrEmpty(file));
    // The quotes are where the gold says in the file: the data has not moved.
    const std::string bytes =
        testing::ReadFileOrEmpty(testing::DataDir() / gold["doc"].get<std::string>());
    for (const json& t : gold["targets"]) {
      const size_t begin = t["begin"].get<size_t>();
      const size_t end = t["end"].get<size_t>();
      ASSERT_TRUE(end <= bytes.size() &&
                  bytes.compare(begin, end - begin, t["quote"].get<std::string>()) == 0)
          << file.filename() << ": " << t["quote"];
    }
    const Score s = ScoreGold(gold, file.filename().string());
    Score& split = splits[gold["split"].get<std::string>()];
    split.targets.Add(s.targets);
    split.outcomes.Add(s.outcomes);
  }
  for (const auto& [name, s] : splits) {
    std::printf(
        "gold %-8s targets P %.3f  R %.3f  F1 %.3f  indicator %.3f  cmp %.3f  strength %.3f  "
        "average %.3f  traps %d; outcomes P %.3f  R %.3f  year %.3f\n",
        name.c_str(), s.targets.Precision(), s.targets.Recall(), s.targets.F1(),
        s.targets.Rate(s.targets.indicator), s.targets.Rate(s.targets.cmp),
        s.targets.Rate(s.targets.strength), s.targets.Rate(s.targets.average), s.targets.trap_hits,
        s.outcomes.Precision(), s.outcomes.Recall(), s.outcomes.Rate(s.outcomes.year));
  }
  ASSERT_TRUE(splits.count("dev") && splits.count("seen") && splits.count("heldout"));
  // Bars: the figures measured when the gold was made, rounded down, so
  // that a regression fails (the goal, F1 0.95 on both, is issue 12's).
  for (const auto& [name, f1, indicator, cmp, strength, outcome_p, outcome_r, traps] :
       kRepositoryFloors) {
    const Score& s = splits[std::string(name)];
    EXPECT_GE(s.targets.F1(), f1) << name;
    EXPECT_GE(s.targets.Rate(s.targets.indicator), indicator) << name;
    EXPECT_GE(s.targets.Rate(s.targets.cmp), cmp) << name;
    EXPECT_GE(s.targets.Rate(s.targets.strength), strength) << name;
    EXPECT_GE(s.outcomes.Precision(), outcome_p) << name;
    EXPECT_GE(s.outcomes.Recall(), outcome_r) << name;
    EXPECT_LE(s.targets.trap_hits, traps) << name;
  }
}

}  // namespace
}  // namespace mubiao::targets
