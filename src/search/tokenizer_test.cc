#include "search/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mubiao::search {
namespace {

// Tokens as "text@begin-end", with "+" in front of colocated ones.
std::vector<std::string> Describe(std::string_view text, TokenizeMode mode) {
  std::vector<std::string> out;
  Tokenize(text, mode, [&](const Token& t) {
    out.push_back((t.colocated ? "+" : "") + std::string(t.text) + "@" + std::to_string(t.begin) +
                  "-" + std::to_string(t.end));
    return true;
  });
  return out;
}

std::vector<std::string> Texts(std::string_view text, TokenizeMode mode) {
  std::vector<std::string> out;
  Tokenize(text, mode, [&](const Token& t) {
    out.emplace_back(t.text);
    return true;
  });
  return out;
}

using Strings = std::vector<std::string>;

TEST(TokenizerTest, DocumentCjkIsBigramsWithColocatedUnigrams) {
  EXPECT_EQ(Describe("碳达峰", TokenizeMode::kDocument),
            (Strings{"碳达@0-6", "+碳@0-3", "达峰@3-9", "+达@3-6", "峰@6-9"}));
  EXPECT_EQ(Describe("粮", TokenizeMode::kDocument), (Strings{"粮@0-3"}));
}

TEST(TokenizerTest, QueryCjkIsBigramsOnlyOrALoneUnigram) {
  EXPECT_EQ(QueryTokens("碳达峰"), (Strings{"碳达", "达峰"}));
  EXPECT_EQ(QueryTokens("养老"), (Strings{"养老"}));
  EXPECT_EQ(QueryTokens("老"), (Strings{"老"}));
  EXPECT_EQ(QueryTokens("一老一小"), (Strings{"一老", "老一", "一小"}));
}

TEST(TokenizerTest, PunctuationAndSpacesBreakBigrams) {
  EXPECT_EQ(Texts("粮食，安全", TokenizeMode::kDocument),
            (Strings{"粮食", "粮", "食", "安全", "安", "全"}));
  // A run followed by more tokens keeps its last position with a unigram.
  EXPECT_EQ(QueryTokens("粮食 安全"), (Strings{"粮食", "食", "安全"}));
  EXPECT_EQ(QueryTokens("食，安"), (Strings{"食", "安"}));
  EXPECT_EQ(QueryTokens("基站5G"), (Strings{"基站", "站", "5g"}));
}

TEST(TokenizerTest, AsciiWordsAndNumbersAreWholeTokens) {
  EXPECT_EQ(
      Describe("建设5G基站", TokenizeMode::kDocument),
      (Strings{"建设@0-6", "+建@0-3", "设@3-6", "5g@6-8", "基站@8-14", "+基@8-11", "站@11-14"}));
  EXPECT_EQ(QueryTokens("GDP增长5.5%"), (Strings{"gdp", "增长", "长", "5.5"}));
  EXPECT_EQ(QueryTokens("PM2.5"), (Strings{"pm2.5"}));
  EXPECT_EQ(QueryTokens("1,000"), (Strings{"1", "000"}));
  EXPECT_EQ(QueryTokens("end. 5"), (Strings{"end", "5"}));
  EXPECT_EQ(QueryTokens("2023."), (Strings{"2023"}));
}

TEST(TokenizerTest, FullWidthFormsAndCaseAreFolded) {
  EXPECT_EQ(QueryTokens("５Ｇ"), (Strings{"5g"}));
  EXPECT_EQ(QueryTokens("ＧＤＰ"), (Strings{"gdp"}));
  EXPECT_EQ(QueryTokens("Москва"), (Strings{"москва"}));
  EXPECT_EQ(FoldForSearch("ＡＢｃ５粮"), "abc5粮");
  // Offsets stay those of the input.
  EXPECT_EQ(Describe("５Ｇ", TokenizeMode::kDocument), (Strings{"5g@0-6"}));
}

TEST(TokenizerTest, KanaAndHangulAreBigrammedLikeHan) {
  EXPECT_EQ(QueryTokens("カタカナ"), (Strings{"カタ", "タカ", "カナ"}));
  EXPECT_EQ(QueryTokens("한국어"), (Strings{"한국", "국어"}));
}

TEST(TokenizerTest, InvalidUtf8SeparatesTokens) {
  EXPECT_EQ(Texts("粮\xff食", TokenizeMode::kDocument), (Strings{"粮", "食"}));
  EXPECT_EQ(Texts("ab\xc3", TokenizeMode::kDocument), (Strings{"ab"}));
  EXPECT_TRUE(Texts("\xe7\xb2", TokenizeMode::kDocument).empty());
}

TEST(TokenizerTest, LongWordsAreCut) {
  Strings tokens = QueryTokens(std::string(300, 'a') + " b");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], std::string(kMaxTokenBytes, 'a'));
  // Cut at a character boundary.
  std::string accented;
  for (int i = 0; i < 80; ++i) accented += "é";
  tokens = QueryTokens(accented);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].size(), kMaxTokenBytes);
}

TEST(TokenizerTest, SinkCanStopEarly) {
  int calls = 0;
  EXPECT_FALSE(
      Tokenize("粮食安全 5G", TokenizeMode::kDocument, [&](const Token&) { return ++calls < 2; }));
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(Tokenize("", TokenizeMode::kDocument, [](const Token&) { return false; }));
}

TEST(TokenizerTest, EveryQueryTokenTokenizesToItself) {
  // FTS5 re-tokenizes each quoted token of a MATCH expression in query mode.
  for (const char* text :
       {"新增城镇就业6000人", "GDP增长5.5%左右", "PM2.5浓度", "５Ｇ基站", "一老一小", "粮"}) {
    for (const std::string& token : QueryTokens(text)) {
      EXPECT_EQ(QueryTokens(token), Strings{token}) << text;
    }
  }
}

TEST(TokenizerTest, DocumentPositionsMakeQueryPhrasesExact) {
  // For every substring of a text, the query tokens occur at consecutive
  // document positions exactly when the substring is a run of CJK characters.
  const std::string text = "稳定粮食生产，新增城镇就业";
  std::vector<std::pair<std::string, size_t>> doc;  // token, position
  size_t position = 0;
  bool first = true;
  Tokenize(text, TokenizeMode::kDocument, [&](const Token& t) {
    if (!t.colocated && !first) ++position;
    first = false;
    doc.emplace_back(std::string(t.text), position);
    return true;
  });
  auto phrase_found = [&](const Strings& query) {
    for (const auto& [token, start] : doc) {
      if (token != query[0]) continue;
      size_t k = 1;
      for (; k < query.size(); ++k) {
        bool at = false;
        for (const auto& [t, p] : doc) at = at || (t == query[k] && p == start + k);
        if (!at) break;
      }
      if (k == query.size()) return true;
    }
    return false;
  };
  EXPECT_TRUE(phrase_found(QueryTokens("粮食生产")));
  EXPECT_TRUE(phrase_found(QueryTokens("城镇就业")));
  EXPECT_TRUE(phrase_found(QueryTokens("业")));
  EXPECT_TRUE(phrase_found(QueryTokens("粮食 生产")));
  EXPECT_TRUE(phrase_found(QueryTokens("生产，新增")));  // punctuation in the query too
  EXPECT_FALSE(phrase_found(QueryTokens("生产新增")));   // across the comma
  EXPECT_FALSE(phrase_found(QueryTokens("粮食就业")));
}

}  // namespace
}  // namespace mubiao::search
