// Store connections for the server's threads: a Store is one connection used
// by one thread at a time (store.h), so each request borrows one and gives it
// back when done. Connections are opened on demand, up to a bound, and kept
// for reuse; a connection that lost its server is dropped when given back,
// so the pool recovers by itself when a database server restarts.
#ifndef MUBIAO_WEB_STORE_POOL_H_
#define MUBIAO_WEB_STORE_POOL_H_

#include <chrono>
#include <condition_variable>
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
  // Opens one new connection (e.g. store::OpenSqlStore on the database).
  using Opener = std::function<Result<std::unique_ptr<store::Store>>()>;

  // At most `max_open` connections (0: no bound); a borrower waits up to
  // `max_wait` for one when all are in use.
  explicit StorePool(Opener opener, size_t max_open = 0,
                     std::chrono::milliseconds max_wait = std::chrono::seconds(5))
      : opener_(std::move(opener)), max_open_(max_open), max_wait_(max_wait) {}

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
  // opening a new connection returns; kIoError when every connection stayed
  // in use for max_wait.
  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<store::Store> store);

  const Opener opener_;
  const size_t max_open_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::condition_variable freed_;  // a connection came back, or a slot opened
  std::vector<std::unique_ptr<store::Store>> idle_;
  size_t open_ = 0;  // connections open: idle or lent
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_STORE_POOL_H_
