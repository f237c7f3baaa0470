// Cross-site request forgery protection for the portal's forms: every form
// carries a token that is a MAC of the visitor's id (a cookie) under a key
// only the server knows, so another site can neither read nor forge it. The
// key is kept in the store (SharedKind::kSecret), so that a form shown by one
// portal process is accepted by every other.
#ifndef MUBIAO_WEB_CSRF_H_
#define MUBIAO_WEB_CSRF_H_

#include <string>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::web {

// Makes and checks form tokens. Thread-safe once UseSharedKey has returned.
class CsrfGuard {
 public:
  // A guard with a fresh random key (tokens die with the process) until
  // UseSharedKey.
  CsrfGuard();

  // Takes the key the store keeps, storing this guard's key when the store
  // has none yet. Call before the guard is shared between threads. Errors:
  // the store's (kReadOnly when it refuses writes: the guard then has the
  // store's key if it had one, else its own).
  Status UseSharedKey(store::Store& store, store::SharedClock::time_point now);

  // The token for forms shown to `visitor`.
  std::string Token(const std::string& visitor) const;

  // True when `token` is the token of `visitor` (constant-time compare).
  bool Valid(const std::string& visitor, const std::string& token) const;

 private:
  unsigned char key_[32];
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CSRF_H_
