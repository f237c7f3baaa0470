// Opening the store, on one of its two databases (sql.h):
//  - SQLite, embedded: one database file (WAL journal, foreign keys on, a
//    busy timeout so concurrent writers wait rather than fail; a connection
//    that searches reads through a memory map of up to 1 GiB), with the
//    schema of schema.h migrated on open and FTS5 indexes fed by the search
//    tokenizer;
//  - PostgreSQL, a server for several machines, with the schema of
//    schema_postgres.cc and the tokenizer's tokens stored as tsvectors.
// The same Store class, and the same SQL but where the dialects differ,
// serve both.
//
// Crash safety: every PutSourceFiles/PutDerived call is one transaction, so
// a process killed at any moment leaves each document either fully stored
// (its row, outline and index entries) or not at all.
#ifndef MUBIAO_STORE_SQL_STORE_H_
#define MUBIAO_STORE_SQL_STORE_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::store {

// Whether opening may create the database file.
enum class OpenMode {
  kCreateIfMissing,  // create an empty database (for importing)
  kMustExist,        // fail with kNotFound when there is none (for searching)
};

// Whether opening checks the database file for damage first.
enum class OpenCheck {
  kNone,   // no check: damage shows as an error of the read or write that meets it
  kQuick,  // PRAGMA quick_check (every page of every table and index, but no
           // comparison of indexes against their tables): linear in the size
           // of the file, 1.2 s of CPU for the 520 MB database of the whole
           // reference corpus; for writers, which could otherwise add to a
           // damaged file without touching the damage and report success
};

// Opens the SQLite database at `path` and brings its schema up to date.
// Errors: kNotFound ("no database at PATH") in kMustExist mode; kIoError
// when the file cannot be opened, is not a SQLite database or is damaged
// ("PATH: damaged database file (...)", found by the check or by any later
// read or write); kUnsupported when its schema is newer than this build's.
// Every message starts with PATH.
Result<std::unique_ptr<Store>> OpenSqlStore(const std::string& path,
                                            OpenMode mode = OpenMode::kCreateIfMissing,
                                            OpenCheck check = OpenCheck::kNone);

// True when `name` is a PostgreSQL connection URI (postgresql://... or
// postgres://...) rather than a file path.
bool IsPostgresUri(std::string_view name);

// Connects to the PostgreSQL database of connection URI `uri`
// (postgresql://user@host/name) and brings its schema up to date. Errors:
// kIoError when the server cannot be reached or refuses the connection;
// kUnsupported when its schema is newer than this build's. Every message
// starts with the URI, without its password.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri);

// OpenPostgresStore for a PostgreSQL URI (IsPostgresUri), OpenSqlStore
// with `mode` and `check` for anything else: the database argument of every
// command.
Result<std::unique_ptr<Store>> OpenStore(const std::string& database,
                                         OpenMode mode = OpenMode::kCreateIfMissing,
                                         OpenCheck check = OpenCheck::kNone);

// `uri` without the password it may carry (for messages and logs).
std::string RedactedUri(const std::string& uri);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SQL_STORE_H_
