#include "text/normalize.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(Normalize, FullWidthDigitsAndAsciiPunctuation) {
  NormalizedText n = NormalizeForAnalysis("增长６．５％,达到1,000人(含)");
  EXPECT_EQ(n.text, "增长6.5%，达到1,000人（含）");
}

TEST(Normalize, ClockColonStaysAscii) {
  EXPECT_EQ(NormalizeForAnalysis("8:30开始:").text, "8:30开始：");
}

TEST(Normalize, MapsBackToOriginalOffsets) {
  std::string original = "新增６０００人";
  NormalizedText n = NormalizeForAnalysis(original);
  ASSERT_EQ(n.text, "新增6000人");
  size_t b, e;
  n.ToOriginal(6, 10, &b, &e);  // "6000"
  EXPECT_EQ(original.substr(b, e - b), "６０００");
  n.ToOriginal(0, n.text.size(), &b, &e);
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, original.size());
  EXPECT_EQ(n.origin.size(), n.text.size() + 1);
}

}  // namespace
}  // namespace mubiao::text
