// The SQLite backend's finding keys (store.h FindingKey): the text hash of
// every document, findings found by key, the append-only history of verdict
// overrides, and the re-anchoring of the keys it names when a document's
// text changes (target_key_moves: old key → key in the new text).
#include <limits>
#include <optional>

#include "store/columns.h"
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

constexpr char kOverrideColumns[] =
    "id, target_key, status_before, status_after, author, reason, created_at, quote";

VerdictOverride ReadOverride(const Statement& row) {
  VerdictOverride o;
  o.id = row.ColumnInt(0);
  o.target_key = row.ColumnText(1);
  o.status_before = StatusColumn(row.ColumnText(2));
  o.status_after = StatusColumn(row.ColumnText(3));
  o.author = row.ColumnText(4);
  o.reason = row.ColumnText(5);
  o.created_at = row.ColumnText(6);
  o.quote = row.ColumnText(7);
  o.current_key = o.target_key;
  return o;
}

// The key `key` is known by now: followed through the moves (each key
// moves at most once, and a key that becomes live again loses its move, so
// the chain has no cycle; the bound guards against a damaged table).
std::string Follow(const std::unordered_map<std::string, std::string>& moves, std::string key) {
  for (size_t step = 0; step <= moves.size(); ++step) {
    auto it = moves.find(key);
    if (it == moves.end()) break;
    key = it->second;
  }
  return key;
}

// The start of the occurrence of `quote` in `text` nearest to `near`.
std::optional<size_t> NearestOccurrence(std::string_view text, std::string_view quote,
                                        size_t near) {
  std::optional<size_t> best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  for (size_t at = text.find(quote); at != std::string_view::npos; at = text.find(quote, at + 1)) {
    const size_t distance = at > near ? at - near : near - at;
    if (distance < best_distance) {
      best = at;
      best_distance = distance;
    }
  }
  return best;
}

bool HasFindingAt(const targets::Extraction& extraction, text::Span span) {
  for (const auto* list : {&extraction.targets, &extraction.commitments, &extraction.outcomes}) {
    for (const targets::Finding& f : *list) {
      if (f.span.begin == span.begin && f.span.end == span.end) return true;
    }
  }
  return false;
}

}  // namespace

Status SqlStore::LoadTextHash(int64_t id, std::string* text_hash) {
  Result<Statement*> stmt = Cached("SELECT text_hash FROM document_keys WHERE document_id = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  return ForEachRow(*stmt, [&](const Statement& row) { *text_hash = row.ColumnText(0); });
}

Result<std::unordered_map<std::string, std::string>> SqlStore::KeyMoves() {
  Result<Statement*> stmt = Cached("SELECT from_key, to_key FROM target_key_moves");
  if (!stmt.ok()) return stmt.status();
  std::unordered_map<std::string, std::string> moves;
  Status ran = ForEachRow(
      *stmt, [&](const Statement& row) { moves[row.ColumnText(0)] = row.ColumnText(1); });
  if (!ran.ok()) return ran;
  return moves;
}

Status SqlStore::PutTextHash(int64_t id, const std::string& text_hash) {
  Result<Statement*> stmt = Cached(
      "INSERT INTO document_keys (document_id, text_hash) VALUES (?1, ?2)"
      " ON CONFLICT (document_id) DO UPDATE SET text_hash = excluded.text_hash");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(id, text_hash);
  return (*stmt)->Run();
}

Status SqlStore::ReanchorKeys(const std::string& old_hash, const std::string& new_hash,
                              const DocumentRecord& record) {
  Result<std::vector<VerdictOverride>> history = VerdictOverrides("");
  if (!history.ok()) return history.status();
  const std::string_view text = record.report.document.text;
  std::unordered_map<std::string, std::string> anchors;  // current key → key in the new text
  for (const VerdictOverride& o : *history) {
    std::string hash;
    text::Span span;
    if (anchors.count(o.current_key) || !ParseFindingKey(o.current_key, &hash, &span) ||
        hash != old_hash || o.quote.empty()) {
      continue;
    }
    const std::optional<size_t> at = NearestOccurrence(text, o.quote, span.begin);
    if (!at) continue;
    const text::Span moved{*at, *at + o.quote.size()};
    if (HasFindingAt(record.extraction, moved))
      anchors[o.current_key] = FindingKey(new_hash, moved);
  }
  Result<Statement*> revive = Cached("DELETE FROM target_key_moves WHERE from_key = ?1");
  Result<Statement*> move = Cached(
      "INSERT INTO target_key_moves (from_key, to_key, moved_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (from_key) DO UPDATE SET to_key = excluded.to_key,"
      " moved_at = excluded.moved_at");
  if (!revive.ok()) return revive.status();
  if (!move.ok()) return move.status();
  for (const auto& [from, to] : anchors) {
    (*revive)->BindText(1, to);  // the new key is live: it moves nowhere
    Status ran = (*revive)->Run();
    if (!ran.ok()) return ran;
    (*move)->BindText(1, from);
    (*move)->BindText(2, to);
    (*move)->BindText(3, NowUtc());
    ran = (*move)->Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Result<StoredFinding> SqlStore::FindingByKey(const std::string& key) {
  std::string hash;
  text::Span span;
  if (!ParseFindingKey(key, &hash, &span)) {
    return InvalidInput("not a finding key (TEXTHASH:BEGIN-END): " + key);
  }
  Result<Statement*> stmt = Cached(
      "SELECT k.document_id FROM document_keys k JOIN documents d ON d.id = k.document_id"
      " WHERE k.text_hash = ?1 ORDER BY d.primary_id IS NOT NULL, k.document_id LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, hash);
  int64_t document_id = 0;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { document_id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  if (document_id == 0) return NotFound("no stored document has the text of key " + key);
  for (targets::FindingKind kind :
       {targets::FindingKind::kTarget, targets::FindingKind::kCommitment,
        targets::FindingKind::kOutcome}) {
    FindingFilter filter;
    filter.kind = kind;
    filter.document_id = document_id;
    filter.limit = 0;
    Result<FindingPage> page = ListFindings(filter);
    if (!page.ok()) return page.status();
    for (StoredFinding& f : page->findings) {
      if (f.key == key) return std::move(f);
    }
  }
  return NotFound("no finding of its document has the key " + key);
}

Result<VerdictOverride> SqlStore::AddVerdictOverride(const VerdictOverride& entry) {
  if (entry.target_key.empty() || entry.author.empty() || entry.reason.empty()) {
    return InvalidInput("an override needs a target, who made it and why");
  }
  Result<Statement*> stmt =
      Cached(std::string("INSERT INTO verdict_overrides (target_key, status_before, status_after,"
                         " author, reason, created_at, quote) VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6)"
                         " RETURNING ") +
             kOverrideColumns);
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, entry.target_key);
  (*stmt)->BindText(2, targets::StatusName(entry.status_before));
  (*stmt)->BindText(3, targets::StatusName(entry.status_after));
  (*stmt)->BindText(4, entry.author);
  (*stmt)->BindText(5, entry.reason);
  (*stmt)->BindText(6, entry.quote);
  (*stmt)->BindText(7, NowUtc());
  VerdictOverride stored;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { stored = ReadOverride(row); });
  if (!ran.ok()) return ran;
  Result<std::unordered_map<std::string, std::string>> moves = KeyMoves();
  if (!moves.ok()) return moves.status();
  stored.current_key = Follow(*moves, stored.target_key);
  return stored;
}

Result<std::vector<VerdictOverride>> SqlStore::VerdictOverrides(const std::string& key) {
  Result<std::unordered_map<std::string, std::string>> moves = KeyMoves();
  if (!moves.ok()) return moves.status();
  Result<Statement*> stmt =
      Cached(std::string("SELECT ") + kOverrideColumns + " FROM verdict_overrides ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<VerdictOverride> history;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    VerdictOverride o = ReadOverride(row);
    o.current_key = Follow(*moves, o.target_key);
    if (key.empty() || o.current_key == key) history.push_back(std::move(o));
  });
  if (!ran.ok()) return ran;
  return history;
}

}  // namespace mubiao::store
