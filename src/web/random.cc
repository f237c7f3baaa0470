#include "web/random.h"

#include <sodium.h>

#include <vector>

namespace mubiao::web {

bool InitCrypto() { return sodium_init() >= 0; }

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

uint32_t RandomBelow(uint32_t upper_bound) { return randombytes_uniform(upper_bound); }

bool IsHexId(const std::string& s, size_t digits) {
  if (s.size() != digits) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace mubiao::web
