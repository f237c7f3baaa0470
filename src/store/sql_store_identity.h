// Report identity in the SQLite store: groups the stored documents into
// reports (report/identity.h) and records each one's primary source in
// documents.primary_id. Runs inside the caller's write transaction, after
// every write that adds, replaces or re-derives documents, so readers never
// see a stale grouping. Internal to src/store.
#ifndef MUBIAO_STORE_SQL_STORE_IDENTITY_H_
#define MUBIAO_STORE_SQL_STORE_IDENTITY_H_

#include "base/status.h"
#include "store/sql.h"

namespace mubiao::store {

// Regroups every stored document and rewrites primary_id where it changed;
// returns the number of documents whose primary changed. Reads the identity
// columns and fingerprints only, never the texts.
Result<int64_t> IdentifyStoredReports(Database* db);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SQL_STORE_IDENTITY_H_
