#include "web/csrf.h"

#include <sodium.h>

#include <algorithm>

static_assert(crypto_auth_KEYBYTES == 32);

namespace mubiao::web {

CsrfGuard::CsrfGuard() { crypto_auth_keygen(key_); }

Status CsrfGuard::UseSharedKey(store::Store& store, store::SharedClock::time_point now) {
  std::string key;
  Status kept = store.UpdateShared(
      store::SharedKind::kSecret, "csrf", now, [&](const std::optional<store::SharedEntry>& live) {
        if (live && live->value.size() == sizeof key_) {
          key = live->value;
          return *live;
        }
        key.assign(reinterpret_cast<const char*>(key_), sizeof key_);
        return store::SharedEntry{key, store::SharedClock::time_point::max()};
      });
  if (kept.code() == StatusCode::kReadOnly) {
    // A database that refuses writes: its key if it has one (else this
    // guard's own), and the refusal for the caller to note.
    Result<std::optional<std::string>> stored =
        store.ReadShared(store::SharedKind::kSecret, "csrf", now);
    if (stored.ok() && stored->has_value() && (*stored)->size() == sizeof key_) {
      std::copy((*stored)->begin(), (*stored)->end(), key_);
    }
    return kept;
  }
  if (!kept.ok()) return kept;
  std::copy(key.begin(), key.end(), key_);
  return Status::Ok();
}

std::string CsrfGuard::Token(const std::string& visitor) const {
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(visitor.data()), visitor.size(), key_);
  char hex[crypto_auth_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

bool CsrfGuard::Valid(const std::string& visitor, const std::string& token) const {
  unsigned char mac[crypto_auth_BYTES];
  size_t length = 0;
  if (token.size() != crypto_auth_BYTES * 2 ||
      sodium_hex2bin(mac, sizeof mac, token.data(), token.size(), nullptr, &length, nullptr) != 0 ||
      length != sizeof mac) {
    return false;
  }
  return crypto_auth_verify(mac, reinterpret_cast<const unsigned char*>(visitor.data()),
                            visitor.size(), key_) == 0;
}

}  // namespace mubiao::web
