#include "web/rate_limiter.h"

#include <algorithm>

namespace mubiao::web {

RateLimiter::RateLimiter(int burst, Clock::duration interval, size_t max_clients)
    : burst_(std::max(1, burst)), interval_(interval), max_clients_(max_clients) {}

double RateLimiter::Refilled(const Bucket& bucket, Clock::time_point now) const {
  const double earned = std::chrono::duration<double>(now - bucket.updated) /
                        std::chrono::duration<double>(interval_);
  return std::min<double>(burst_, bucket.tokens + std::max(0.0, earned));
}

bool RateLimiter::Allow(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      std::erase_if(buckets_,
                    [&](const auto& entry) { return Refilled(entry.second, now) >= burst_; });
      // Everyone is busy: forget them all rather than grow without bound.
      if (buckets_.size() >= max_clients_) buckets_.clear();
    }
    it = buckets_.emplace(client, Bucket{static_cast<double>(burst_), now}).first;
  }
  Bucket& bucket = it->second;
  bucket.tokens = Refilled(bucket, now);
  bucket.updated = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

}  // namespace mubiao::web
