#include "search/snippet.h"

#include <gtest/gtest.h>

namespace mubiao::search {
namespace {

Query Parse(std::string_view q) {
  Result<Query> query = ParseQuery(q);
  EXPECT_TRUE(query.ok()) << query.status().message();
  return query.ok() ? *query : Query();
}

std::vector<std::string> Marked(const Snippet& s) {
  std::vector<std::string> out;
  for (const text::Span& h : s.highlights) out.push_back(s.text.substr(h.begin, h.size()));
  return out;
}

TEST(SnippetTest, WindowAroundTheMatchWithEllipses) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "推进各项工作";
  text += "，做好一老一小服务，";
  for (int i = 0; i < 40; ++i) text += "推进各项工作";
  Snippet s = MakeSnippet(text, Parse("一老一小"), 30);
  EXPECT_EQ(s.text.rfind("…", 0), 0u);
  EXPECT_EQ(s.text.substr(s.text.size() - 3), "…");
  EXPECT_EQ(Marked(s), std::vector<std::string>{"一老一小"});
  // A little context is kept before the match.
  EXPECT_LT(s.text.find("一老一小"), s.text.size() / 2);
  EXPECT_GT(s.text.find("一老一小"), 3u);
}

TEST(SnippetTest, PrefersTheWindowWithMoreDistinctTerms) {
  std::string text = "养老服务。";
  for (int i = 0; i < 50; ++i) text += "其他工作内容";
  text += "养老托育一起推进。";
  Snippet s = MakeSnippet(text, Parse("养老 托育"), 20);
  EXPECT_EQ(Marked(s), (std::vector<std::string>{"养老托育"}));  // adjacent matches merge
}

TEST(SnippetTest, PhrasesHighlightWholeAndPunctuationBreaksWords) {
  Snippet s = MakeSnippet("粮食，安全。粮食安全。", Parse("粮食安全"), 50);
  EXPECT_EQ(Marked(s), std::vector<std::string>{"粮食安全"});
  EXPECT_EQ(s.text, "…粮食安全。");
  // A phrase of two words matches them next to each other, punctuation or not.
  s = MakeSnippet("粮食，安全。粮食安全。", Parse("\"粮食 安全\""), 50);
  EXPECT_EQ(Marked(s), (std::vector<std::string>{"粮食，安全", "粮食安全"}));
}

TEST(SnippetTest, ExcludedTermsAreNotHighlighted) {
  Snippet s = MakeSnippet("养老和疫情", Parse("养老 -疫情"), 50);
  EXPECT_EQ(Marked(s), std::vector<std::string>{"养老"});
}

TEST(SnippetTest, NoMatchShowsTheStartAndLineBreaksBecomeSpaces) {
  Snippet s = MakeSnippet("第一行\n第二行\n第三行", Parse("标题词"), 5);
  EXPECT_EQ(s.text, "第一行 第…");
  EXPECT_TRUE(s.highlights.empty());
}

TEST(SnippetTest, FoldedMatchesHighlightTheOriginalCharacters) {
  Snippet s = MakeSnippet("建设５Ｇ基站", Parse("5g"), 50);
  EXPECT_EQ(Marked(s), std::vector<std::string>{"５Ｇ"});
}

TEST(SnippetTest, StartsAfterTheSentenceBeforeTheMatch) {
  Snippet s = MakeSnippet("前一句话。养老服务体系建设", Parse("养老"), 50);
  EXPECT_EQ(s.text, "…养老服务体系建设");
}

}  // namespace
}  // namespace mubiao::search
