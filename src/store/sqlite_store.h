// The SQLite backend of the store: one database file (WAL journal, foreign
// keys on, a busy timeout so concurrent writers wait rather than fail; a
// connection that searches reads through a memory map of up to 1 GiB), with
// the schema of schema.h migrated on open and an FTS5 index fed by the
// search tokenizer.
//
// Crash safety: every PutSourceFiles/PutDerived call is one transaction, so
// a process killed at any moment leaves each document either fully stored
// (its row, outline and index entries) or not at all.
#ifndef MUBIAO_STORE_SQLITE_STORE_H_
#define MUBIAO_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::store {

// Whether opening may create the database file.
enum class OpenMode {
  kCreateIfMissing,  // create an empty database (for importing)
  kMustExist,        // fail with kNotFound when there is none (for searching)
};

// Opens the SQLite database at `path` and brings its schema up to date.
// Errors: kNotFound ("no database at PATH") in kMustExist mode; kIoError
// when the file cannot be opened or is not a SQLite database; kUnsupported
// when its schema is newer than this build's.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               OpenMode mode = OpenMode::kCreateIfMissing);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SQLITE_STORE_H_
