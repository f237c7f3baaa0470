#include "search/snippet.h"

#include <gtest/gtest.h>

namespace mubiao::search {
namespace {

Query Parse(std::string_view q) {
  Result<Query> query = ParseQuery(q);
  EXPECT_TRUE(query.ok()) << query.status().message();
  return query.ok() ? *query : Query();
}

// The snippet of `text` for the query `query`, of at most `chars` characters.
Snippet Make(std::string_view text, std::string_view query, size_t chars) {
  return MakeSnippet(text, Parse(query), chars);
}

using Strings = std::vector<std::string>;

// The highlighted parts of a snippet's text.
Strings Marked(const Snippet& s) {
  Strings out;
  for (const text::Span& h : s.highlights) out.push_back(s.text.substr(h.begin, h.size()));
  return out;
}

TEST(SnippetTest, WindowAroundTheMatchWithEllipses) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "推进各项工作";
  text += "，做好一老一小服务，";
  for (int i = 0; i < 40; ++i) text += "推进各项工作";
  Snippet s = Make(text, "一老一小", 30);
  EXPECT_EQ(s.text.rfind("…", 0), 0u);
  EXPECT_EQ(s.text.substr(s.text.size() - 3), "…");
  EXPECT_EQ(Marked(s), Strings{"一老一小"});
  // A little context is kept before the match.
  EXPECT_LT(s.text.find("一老一小"), s.text.size() / 2);
  EXPECT_GT(s.text.find("一老一小"), 3u);
}

TEST(SnippetTest, PrefersTheWindowWithMoreDistinctTerms) {
  std::string text = "养老服务。";
  for (int i = 0; i < 50; ++i) text += "其他工作内容";
  text += "养老托育一起推进。";
  Snippet s = Make(text, "养老 托育", 20);
  EXPECT_EQ(Marked(s), (Strings{"养老托育"}));  // adjacent matches merge
}

TEST(SnippetTest, PhrasesHighlightWholeAndPunctuationBreaksWords) {
  Snippet s = Make("粮食，安全。粮食安全。", "粮食安全", 50);
  EXPECT_EQ(Marked(s), Strings{"粮食安全"});
  EXPECT_EQ(s.text, "…粮食安全。");
  // A phrase of two words matches them next to each other, punctuation or not.
  s = Make("粮食，安全。粮食安全。", "\"粮食 安全\"", 50);
  EXPECT_EQ(Marked(s), (Strings{"粮食，安全", "粮食安全"}));
}

TEST(SnippetTest, ExcludedTermsAreNotHighlighted) {
  EXPECT_EQ(Marked(Make("养老和疫情", "养老 -疫情", 50)), Strings{"养老"});
}

TEST(SnippetTest, NoMatchShowsTheStartAndLineBreaksBecomeSpaces) {
  Snippet s = Make("第一行\n第二行\n第三行", "标题词", 5);
  EXPECT_EQ(s.text, "第一行 第…");
  EXPECT_TRUE(s.highlights.empty());
}

TEST(SnippetTest, FoldedMatchesHighlightTheOriginalCharacters) {
  EXPECT_EQ(Marked(Make("建设５Ｇ基站", "5g", 50)), Strings{"５Ｇ"});
}

TEST(SnippetTest, StartsAfterTheSentenceBeforeTheMatch) {
  EXPECT_EQ(Make("前一句话。养老服务体系建设", "养老", 50).text, "…养老服务体系建设");
}

}  // namespace
}  // namespace mubiao::search
