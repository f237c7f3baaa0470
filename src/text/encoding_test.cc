#include "text/encoding.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

const std::string kSample = "各位代表：新增城镇就业6000人。";

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
