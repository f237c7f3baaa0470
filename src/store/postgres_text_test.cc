// PostgreSQL's full-text rows in our tokenizer's terms: how a text is cut
// into passages, and the literals of tsvectors and tsqueries.
#include "store/postgres_text.h"

#include <gtest/gtest.h>

namespace mubiao::store {
namespace {

TEST(PassagesTest, WholeLinesUpToTheBoundAndLongLinesAtSentenceEnds) {
  std::string body;
  for (int i = 0; i < 400; ++i) body += "第" + std::to_string(i) + "段，推进高质量发展。\n";
  std::string long_line;
  while (long_line.size() < 3 * kMaxPassageBytes) long_line += "持续优化营商环境，";
  long_line += "全面深化改革。";
  for (int i = 0; i < 500; ++i) long_line += "稳就业";  // a run without a sentence end
  body += long_line + "\n最后一行";
  const std::vector<std::string_view> passages = Passages("标题", body);
  ASSERT_GE(passages.size(), 5u);
  EXPECT_EQ(passages[0], "标题");
  std::string joined;
  for (size_t i = 1; i < passages.size(); ++i) {
    EXPECT_LE(passages[i].size(), kMaxPassageBytes) << i;
    EXPECT_FALSE(passages[i].empty()) << i;
    joined += passages[i];
    const bool line_end = passages[i].back() == '\n';
    const bool sentence_end = passages[i].ends_with("。") || passages[i].ends_with("，");
    EXPECT_TRUE(line_end || sentence_end || i + 1 == passages.size() ||
                passages[i].size() == kMaxPassageBytes)
        << "cut at a line or sentence end: " << i;
  }
  EXPECT_EQ(joined, body) << "every byte in one passage, in order";
  EXPECT_LE(Passages("", "").size(), 1u);
}

TEST(PostgresTextTest, LexemesAreQuotedAndPhrasesAreAdjacent) {
  // Bigrams at their positions, and a run's last character alone.
  EXPECT_EQ(WordVector("粮食粮食"), "'粮食':1,3 '食':4 '食粮':2");
  // Quotes and backslashes in a token are doubled.
  const search::Term odd{"", false, {search::QueryToken{"a'b\\c", true}}};
  EXPECT_EQ(PhraseQuery(odd), "'a''b\\\\c':*");
  const search::Term phrase{"粮食产量", true, search::QueryTokens("粮食产量")};
  EXPECT_EQ(PhraseQuery(phrase), "('粮食' <-> '食产' <-> '产量')");
  EXPECT_EQ(CharacterVector({"粮粮", "食"}), "'粮' '食'");
}

}  // namespace
}  // namespace mubiao::store
