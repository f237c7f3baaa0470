// The SQLite schema as a chain of migrations. Version N of the schema is what
// steps 1..N create; a database records its version in PRAGMA user_version,
// and opening it runs the steps it lacks, each in its own transaction, so an
// interrupted migration leaves the database at the last complete version.
//
// Steps are never edited once released: a change to the schema is a new
// step at the end (and a new case in schema_test.cc).
//
//   1  regions, documents (source and derived columns), blocks, emphasis,
//      notes, outline (parts, sections, paragraphs), full-text index
//   2  derived data of the target extractor: documents.extractor_version,
//      targets, outcomes, commitments
//   3  comments (portal)
//   4  moderators, verdict overrides (append-only)
//   5  the full-text index as a word index and a character index
//   6  finding keys: document text hashes, override quotes, key moves
//   7  report identity: document fingerprints and primary sources; the
//      full-text indexes hold primaries only
//   8  yearly averages (年均) of targets and outcomes
//   9  tracking's stored verdicts, and which places need re-tracking
//  10  a word index of the targets' indicators; documents in listing order
//  11  indexes counting targets by strength and topic
//  12  the counts of reports' targets by topic, strength and year, kept
//  13  verdicts keep their finding's year
//  14  shared state of the portal's processes (captchas, sessions, limits)
//  15  supervision ledgers: tasks, progress, notices and the audit log
#ifndef MUBIAO_STORE_SCHEMA_H_
#define MUBIAO_STORE_SCHEMA_H_

#include "base/status.h"
#include "store/sql.h"

namespace mubiao::store {

// The version this build creates and expects.
inline constexpr int kSchemaVersion = 17;

// The database's schema version (0 for a new, empty database). On
// PostgreSQL, the version table must exist (MigrateSchema makes it).
Result<int> SchemaVersion(Database* db);

// Runs the missing steps up to `version` (1 ..= kSchemaVersion). The FTS5
// tokenizer must be registered on `db`. Errors: kUnsupported when the
// database is newer than `version` ("database schema version 5 is newer than
// this mubiao (3)"); SqliteError when a step fails (that step is rolled back).
// On PostgreSQL, runs MigratePostgresSchema (whatever `version`).
Status MigrateSchema(Database* db, int version = kSchemaVersion);

// The schema in PostgreSQL's dialect (schema_postgres.cc), whose chain
// starts at version 14. Errors as MigrateSchema's.
Status MigratePostgresSchema(Database* db);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SCHEMA_H_
