#include "text/ascii.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(AsciiTest, DigitsAreOnlyZeroToNine) {
  EXPECT_TRUE(IsAsciiDigit('0'));
  EXPECT_TRUE(IsAsciiDigit('9'));
  EXPECT_FALSE(IsAsciiDigit('a'));
  EXPECT_FALSE(IsAsciiDigit(U'５'));  // full-width
  EXPECT_FALSE(IsAsciiDigit(U'五'));
  EXPECT_TRUE(IsAsciiLetter('a'));
  EXPECT_TRUE(IsAsciiLetter('Z'));
  EXPECT_FALSE(IsAsciiLetter('5'));
  EXPECT_FALSE(IsAsciiLetter(U'Ａ'));
  EXPECT_TRUE(IsAsciiAlnum('7'));
  EXPECT_TRUE(IsAsciiAlnum('q'));
  EXPECT_FALSE(IsAsciiAlnum('-'));
  EXPECT_FALSE(IsAsciiAlnum(static_cast<unsigned char>('\xE4')));  // a UTF-8 lead byte
  EXPECT_TRUE(AllAsciiDigits("410000"));
  EXPECT_FALSE(AllAsciiDigits(""));
  EXPECT_FALSE(AllAsciiDigits("4100O0"));
  EXPECT_FALSE(AllAsciiDigits("２０２３"));
}

TEST(AsciiTest, LowerChangesOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Report.DOCX"), "report.docx");
  EXPECT_EQ(AsciiLower("<HTML lang=\"ZH\">政府工作报告"), "<html lang=\"zh\">政府工作报告");
  EXPECT_EQ(AsciiLower("\xC3\x89"), "\xC3\x89");  // É stays as it is
}

}  // namespace
}  // namespace mubiao::text
