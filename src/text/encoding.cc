#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <cstdint>
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

// True for the UTF-16 code units Chinese report text is made of: ASCII text,
// Latin-1 and Latin Extended (pinyin), Greek and Cyrillic, general
// punctuation, letterlike symbols to dingbats (℃, ≥, ①, ■, ★), CJK symbols
// and punctuation, kana, CJK ideographs, compatibility ideographs, vertical
// and fullwidth forms. About half of all 16-bit values; surrogates are judged
// in pairs by the caller.
bool IsTextUnit(uint16_t u) {
  if (u < 0x80) return u >= 0x20 ? u != 0x7F : (u == '\t' || u == '\n' || u == '\r' || u == '\f');
  return (u >= 0xA0 && u <= 0x24F) || (u >= 0x370 && u <= 0x4FF) || (u >= 0x2010 && u <= 0x205E) ||
         (u >= 0x2100 && u <= 0x27BF) || (u >= 0x2E80 && u <= 0x9FFF) ||
         (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE10 && u <= 0xFE6F) ||
         (u >= 0xFF00 && u <= 0xFFEF);
}

// How `bytes` read as UTF-16 in one byte order.
struct Utf16Reading {
  size_t text_units = 0;   // units that are text (IsTextUnit, or half of a surrogate pair)
  size_t ascii_units = 0;  // units below 0x80: their high byte is zero
};

Utf16Reading ReadUtf16(std::string_view bytes, bool big_endian) {
  auto unit = [&](size_t i) -> uint16_t {
    const auto a = static_cast<unsigned char>(bytes[2 * i]);
    const auto b = static_cast<unsigned char>(bytes[2 * i + 1]);
    return static_cast<uint16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
  };
  Utf16Reading reading;
  const size_t units = bytes.size() / 2;
  for (size_t i = 0; i < units; ++i) {
    const uint16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 &&
        unit(i + 1) <= 0xDFFF) {
      reading.text_units += 2;
      ++i;
      continue;
    }
    if (IsTextUnit(u)) ++reading.text_units;
    if (u < 0x80) ++reading.ascii_units;
  }
  return reading;
}

// The byte order of BOM-less UTF-16, or nullptr when `bytes` do not read as
// text in either. Text reads as text in its own byte order (at least 95% of
// its units) and as a mix of rare symbols, Hangul and private-use characters
// (about half) in the other; binary data reads as such in both. When both
// orders read as text (ASCII letters swapped become CJK ideographs), the
// order in which a tenth or more of the units are ASCII, with their zero
// byte where UTF-16 puts it, wins.
const char* GuessUtf16(std::string_view bytes) {
  if (bytes.size() < 2 || bytes.size() % 2 != 0) return nullptr;
  const size_t units = bytes.size() / 2;
  const Utf16Reading le = ReadUtf16(bytes, false);
  const Utf16Reading be = ReadUtf16(bytes, true);
  auto reads_as_text = [&](const Utf16Reading& r) { return r.text_units * 20 >= units * 19; };
  if (reads_as_text(le) && reads_as_text(be)) {
    if (le.ascii_units * 10 >= units && le.ascii_units > be.ascii_units * 2) return "UTF-16LE";
    if (be.ascii_units * 10 >= units && be.ascii_units > le.ascii_units * 2) return "UTF-16BE";
    return nullptr;
  }
  if (reads_as_text(le)) return "UTF-16LE";
  if (reads_as_text(be)) return "UTF-16BE";
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
  // CJK text in UTF-16 has no zero bytes to give it away. It is tried before
  // GB18030, whose text does not read as UTF-16: both bytes of its common
  // (GB2312) ideographs are 0xA1 or more, which makes units that IsTextUnit
  // nearly all refuses, and ASCII in it reads as text in both byte orders.
  if (const char* guessed = GuessUtf16(bytes); guessed != nullptr) {
    Result<std::string> converted = ConvertToUtf8(bytes, guessed);
    if (converted.ok() && LooksLikeText(*converted)) {
      return DecodedText{std::move(converted).value(), guessed};
    }
  }
  Result<std::string> gb = ConvertToUtf8(bytes, "GB18030");
  if (!gb.ok()) {
    return InvalidInput("not valid UTF-8, UTF-16 or GB18030 (" + gb.status().message() + ")");
  }
  if (!LooksLikeText(*gb)) return InvalidInput("binary data, not text");
  return DecodedText{std::move(gb).value(), "GB18030"};
}

}  // namespace mubiao::text
