// Extraction over the whole corpus (../shared/data, read only): no target
// may come from outside plan text, and the run must not crash or stall on any
// real document. Prints the most frequent target indicators and the share
// of natural indicators (issue 12: short, and without a verb that does not
// define the measure).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "base/testing.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"
#include "text/utf8.h"

namespace mubiao::targets {
namespace {

namespace fs = std::filesystem;

// Verbs and adverbs that do not belong in an indicator (TARGETS.md,
// "Indicator words"); 新增, 净增, 引进 and the like define what is counted.
constexpr std::string_view kNotInIndicator[] = {
    "建设", "推进", "实施", "完成", "新建", "改造", "提升", "加快", "打造", "开展",
    "推动", "加强", "落实", "实现", "达到", "提高", "增长", "力争", "确保", "争取",
    "有序", "重点", "滚动", "建成", "分别", "全面", "积极", "大力", "持续", "进一步"};

// Whether an indicator reads naturally: at most 12 characters, none of the
// words above.
bool IsNatural(std::string_view indicator) {
  if (text::CountCodePoints(indicator) > 12) return false;
  return std::none_of(
      std::begin(kNotInIndicator), std::end(kNotInIndicator),
      [&](std::string_view w) { return indicator.find(w) != std::string_view::npos; });
}

TEST(CorpusExtraction, EveryReportPromisesDozensOfNumbers) {
  MUBIAO_REQUIRE_DATA("corpus");
  size_t documents = 0, targets = 0, outcomes = 0, commitments = 0, from_review = 0, natural = 0;
  std::map<std::string, int> indicators;
  for (const auto& e : fs::recursive_directory_iterator(testing::DataDir() / "corpus")) {
    if (!e.is_regular_file()) continue;
    auto file = report::ImportFile(e.path());
    ASSERT_TRUE(file.ok()) << e.path() << ": " << file.status().message();
    for (report::Document& doc : file->documents) {
      auto r = report::AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
      ASSERT_TRUE(r.ok()) << e.path() << ": " << r.status().message();
      Extraction ex = Extract(*r);
      ++documents;
      targets += ex.targets.size();
      outcomes += ex.outcomes.size();
      commitments += ex.commitments.size();
      for (const Finding& f : ex.targets) {
        if (!report::IsPlan(r->ScopeAt(f.span.begin))) ++from_review;
        ++indicators[f.indicator];
        if (IsNatural(f.indicator)) ++natural;
      }
    }
  }
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [name, n] : indicators) top.emplace_back(n, name);
  std::sort(top.rbegin(), top.rend());
  std::cout << documents << " documents: " << targets << " targets, " << outcomes << " outcomes, "
            << commitments << " commitments; targets outside plan text: " << from_review
            << "\nnatural indicators (<= 12 characters, no verb of kNotInIndicator): " << natural
            << " of " << targets << " (" << (targets ? 100.0 * natural / targets : 0) << "%)"
            << "\nmost frequent target indicators:";
  for (size_t i = 0; i < top.size() && i < 25; ++i) {
    std::cout << (i % 5 == 0 ? "\n  " : "  ") << top[i].second << " " << top[i].first;
  }
  std::cout << "\n";
  EXPECT_GT(targets, 10u * documents / 2);  // a report promises dozens of numbers
  EXPECT_EQ(from_review, 0u);
}

}  // namespace
}  // namespace mubiao::targets
