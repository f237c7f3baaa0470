#include "search/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mubiao::search {
namespace {

// Tokens as "text@begin-end".
std::vector<std::string> Describe(std::string_view text, TokenizeMode mode) {
  std::vector<std::string> out;
  Tokenize(text, mode, [&](const Token& t) {
    out.push_back(std::string(t.text) + "@" + std::to_string(t.begin) + "-" +
                  std::to_string(t.end));
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

// A query's tokens, prefix tokens marked with a trailing '*'.
Strings Query(std::string_view text) {
  Strings out;
  for (const QueryToken& token : QueryTokens(text)) {
    out.push_back(token.text + (token.prefix ? "*" : ""));
  }
  return out;
}

TEST(TokenizerTest, DocumentCjkIsOneTokenPerCharacter) {
  EXPECT_EQ(Describe("碳达峰", TokenizeMode::kDocument),
            (Strings{"碳达@0-6", "达峰@3-9", "峰@6-9"}));
  EXPECT_EQ(Describe("粮", TokenizeMode::kDocument), (Strings{"粮@0-3"}));
}

TEST(TokenizerTest, CharacterIndexHasEveryCjkCharacterAndNothingElse) {
  EXPECT_EQ(Describe("碳达峰5G", TokenizeMode::kCharacters),
            (Strings{"碳@0-3", "达@3-6", "峰@6-9"}));
  EXPECT_TRUE(Texts("GDP 5.5%", TokenizeMode::kCharacters).empty());
}

TEST(TokenizerTest, QueryCjkIsBigramsOnlyOrALonePrefix) {
  EXPECT_EQ(Query("碳达峰"), (Strings{"碳达", "达峰"}));
  EXPECT_EQ(Query("养老"), (Strings{"养老"}));
  EXPECT_EQ(Query("老"), (Strings{"老*"}));
  EXPECT_EQ(Query("一老一小"), (Strings{"一老", "老一", "一小"}));
}

TEST(TokenizerTest, PunctuationAndSpacesBreakBigrams) {
  EXPECT_EQ(Texts("粮食，安全", TokenizeMode::kDocument), (Strings{"粮食", "食", "安全", "全"}));
  // A run followed by more tokens keeps its last position with a prefix.
  EXPECT_EQ(Query("粮食 安全"), (Strings{"粮食", "食*", "安全"}));
  EXPECT_EQ(Query("食，安"), (Strings{"食*", "安*"}));
  EXPECT_EQ(Query("基站5G"), (Strings{"基站", "站", "5g"}));  // no bigram 站5
  EXPECT_EQ(Query("粮 5G"), (Strings{"粮", "5g"}));
}

TEST(TokenizerTest, AsciiWordsAndNumbersAreWholeTokens) {
  EXPECT_EQ(Describe("建设5G基站", TokenizeMode::kDocument),
            (Strings{"建设@0-6", "设@3-6", "5g@6-8", "基站@8-14", "站@11-14"}));
  EXPECT_EQ(Query("GDP增长5.5%"), (Strings{"gdp", "增长", "长", "5.5"}));
  EXPECT_EQ(Query("PM2.5"), (Strings{"pm2.5"}));
  EXPECT_EQ(Query("1,000"), (Strings{"1", "000"}));
  EXPECT_EQ(Query("end. 5"), (Strings{"end", "5"}));
  EXPECT_EQ(Query("2023."), (Strings{"2023"}));
}

TEST(TokenizerTest, FullWidthFormsAndCaseAreFolded) {
  EXPECT_EQ(Query("５Ｇ"), (Strings{"5g"}));
  EXPECT_EQ(Query("ＧＤＰ"), (Strings{"gdp"}));
  EXPECT_EQ(Query("Москва"), (Strings{"москва"}));
  EXPECT_EQ(FoldForSearch("ＡＢｃ５粮"), "abc5粮");
  // Offsets stay those of the input.
  EXPECT_EQ(Describe("５Ｇ", TokenizeMode::kDocument), (Strings{"5g@0-6"}));
}

TEST(TokenizerTest, KanaAndHangulAreBigrammedLikeHan) {
  EXPECT_EQ(Query("カタカナ"), (Strings{"カタ", "タカ", "カナ"}));
  EXPECT_EQ(Query("한국어"), (Strings{"한국", "국어"}));
}

TEST(TokenizerTest, InvalidUtf8SeparatesTokens) {
  EXPECT_EQ(Texts("粮\xff食", TokenizeMode::kDocument), (Strings{"粮", "食"}));
  EXPECT_EQ(Texts("ab\xc3", TokenizeMode::kDocument), (Strings{"ab"}));
  EXPECT_TRUE(Texts("\xe7\xb2", TokenizeMode::kDocument).empty());
}

TEST(TokenizerTest, LongWordsAreCut) {
  Strings tokens = Query(std::string(300, 'a') + " b");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], std::string(kMaxTokenBytes, 'a'));
  // Cut at a character boundary.
  std::string accented;
  for (int i = 0; i < 80; ++i) accented += "é";
  tokens = Query(accented);
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
    for (const QueryToken& token : QueryTokens(text)) {
      const std::vector<QueryToken> again = QueryTokens(token.text);
      ASSERT_EQ(again.size(), 1u) << text;
      EXPECT_EQ(again[0].text, token.text) << text;
    }
  }
}

TEST(TokenizerTest, DocumentPositionsMakeQueryPhrasesExact) {
  // For every substring of a text, the query tokens occur at consecutive
  // document positions (a prefix token matching any token starting with it)
  // exactly when the substring is in the text, punctuation aside.
  const std::string text = "稳定粮食生产，新增城镇就业";
  const Strings doc = Texts(text, TokenizeMode::kDocument);  // one token per position
  auto phrase_found = [&](std::string_view query) {
    const std::vector<QueryToken> tokens = QueryTokens(query);
    for (size_t start = 0; start + tokens.size() <= doc.size(); ++start) {
      size_t k = 0;
      for (; k < tokens.size(); ++k) {
        const std::string& at = doc[start + k];
        const bool same = tokens[k].prefix ? at.starts_with(tokens[k].text) : at == tokens[k].text;
        if (!same) break;
      }
      if (k == tokens.size()) return true;
    }
    return false;
  };
  EXPECT_TRUE(phrase_found("粮食生产"));
  EXPECT_TRUE(phrase_found("城镇就业"));
  EXPECT_TRUE(phrase_found("业"));
  EXPECT_TRUE(phrase_found("粮"));
  EXPECT_TRUE(phrase_found("粮食 生产"));
  EXPECT_TRUE(phrase_found("生产，新增"));  // punctuation in the query too
  EXPECT_TRUE(phrase_found("产 新"));
  EXPECT_TRUE(phrase_found("定 粮"));
  EXPECT_FALSE(phrase_found("生产新增"));  // across the comma
  EXPECT_FALSE(phrase_found("粮食就业"));
  EXPECT_FALSE(phrase_found("食 产"));
}

}  // namespace
}  // namespace mubiao::search
