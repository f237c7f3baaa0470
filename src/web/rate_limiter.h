// Per-client rate limits: a client may do `burst` actions at once and then
// one every `interval`. Kept in the store (SharedKind::kRateBucket), so that
// every portal process counts against the same limit.
#ifndef MUBIAO_WEB_RATE_LIMITER_H_
#define MUBIAO_WEB_RATE_LIMITER_H_

#include <string>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::web {

// One limit (comment posts, say). Immutable: thread-safe. Times are passed
// in, so tests need no clock.
class RateLimiter {
 public:
  using Clock = store::SharedClock;

  // A limit named `name` (unique among the portal's limits): `burst`
  // actions at once (>= 1), refilled at one per `interval`.
  RateLimiter(std::string name, int burst, Clock::duration interval);

  // Takes one action for `client` at `now`: true when allowed. Errors: the
  // store's.
  Result<bool> Allow(store::Store& store, const std::string& client, Clock::time_point now) const;

 private:
  const std::string name_;
  const int burst_;
  const Clock::duration interval_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_RATE_LIMITER_H_
