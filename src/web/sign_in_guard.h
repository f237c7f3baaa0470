// The moderator sign-in's defences against password guessing, beyond the
// per-address rate limit:
//  - every attempt costs one Argon2id verification whether the name exists
//    or not (an unknown name is checked against a stand-in hash made with
//    the same limits), so response times do not tell which names exist;
//  - failed attempts on a name lock that name for a growing period, from
//    whatever address they come, so a guesser with many addresses is slowed
//    down as much as one with a single address. Unknown names are locked
//    the same way (a lock says nothing about whether the name exists).
#ifndef MUBIAO_WEB_SIGN_IN_GUARD_H_
#define MUBIAO_WEB_SIGN_IN_GUARD_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "web/moderators.h"

namespace mubiao::web {

// How failed sign-ins lock a name.
struct LockoutPolicy {
  // Failures in a row a name may have before it is locked.
  int free_failures = 5;
  // The lock after failure number free_failures; each further failure (made
  // once the lock is over) doubles it, up to longest_lock.
  std::chrono::seconds first_lock{60};
  std::chrono::seconds longest_lock{3600};
  // A name whose last failure is this old starts afresh.
  std::chrono::hours forget_after{24};
  // Names tracked at most: memory stays bounded under a flood of names (the
  // failures of names not locked are forgotten first, then the locks that
  // end soonest).
  size_t max_names = 10000;
};

// Checks sign-in passwords and keeps the per-name locks. Thread-safe; times
// are passed in.
class SignInGuard {
 public:
  using Clock = std::chrono::steady_clock;

  // `verify` checks a password against a hash (VerifyPassword; tests pass
  // one that counts).
  explicit SignInGuard(PasswordVerifier verify, LockoutPolicy policy = {});

  // How much longer `name` is locked at `now`; zero when it may try.
  Clock::duration LockedFor(const std::string& name, Clock::time_point now) const;

  // Checks `password` for `name`, whose stored hash is `stored_hash`
  // (nullopt for an unknown name: the stand-in hash is checked instead, and
  // the answer is false), and counts a failure against the name or clears
  // its failures. Call only when LockedFor is zero. Errors: kInternal when
  // the stand-in hash cannot be made (out of memory).
  Result<bool> Check(const std::string& name, const std::optional<std::string>& stored_hash,
                     const std::string& password, Clock::time_point now);

  SignInGuard(const SignInGuard&) = delete;
  SignInGuard& operator=(const SignInGuard&) = delete;

 private:
  struct Failures {
    int count = 0;
    Clock::time_point last;
    Clock::time_point locked_until;
  };
  Result<std::string> StandInHash();
  void Failed(const std::string& name, Clock::time_point now);

  const PasswordVerifier verify_;
  const LockoutPolicy policy_;
  std::mutex stand_in_mutex_;
  std::string stand_in_;  // made on the first check, "" until then
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_SIGN_IN_GUARD_H_
