// Rendered pages kept for a few seconds, so a popular report (or search) is
// read from the database and expanded once rather than on every view. Entries hold
// the page with a placeholder where per-visitor text (the form token) goes.
// A page may be up to `lifetime` old: changes made by another process (a
// re-import) show after that; the portal clears the cache on its own
// changes (moderation).
#ifndef MUBIAO_WEB_PAGE_CACHE_H_
#define MUBIAO_WEB_PAGE_CACHE_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

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
  using Clock = std::chrono::steady_clock;

  // Entries live `lifetime` (zero disables the cache); at most `capacity`
  // are kept (when full, the cache starts afresh).
  PageCache(Clock::duration lifetime, size_t capacity);

  // The live entry for `key`, if any.
  std::optional<CachedPage> Get(const std::string& key, Clock::time_point now) const;

  // Keeps `page` for `key` from `now`.
  void Put(const std::string& key, CachedPage page, Clock::time_point now);

  // Forgets every entry.
  void Clear();

 private:
  struct Entry {
    CachedPage page;
    Clock::time_point expires;
  };
  const Clock::duration lifetime_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_PAGE_CACHE_H_
