// Extraction over the whole corpus (../shared/data, read only): no target
// may come from a review part, and the run must not crash or stall on any
// real document. Prints the most frequent target indicators.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "base/testing.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"

namespace mubiao::targets {
namespace {

namespace fs = std::filesystem;

TEST(CorpusExtraction, EveryReportPromisesDozensOfNumbers) {
  MUBIAO_REQUIRE_DATA("corpus");
  size_t documents = 0, targets = 0, outcomes = 0, commitments = 0, from_review = 0;
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
        const report::Part* part = r->PartAt(f.span.begin);
        if (part == nullptr || part->kind != report::PartKind::kPlan) ++from_review;
        ++indicators[f.indicator];
      }
    }
  }
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [name, n] : indicators) top.emplace_back(n, name);
  std::sort(top.rbegin(), top.rend());
  std::cout << documents << " documents: " << targets << " targets, " << outcomes << " outcomes, "
            << commitments
            << " commitments; targets from plan sentences of review parts: " << from_review
            << "\nmost frequent target indicators:";
  for (size_t i = 0; i < top.size() && i < 25; ++i) {
    std::cout << (i % 5 == 0 ? "\n  " : "  ") << top[i].second << " " << top[i].first;
  }
  std::cout << "\n";
  EXPECT_GT(targets, 10u * documents / 2);  // a report promises dozens of numbers
}

}  // namespace
}  // namespace mubiao::targets
