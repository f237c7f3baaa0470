// Bulk loading: many files into a store, with parsing and analysis on every
// core and a single writer committing in batches; and re-deriving documents
// whose analysis is older than this build's.
//
// Bounded: time grows linearly with the bytes read, and memory is bounded
// by the file size limit (report::ImportLimits) for the files being read
// (one per thread), twice the batch size for those waiting to be stored,
// and the limit on distinct words to index per document (index_terms.h),
// however a file's text is made up.
//
// Idempotent: a file whose path and content hash are already stored is
// skipped without being parsed; a changed file replaces its documents in
// one transaction. A process killed at any moment leaves whole files stored
// or not at all, and the next run completes the rest.
#ifndef MUBIAO_STORE_LOADER_H_
#define MUBIAO_STORE_LOADER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "report/importer.h"
#include "store/index_terms.h"
#include "store/store.h"

namespace mubiao::store {

// How a load runs.
struct LoadOptions {
  int threads = 0;  // parsing and analysing threads; 0 means one per core
  // A batch is committed once it holds this many bytes of text, or has been
  // open this long, or when nothing else is left to store. Parsed files wait
  // for the writer up to twice this many bytes of text.
  size_t batch_bytes = 16u << 20;
  std::chrono::milliseconds batch_interval{1000};
  report::ImportLimits limits;
  // A document with more distinct words than this is refused before it is
  // stored (index_terms.h), which bounds the memory and time of indexing it.
  size_t max_index_terms = kMaxIndexTerms;
};

// Where a load stands; passed to LoadListener::OnProgress.
struct LoadProgress {
  size_t done = 0;           // files (or documents, when re-deriving) finished
  size_t total = 0;          // files (or documents) in the run
  uint64_t bytes_done = 0;   // bytes of the finished files (or texts)
  uint64_t bytes_total = 0;  // bytes of all of them; 0 when not known (re-deriving)
  size_t failed = 0;         // failures so far (files, rows or documents)
};

// Receives failures and progress. Called only from the thread that called
// LoadFiles or RederiveDocuments.
class LoadListener {
 public:
  virtual ~LoadListener() = default;
  // A file, a JSON Lines row (path FILE#N) or a document could not be
  // imported or analysed; `reason` is the importer's or analyser's message.
  virtual void OnFailure(const std::string& path, const std::string& reason) = 0;
  // A document was stored, but the user should know something about it
  // (ReportMetadata::warnings: its plan year against its file name's).
  // Ignored unless overridden.
  virtual void OnWarning(const std::string& path, const std::string& message) {
    (void)path;
    (void)message;
  }
  // After each file (or document) is finished: stored and committed,
  // unchanged, or failed.
  virtual void OnProgress(const LoadProgress& progress) = 0;
};

// What a load did, counted in files.
struct LoadSummary {
  size_t imported = 0;   // new files stored
  size_t replaced = 0;   // files whose content changed, stored again
  size_t unchanged = 0;  // files already stored with the same content
  size_t failed = 0;     // files of which no document could be stored
  size_t documents = 0;  // documents stored (a JSON Lines file holds many)
  size_t failures = 0;   // failure reports: files, bad rows, documents not analysable
  size_t warnings = 0;   // warnings about documents stored (OnWarning)
  uint64_t bytes = 0;    // bytes of all files read
};

// Loads `files` into `store`. Paths are made absolute; duplicates are read
// once. Files that cannot be read, imported or analysed are reported to
// `listener` and counted; they do not stop the load. Errors: only from the
// store (kIoError, kInternal), after which the documents of earlier,
// committed batches stay stored.
Result<LoadSummary> LoadFiles(Store* store, const std::vector<std::filesystem::path>& files,
                              const LoadOptions& options, LoadListener* listener);

// What a re-derivation did, counted in documents.
struct RederiveSummary {
  size_t rederived = 0;  // documents whose derived data was rewritten
  size_t failed = 0;     // documents the current analysis rejects (left as they were)
};

// Analyses again every document whose derived data comes from an extractor
// older than targets::kExtractorVersion, from the text stored in `store`,
// and replaces its derived data. Errors: only from the store.
Result<RederiveSummary> RederiveDocuments(Store* store, const LoadOptions& options,
                                          LoadListener* listener);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_LOADER_H_
