#include "web/store_pool.h"

namespace mubiao::web {

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::unique_lock lock(mutex_);
    const bool ready = freed_.wait_for(
        lock, max_wait_, [&] { return !idle_.empty() || max_open_ == 0 || open_ < max_open_; });
    if (!ready) {
      return IoError("all " + std::to_string(max_open_) + " database connections stayed busy for " +
                     std::to_string(max_wait_.count()) + " ms");
    }
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
    ++open_;  // this slot is ours while the connection opens
  }
  Result<std::unique_ptr<store::Store>> opened = opener_();
  if (!opened.ok()) {
    std::lock_guard lock(mutex_);
    --open_;
    freed_.notify_one();
    return opened.status();
  }
  return Lease(this, std::move(*opened));
}

void StorePool::Return(std::unique_ptr<store::Store> store) {
  std::lock_guard lock(mutex_);
  if (store->Healthy()) {
    idle_.push_back(std::move(store));
  } else {
    --open_;  // lost its server: the next borrower opens a new one
  }
  freed_.notify_one();
}

}  // namespace mubiao::web
