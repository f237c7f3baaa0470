// The SQLite backend's shared state of the portal's processes (store.h,
// SharedKind): one table, read and rewritten in write transactions, which
// SQLite serialises across connections and processes.
#include <chrono>

#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

using std::chrono::milliseconds;

// Expired entries are removed at most this often per connection.
constexpr auto kPurgeInterval = std::chrono::minutes(1);

int64_t ToMillis(SharedClock::time_point t) {
  if (t == SharedClock::time_point::max()) return INT64_MAX;
  return std::chrono::duration_cast<milliseconds>(t.time_since_epoch()).count();
}

SharedClock::time_point FromMillis(int64_t ms) {
  const int64_t latest = ToMillis(SharedClock::time_point::max() - milliseconds(1));
  if (ms >= latest) return SharedClock::time_point::max();
  return SharedClock::time_point(
      std::chrono::duration_cast<SharedClock::duration>(milliseconds(ms)));
}

}  // namespace

Result<std::optional<std::string>> SqlStore::ReadShared(SharedKind kind, const std::string& key,
                                                        SharedClock::time_point now) {
  Result<Statement*> read =
      Cached("SELECT value FROM shared_state WHERE kind = ?1 AND key = ?2 AND expires_ms > ?3");
  if (!read.ok()) return read.status();
  (*read)->BindAll(SharedKindName(kind), key, ToMillis(now));
  std::optional<std::string> value;
  Status ran = ForEachRow(*read, [&](const Statement& row) { value = row.ColumnBlob(0); });
  if (!ran.ok()) return ran;
  return value;
}

Status SqlStore::UpdateShared(SharedKind kind, const std::string& key, SharedClock::time_point now,
                              const SharedUpdate& update) {
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Result<Statement*> read = Cached(
      "SELECT value, expires_ms FROM shared_state WHERE kind = ?1 AND key = ?2 AND expires_ms > "
      "?3");
  if (!read.ok()) return read.status();
  (*read)->BindAll(SharedKindName(kind), key, ToMillis(now));
  std::optional<SharedEntry> live;
  Status ran = ForEachRow(*read, [&](const Statement& row) {
    live = SharedEntry{row.ColumnBlob(0), FromMillis(row.ColumnInt(1))};
  });
  if (!ran.ok()) return ran;
  const std::optional<SharedEntry> kept = update(live);
  Result<Statement*> write =
      kept ? Cached(
                 "INSERT INTO shared_state (kind, key, value, expires_ms) VALUES (?1, ?2, ?3, ?4)"
                 " ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value,"
                 " expires_ms = excluded.expires_ms")
           : Cached("DELETE FROM shared_state WHERE kind = ?1 AND key = ?2");
  if (!write.ok()) return write.status();
  (*write)->BindAll(SharedKindName(kind), key);
  if (kept) {
    (*write)->BindBlob(3, kept->value);
    (*write)->BindInt(4, ToMillis(kept->expires));
  }
  if (Status written = (*write)->Run(); !written.ok()) return written;
  if (now - last_shared_purge_ >= kPurgeInterval) {
    Result<Statement*> purge = Cached("DELETE FROM shared_state WHERE expires_ms <= ?1");
    if (!purge.ok()) return purge.status();
    (*purge)->BindInt(1, ToMillis(now));
    if (Status purged = (*purge)->Run(); !purged.ok()) return purged;
    last_shared_purge_ = now;
  }
  return txn->Commit();
}

}  // namespace mubiao::store
