// libFuzzer target: ImportDocx on arbitrary bytes, with a small unpacked
// budget so inflating entries stays fast.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "report/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mubiao::report::ImportLimits limits;
  limits.max_unpacked_bytes = 8u << 20;
  auto doc = mubiao::report::ImportDocx(
      std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (doc.ok()) mubiao::fuzz::CheckDocument(*doc);
  return 0;
}
