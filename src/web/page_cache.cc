#include "web/page_cache.h"

#include <cstdlib>
#include <iostream>

namespace mubiao::web {

PageCache::PageCache(std::string name, Clock::duration lifetime, size_t capacity)
    : name_(std::move(name)), lifetime_(lifetime), capacity_(capacity) {}

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

void PageCache::Sync(StorePool& pool, Clock::time_point now) {
  {
    std::lock_guard lock(mutex_);
    if (now >= last_synced_ && now - last_synced_ < kSyncInterval) return;
    last_synced_ = now;
  }
  Result<StorePool::Lease> store = pool.Acquire();
  Result<std::optional<std::string>> generation =
      store.ok() ? (*store)->ReadShared(store::SharedKind::kGeneration, name_, now)
                 : Result<std::optional<std::string>>(store.status());
  if (!generation.ok()) {
    std::cerr << "mubiao serve: cache generation: " << generation.status().message() << "\n";
    return;
  }
  std::lock_guard lock(mutex_);
  if (generation->value_or("") == generation_) return;
  generation_ = generation->value_or("");
  entries_.clear();
}

Status PageCache::Invalidate(store::Store& store, Clock::time_point now) {
  Clear();
  return store.UpdateShared(
      store::SharedKind::kGeneration, name_, now,
      [](const std::optional<store::SharedEntry>& live) {
        const int64_t n = live ? std::atoll(live->value.c_str()) : 0;
        return store::SharedEntry{std::to_string(n + 1), Clock::time_point::max()};
      });
}

}  // namespace mubiao::web
