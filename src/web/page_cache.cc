#include "web/page_cache.h"

namespace mubiao::web {

PageCache::PageCache(Clock::duration lifetime, size_t capacity)
    : lifetime_(lifetime), capacity_(capacity) {}

std::optional<CachedPage> PageCache::Get(const std::string& key, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || now >= it->second.expires) return std::nullopt;
  return it->second.page;
}

void PageCache::Put(const std::string& key, CachedPage page, Clock::time_point now) {
  if (lifetime_ <= Clock::duration::zero()) return;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
  entries_[key] = Entry{std::move(page), now + lifetime_};
}

void PageCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace mubiao::web
