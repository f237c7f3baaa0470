// Per-client rate limits (token buckets keyed by client address): a client
// may do `burst` actions at once and then one every `interval`.
#ifndef MUBIAO_WEB_RATE_LIMITER_H_
#define MUBIAO_WEB_RATE_LIMITER_H_

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace mubiao::web {

// A set of token buckets. Thread-safe. Times are passed in, so tests need no
// clock.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `burst` actions at once (>= 1), refilled at one per `interval`; at most
  // `max_clients` buckets are kept (full ones are dropped first, so memory
  // stays bounded under a flood of addresses).
  RateLimiter(int burst, Clock::duration interval, size_t max_clients = 100000);

  // Takes one action for `client` at `now`: true when allowed.
  bool Allow(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  double Refilled(const Bucket& bucket, Clock::time_point now) const;

  const int burst_;
  const Clock::duration interval_;
  const size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_RATE_LIMITER_H_
