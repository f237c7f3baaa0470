// Detecting a file's character encoding and converting it to UTF-8.
//
// Guarantee: a file is either decoded exactly (every byte accounted for in
// the detected encoding) or rejected with a reason; nothing is guessed
// silently. Supported: UTF-8 (with or without BOM), UTF-16LE/BE (with BOM,
// or without one when nearly every 16-bit unit is a character of Chinese
// text in one byte order and not in the other, with or without ASCII), and
// GB18030 (a superset of GBK and GB2312).
#ifndef MUBIAO_TEXT_ENCODING_H_
#define MUBIAO_TEXT_ENCODING_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace mubiao::text {

// Text converted to UTF-8 and the name of the encoding it came in.
struct DecodedText {
  std::string utf8;      // the text, UTF-8, without a byte order mark
  std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE" or "GB18030"
};

// Detects the encoding of `bytes` and converts them to UTF-8.
// Errors (kInvalidInput): empty input; binary data (NUL bytes or control
// characters outside any text encoding); bytes that are valid in none of the
// supported encodings ("not valid UTF-8, UTF-16 or GB18030 at byte N").
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

// Converts `bytes` from the named ICU converter (e.g. "GB18030", "Big5",
// "windows-1252") to UTF-8, failing on the first byte sequence that is not
// valid in that encoding. Used for documents that declare their charset.
Result<std::string> ConvertToUtf8(std::string_view bytes, const char* encoding);

// True when `utf8` looks like text: at most a few control characters other
// than tab, newline, carriage return and form feed.
bool LooksLikeText(std::string_view utf8);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_ENCODING_H_
