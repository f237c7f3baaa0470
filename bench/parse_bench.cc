// Parse throughput over the real corpus, on one core.
//
// Prints MB/s for importing (bytes → Document) and for the whole analysis
// (Document → Report: metadata, region, outline, review/plan), per format,
// and the ratio to a baseline run over the same bytes in the same process:
// UTF-8 validation plus splitting into lines, the least any parser must do.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Input {
  std::string name;
  std::string bytes;
};

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(MUBIAO_DATA_DIR_DEFAULT);
  if (!fs::exists(data / "corpus")) {
    std::printf("parse_bench: no corpus under %s; skipped\n", data.c_str());
    return 0;
  }
  std::map<std::string, std::vector<Input>> by_format;
  for (const char* dir : {"corpus", "national-jsonl", "formats"}) {
    for (const auto& e : fs::recursive_directory_iterator(data / dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      std::string ext = e.path().extension().string();
      by_format[ext].push_back({e.path().string(), ss.str()});
    }
  }
  const auto& gaz = mubiao::regions::Gazetteer::Builtin();
  std::printf("%-8s %6s %9s %12s %12s %12s %8s\n", "format", "files", "MB", "baseline MB/s",
              "import MB/s", "parse MB/s", "ratio");
  for (const auto& [ext, inputs] : by_format) {
    size_t bytes = 0;
    for (const Input& in : inputs) bytes += in.bytes.size();
    const double mb = bytes / 1e6;

    // Baseline: validate UTF-8 and count lines.
    auto t0 = Clock::now();
    size_t lines = 0;
    for (const Input& in : inputs) {
      lines += mubiao::text::IsValidUtf8(in.bytes)
                   ? std::count(in.bytes.begin(), in.bytes.end(), '\n')
                   : 0;
    }
    auto t1 = Clock::now();

    std::vector<mubiao::report::Document> docs;
    for (const Input& in : inputs) {
      auto file = mubiao::report::ImportBytes(in.bytes, in.name);
      if (file.ok()) {
        for (auto& d : file->documents) docs.push_back(std::move(d));
      }
    }
    auto t2 = Clock::now();
    size_t parts = 0;
    for (auto& d : docs) {
      auto r = mubiao::report::AnalyzeDocument(std::move(d), gaz);
      if (r.ok()) parts += r->parts.size();
    }
    auto t3 = Clock::now();
    const double base = mb / Seconds(t0, t1);
    const double import = mb / Seconds(t1, t2);
    const double parse = mb / (Seconds(t1, t2) + Seconds(t2, t3));
    if (lines == 0) {
      // Binary containers (.docx, .pdf): the text baseline does not apply.
      std::printf("%-8s %6zu %9.1f %12s %12.1f %12.1f %8s   (%zu parts)\n", ext.c_str(),
                  inputs.size(), mb, "n/a", import, parse, "n/a", parts);
      continue;
    }
    std::printf("%-8s %6zu %9.1f %12.0f %12.1f %12.1f %7.1f%%   (%zu lines, %zu parts)\n",
                ext.c_str(), inputs.size(), mb, base, import, parse, 100.0 * parse / base, lines,
                parts);
  }
  return 0;
}
