#include "web/sign_in_guard.h"

#include <algorithm>

#include "web/random.h"

namespace mubiao::web {

SignInGuard::SignInGuard(PasswordVerifier verify, LockoutPolicy policy)
    : verify_(std::move(verify)), policy_(policy) {}

SignInGuard::Clock::duration SignInGuard::LockedFor(const std::string& name,
                                                    Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(name);
  if (it == failures_.end() || it->second.locked_until <= now) return Clock::duration::zero();
  return it->second.locked_until - now;
}

Result<std::string> SignInGuard::StandInHash() {
  // Made once, on the first check whatever its name, so the first attempt
  // on an unknown name costs no more than one on a known name.
  std::lock_guard lock(stand_in_mutex_);
  if (stand_in_.empty()) {
    Result<std::string> hash = HashPassword(RandomHex(16));
    if (!hash.ok()) return hash.status();
    stand_in_ = std::move(*hash);
  }
  return stand_in_;
}

Result<bool> SignInGuard::Check(const std::string& name,
                                const std::optional<std::string>& stored_hash,
                                const std::string& password, Clock::time_point now) {
  Result<std::string> stand_in = StandInHash();
  if (!stand_in.ok()) return stand_in.status();
  // The same work either way: one verification of a hash with the same limits.
  const bool verified = verify_(stored_hash ? *stored_hash : *stand_in, password);
  const bool matches = verified && stored_hash.has_value();
  if (matches) {
    std::lock_guard lock(mutex_);
    failures_.erase(name);
  } else {
    Failed(name, now);
  }
  return matches;
}

void SignInGuard::Failed(const std::string& name, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(name);
  if (it == failures_.end()) {
    if (failures_.size() >= policy_.max_names) {
      // Under a flood of names, the counts of names not locked go first.
      std::erase_if(failures_,
                    [now](const auto& entry) { return entry.second.locked_until <= now; });
    }
    if (failures_.size() >= policy_.max_names) {
      // Every tracked name is locked or about to be: give up the lock that
      // ends soonest.
      failures_.erase(
          std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
            return a.second.locked_until < b.second.locked_until;
          }));
    }
    it = failures_.emplace(name, Failures{}).first;
  }
  Failures& f = it->second;
  if (f.count > 0 && now - f.last >= policy_.forget_after) f = Failures{};
  ++f.count;
  f.last = now;
  const int over = f.count - policy_.free_failures;
  if (over < 0) return;
  // first_lock doubled `over` times, without overflowing.
  Clock::duration period = policy_.first_lock;
  for (int i = 0; i < over && period < policy_.longest_lock; ++i) period *= 2;
  f.locked_until = now + std::min<Clock::duration>(period, policy_.longest_lock);
}

}  // namespace mubiao::web
