// The SQLite backend's stored verdicts (tracking's derived data) and the
// bookkeeping of which places need them derived again (schema step 9).
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

Status ValidatePlaceVerdicts(const std::vector<PlaceVerdicts>& places) {
  for (const PlaceVerdicts& place : places) {
    for (const VerdictUpdate& u : place.verdicts) {
      if (u.kind == targets::FindingKind::kOutcome) {
        return InvalidInput("an outcome has no verdict to store");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> SqlStore::PlacesToTrack(int64_t tracking_version) {
  // The index covers the query: the rows (text first) are never read.
  Result<Statement*> stmt =
      Cached(std::string("SELECT DISTINCT coalesce(region_code, '') AS place FROM documents") +
             (db_.dialect() == Dialect::kSqlite ? " INDEXED BY documents_tracking" : "") +
             " WHERE tracking_version != ?1 ORDER BY place");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, tracking_version);
  std::vector<std::string> places;
  Status ran =
      ForEachRow(*stmt, [&](const Statement& row) { places.push_back(row.ColumnText(0)); });
  if (!ran.ok()) return ran;
  return places;
}

Status SqlStore::PutPlaceVerdicts(const std::vector<PlaceVerdicts>& places,
                                  int64_t tracking_version) {
  Status valid = ValidatePlaceVerdicts(places);
  if (!valid.ok()) return valid;
  Result<Statement*> clear_targets = Cached(
      "DELETE FROM verdicts WHERE finding_kind = 'target' AND finding_id IN (SELECT f.id"
      " FROM targets f JOIN documents d ON d.id = f.document_id"
      " WHERE d.region_code IS NOT DISTINCT FROM nullif(?1, ''))");
  Result<Statement*> clear_commitments = Cached(
      "DELETE FROM verdicts WHERE finding_kind = 'commitment' AND finding_id IN (SELECT f.id"
      " FROM commitments f JOIN documents d ON d.id = f.document_id"
      " WHERE d.region_code IS NOT DISTINCT FROM nullif(?1, ''))");
  // The finding's year is kept beside the indicator (schema step 13).
  Result<Statement*> insert = Cached(
      "INSERT INTO verdicts (finding_kind, finding_id, status, indicator_id,"
      " outcome_id, detail, year) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6,"
      " CASE ?1 WHEN 'target' THEN (SELECT year FROM targets WHERE id = ?2)"
      " ELSE (SELECT year FROM commitments WHERE id = ?2) END)"
      " ON CONFLICT (finding_kind, finding_id) DO UPDATE SET status = excluded.status,"
      " indicator_id = excluded.indicator_id, outcome_id = excluded.outcome_id,"
      " detail = excluded.detail, year = excluded.year");
  Result<Statement*> tracked = Cached(
      "UPDATE documents SET tracking_version = ?2 WHERE region_code IS NOT DISTINCT FROM "
      "nullif(?1, '')");
  for (const Result<Statement*>* stmt : {&clear_targets, &clear_commitments, &insert, &tracked}) {
    if (!stmt->ok()) return stmt->status();
  }
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  for (const PlaceVerdicts& place : places) {
    for (Statement* clear : {*clear_targets, *clear_commitments}) {
      clear->BindText(1, place.region_code);
      Status ran = clear->Run();
      if (!ran.ok()) return ran;
    }
    for (const VerdictUpdate& u : place.verdicts) {
      (*insert)->BindAll(targets::FindingKindName(u.kind), u.finding_id,
                         targets::StatusName(u.verdict.status), u.verdict.indicator_id,
                         u.verdict.outcome_id, u.verdict.detail);
      Status ran = (*insert)->Run();
      if (!ran.ok()) return ran;
    }
    (*tracked)->BindAll(place.region_code, tracking_version);
    Status ran = (*tracked)->Run();
    if (!ran.ok()) return ran;
  }
  return txn->Commit();
}

}  // namespace mubiao::store
