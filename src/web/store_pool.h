// Store connections for the server's threads: a Store is one connection used
// by one thread at a time (store.h), so each request borrows one and gives it
// back when done. Connections are opened on demand and kept for reuse.
#ifndef MUBIAO_WEB_STORE_POOL_H_
#define MUBIAO_WEB_STORE_POOL_H_

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::web {

// A thread-safe pool of Store connections.
class StorePool {
 public:
  // Opens one new connection (e.g. store::OpenSqliteStore on the database).
  using Opener = std::function<Result<std::unique_ptr<store::Store>>()>;

  explicit StorePool(Opener opener) : opener_(std::move(opener)) {}

  // A borrowed connection, returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    store::Store* operator->() const { return store_.get(); }
    store::Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // A connection for the calling thread's exclusive use. Errors: whatever
  // opening a new connection returns.
  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<store::Store> store);

  Opener opener_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_STORE_POOL_H_
