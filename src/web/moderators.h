// Moderator accounts and sign-in sessions. Passwords are hashed with
// Argon2id (libsodium's crypto_pwhash_str, interactive limits); the store
// keeps only the hash.
#ifndef MUBIAO_WEB_MODERATORS_H_
#define MUBIAO_WEB_MODERATORS_H_

#include <chrono>
#include <functional>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::web {

// Bounds on a moderator's name (characters) and password (bytes).
inline constexpr size_t kMaxModeratorName = 32;
inline constexpr size_t kMinPasswordBytes = 8;
inline constexpr size_t kMaxPasswordBytes = 256;

// Checks a new password's length (kMinPasswordBytes..kMaxPasswordBytes).
// kInvalidInput with a Chinese message otherwise.
Status ValidatePassword(const std::string& password);

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

// Sessions live in the store (SharedKind::kSession, under a hash of the
// session id), so a moderator signed in through one portal process is
// signed in on every other, and a restart signs nobody out.

// How long a session lasts after sign-in.
inline constexpr std::chrono::hours kSessionLifetime{8};

// Supervision accounts (ducha/access.h) sign in the same way, their
// sessions kept apart (`kind` kDuchaSession): neither kind of session opens
// the other's pages.

// Starts a session for `name`; returns its id (the cookie value, 64 hex
// digits). Errors: the store's.
Result<std::string> StartSession(store::Store& store, const std::string& name,
                                 store::SharedClock::time_point now,
                                 store::SharedKind kind = store::SharedKind::kSession);

// The name signed in with a live session; "" when unknown or expired.
Result<std::string> SessionModerator(store::Store& store, const std::string& session_id,
                                     store::SharedClock::time_point now,
                                     store::SharedKind kind = store::SharedKind::kSession);

// Ends a session (signing out).
Status EndSession(store::Store& store, const std::string& session_id,
                  store::SharedClock::time_point now,
                  store::SharedKind kind = store::SharedKind::kSession);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_MODERATORS_H_
