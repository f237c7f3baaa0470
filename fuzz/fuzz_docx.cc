// libFuzzer target: ImportDocx. Mutating deflated zip entries rarely yields
// anything the XML parser gets to see, so the input is used two ways: bytes
// that start like a zip ("PK") are imported as they are (the archive
// handling), anything else becomes word/document.xml of a stored zip built
// here (the WordprocessingML walker), next to a fixed styles.xml.

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "report/importer.h"

namespace {

constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
    R"(<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>)"
    R"(<w:basedOn w:val="Heading1"/><w:rPr><w:b/></w:rPr></w:style>)"
    R"(<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>)"
    R"(<w:rPr><w:b w:val="1"/></w:rPr></w:style></w:styles>)";

// A zip of stored (uncompressed) entries, or empty when libzip fails.
std::string StoredZip(std::string_view document) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (buffer == nullptr) return "";
  std::string out;
  if (zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr); zip != nullptr) {
    zip_source_keep(buffer);  // survive zip_close, which writes into it
    for (auto [name, data] :
         {std::pair{"word/document.xml", document}, std::pair{"word/styles.xml", kStyles}}) {
      zip_source_t* entry = zip_source_buffer(zip, data.data(), data.size(), 0);
      zip_int64_t index = entry == nullptr ? -1 : zip_file_add(zip, name, entry, 0);
      if (index < 0) {
        zip_source_free(entry);
      } else {
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
      }
    }
    if (zip_close(zip) != 0) zip_discard(zip);
    if (zip_source_open(buffer) == 0) {
      char chunk[1 << 14];
      for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) {
        out.append(chunk, static_cast<size_t>(n));
      }
      zip_source_close(buffer);
    }
  }
  zip_source_free(buffer);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // A small unpacked budget keeps every run fast.
  mubiao::report::ImportLimits limits;
  limits.max_unpacked_bytes = 8u << 20;
  const std::string wrapped = input.substr(0, 2) == "PK" ? "" : StoredZip(input);
  auto doc = mubiao::report::ImportDocx(wrapped.empty() ? input : wrapped, limits);
  if (doc.ok()) mubiao::fuzz::CheckDocument(*doc);
  return 0;
}
