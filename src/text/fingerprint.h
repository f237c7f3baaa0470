// A fingerprint of a text for finding copies of the same document: a
// MinHash signature (one-permutation hashing) over shingles of four
// consecutive content characters (Han, letters, digits), so that white
// space, punctuation, full-width forms and layout do not matter. Two
// fingerprints estimate the resemblance (Jaccard similarity of the shingle
// sets) of their texts: copies of one report resemble each other above 0.9,
// two reports of one place in successive years below 0.3.
#ifndef MUBIAO_TEXT_FINGERPRINT_H_
#define MUBIAO_TEXT_FINGERPRINT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mubiao::text {

// Number of MinHash values in a fingerprint.
inline constexpr size_t kFingerprintSize = 128;

// What a text is made of, for telling copies apart.
struct Fingerprint {
  uint32_t content_chars = 0;  // Han characters, letters and digits in the text
  // The least hash of the shingles that fall into each bin; kEmptyBin when
  // none does (short texts).
  std::array<uint32_t, kFingerprintSize> bins;
  static constexpr uint32_t kEmptyBin = 0xFFFFFFFFu;

  Fingerprint() { bins.fill(kEmptyBin); }
  bool operator==(const Fingerprint&) const = default;
};

// The fingerprint of a UTF-8 text. Linear in its size.
Fingerprint FingerprintOf(std::string_view utf8);

// Estimated Jaccard similarity of the shingle sets of two texts, 0 ..= 1;
// 0 when either text has no shingle.
double Resemblance(const Fingerprint& a, const Fingerprint& b);

// The fingerprint as bytes to store (4 + 4 × kFingerprintSize, little
// endian), and back; nullopt for bytes that are not one.
std::string EncodeFingerprint(const Fingerprint& fingerprint);
std::optional<Fingerprint> DecodeFingerprint(std::string_view bytes);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_FINGERPRINT_H_
