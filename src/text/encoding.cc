#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <memory>

#include "text/utf8.h"

namespace mubiao::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

bool HasPrefix(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Byte order of BOM-less UTF-16, judged from where the zero bytes fall in the
// first 4 KiB: CJK and ASCII text in UTF-16 has zero high bytes in ASCII
// positions. Returns nullptr when the evidence is not overwhelming.
const char* GuessUtf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
  size_t n = std::min<size_t>(bytes.size(), 4096);
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (bytes[i] == 0) ++even_zero;
    if (bytes[i + 1] == 0) ++odd_zero;
  }
  size_t pairs = n / 2;
  if (odd_zero * 5 >= pairs && even_zero * 20 < odd_zero) return "UTF-16LE";
  if (even_zero * 5 >= pairs && odd_zero * 20 < even_zero) return "UTF-16BE";
  return nullptr;
}

}  // namespace

bool LooksLikeText(std::string_view utf8) {
  size_t controls = 0, total = 0;
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = DecodeUtf8(utf8, &i);
    ++total;
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') || cp == 0x7F ||
        (cp >= 0x80 && cp < 0xA0)) {
      ++controls;
    }
  }
  return controls * 200 <= total;  // at most 0.5% control characters
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(encoding, &err));
  if (U_FAILURE(err)) return Unsupported(std::string("unknown encoding ") + encoding);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::unique_ptr<UConverter, ConverterCloser> utf8(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return Status(StatusCode::kInternal, "cannot open UTF-8 converter");

  std::string out;
  out.resize(bytes.size() * 2 + 16);
  const char* src = bytes.data();
  const char* src_limit = bytes.data() + bytes.size();
  // Convert through ICU's pivot buffer in one pass; grow the output on overflow.
  char* target = out.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (;;) {
    err = U_ZERO_ERROR;
    char* target_limit = out.data() + out.size();
    ucnv_convertEx(utf8.get(), conv.get(), &target, target_limit, &src, src_limit, pivot,
                   &pivot_source, &pivot_target, pivot + 1024, /*reset=*/false, /*flush=*/true,
                   &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      size_t used = static_cast<size_t>(target - out.data());
      out.resize(out.size() * 2);
      target = out.data() + used;
      continue;
    }
    break;
  }
  if (U_FAILURE(err)) {
    size_t at = static_cast<size_t>(src - bytes.data());
    return InvalidInput(std::string("not valid ") + encoding + " near byte " + std::to_string(at));
  }
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (bytes.empty()) return InvalidInput("empty file");
  if (HasPrefix(bytes, "\xEF\xBB\xBF")) {
    std::string_view rest = bytes.substr(3);
    if (!IsValidUtf8(rest))
      return InvalidInput("has a UTF-8 byte order mark but is not valid UTF-8");
    if (!LooksLikeText(rest)) return InvalidInput("binary data, not text");
    return DecodedText{std::string(rest), "UTF-8-BOM"};
  }
  const char* utf16 = nullptr;
  std::string_view body = bytes;
  if (HasPrefix(bytes, "\xFF\xFE")) {
    utf16 = "UTF-16LE", body = bytes.substr(2);
  } else if (HasPrefix(bytes, "\xFE\xFF")) {
    utf16 = "UTF-16BE", body = bytes.substr(2);
  } else if (bytes.find('\0') != std::string_view::npos) {
    utf16 = GuessUtf16(bytes);
    if (utf16 == nullptr) return InvalidInput("binary data, not text (contains NUL bytes)");
  }
  if (utf16 != nullptr) {
    Result<std::string> converted = ConvertToUtf8(body, utf16);
    if (!converted.ok()) return converted.status();
    if (!LooksLikeText(*converted)) return InvalidInput("binary data, not text");
    return DecodedText{std::move(converted).value(), utf16};
  }
  if (IsValidUtf8(bytes)) {
    if (!LooksLikeText(bytes)) return InvalidInput("binary data, not text");
    return DecodedText{std::string(bytes), "UTF-8"};
  }
  Result<std::string> gb = ConvertToUtf8(bytes, "GB18030");
  if (!gb.ok()) {
    return InvalidInput("not valid UTF-8, UTF-16 or GB18030 (" + gb.status().message() + ")");
  }
  if (!LooksLikeText(*gb)) return InvalidInput("binary data, not text");
  return DecodedText{std::move(gb).value(), "GB18030"};
}

}  // namespace mubiao::text
