#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mubiao::text {
namespace {

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  std::string s = "a粮𠀀";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'粮');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\U00020000');
  EXPECT_EQ(pos, s.size());
  std::string out;
  for (char32_t c : {U'a', U'粮', U'\U00020000'}) AppendUtf8(c, &out);
  EXPECT_EQ(out, s);
}

TEST(Utf8, InvalidBytesAdvanceOneByte) {
  std::string s = "\xE7\xB2";  // truncated 粮
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), kReplacementChar);
  EXPECT_EQ(pos, 1u);
  EXPECT_FALSE(IsValidUtf8(s));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBD"));   // a real U+FFFD
  EXPECT_TRUE(IsValidUtf8("粮食播种面积"));
}

TEST(Utf8, CountsCodePointsAndTrims) {
  EXPECT_EQ(CountCodePoints("58万亩"), 4u);
  EXPECT_EQ(TrimSpace("\u3000 粮食 \n"), "粮食");
  EXPECT_TRUE(IsHan(U'〇'));
  EXPECT_FALSE(IsHan(U'，'));
}

TEST(Utf8, PadToColumnsCountsWideCharactersAsTwo) {
  EXPECT_EQ(PadToColumns("粮食", 6), "粮食  ");
  EXPECT_EQ(PadToColumns("ab", 3), "ab ");
  EXPECT_EQ(PadToColumns("粮食产量", 5), "粮食 ");  // cut before a character that does not fit
}

TEST(Utf8, EscapeForDisplayKeepsOneLine) {
  EXPECT_EQ(EscapeForDisplay("/报告/2023年 河南.md"), "/报告/2023年 河南.md");
  EXPECT_EQ(EscapeForDisplay("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(EscapeForDisplay("a\\nb"), "a\\\\nb");  // a backslash and n, not a newline
  EXPECT_EQ(EscapeForDisplay(std::string("\x01\x1b[2J\x7f", 6)), "\\x01\\x1b[2J\\x7f");
  EXPECT_EQ(EscapeForDisplay(std::string("nul\0", 4)), "nul\\x00");
  EXPECT_EQ(EscapeForDisplay("\xFF\xFE报告\xE6"), "\\xff\\xfe报告\\xe6");
  EXPECT_EQ(EscapeForDisplay("x\u2028y\u202Egpj.exe\u0085"), "x\\u2028y\\u202egpj.exe\\u0085");
  EXPECT_EQ(EscapeForDisplay("\uFFFD"), "\uFFFD");  // a real replacement character stays
}

}  // namespace
}  // namespace mubiao::text

namespace mubiao::text {
namespace {

TEST(Utf8, FourDigitNumbers) {
  auto found = [](std::string_view s, bool spaced) {
    std::vector<std::string> out;
    ForEachFourDigitNumber(s, spaced, [&](int v, size_t begin, size_t end) {
      out.push_back(std::to_string(v) + "@" + std::to_string(begin) + "-" + std::to_string(end));
    });
    return out;
  };
  EXPECT_EQ(found("2029年和2030年", false), (std::vector<std::string>{"2029@0-4", "2030@10-14"}));
  EXPECT_EQ(found("２０３０年", false), (std::vector<std::string>{"2030@0-12"}));
  EXPECT_EQ(found("12345 或 123", false), std::vector<std::string>{});  // not four digits
  EXPECT_EQ(found("1 9 9 7年", true), (std::vector<std::string>{"1997@0-7"}));
  EXPECT_EQ(found("1 9 9 7年", false), std::vector<std::string>{});
}

TEST(Utf8, LastCodePointStart) {
  EXPECT_EQ(LastCodePointStart(""), 0u);
  EXPECT_EQ(LastCodePointStart("ab"), 1u);
  EXPECT_EQ(LastCodePointStart("a中"), 1u);
  EXPECT_EQ(LastCodePointStart("中\x80"), 3u);             // a stray continuation byte
  EXPECT_EQ(LastCodePointStart("a\x80\x80\x80\x80"), 4u);  // never more than three back
}

}  // namespace
}  // namespace mubiao::text
