// `mubiao import PATH...`: files and folders into the database, in parallel,
// with a progress bar; and `mubiao rederive`: re-analyse stored documents
// whose derived data comes from an older extractor.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "store/loader.h"
#include "store/sql_store.h"
#include "targets/target.h"
#include "text/utf8.h"
#include "tracking/store_tracking.h"

namespace mubiao::cli {
namespace {

// The help text of `mubiao import`.
constexpr char kImportHelp[] =
    "Store documents in the database and index them for search. Files already stored with "
    "the same content are skipped; changed files replace their documents. Safe to interrupt "
    "and run again.";

// The help text of `mubiao rederive`.
constexpr char kRederiveHelp[] =
    "Analyse again, from the stored text, every document whose metadata, outline and "
    "targets come from an older version of mubiao's extractor";

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string FormatDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  }
  return buffer;
}

// Shows a load's progress on stderr: a bar redrawn in place on a terminal,
// a plain line every few seconds otherwise. Failures go to `summary`.
class ProgressDisplay : public store::LoadListener {
 public:
  ProgressDisplay(std::string unit, BatchSummary* summary)
      : unit_(std::move(unit)), summary_(summary), terminal_(isatty(STDERR_FILENO) == 1) {}

  void OnFailure(const std::string& path, const std::string& reason) override {
    if (terminal_ && drawn_) std::cerr << "\r\033[K";
    summary_->Fail(path, reason);
    if (terminal_ && drawn_) Draw();
  }

  void OnWarning(const std::string& path, const std::string& message) override {
    if (terminal_ && drawn_) std::cerr << "\r\033[K";
    PrintWarning(path, message);
    if (terminal_ && drawn_) Draw();
  }

  void OnProgress(const store::LoadProgress& progress) override {
    progress_ = progress;
    const Clock::time_point now = Clock::now();
    const bool last = progress.done == progress.total;
    if (terminal_) {
      if (last || now - drawn_at_ >= std::chrono::milliseconds(100)) Draw();
    } else if (last || now - drawn_at_ >= std::chrono::seconds(5)) {
      std::cerr << Line() << "\n";
      drawn_at_ = now;
    }
  }

  // Removes the bar, before the summary is printed.
  void Finish() {
    if (terminal_ && drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

  double elapsed() const { return Seconds(Clock::now() - started_); }

 private:
  // "1234/2992 files, 61.2 MB, 12.3 MB/s, ETA 0:23, 3 failed"
  std::string Line() const {
    const double seconds = std::max(elapsed(), 1e-3);
    const double mb = progress_.bytes_done / 1e6;
    double eta = 0;
    if (progress_.bytes_total > 0 && progress_.bytes_done > 0) {
      eta = seconds * (progress_.bytes_total - progress_.bytes_done) / progress_.bytes_done;
    } else if (progress_.done > 0) {
      eta = seconds * (progress_.total - progress_.done) / progress_.done;
    }
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%zu/%zu %s, %.1f MB, %.1f MB/s, ETA %s, %zu failed",
                  progress_.done, progress_.total, unit_.c_str(), mb, mb / seconds,
                  FormatDuration(eta).c_str(), progress_.failed);
    return buffer;
  }

  void Draw() {
    constexpr int kWidth = 28;
    const int filled =
        progress_.total == 0 ? kWidth : static_cast<int>(kWidth * progress_.done / progress_.total);
    std::cerr << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '.')
              << "] " << Line() << std::flush;
    drawn_ = true;
    drawn_at_ = Clock::now();
  }

  const std::string unit_;
  BatchSummary* summary_;
  const bool terminal_;
  bool drawn_ = false;
  const Clock::time_point started_ = Clock::now();
  Clock::time_point drawn_at_ = started_;
  store::LoadProgress progress_;
};

// True when `file` is the database itself or one of SQLite's files beside
// it (-wal, -shm, -journal), which an import of the folder holding the
// database would otherwise try to read.
bool IsDatabaseFile(const std::filesystem::path& file, const std::string& db) {
  std::error_code ec;
  const std::string base = std::filesystem::absolute(db, ec).lexically_normal().string();
  const std::string path = std::filesystem::absolute(file, ec).lexically_normal().string();
  return path == base || path == base + "-wal" || path == base + "-shm" ||
         path == base + "-journal";
}

// Opens the database for writing, checked for damage first, or fails the
// command (the store's messages name the file).
std::unique_ptr<store::Store> OpenOrFail(const std::string& db) {
  Result<std::unique_ptr<store::Store>> store =
      store::OpenStore(db, store::OpenMode::kCreateIfMissing, store::OpenCheck::kQuick);
  if (!store.ok()) Fail("", store.status().message());
  return std::move(store).value();
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string db = kDefaultDatabase;
    int threads = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("import", kImportHelp);
  cmd->add_option("paths", opts->paths, "Files or folders (folders are read recursively)")
      ->required();
  AddDatabaseOption(cmd, &opts->db);
  cmd->add_option("--threads", opts->threads,
                  "Parsing threads (default: one per core; one more thread writes)")
      ->check(CLI::Range(0, 256));
  cmd->callback([opts] {
    BatchSummary summary;
    std::vector<std::filesystem::path> files = ListFiles(opts->paths, &summary);
    std::erase_if(
        files, [&](const std::filesystem::path& file) { return IsDatabaseFile(file, opts->db); });
    std::unique_ptr<store::Store> store = OpenOrFail(opts->db);
    ProgressDisplay display("files", &summary);
    store::LoadOptions options;
    options.threads = opts->threads;
    Result<store::LoadSummary> loaded = store::LoadFiles(store.get(), files, options, &display);
    display.Finish();
    if (!loaded.ok()) {
      Fail(opts->db, loaded.status().message() +
                         " (documents committed before the error are kept; run again to finish)");
    }
    Result<int> tracked = tracking::UpdateStoredVerdicts(store.get());
    if (!tracked.ok()) {
      Fail(opts->db, "tracking the imported documents failed: " + tracked.status().message() +
                         " (the documents are stored; any mubiao track or serve finishes it)");
    }
    const store::LoadSummary& s = *loaded;
    const double seconds = display.elapsed();
    for (size_t i = 0; i < s.documents; ++i) summary.Succeed();
    std::cout << files.size() << " files: " << s.imported << " imported, " << s.replaced
              << " replaced, " << s.unchanged << " unchanged, " << s.failed << " failed";
    if (s.warnings > 0) std::cout << ", " << s.warnings << " warnings (above)";
    std::cout << "\n";
    summary.Print("documents stored", std::cout);
    char rate[160];
    std::snprintf(rate, sizeof rate, "%.1f s, %.1f documents/s, %.1f MB/s", seconds,
                  s.documents / seconds, s.bytes / 1e6 / seconds);
    std::cout << rate;
    if (Result<store::StoreCounts> counts = store->Counts(); counts.ok()) {
      std::cout << "; " << text::EscapeForDisplay(store::RedactedUri(opts->db)) << " holds "
                << counts->reports << " reports from " << counts->documents << " documents";
    }
    std::cout << "\n";
    if (summary.failed() > 0) Exit(kExitFailed);
  });
}

void AddRederiveCommand(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDatabase;
    int threads = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("rederive", kRederiveHelp);
  AddDatabaseOption(cmd, &opts->db);
  cmd->add_option("--threads", opts->threads, "Analysing threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->callback([opts] {
    if (!store::IsPostgresUri(opts->db) && !std::filesystem::exists(opts->db)) {
      Fail(opts->db, "no database there");
    }
    std::unique_ptr<store::Store> store = OpenOrFail(opts->db);
    BatchSummary summary;
    ProgressDisplay display("documents", &summary);
    store::LoadOptions options;
    options.threads = opts->threads;
    Result<store::RederiveSummary> done = store::RederiveDocuments(store.get(), options, &display);
    display.Finish();
    if (!done.ok()) Fail(opts->db, done.status().message());
    if (Result<int> tracked = tracking::UpdateStoredVerdicts(store.get()); !tracked.ok()) {
      Fail(opts->db, "tracking the re-derived documents failed: " + tracked.status().message());
    }
    if (done->rederived == 0 && done->failed == 0) {
      std::cout << "nothing to re-derive: every document comes from extractor version "
                << targets::kExtractorVersion << "\n";
      return;
    }
    for (size_t i = 0; i < done->rederived; ++i) summary.Succeed();
    summary.Print("documents re-derived (extractor version " +
                      std::to_string(targets::kExtractorVersion) + ")",
                  std::cout);
    if (summary.failed() > 0) Exit(kExitFailed);
  });
}

}  // namespace mubiao::cli
