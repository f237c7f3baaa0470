// Moderator accounts and sign-in sessions. Passwords are hashed with
// Argon2id (libsodium's crypto_pwhash_str, interactive limits); the store
// keeps only the hash. Sessions live in memory: a restart signs everyone out.
#ifndef MUBIAO_WEB_MODERATORS_H_
#define MUBIAO_WEB_MODERATORS_H_

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "base/status.h"

namespace mubiao::web {

// Bounds on a moderator's name (characters) and password (bytes).
inline constexpr size_t kMaxModeratorName = 32;
inline constexpr size_t kMinPasswordBytes = 8;
inline constexpr size_t kMaxPasswordBytes = 256;

// Checks a new moderator's name (1..kMaxModeratorName letters, digits, '_',
// '-', '.' or Chinese characters) and password length. kInvalidInput with a
// message otherwise.
Status ValidateModerator(const std::string& name, const std::string& password);

// The Argon2id hash string of `password` (self-describing: salt and limits
// included). Errors: kInternal when out of memory.
Result<std::string> HashPassword(const std::string& password);

// True when `password` matches `hash` (made by HashPassword).
bool VerifyPassword(const std::string& hash, const std::string& password);

// Checks a password against a hash: VerifyPassword, or in tests a wrapper
// that counts the checks.
using PasswordVerifier = std::function<bool(const std::string& hash, const std::string& password)>;

// Signed-in moderators by session id. Thread-safe; times are passed in.
class SessionBook {
 public:
  using Clock = std::chrono::steady_clock;

  // Sessions last this long after sign-in.
  static constexpr std::chrono::hours kLifetime{8};

  // Starts a session for `name`; returns its id (the cookie value).
  std::string Start(const std::string& name, Clock::time_point now);

  // The moderator of a live session; "" when unknown or expired.
  std::string Find(const std::string& session_id, Clock::time_point now) const;

  // Ends a session (signing out).
  void End(const std::string& session_id);

 private:
  struct Session {
    std::string name;
    Clock::time_point expires;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_MODERATORS_H_
