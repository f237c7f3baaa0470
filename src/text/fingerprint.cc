#include "text/fingerprint.h"

#include <algorithm>

#include "text/ascii.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace mubiao::text {
namespace {

constexpr size_t kShingleChars = 4;

// Whether a (normalised) character carries content: what copies of a text
// share however they were laid out or punctuated.
bool IsContent(char32_t c) { return IsHan(c) || IsAsciiAlnum(c); }

// A 64-bit mix of a shingle (splitmix64's finaliser over the packed
// characters): the top bits choose the bin, the low 32 bits are the value.
uint64_t ShingleHash(const char32_t (&window)[kShingleChars], size_t newest) {
  uint64_t h = 0;
  for (size_t i = 1; i <= kShingleChars; ++i) {
    h = h * 0x100000001B3ull + window[(newest + i) % kShingleChars];
  }
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  return h;
}

void PutUint32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint32_t GetUint32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

}  // namespace

Fingerprint FingerprintOf(std::string_view utf8) {
  static_assert((kFingerprintSize & (kFingerprintSize - 1)) == 0, "bins are chosen by bits");
  Fingerprint out;
  char32_t window[kShingleChars] = {};
  size_t pos = 0;
  size_t seen = 0;
  while (pos < utf8.size()) {
    const char32_t c = NormalizeChar(DecodeUtf8(utf8, &pos));
    if (!IsContent(c)) continue;
    const size_t newest = seen % kShingleChars;
    window[newest] = IsAsciiLetter(c) ? (c | 0x20) : c;
    ++seen;
    if (seen < kShingleChars) continue;
    const uint64_t h = ShingleHash(window, newest);
    uint32_t& bin = out.bins[h >> 57 & (kFingerprintSize - 1)];
    bin = std::min(bin, static_cast<uint32_t>(h));
  }
  out.content_chars = static_cast<uint32_t>(std::min<size_t>(seen, 0xFFFFFFFFu));
  return out;
}

double Resemblance(const Fingerprint& a, const Fingerprint& b) {
  size_t compared = 0;
  size_t same = 0;
  for (size_t i = 0; i < kFingerprintSize; ++i) {
    if (a.bins[i] == Fingerprint::kEmptyBin && b.bins[i] == Fingerprint::kEmptyBin) continue;
    ++compared;
    if (a.bins[i] == b.bins[i]) ++same;
  }
  return compared == 0 ? 0.0 : static_cast<double>(same) / static_cast<double>(compared);
}

std::string EncodeFingerprint(const Fingerprint& fingerprint) {
  std::string out;
  out.reserve(4 * (kFingerprintSize + 1));
  PutUint32(fingerprint.content_chars, &out);
  for (uint32_t bin : fingerprint.bins) PutUint32(bin, &out);
  return out;
}

std::optional<Fingerprint> DecodeFingerprint(std::string_view bytes) {
  if (bytes.size() != 4 * (kFingerprintSize + 1)) return std::nullopt;
  Fingerprint out;
  out.content_chars = GetUint32(bytes, 0);
  for (size_t i = 0; i < kFingerprintSize; ++i) out.bins[i] = GetUint32(bytes, 4 * (i + 1));
  return out;
}

}  // namespace mubiao::text
