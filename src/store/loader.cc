#include "store/loader.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "regions/gazetteer.h"
#include "report/report.h"
#include "store/index_terms.h"

namespace mubiao::store {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int ThreadCount(const LoadOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// A failure to report: the file or row, and why.
struct Failure {
  std::string path;
  std::string reason;
};

// What a worker made of one file.
struct FileJob {
  enum class Kind { kStore, kUnchanged, kFailed };
  Kind kind = Kind::kFailed;
  bool replaces = false;  // the file's path is already stored
  SourceFile file;
  std::vector<Failure> failures;
  std::vector<Failure> warnings;  // about documents stored (path, message)
  uint64_t bytes = 0;             // size of the file
  uint64_t text_bytes = 0;        // text of its documents
};

// A queue of finished jobs between the workers and the writer, bounded in
// jobs and in bytes of text so fast workers cannot run ahead of the writer
// by more than that (a job larger than the byte bound waits for an empty
// queue).
class JobQueue {
 public:
  JobQueue(size_t capacity, uint64_t max_text_bytes, int producers)
      : capacity_(capacity), max_text_bytes_(max_text_bytes), producers_(producers) {}

  // Blocks while the queue is full. Returns false (dropping the job) once
  // the queue is cancelled.
  bool Push(FileJob job) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] {
      return cancelled_ || jobs_.empty() ||
             (jobs_.size() < capacity_ && text_bytes_ + job.text_bytes <= max_text_bytes_);
    });
    if (cancelled_) return false;
    text_bytes_ += job.text_bytes;
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
    return true;
  }

  // A job, or nothing when `deadline` passed or every producer is done and
  // the queue is empty.
  std::optional<FileJob> PopUntil(Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait_until(lock, deadline, [&] { return !jobs_.empty() || producers_ == 0; });
    if (jobs_.empty()) return std::nullopt;
    FileJob job = std::move(jobs_.front());
    jobs_.pop_front();
    text_bytes_ -= job.text_bytes;
    not_full_.notify_all();
    return job;
  }

  // Called by each producer when it has no more jobs.
  void ProducerDone() {
    std::lock_guard<std::mutex> lock(mutex_);
    --producers_;
    not_empty_.notify_all();
  }

  // True when every producer is done and every job was taken.
  bool Finished() {
    std::lock_guard<std::mutex> lock(mutex_);
    return producers_ == 0 && jobs_.empty();
  }

  // Makes every Push fail from now on and wakes blocked producers.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<FileJob> jobs_;
  uint64_t text_bytes_ = 0;  // text of the jobs in the queue
  const size_t capacity_;
  const uint64_t max_text_bytes_;
  int producers_;
  bool cancelled_ = false;
};

// Reads, hashes, imports and analyses one file.
FileJob ProcessFile(const fs::path& path,
                    const std::unordered_map<std::string, std::string>& stored_hashes,
                    const LoadOptions& options) {
  const report::ImportLimits& limits = options.limits;
  FileJob job;
  job.file.path = path.string();
  Result<std::string> bytes = report::ReadFileBytes(path, limits.max_file_bytes);
  if (!bytes.ok()) {
    job.failures.push_back({job.file.path, bytes.status().message()});
    return job;
  }
  job.bytes = bytes->size();
  job.file.content_hash = ContentHash(*bytes);
  auto stored = stored_hashes.find(job.file.path);
  job.replaces = stored != stored_hashes.end();
  if (job.replaces && stored->second == job.file.content_hash) {
    job.kind = FileJob::Kind::kUnchanged;
    return job;
  }
  Result<report::ImportedFile> imported = report::ImportBytes(*bytes, job.file.path, limits);
  bytes = std::string();
  if (!imported.ok()) {
    job.failures.push_back({job.file.path, imported.status().message()});
    return job;
  }
  for (const std::string& row_error : imported->errors) {
    job.failures.push_back({job.file.path, row_error});
  }
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();
  for (report::Document& doc : imported->documents) {
    std::string doc_path = doc.path;
    Result<report::Report> analysed = report::AnalyzeDocument(std::move(doc), gazetteer);
    if (!analysed.ok()) {
      job.failures.push_back({doc_path, analysed.status().message()});
      continue;
    }
    if (CountIndexTerms({analysed->document.text, analysed->metadata.title},
                        options.max_index_terms) > options.max_index_terms) {
      job.failures.push_back({doc_path, "over " + std::to_string(options.max_index_terms) +
                                            " distinct words to index, the limit for one "
                                            "document (random characters or binary data?)"});
      continue;
    }
    for (const std::string& warning : analysed->metadata.warnings) {
      job.warnings.push_back({doc_path, warning});
    }
    job.text_bytes += analysed->document.text.size();
    job.file.documents.push_back(MakeDocumentRecord(std::move(analysed).value(), gazetteer));
  }
  job.kind = job.file.documents.empty() ? FileJob::Kind::kFailed : FileJob::Kind::kStore;
  return job;
}

// Runs fn(i) for i in [0, n) on up to `threads` threads.
template <typename Fn>
void ParallelFor(size_t n, int threads, const Fn& fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  const size_t helpers = std::min<size_t>(n, static_cast<size_t>(threads)) - (n > 0 ? 1 : 0);
  for (size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace

Result<LoadSummary> LoadFiles(Store* store, const std::vector<fs::path>& files,
                              const LoadOptions& options, LoadListener* listener) {
  // Absolute, normalised, each once, in the order given.
  std::vector<fs::path> paths;
  std::set<fs::path> seen;
  for (const fs::path& file : files) {
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec).lexically_normal();
    if (ec) absolute = file;
    if (seen.insert(absolute).second) paths.push_back(std::move(absolute));
  }
  Result<std::unordered_map<std::string, std::string>> stored_hashes = store->SourceHashes();
  if (!stored_hashes.ok()) return stored_hashes.status();

  LoadProgress progress;
  progress.total = paths.size();
  for (const fs::path& path : paths) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    if (!ec) progress.bytes_total += size;
  }

  const int threads = ThreadCount(options);
  JobQueue queue(static_cast<size_t>(threads) * 4, options.batch_bytes * 2, threads);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < paths.size() && !stop; i = next++) {
        if (!queue.Push(ProcessFile(paths[i], *stored_hashes, options))) break;
      }
      queue.ProducerDone();
    });
  }
  auto stop_workers = [&] {
    stop = true;
    queue.Cancel();
    for (std::thread& worker : workers) worker.join();
  };

  LoadSummary summary;
  std::vector<FileJob> batch;
  size_t batch_text = 0;
  Clock::time_point batch_opened;
  auto commit = [&]() -> Status {
    std::vector<SourceFile> source_files;
    source_files.reserve(batch.size());
    for (FileJob& job : batch) source_files.push_back(std::move(job.file));
    Status put = store->PutSourceFiles(source_files);
    if (!put.ok()) return put;
    for (size_t i = 0; i < batch.size(); ++i) {
      ++(batch[i].replaces ? summary.replaced : summary.imported);
      summary.documents += source_files[i].documents.size();
      ++progress.done;
      progress.bytes_done += batch[i].bytes;
    }
    batch.clear();
    batch_text = 0;
    listener->OnProgress(progress);
    return Status::Ok();
  };

  for (;;) {
    const Clock::time_point deadline = batch.empty() ? Clock::now() + std::chrono::hours(1)
                                                     : batch_opened + options.batch_interval;
    std::optional<FileJob> job = queue.PopUntil(deadline);
    if (job.has_value()) {
      summary.bytes += job->bytes;
      for (const Failure& failure : job->failures) {
        ++summary.failures;
        ++progress.failed;
        listener->OnFailure(failure.path, failure.reason);
      }
      for (const Failure& warning : job->warnings) {
        ++summary.warnings;
        listener->OnWarning(warning.path, warning.reason);
      }
      if (job->kind == FileJob::Kind::kStore) {
        if (batch.empty()) batch_opened = Clock::now();
        batch_text += job->text_bytes;
        batch.push_back(std::move(*job));
      } else {
        ++(job->kind == FileJob::Kind::kUnchanged ? summary.unchanged : summary.failed);
        ++progress.done;
        progress.bytes_done += job->bytes;
        listener->OnProgress(progress);
      }
    }
    const bool finished = !job.has_value() && queue.Finished();
    if (!batch.empty() && (finished || batch_text >= options.batch_bytes ||
                           Clock::now() >= batch_opened + options.batch_interval)) {
      Status committed = commit();
      if (!committed.ok()) {
        stop_workers();
        return committed;
      }
    }
    if (finished) break;
  }
  stop_workers();
  if (summary.imported + summary.replaced > 0) {
    Status refreshed = store->RefreshStatistics();
    if (!refreshed.ok()) return refreshed;
  }
  return summary;
}

Result<RederiveSummary> RederiveDocuments(Store* store, const LoadOptions& options,
                                          LoadListener* listener) {
  Result<std::vector<int64_t>> ids = store->DocumentsDerivedBefore(targets::kExtractorVersion);
  if (!ids.ok()) return ids.status();
  const int threads = ThreadCount(options);
  const size_t chunk = static_cast<size_t>(threads) * 16;
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();

  RederiveSummary summary;
  LoadProgress progress;
  progress.total = ids->size();
  for (size_t start = 0; start < ids->size(); start += chunk) {
    const size_t n = std::min(chunk, ids->size() - start);
    std::vector<report::Document> documents;
    for (size_t i = 0; i < n; ++i) {
      Result<report::Document> doc = store->LoadDocument((*ids)[start + i]);
      if (!doc.ok()) return doc.status();
      documents.push_back(std::move(doc).value());
    }
    std::vector<std::optional<DerivedUpdate>> updates(n);
    std::vector<Failure> failures(n);
    ParallelFor(n, threads, [&](size_t i) {
      std::string path = documents[i].path;
      Result<report::Report> analysed = report::AnalyzeDocument(std::move(documents[i]), gazetteer);
      if (!analysed.ok()) {
        failures[i] = {std::move(path), analysed.status().message()};
        return;
      }
      updates[i] = DerivedUpdate{(*ids)[start + i],
                                 MakeDocumentRecord(std::move(analysed).value(), gazetteer)};
    });
    std::vector<DerivedUpdate> batch;
    for (size_t i = 0; i < n; ++i) {
      if (updates[i].has_value()) {
        progress.bytes_done += updates[i]->record.report.document.text.size();
        batch.push_back(std::move(*updates[i]));
      } else {
        ++summary.failed;
        ++progress.failed;
        listener->OnFailure(failures[i].path, failures[i].reason);
      }
    }
    Status put = store->PutDerived(batch);
    if (!put.ok()) return put;
    summary.rederived += batch.size();
    progress.done += n;
    listener->OnProgress(progress);
  }
  if (summary.rederived > 0) {
    Status refreshed = store->RefreshStatistics();
    if (!refreshed.ok()) return refreshed;
  }
  return summary;
}

}  // namespace mubiao::store
