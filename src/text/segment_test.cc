#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mubiao::text {
namespace {

using Strings = std::vector<std::string>;

std::string At(std::string_view t, Span s) { return std::string(t.substr(s.begin, s.size())); }

// The text of every sentence SplitSentences finds in the whole of `t`.
Strings Sentences(std::string_view t, bool semicolon_ends_sentence = false) {
  Strings out;
  for (const SentenceSpans& sentence : SplitSentences(t, {0, t.size()}, semicolon_ends_sentence)) {
    out.push_back(At(t, sentence.span));
  }
  return out;
}

TEST(Segment, SentencesAndClauses) {
  const std::string t =
      "扛稳粮食安全责任。确保粮食播种面积稳定在58万亩以上,粮食总产量20万吨以上。“好”。";
  EXPECT_EQ(Sentences(t),
            (Strings{"扛稳粮食安全责任。",
                     "确保粮食播种面积稳定在58万亩以上,粮食总产量20万吨以上。", "“好”。"}));
  auto s = SplitSentences(t, {0, t.size()});
  ASSERT_EQ(s.size(), 3u);
  ASSERT_EQ(s[1].clauses.size(), 2u);
  EXPECT_EQ(At(t, s[1].clauses[1]), "粮食总产量20万吨以上");
}

TEST(Segment, ClosingQuoteStaysWithSentence) {
  EXPECT_EQ(Sentences("他说：“好。”然后走了"), (Strings{"他说：“好。”", "然后走了"}));
}

TEST(Segment, SemicolonOption) {
  const std::string t = "经济增长5%左右；城镇调查失业率5.5%左右。";
  EXPECT_EQ(Sentences(t).size(), 1u);
  EXPECT_EQ(Sentences(t, true).size(), 2u);
}

}  // namespace
}  // namespace mubiao::text
