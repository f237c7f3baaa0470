#include "web/moderators.h"

#include <sodium.h>

#include "text/utf8.h"
#include "web/random.h"

namespace mubiao::web {

Status ValidateModerator(const std::string& name, const std::string& password) {
  if (!text::IsAccountName(name, kMaxModeratorName)) {
    return InvalidInput(
        "moderator name must be 1 to 32 letters, digits, _ - . or Chinese characters");
  }
  return ValidatePassword(password);
}

Status ValidatePassword(const std::string& password) {
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return InvalidInput("密码须为8至256字节。");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(const std::string& password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status(StatusCode::kInternal, "out of memory while hashing the password");
  }
  return std::string(hash);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

namespace {

// The store keeps a session under a hash of its id: whoever reads the
// database cannot sign in with what they read.
std::string SessionKey(const std::string& session_id) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(session_id.data()),
                     session_id.size(), nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace

Result<std::string> StartSession(store::Store& store, const std::string& name,
                                 store::SharedClock::time_point now, store::SharedKind kind) {
  std::string id = RandomHex(32);
  Status started =
      store.UpdateShared(kind, SessionKey(id), now, [&](const std::optional<store::SharedEntry>&) {
        return store::SharedEntry{name, now + kSessionLifetime};
      });
  if (!started.ok()) return started;
  return id;
}

Result<std::string> SessionModerator(store::Store& store, const std::string& session_id,
                                     store::SharedClock::time_point now, store::SharedKind kind) {
  Result<std::optional<std::string>> name = store.ReadShared(kind, SessionKey(session_id), now);
  if (!name.ok()) return name.status();
  return name->value_or("");
}

Status EndSession(store::Store& store, const std::string& session_id,
                  store::SharedClock::time_point now, store::SharedKind kind) {
  return store.UpdateShared(kind, SessionKey(session_id), now,
                            [](const std::optional<store::SharedEntry>&) { return std::nullopt; });
}

}  // namespace mubiao::web
