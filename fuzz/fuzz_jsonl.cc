// libFuzzer target: arbitrary bytes through ImportJsonLines, which decodes
// and judges every row on its own.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "report/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc =
      mubiao::report::ImportJsonLines(std::string_view(reinterpret_cast<const char*>(data), size));
  if (doc.ok()) mubiao::fuzz::CheckImported(*doc);
  return 0;
}
