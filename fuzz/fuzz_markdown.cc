// libFuzzer target: arbitrary bytes through DecodeToUtf8, then
// ImportMarkdown on what decodes (the importer takes UTF-8 text).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "report/importer.h"
#include "text/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto decoded =
      mubiao::text::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!decoded.ok()) return 0;
  auto doc = mubiao::report::ImportMarkdown(decoded->utf8);
  if (doc.ok()) mubiao::fuzz::CheckDocument(*doc);
  return 0;
}
