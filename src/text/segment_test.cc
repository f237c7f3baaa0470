#include "text/segment.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

std::string At(std::string_view t, Span s) { return std::string(t.substr(s.begin, s.size())); }

TEST(Segment, SentencesAndClauses) {
  std::string t = "扛稳粮食安全责任。确保粮食播种面积稳定在58万亩以上,粮食总产量20万吨以上。“好”。";
  auto s = SplitSentences(t, {0, t.size()});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(At(t, s[0].span), "扛稳粮食安全责任。");
  EXPECT_EQ(At(t, s[1].span), "确保粮食播种面积稳定在58万亩以上,粮食总产量20万吨以上。");
  ASSERT_EQ(s[1].clauses.size(), 2u);
  EXPECT_EQ(At(t, s[1].clauses[1]), "粮食总产量20万吨以上");
  EXPECT_EQ(At(t, s[2].span), "“好”。");
}

TEST(Segment, ClosingQuoteStaysWithSentence) {
  std::string t = "他说：“好。”然后走了";
  auto s = SplitSentences(t, {0, t.size()});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(At(t, s[0].span), "他说：“好。”");
  EXPECT_EQ(At(t, s[1].span), "然后走了");
}

TEST(Segment, SemicolonOption) {
  std::string t = "经济增长5%左右；城镇调查失业率5.5%左右。";
  EXPECT_EQ(SplitSentences(t, {0, t.size()}).size(), 1u);
  EXPECT_EQ(SplitSentences(t, {0, t.size()}, true).size(), 2u);
}

}  // namespace
}  // namespace mubiao::text
