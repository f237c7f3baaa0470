// libFuzzer target: arbitrary bytes as a query string and as a percent-
// encoded string. Decoded pairs and strings must be text (or be rejected),
// and encoding then decoding text must give it back (url.h).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_fields.h"

using mubiao::fuzz::IsText;
using mubiao::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  mubiao::fuzz::CheckFields(mubiao::web::ParseQueryString(input));
  for (const bool plus_is_space : {false, true}) {
    const auto decoded = mubiao::web::PercentDecode(input, plus_is_space);
    if (decoded) Require(IsText(*decoded), "decoded strings are text");
    const auto round_trip =
        mubiao::web::PercentDecode(mubiao::web::PercentEncode(input), plus_is_space);
    if (IsText(input)) {
      Require(round_trip && *round_trip == input, "encoded text decodes to itself");
    } else {
      Require(!round_trip, "encoded non-text is rejected when decoded");
    }
  }
  return 0;
}
