// libFuzzer target: arbitrary bytes through DecodeToUtf8, then
// ImportPlainText on what decodes (the importer takes UTF-8 text); the
// text's fingerprint (report identity) and the bytes read back as a stored
// fingerprint.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "report/importer.h"
#include "text/encoding.h"
#include "text/fingerprint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto stored = mubiao::text::DecodeFingerprint(bytes)) {
    mubiao::fuzz::Require(mubiao::text::EncodeFingerprint(*stored) == bytes,
                          "a stored fingerprint reads back as written");
  }
  auto decoded = mubiao::text::DecodeToUtf8(bytes);
  if (!decoded.ok()) return 0;
  const mubiao::text::Fingerprint print = mubiao::text::FingerprintOf(decoded->utf8);
  const double self = mubiao::text::Resemblance(print, print);
  mubiao::fuzz::Require(self == 0.0 || self == 1.0, "a text resembles itself wholly");
  mubiao::fuzz::Require(
      mubiao::text::DecodeFingerprint(mubiao::text::EncodeFingerprint(print)) == print,
      "a fingerprint round-trips");
  auto doc = mubiao::report::ImportPlainText(decoded->utf8);
  if (doc.ok()) mubiao::fuzz::CheckDocument(*doc);
  return 0;
}
