#include "text/encoding.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "text/utf8.h"

namespace mubiao::text {
namespace {

const std::string kSample = "各位代表：新增城镇就业6000人。";

// `utf8` in UTF-16 without a byte order mark.
std::string Utf16(std::string_view utf8, bool big_endian) {
  std::string out;
  auto put = [&](uint16_t unit) {
    const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  for (size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = DecodeUtf8(utf8, &pos);
    if (cp >= 0x10000) {
      put(static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<uint16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<uint16_t>(cp));
    }
  }
  return out;
}

// `n` bytes from a fixed pseudo-random sequence.
std::string RandomBytes(size_t n, uint32_t seed) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    out += static_cast<char>(seed >> 24);
  }
  return out;
}

TEST(Encoding, Utf8WithAndWithoutBom) {
  auto plain = DecodeToUtf8(kSample);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->encoding, "UTF-8");
  auto bom = DecodeToUtf8("\xEF\xBB\xBF" + kSample);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->encoding, "UTF-8-BOM");
  EXPECT_EQ(bom->utf8, kSample);
}

TEST(Encoding, Gb18030) {
  auto gb = ConvertToUtf8(kSample, "UTF-8");  // identity, checks the converter path
  ASSERT_TRUE(gb.ok());
  // "粮食" in GBK is C1 B8 CA B3.
  auto decoded = DecodeToUtf8("\xC1\xB8\xCA\xB3 2023");
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->encoding, "GB18030");
  EXPECT_EQ(decoded->utf8, "粮食 2023");
}

TEST(Encoding, Utf16WithBomAndWithout) {
  // "粮a" as UTF-16LE is AE 7C 61 00.
  std::string le("\xFF\xFE\xAE\x7C\x61\x00", 6);
  auto a = DecodeToUtf8(le);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->encoding, "UTF-16LE");
  EXPECT_EQ(a->utf8, "粮a");
  std::string be_nobom("\x00\x61\x00\x62\x00\x63\x7C\xAE", 8);
  auto b = DecodeToUtf8(be_nobom);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->encoding, "UTF-16BE");
  EXPECT_EQ(b->utf8, "abc粮");
}

// Regression: UTF-16 without a BOM was called binary unless a fifth of it
// was ASCII; Chinese text has almost none, and no zero bytes at all.
TEST(Encoding, Utf16WithoutBomInBothByteOrders) {
  const std::string report_line =
      "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。一、过去一年工作回顾\n";
  std::string long_cjk;
  for (int i = 0; i < 300; ++i) long_cjk += report_line;
  const std::string inputs[] = {
      "粮食",                                 // short, no zero byte
      "碳达峰🌾",                              // a surrogate pair
      "GDP增长5.5%左右，CPI涨幅3%左右。\n",   // mixed
      "GDP growth of about 5.5 percent\r\n",  // ASCII only
      long_cjk,                               // long, one ASCII newline per line
      long_cjk + std::string(2000, 'x'),      // long, with a long ASCII run
  };
  for (const std::string& utf8 : inputs) {
    for (bool big_endian : {false, true}) {
      auto decoded = DecodeToUtf8(Utf16(utf8, big_endian));
      ASSERT_TRUE(decoded.ok()) << utf8.substr(0, 40) << ": " << decoded.status().message();
      EXPECT_EQ(decoded->encoding, big_endian ? "UTF-16BE" : "UTF-16LE") << utf8.substr(0, 40);
      EXPECT_EQ(decoded->utf8, utf8);
    }
  }
}

TEST(Encoding, Gb18030OfEvenLengthIsNotTakenForUtf16) {
  // 各位代表：粮食总产量稳定在58万吨以上，新增城镇就业6000人。 in GB18030 (58 bytes).
  const std::string gb =
      "\xb8\xf7\xce\xbb\xb4\xfa\xb1\xed\xa3\xba\xc1\xb8\xca\xb3\xd7\xdc\xb2\xfa\xc1\xbf"
      "\xce\xc8\xb6\xa8\xd4\xda\x35\x38\xcd\xf2\xb6\xd6\xd2\xd4\xc9\xcf\xa3\xac\xd0\xc2"
      "\xd4\xf6\xb3\xc7\xd5\xf2\xbe\xcd\xd2\xb5\x36\x30\x30\x30\xc8\xcb\xa1\xa3";
  ASSERT_EQ(gb.size(), 58u);
  auto decoded = DecodeToUtf8(gb);
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->encoding, "GB18030");
  EXPECT_EQ(decoded->utf8, "各位代表：粮食总产量稳定在58万吨以上，新增城镇就业6000人。");
}

TEST(Encoding, BinaryIsStillRejectedWhateverItsZeroBytes) {
  std::string random = RandomBytes(1 << 16, 7);
  std::string random_without_zeros = random;
  for (char& c : random_without_zeros) c = c == 0 ? 1 : c;
  std::string sparse(4096, '\0');  // mostly zeros, as in executables and images
  for (size_t i = 0; i < sparse.size(); i += 7) sparse[i] = static_cast<char>(i);
  const std::string utf8_with_nul = kSample + std::string(1, '\0') + kSample;
  const std::string utf8_with_nuls = kSample + std::string(2, '\0') + kSample;  // even length
  for (const std::string& bytes :
       {random, random_without_zeros, sparse, utf8_with_nul, utf8_with_nuls}) {
    auto decoded = DecodeToUtf8(bytes);
    EXPECT_FALSE(decoded.ok()) << decoded->encoding;
  }
  EXPECT_NE(DecodeToUtf8(sparse).status().message().find("binary"), std::string::npos);
  EXPECT_NE(DecodeToUtf8(utf8_with_nul).status().message().find("binary"), std::string::npos);
}

TEST(Encoding, RejectsEmptyBinaryAndUndecodable) {
  EXPECT_EQ(DecodeToUtf8("").status().message(), "empty file");
  std::string binary(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
      18);
  auto bin = DecodeToUtf8(binary);
  ASSERT_FALSE(bin.ok());
  EXPECT_NE(bin.status().message().find("binary"), std::string::npos);
  auto bad = DecodeToUtf8("abc\xFF\xFF\xFF");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not valid UTF-8"), std::string::npos);
  std::string controls(200, '\x01');
  EXPECT_FALSE(DecodeToUtf8(controls).ok());
}

}  // namespace
}  // namespace mubiao::text
