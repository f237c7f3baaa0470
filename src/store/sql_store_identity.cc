#include "store/sql_store_identity.h"

#include <optional>
#include <vector>

#include "report/identity.h"
#include "store/columns.h"
#include "text/fingerprint.h"

namespace mubiao::store {

Result<int64_t> IdentifyStoredReports(Database* db) {
  Result<Statement> read = Statement::Prepare(
      db,
      "SELECT id, region_code, government, doc_type, year, date, source_path, fingerprint,"
      " primary_id FROM documents ORDER BY id");
  if (!read.ok()) return read.status();
  std::vector<int64_t> ids;
  std::vector<std::optional<int64_t>> stored_primary;
  std::vector<report::SourceIdentity> sources;
  Status ran = ForEachRow(&*read, [&](const Statement& row) {
    ids.push_back(row.ColumnInt(0));
    report::SourceIdentity s;
    s.place = report::IdentityPlace(row.ColumnText(1), row.ColumnText(2));
    s.type = DocTypeColumn(row.ColumnText(3));
    s.year = static_cast<int>(row.ColumnInt(4));
    s.dated = !row.ColumnText(5).empty();
    s.source_path = row.ColumnText(6);
    // A document without a fingerprint resembles nothing: a report of its own.
    s.fingerprint = text::DecodeFingerprint(row.ColumnBlob(7)).value_or(text::Fingerprint());
    stored_primary.push_back(row.ColumnIsNull(8) ? std::nullopt
                                                 : std::optional<int64_t>(row.ColumnInt(8)));
    sources.push_back(std::move(s));
  });
  if (!ran.ok()) return ran;

  const std::vector<size_t> primary = report::GroupSources(sources);
  Result<Statement> write =
      Statement::Prepare(db, "UPDATE documents SET primary_id = ?2 WHERE id = ?1");
  if (!write.ok()) return write.status();
  int64_t changed = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::optional<int64_t> wanted =
        primary[i] == i ? std::nullopt : std::optional<int64_t>(ids[primary[i]]);
    if (wanted == stored_primary[i]) continue;
    write->BindInt(1, ids[i]);
    write->BindIntOrNull(2, wanted);
    ran = write->Run();
    if (!ran.ok()) return ran;
    ++changed;
  }
  return changed;
}

}  // namespace mubiao::store
