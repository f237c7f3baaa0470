// The moderator sign-in's defences against password guessing, beyond the
// per-address rate limit:
//  - every attempt costs one Argon2id verification whether the name exists
//    or not (an unknown name is checked against a stand-in hash made with
//    the same limits), so response times do not tell which names exist;
//  - failed attempts on a name lock that name for a growing period, from
//    whatever address they come, so a guesser with many addresses is slowed
//    down as much as one with a single address. Unknown names are locked
//    the same way (a lock says nothing about whether the name exists).
// The failures are kept in the store (SharedKind::kSignInFailures), so that
// every portal process sees the same locks.
#ifndef MUBIAO_WEB_SIGN_IN_GUARD_H_
#define MUBIAO_WEB_SIGN_IN_GUARD_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "base/status.h"
#include "store/store.h"
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
};

// Checks sign-in passwords and keeps the per-name locks. Thread-safe; times
// are passed in.
class SignInGuard {
 public:
  using Clock = store::SharedClock;

  // `verify` checks a password against a hash (VerifyPassword; tests pass
  // one that counts).
  explicit SignInGuard(PasswordVerifier verify, LockoutPolicy policy = {});

  // How much longer `name` is locked at `now`; zero when it may try.
  // Errors: the store's.
  Result<Clock::duration> LockedFor(store::Store& store, const std::string& name,
                                    Clock::time_point now) const;

  // Checks `password` for `name`, whose stored hash is `stored_hash`
  // (nullopt for an unknown name: the stand-in hash is checked instead, and
  // the answer is false), and counts a failure against the name or clears
  // its failures. Call only when LockedFor is zero. Errors: kInternal when
  // the stand-in hash cannot be made (out of memory); the store's.
  Result<bool> Check(store::Store& store, const std::string& name,
                     const std::optional<std::string>& stored_hash, const std::string& password,
                     Clock::time_point now);

  SignInGuard(const SignInGuard&) = delete;
  SignInGuard& operator=(const SignInGuard&) = delete;

 private:
  Result<std::string> StandInHash();
  Status Failed(store::Store& store, const std::string& name, Clock::time_point now) const;

  const PasswordVerifier verify_;
  const LockoutPolicy policy_;
  std::mutex stand_in_mutex_;
  std::string stand_in_;  // made on the first check, "" until then
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_SIGN_IN_GUARD_H_
