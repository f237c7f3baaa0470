// Rendered pages kept for a few seconds, so a popular report (or search) is
// read from the database and expanded once rather than on every view. Entries hold
// the page with a placeholder where per-visitor text (the form token) goes.
// A page may be up to `lifetime` old: changes made by another program (a
// re-import) show after that. Changes made by the portal itself
// (moderation) are announced through the store (Invalidate), and every
// portal process drops its pages within a second of them (Sync).
#ifndef MUBIAO_WEB_PAGE_CACHE_H_
#define MUBIAO_WEB_PAGE_CACHE_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "store/store.h"
#include "web/store_pool.h"

namespace mubiao::web {

// A cached page.
struct CachedPage {
  std::string html;  // with the placeholder for per-visitor text
  std::string slug;  // of a report: the geographic slug of its canonical URL
};

// Pages by key (a report's id, a search's request target). Thread-safe;
// times are passed in.
class PageCache {
 public:
  using Clock = store::SharedClock;

  // How often Sync looks at the store.
  static constexpr std::chrono::seconds kSyncInterval{1};

  // Entries live `lifetime` (zero disables the cache); at most `capacity`
  // are kept (when full, the cache starts afresh). `name` names the
  // cache's generation in the store (SharedKind::kGeneration), the same in
  // every process.
  PageCache(std::string name, Clock::duration lifetime, size_t capacity);

  // The live entry for `key`, if any.
  std::optional<CachedPage> Get(const std::string& key, Clock::time_point now) const;

  // Keeps `page` for `key` from `now`.
  void Put(const std::string& key, CachedPage page, Clock::time_point now);

  // Forgets every entry.
  void Clear();

  // Forgets every entry when some process has called Invalidate since this
  // cache last looked; looks at the store (a connection of `pool`) at most
  // once per kSyncInterval, so that a cached page is served without one.
  // A store error is logged and the entries kept (until the next look).
  void Sync(StorePool& pool, Clock::time_point now);

  // Forgets every entry here and tells every process's cache of this name
  // to (through the store). Errors: the store's (the entries here are
  // forgotten anyway).
  Status Invalidate(store::Store& store, Clock::time_point now);

 private:
  struct Entry {
    CachedPage page;
    Clock::time_point expires;
  };
  const std::string name_;
  const Clock::duration lifetime_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::string generation_;         // the store's generation when last looked
  Clock::time_point last_synced_;  // when Sync last looked
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_PAGE_CACHE_H_
