#include "web/rate_limiter.h"

#include <algorithm>

namespace mubiao::web {

RateLimiter::RateLimiter(std::string name, int burst, Clock::duration interval)
    : name_(std::move(name)), burst_(std::max(1, burst)), interval_(interval) {}

Result<bool> RateLimiter::Allow(store::Store& store, const std::string& client,
                                Clock::time_point now) const {
  // A token bucket kept as one time (the generic cell rate algorithm): the
  // entry expires when the client's bucket is full again, so an idle client
  // has no entry, and each action moves that time one interval later. An
  // action is allowed while the bucket would still hold a token, i.e. the
  // time is at most burst - 1 intervals ahead.
  bool allowed = false;
  Status taken = store.UpdateShared(
      store::SharedKind::kRateBucket, name_ + ":" + client, now,
      [&](const std::optional<store::SharedEntry>& live) -> std::optional<store::SharedEntry> {
        const Clock::time_point full = live ? std::max(live->expires, now) : now;
        allowed = full - now <= (burst_ - 1) * interval_;
        if (!allowed) return live;
        return store::SharedEntry{"", full + interval_};
      });
  if (!taken.ok()) return taken;
  return allowed;
}

}  // namespace mubiao::web
