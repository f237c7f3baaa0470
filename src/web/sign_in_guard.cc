#include "web/sign_in_guard.h"

#include <algorithm>
#include <charconv>

#include "web/random.h"

namespace mubiao::web {
namespace {

using std::chrono::milliseconds;

// A name's failures as the store keeps them: "COUNT LOCKED_UNTIL_MS" (the
// time since the Unix epoch; 0 when not locked).
struct Failures {
  int count = 0;
  SignInGuard::Clock::time_point locked_until;
};

Failures ParseFailures(const std::string& value) {
  Failures f;
  int64_t locked_ms = 0;
  const char* end = value.data() + value.size();
  auto [next, ec] = std::from_chars(value.data(), end, f.count);
  if (ec == std::errc() && next != end) std::from_chars(next + 1, end, locked_ms);
  f.locked_until = SignInGuard::Clock::time_point(milliseconds(locked_ms));
  return f;
}

std::string FailuresText(const Failures& f) {
  const auto locked_ms =
      std::chrono::duration_cast<milliseconds>(f.locked_until.time_since_epoch()).count();
  return std::to_string(f.count) + " " + std::to_string(locked_ms);
}

}  // namespace

SignInGuard::SignInGuard(PasswordVerifier verify, LockoutPolicy policy)
    : verify_(std::move(verify)), policy_(policy) {}

Result<SignInGuard::Clock::duration> SignInGuard::LockedFor(store::Store& store,
                                                            const std::string& name,
                                                            Clock::time_point now) const {
  Result<std::optional<std::string>> kept =
      store.ReadShared(store::SharedKind::kSignInFailures, name, now);
  if (!kept.ok()) return kept.status();
  if (!kept->has_value()) return Clock::duration::zero();
  const Failures f = ParseFailures(**kept);
  return std::max(Clock::duration::zero(), f.locked_until - now);
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

Result<bool> SignInGuard::Check(store::Store& store, const std::string& name,
                                const std::optional<std::string>& stored_hash,
                                const std::string& password, Clock::time_point now) {
  Result<std::string> stand_in = StandInHash();
  if (!stand_in.ok()) return stand_in.status();
  // The same work either way: one verification of a hash with the same limits.
  const bool verified = verify_(stored_hash ? *stored_hash : *stand_in, password);
  const bool matches = verified && stored_hash.has_value();
  Status kept = matches ? store.UpdateShared(
                              store::SharedKind::kSignInFailures, name, now,
                              [](const std::optional<store::SharedEntry>&) { return std::nullopt; })
                        : Failed(store, name, now);
  if (!kept.ok()) return kept;
  return matches;
}

Status SignInGuard::Failed(store::Store& store, const std::string& name,
                           Clock::time_point now) const {
  // The entry expires forget_after the last failure (or when its lock
  // ends, if later): a name that stops failing starts afresh.
  return store.UpdateShared(
      store::SharedKind::kSignInFailures, name, now,
      [&](const std::optional<store::SharedEntry>& live) {
        Failures f = live ? ParseFailures(live->value) : Failures{};
        ++f.count;
        if (const int over = f.count - policy_.free_failures; over >= 0) {
          // first_lock doubled `over` times, without overflowing.
          Clock::duration period = policy_.first_lock;
          for (int i = 0; i < over && period < policy_.longest_lock; ++i) period *= 2;
          f.locked_until = now + std::min<Clock::duration>(period, policy_.longest_lock);
        }
        return store::SharedEntry{FailuresText(f), std::max<Clock::time_point>(
                                                       now + policy_.forget_after, f.locked_until)};
      });
}

}  // namespace mubiao::web
