// The store: where imported documents, their analysis and (later) their
// targets live, and where they are searched. One interface, implemented by
// a SQLite backend (sqlite_store.h) and meant to be implemented by a
// PostgreSQL backend with the same schema; the interface uses plain C++
// types only.
//
// A Store object is one connection: use it from one thread at a time. Many
// Store objects (threads, processes) may open the same database; writes are
// serialised by the backend.
#ifndef MUBIAO_STORE_STORE_H_
#define MUBIAO_STORE_STORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "regions/gazetteer.h"
#include "report/report.h"
#include "search/request.h"
#include "targets/target.h"

namespace mubiao::store {

// A region as stored: one row of the regions table.
struct RegionRecord {
  std::string code;  // six digits
  std::string name;
  std::string short_name;
  std::string level;        // regions::RegionLevelName
  std::string parent_code;  // "" for the nation and provinces
  std::string geo;          // regions::GeoRegionSlug, "" for none
};

// One analysed document, ready to be stored. Its derived data is the
// analysis in `report` (metadata, outline) and `extraction`; documents whose
// derived data comes from an older targets::kExtractorVersion can be found
// (DocumentsDerivedBefore) and re-derived from their stored text.
struct DocumentRecord {
  report::Report report;           // the document as imported (source) and its analysis (derived)
  targets::Extraction extraction;  // targets, outcomes and commitments of `report`
  // The document's region and its ancestors, outermost first; empty when
  // the region is unknown.
  std::vector<RegionRecord> regions;
  int extractor_version = targets::kExtractorVersion;  // of `report`'s analysis and `extraction`
};

// Builds the record of an analysed report: extracts its targets, outcomes
// and commitments, and takes the region chain from the gazetteer (from the
// metadata alone when the gazetteer lacks the code). Thread-safe.
DocumentRecord MakeDocumentRecord(report::Report report, const regions::Gazetteer& gazetteer);

// The documents one source file produced (one, or one per JSON Lines row).
struct SourceFile {
  std::string path;          // absolute path of the file
  std::string content_hash;  // ContentHash of the file's bytes
  std::vector<DocumentRecord> documents;
};

// A document whose derived data is to be replaced.
struct DerivedUpdate {
  int64_t id = 0;         // the stored document
  DocumentRecord record;  // new analysis of the stored document text
};

// Sizes of what is stored.
struct StoreCounts {
  int64_t documents = 0;
  int64_t text_bytes = 0;  // total UTF-8 bytes of document bodies
  int64_t regions = 0;
};

// A database of documents.
class Store {
 public:
  virtual ~Store() = default;

  // The content hash of every source file with stored documents, by path.
  virtual Result<std::unordered_map<std::string, std::string>> SourceHashes() = 0;

  // Stores files in one transaction (all or nothing). A file whose path is
  // already stored replaces its documents: a document keeps its id when its
  // source path (file, or FILE#N) is the same, its source and derived data
  // are rewritten, and documents of the file that are no longer produced
  // are deleted. Errors: kIoError (disk, locks), kInternal.
  virtual Status PutSourceFiles(const std::vector<SourceFile>& files) = 0;

  // Ids of documents whose derived data comes from an extractor version
  // below `extractor_version`, in id order.
  virtual Result<std::vector<int64_t>> DocumentsDerivedBefore(int extractor_version) = 0;

  // The stored document as the importer made it (text, blocks with emphasis,
  // notes, file metadata), ready to be analysed again. kNotFound for an
  // unknown id.
  virtual Result<report::Document> LoadDocument(int64_t id) = 0;

  // Replaces the derived data (metadata, outline, targets, outcomes,
  // commitments) of documents in one transaction; their source data stays
  // as it is. kNotFound when an id
  // is unknown (nothing is written then).
  virtual Status PutDerived(const std::vector<DerivedUpdate>& updates) = 0;

  // Runs a search. Errors: kInvalidInput for a malformed query or bad
  // filters, with a message for the user; kIoError for the database.
  virtual Result<search::SearchResults> Search(const search::SearchRequest& request) = 0;

  // How much is stored.
  virtual Result<StoreCounts> Counts() = 0;
};

// The content hash of a file: 64-bit FNV-1a of its bytes as 16 lower-case
// hex digits.
std::string ContentHash(std::string_view bytes);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_STORE_H_
