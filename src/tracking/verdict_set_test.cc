// The hand-checked verdict sets (testdata/verdict_set*.json, README there):
// verdicts of real targets, each checked by two independent readings of the
// target's report and the later sources of its place and year, disagreements
// settled by a third. The reports are read from ../shared/data and tracked
// in memory; the program's statuses are compared with the checked ones.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/testing.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "tracking/evidence.h"
#include "tracking/sources.h"
#include "tracking/track.h"

namespace mubiao::tracking {
namespace {

using json = nlohmann::json;

// Counts of the program's statuses against the checked ones.
struct Agreement {
  int settled = 0, settled_right = 0;          // program met/missed, and the check agrees
  int silent = 0, silent_right = 0;            // program 未提及, and the check agrees
  int settleable = 0, settleable_settled = 0;  // checked met/missed, and the program settled

  double Rate(int right, int of) const { return of ? 1.0 * right / of : 1; }
};

bool Settled(std::string_view status) { return status == "met" || status == "missed"; }

Agreement Compare(const std::map<std::string, std::string>& program, const json& entries) {
  Agreement a;
  for (const json& e : entries) {
    const std::string key = e["key"].get<std::string>();
    const std::string checked = e["status"].get<std::string>();
    auto found = program.find(key);
    const std::string got = found == program.end() ? "absent" : found->second;
    if (Settled(got)) {
      ++a.settled;
      a.settled_right += got == checked;
    }
    if (got == "not_mentioned") {
      ++a.silent;
      a.silent_right += checked == "not_mentioned";
    }
    if (Settled(checked)) {
      ++a.settleable;
      a.settleable_settled += Settled(got);
    }
    if (got != checked)
      std::cout << "  " << key << " " << e["place"] << " " << e["plan_year"] << ": " << got
                << " (checked " << checked << ")\n";
  }
  return a;
}

// Tracks the reports a set file lists and compares the program's statuses
// with the set's; prints the figures.
Agreement Measure(const std::string& file) {
  const json set =
      json::parse(testing::ReadFileOrEmpty(testing::SourceDir() / "src/tracking/testdata" / file));
  EXPECT_GE(set["entries"].size(), 100u);
  TrackInput input;
  int64_t id = 0;
  for (const json& doc : set["documents"]) {
    const auto path = testing::DataDir() / doc.get<std::string>();
    auto file = report::ImportFile(path);
    EXPECT_TRUE(file.ok()) << path << ": " << file.status().message();
    if (!file.ok()) continue;
    for (report::Document& d : file->documents) {
      auto r = report::AnalyzeDocument(std::move(d), regions::Gazetteer::Builtin());
      EXPECT_TRUE(r.ok()) << path << ": " << r.status().message();
      if (r.ok()) AddReportFindings(*r, targets::Extract(*r), ++id, &input);
    }
  }
  std::map<std::string, std::string> program;
  for (const TrackedTarget& t : Track(input, {})) {
    program[t.target.key] = std::string(StatusName(t.status));
  }
  const Agreement a = Compare(program, set["entries"]);
  std::printf(
      "%s: %zu checked; met/missed right %d/%d (%.3f); 未提及 right %d/%d (%.3f); "
      "settleable settled %d/%d (%.3f)\n",
      file.c_str(), set["entries"].size(), a.settled_right, a.settled,
      a.Rate(a.settled_right, a.settled), a.silent_right, a.silent,
      a.Rate(a.silent_right, a.silent), a.settleable_settled, a.settleable,
      a.Rate(a.settleable_settled, a.settleable));
  return a;
}

// A set and its bars: the figures measured on the program of the day,
// rounded down (the goals, 0.95 / 0.90 / 0.90, are issue 13's). Session 12
// traded a little of the first set's settled share (0.963 → 0.955) for
// right verdicts: open wordings settle only from an outcome of the same or
// a narrower wording (IndicatorLexicon::SettlesOpen). Session 17 claims
// silence only where a later source's figures of the year were read and
// adds the words reviews speak of investment, income, emissions,
// population, housing and 5G with (未提及 right: 0.86 → 0.95, 0.97 → 0.97,
// 0.79 → 0.92, 0.54 → 0.68). Reading 葫芦岛 2023's review (its heading run
// into its first paragraph) turned one wrong 未提及 of the third set into a
// wrong 未达成: 新改建农村公路400公里 judged by 新建农村公路168公里 alone, a
// narrower wording of the same canonical indicator (met/missed 0.953 →
// 0.938).
struct SetBars {
  const char* file;
  double settled_right;       // of the program's met/missed
  double silent_right;        // of the program's 未提及
  double settleable_settled;  // of the checked met/missed
};

class VerdictSet : public ::testing::TestWithParam<SetBars> {};

TEST_P(VerdictSet, ProgramStatusesAgreeWithTheCheckedOnes) {
  MUBIAO_REQUIRE_DATA("corpus");
  const SetBars& bars = GetParam();
  const Agreement a = Measure(bars.file);
  EXPECT_GE(a.Rate(a.settled_right, a.settled), bars.settled_right);
  EXPECT_GE(a.Rate(a.silent_right, a.silent), bars.silent_right);
  EXPECT_GE(a.Rate(a.settleable_settled, a.settleable), bars.settleable_settled);
}

INSTANTIATE_TEST_SUITE_P(Sets, VerdictSet,
                         ::testing::Values(SetBars{"verdict_set.json", 0.962, 0.947, 0.958},
                                           SetBars{"verdict_set_2.json", 0.948, 0.968, 0.937},
                                           SetBars{"verdict_set_3.json", 0.938, 0.916, 0.983},
                                           SetBars{"verdict_set_4.json", 0.914, 0.681, 0.969}));

}  // namespace
}  // namespace mubiao::tracking
