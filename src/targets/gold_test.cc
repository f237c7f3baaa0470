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
#include <nlohmann/json.hpp>

#include "base/testing.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"

namespace mubiao::targets {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// True when `quote` and `text` share at least one character run: one
// contains the other or they overlap in the document.
bool Overlaps(const std::string& doc, const Finding& f, const std::string& quote) {
  if (quote.empty()) return false;
  for (size_t at = doc.find(quote); at != std::string::npos; at = doc.find(quote, at + 1)) {
    size_t end = at + quote.size();
    if (at < f.span.end && f.span.begin < end) return true;
    if (at < f.sentence_span.end && f.sentence_span.begin < end) return true;
  }
  return f.text.find(quote) != std::string::npos || quote.find(f.text) != std::string::npos;
}

bool Matches(const std::string& doc, const Finding& f, const json& gold) {
  if (!f.value || !gold.contains("value") || !gold.contains("unit")) return false;
  return SameValue(*f.value, gold["value"].get<double>()) &&
         f.unit == gold["unit"].get<std::string>() &&
         Overlaps(doc, f, gold.value("quote", std::string()));
}

struct Score {
  std::string name;
  double precision = 0, recall = 0, f1 = 0;
  // Shares of the matched targets whose indicator, cmp and strength agree
  // with the gold file.
  double indicator = 0, cmp = 0, strength = 0;
  int trap_hits = 0;
};

// The bar of each gold file: the figures measured when it was last raised
// (README.md states the F1s), rounded down at the third decimal, so that
// any regression fails. Raise them with the extractor.
struct Floor {
  std::string_view file;
  double f1, indicator, cmp, strength;
};
constexpr Floor kFloors[] = {
    {"henan-2023.json", 0.987, 0.862, 1.0, 1.0},  // F1 0.98765 (printed 0.988)
    {"national-2023.json", 1.0, 1.0, 1.0, 1.0},
    {"seed.json", 1.0, 1.0, 1.0, 1.0},
};

Score ScoreGoldFile(const fs::path& path) {
  Score score;
  score.name = path.filename().string();
  json gold = json::parse(testing::ReadFileOrEmpty(path));
  auto file = report::ImportFile(testing::DataDir() / gold["doc"].get<std::string>());
  EXPECT_TRUE(file.ok()) << file.status().message();
  if (!file.ok()) return score;
  auto report =
      report::AnalyzeDocument(std::move(file->documents.at(0)), regions::Gazetteer::Builtin());
  EXPECT_TRUE(report.ok()) << report.status().message();
  if (!report.ok()) return score;
  Extraction ex = Extract(*report);
  const std::string& doc = report->document.text;

  const json& targets = gold["targets"];
  const json optional = gold.value("optional", json::array());
  std::vector<bool> found(targets.size(), false);
  int true_positives = 0, false_positives = 0, indicator_ok = 0, cmp_ok = 0, strength_ok = 0;
  for (const Finding& f : ex.targets) {
    bool matched = false;
    for (size_t i = 0; i < targets.size(); ++i) {
      if (found[i] || !Matches(doc, f, targets[i])) continue;
      found[i] = matched = true;
      ++true_positives;
      const json& g = targets[i];
      indicator_ok += f.indicator == g.value("indicator", std::string());
      if (f.indicator != g.value("indicator", std::string())) {
        std::cout << "    indicator: " << f.indicator << " (gold " << g.value("indicator", "")
                  << ")\n";
      }
      cmp_ok += quantity::ComparatorSymbol(f.cmp) == g.value("cmp", std::string());
      strength_ok += StrengthName(f.strength) == g.value("strength", std::string());
      break;
    }
    if (matched) continue;
    bool is_optional = false;
    for (const json& o : optional) is_optional = is_optional || Matches(doc, f, o);
    if (!is_optional) {
      ++false_positives;
      std::cout << "    extra: " << f.text << " = " << *f.value << " " << f.unit << "\n";
    }
    for (const json& trap : gold.value("traps", json::array())) {
      std::string t = trap.get<std::string>();
      if (f.text.find(t) != std::string::npos) {
        ++score.trap_hits;
        std::cout << "    TRAP: " << t << " in " << f.text << "\n";
      }
    }
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    if (!found[i]) std::cout << "    missed: " << targets[i]["quote"].get<std::string>() << "\n";
  }
  const int predicted = true_positives + false_positives;
  score.precision = predicted ? 1.0 * true_positives / predicted : 0;
  score.recall = targets.empty() ? 1 : 1.0 * true_positives / targets.size();
  score.f1 = score.precision + score.recall > 0
                 ? 2 * score.precision * score.recall / (score.precision + score.recall)
                 : 0;
  auto rate = [&](int n) { return true_positives ? 1.0 * n / true_positives : 0; };
  score.indicator = rate(indicator_ok);
  score.cmp = rate(cmp_ok);
  score.strength = rate(strength_ok);
  std::printf("%-20s P %.3f  R %.3f  F1 %.3f  indicator %.3f  cmp %.3f  strength %.3f  traps %d\n",
              score.name.c_str(), score.precision, score.recall, score.f1, score.indicator,
              score.cmp, score.strength, score.trap_hits);
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
    Score s = ScoreGoldFile(file);
    const Floor* floor = nullptr;
    for (const Floor& f : kFloors) {
      if (f.file == s.name) floor = &f;
    }
    if (floor == nullptr) {
      ADD_FAILURE() << s.name << " has no bar: add its measured figures to kFloors";
      continue;
    }
    EXPECT_GE(s.f1, floor->f1) << s.name;
    EXPECT_GE(s.indicator, floor->indicator) << s.name;
    EXPECT_GE(s.cmp, floor->cmp) << s.name;
    EXPECT_GE(s.strength, floor->strength) << s.name;
    EXPECT_EQ(s.trap_hits, 0) << s.name;
  }
}

}  // namespace
}  // namespace mubiao::targets
