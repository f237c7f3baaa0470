// Extraction throughput over the real corpus, on one core.
//
// Prints MB/s and reports/s for the whole extraction (import, analysis,
// targets/outcomes/commitments) and, in the same run over the same texts,
// for the quantity recogniser alone, with the ratio between them.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "quantity/quantity.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "targets/target.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(MUBIAO_DATA_DIR_DEFAULT);
  if (!fs::exists(data / "corpus")) {
    std::printf("targets_bench: no corpus under %s; skipped\n", data.c_str());
    return 0;
  }
  std::vector<mubiao::report::Document> docs;
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(data / "corpus")) {
    if (!e.is_regular_file()) continue;
    auto file = mubiao::report::ImportFile(e.path());
    if (!file.ok()) continue;
    for (auto& d : file->documents) {
      bytes += d.text.size();
      docs.push_back(std::move(d));
    }
  }
  const double mb = bytes / 1e6;
  const auto& gaz = mubiao::regions::Gazetteer::Builtin();

  auto t0 = Clock::now();
  size_t quantities = 0;
  for (const auto& d : docs) quantities += mubiao::quantity::FindQuantities(d.text).size();
  auto t1 = Clock::now();
  size_t targets = 0, outcomes = 0;
  for (auto& d : docs) {
    auto r = mubiao::report::AnalyzeDocument(d, gaz);
    if (!r.ok()) continue;
    auto ex = mubiao::targets::Extract(*r);
    targets += ex.targets.size();
    outcomes += ex.outcomes.size();
  }
  auto t2 = Clock::now();
  const double q_s = std::chrono::duration<double>(t1 - t0).count();
  const double x_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("%zu reports, %.1f MB of text\n", docs.size(), mb);
  std::printf("quantity recogniser: %8.1f MB/s %8.0f reports/s  (%zu quantities)\n", mb / q_s,
              docs.size() / q_s, quantities);
  std::printf("full extraction:     %8.1f MB/s %8.0f reports/s  (%zu targets, %zu outcomes)\n",
              mb / x_s, docs.size() / x_s, targets, outcomes);
  std::printf("extraction / recogniser time: %.2f\n", x_s / q_s);
  return 0;
}
