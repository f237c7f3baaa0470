// Cross-site request forgery protection for the portal's forms: every form
// carries a token that is a MAC of the visitor's id (a cookie) under a key
// only the server knows, so another site can neither read nor forge it.
#ifndef MUBIAO_WEB_CSRF_H_
#define MUBIAO_WEB_CSRF_H_

#include <string>

namespace mubiao::web {

// Makes and checks form tokens. Thread-safe (immutable after construction).
class CsrfGuard {
 public:
  // A guard with a fresh random key (tokens die with the process).
  CsrfGuard();

  // The token for forms shown to `visitor`.
  std::string Token(const std::string& visitor) const;

  // True when `token` is the token of `visitor` (constant-time compare).
  bool Valid(const std::string& visitor, const std::string& token) const;

 private:
  unsigned char key_[32];
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CSRF_H_
