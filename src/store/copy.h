// Copying a whole database between the store's backends (SQLite file to
// PostgreSQL and back), table by table, each table in one transaction and
// verified after its commit by its row count and a checksum read back from
// the destination. An interrupted copy is resumed by running it again:
// tables already copied (the same count and checksum) are skipped.
#ifndef MUBIAO_STORE_COPY_H_
#define MUBIAO_STORE_COPY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace mubiao::store {

// One table of a copy.
struct CopiedTable {
  std::string table;
  int64_t rows = 0;
  std::string checksum;  // 16 hex digits, independent of row order
  bool skipped = false;  // already in the destination, as in the source
};

// Copies every table the store keeps (documents, their analysis, comments,
// moderators, the override history, stored verdicts) from database `from`
// to database `to` (a SQLite file, created when missing, or a PostgreSQL
// URI), bringing both schemas up to date first; the full-text indexes of
// the destination are made as its backend makes them. The portal's
// short-lived shared state (captchas, sessions, limits) is not copied.
// `on_table` hears of each table when it is done. Errors: a table of the
// destination that holds other rows than the source's (kInvalidInput: copy
// into an empty database); a count or checksum that differs after the copy
// (kInternal); the databases' own errors.
Result<std::vector<CopiedTable>> CopyDatabase(
    const std::string& from, const std::string& to,
    const std::function<void(const CopiedTable&)>& on_table);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_COPY_H_
