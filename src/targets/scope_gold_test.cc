// Findings against the hand-labelled scopes of 43 real reports
// (src/report/testdata/scope_gold): targets must come from text the
// annotators read as plan, outcomes from text they read as review.
#include <gtest/gtest.h>

#include <cstdio>

#include "base/testing.h"
#include "regions/gazetteer.h"
#include "report/scope_gold.h"
#include "targets/target.h"

namespace mubiao::targets {
namespace {

using report::Scope;

// The gold scope of the labelled sentence that holds byte `offset`: the
// last one starting at or before it.
Scope GoldScopeAt(const report::testing::ScopeGoldReport& gold, size_t offset) {
  Scope scope = Scope::kOther;
  for (const report::testing::GoldParagraph& p : gold.paragraphs) {
    for (const report::testing::GoldSentence& s : p.sentences) {
      if (s.begin > offset) return scope;
      scope = s.scope;
    }
  }
  return scope;
}

TEST(ScopeGold, TargetsFromPlanTextOutcomesFromReviewText) {
  MUBIAO_REQUIRE_DATA("corpus");
  MUBIAO_REQUIRE_DATA("national-jsonl");
  size_t targets = 0, targets_in_review = 0, outcomes = 0, outcomes_in_plan = 0;
  for (const report::testing::ScopeGoldEntry& entry : report::testing::ScopeGoldEntries()) {
    Result<report::testing::ScopeGoldReport> gold = report::testing::LoadScopeGold(entry);
    ASSERT_TRUE(gold.ok()) << gold.status().message();
    Result<report::Report> r =
        report::AnalyzeDocument(gold->document, regions::Gazetteer::Builtin());
    ASSERT_TRUE(r.ok()) << r.status().message();
    const Extraction ex = Extract(*r);
    for (const Finding& f : ex.targets) {
      ++targets;
      if (report::IsReview(GoldScopeAt(*gold, f.span.begin))) {
        ++targets_in_review;
        std::printf("  target in review text: %s: %s\n", entry.source.c_str(), f.text.c_str());
      }
    }
    for (const Finding& f : ex.outcomes) {
      ++outcomes;
      if (report::IsPlan(GoldScopeAt(*gold, f.span.begin))) {
        ++outcomes_in_plan;
        std::printf("  outcome in plan text: %s: %s\n", entry.source.c_str(), f.text.c_str());
      }
    }
  }
  std::printf("scope gold: %zu targets, %zu from review text; %zu outcomes, %zu from plan text\n",
              targets, targets_in_review, outcomes, outcomes_in_plan);
  // The goal of the report model (README): none either way.
  EXPECT_EQ(targets_in_review, 0u);
  EXPECT_EQ(outcomes_in_plan, 0u);
}

}  // namespace
}  // namespace mubiao::targets
