// Unpredictable values for secrets the portal hands out (session and
// visitor ids, captcha answers), from libsodium's CSPRNG.
#ifndef MUBIAO_WEB_RANDOM_H_
#define MUBIAO_WEB_RANDOM_H_

#include <cstdint>
#include <string>

namespace mubiao::web {

// Initialises libsodium; call before anything below (idempotent, thread-safe).
// Returns false when the library cannot be initialised.
bool InitCrypto();

// `bytes` random bytes as 2*bytes lower-case hex digits.
std::string RandomHex(size_t bytes);

// A uniform random integer in [0, upper_bound).
uint32_t RandomBelow(uint32_t upper_bound);

// True when `s` is exactly `digits` lower-case hex digits (a well-formed id).
bool IsHexId(const std::string& s, size_t digits);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_RANDOM_H_
