// Invariants of decoded name/value pairs (query strings, forms), shared by
// the fuzz targets of the web decoders.
#ifndef MUBIAO_FUZZ_FUZZ_FIELDS_H_
#define MUBIAO_FUZZ_FUZZ_FIELDS_H_

#include "fuzz_require.h"
#include "text/utf8.h"
#include "web/http.h"
#include "web/url.h"

namespace mubiao::fuzz {

// Decoded text: valid UTF-8 without NUL bytes.
inline bool IsText(std::string_view s) {
  return text::IsValidUtf8(s) && s.find('\0') == std::string_view::npos;
}

// ParseQueryString's contract (url.h): names never empty, names and values
// text; and BuildQueryString's output parses back to the pairs with a value.
inline void CheckFields(const web::Fields& fields) {
  web::Fields with_values;
  for (const auto& [name, value] : fields) {
    Require(!name.empty(), "field names are not empty");
    Require(IsText(name), "field names are text");
    Require(IsText(value), "field values are text");
    if (!value.empty()) with_values.emplace_back(name, value);
  }
  Require(web::ParseQueryString(web::BuildQueryString(fields)) == with_values,
          "built query strings parse back to their pairs");
}

}  // namespace mubiao::fuzz

#endif  // MUBIAO_FUZZ_FUZZ_FIELDS_H_
