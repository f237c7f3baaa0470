#include "web/store_pool.h"

namespace mubiao::web {

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  Result<std::unique_ptr<store::Store>> opened = opener_();
  if (!opened.ok()) return opened.status();
  return Lease(this, std::move(*opened));
}

void StorePool::Return(std::unique_ptr<store::Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace mubiao::web
