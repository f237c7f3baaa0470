// Importing one large document, at growing sizes: time and peak memory per
// MB. Prints figures and ratios; asserts nothing.
//
//   large_document_bench [MAX_MB] [--no-limit] [--data DATA_DIR]
//
// Documents of 1, 2, 4, ... MB up to MAX_MB (default 16), each a title line
// ("2023年某某县人民政府工作报告") and then
// - random: random CJK ideographs without punctuation or newlines, a new
//   index term at every character (the attack input);
// - reports: the reference reports (DATA_DIR/corpus) one after another, as
//   one document; skipped when the data is absent.
// Each import runs in a child process on a fresh database (LoadFiles, as
// `mubiao import`), so the peak RSS is that import's alone. A document past
// store::kMaxIndexTerms distinct words is refused; --no-limit lifts the limit
// to show what indexing it would cost.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "store/loader.h"
#include "store/sql_store.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
namespace store = mubiao::store;

namespace {

constexpr char kTitle[] = "2023年某某县人民政府工作报告\n";

std::string RandomText(size_t bytes, std::mt19937* rng) {
  std::uniform_int_distribution<char32_t> ideograph(0x4E00, 0x9FA5);
  std::string out = kTitle;
  while (out.size() < bytes) mubiao::text::AppendUtf8(ideograph(*rng), &out);
  return out;
}

// The reports under `corpus`, in name order, one after another; empty when
// there are fewer than `bytes`.
std::string ReportsText(size_t bytes, const fs::path& corpus) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string out = kTitle;
  for (const fs::path& file : files) {
    if (out.size() >= bytes) break;
    std::ifstream in(file, std::ios::binary);
    out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    out += "\n";
  }
  return out.size() >= bytes ? out : std::string();
}

// What one import in a child process did.
struct Run {
  const char* outcome = "error";
  double seconds = 0;
  double peak_mb = 0;
};

class SilentListener : public store::LoadListener {
 public:
  void OnFailure(const std::string&, const std::string& reason) override {
    std::fprintf(stderr, "    (refused: %s)\n", reason.c_str());
  }
  void OnProgress(const store::LoadProgress&) override {}
};

// Imports `file` into a fresh database at `db` in a child process.
Run ImportInChild(const fs::path& file, const fs::path& db, size_t max_index_terms) {
  const Clock::time_point start = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    auto opened = store::OpenSqlStore(db.string());
    if (!opened.ok()) _exit(2);
    store::LoadOptions options;
    options.max_index_terms = max_index_terms;
    SilentListener listener;
    auto summary = store::LoadFiles(opened->get(), {file}, options, &listener);
    if (!summary.ok()) _exit(2);
    _exit(summary->documents == 1 ? 0 : 1);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Run run;
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.peak_mb = usage.ru_maxrss / 1024.0;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) run.outcome = "stored";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1) run.outcome = "refused";
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  int max_mb = 16;
  size_t max_index_terms = store::kMaxIndexTerms;
  fs::path data = MUBIAO_DATA_DIR_DEFAULT;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--no-limit") {
      max_index_terms = std::numeric_limits<size_t>::max();
    } else if (arg == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else {
      max_mb = std::atoi(argv[i]);
    }
  }
  const fs::path dir =
      fs::temp_directory_path() / ("mubiao_large_document_bench_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("one document per import, 1..%d MB, limit of distinct words to index: %s\n", max_mb,
              max_index_terms == store::kMaxIndexTerms ? "on" : "off");
  std::printf("%-8s %6s %8s %9s %8s %10s %10s %9s %9s\n", "text", "MB", "outcome", "seconds",
              "s/MB", "peak RSS", "RSS/MB", "s/MB x", "RSS/MB x");
  for (const char* kind : {"random", "reports"}) {
    const bool random = std::string(kind) == "random";
    if (!random && !fs::exists(data / "corpus")) {
      std::printf("reports: no corpus under %s; skipped\n", data.c_str());
      continue;
    }
    double base_seconds = 0, base_rss = 0;
    for (int mb = 1; mb <= max_mb; mb *= 2) {
      const fs::path file = dir / (std::string(kind) + "-" + std::to_string(mb) + ".txt");
      {
        std::mt19937 rng(static_cast<unsigned>(mb));
        const size_t bytes = static_cast<size_t>(mb) << 20;
        const std::string text =
            random ? RandomText(bytes, &rng) : ReportsText(bytes, data / "corpus");
        if (text.empty()) break;
        std::ofstream(file, std::ios::binary) << text;
      }
      const Run run = ImportInChild(file, dir / (std::string(kind) + std::to_string(mb) + ".db"),
                                    max_index_terms);
      const double s_per_mb = run.seconds / mb, rss_per_mb = run.peak_mb / mb;
      if (mb == 1) base_seconds = s_per_mb, base_rss = rss_per_mb;
      std::printf("%-8s %6d %8s %9.2f %8.2f %7.0f MB %7.1f MB %8.2fx %8.2fx\n", kind, mb,
                  run.outcome, run.seconds, s_per_mb, run.peak_mb, rss_per_mb,
                  s_per_mb / base_seconds, rss_per_mb / base_rss);
      std::fflush(stdout);
      fs::remove(file);
    }
  }
  fs::remove_all(dir);
  return 0;
}
