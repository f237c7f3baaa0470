#include "search/query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace mubiao::search {
namespace {

using Strings = std::vector<std::string>;

// The index plan of a query on one line: the word index expression, then
// the other parts that are not empty, named.
std::string Describe(const IndexQuery& plan) {
  std::string out = plan.words;
  auto add = [&](const std::string& name, const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : " | ") + name + ": " + part;
  };
  add("characters", plan.characters);
  for (const IndexQuery::Mixed& m : plan.mixed) add("mixed", m.words + " / " + m.characters);
  add("not words", plan.excluded_words);
  add("not characters", plan.excluded_characters);
  return out;
}

std::string Match(std::string_view input) {
  Result<Query> q = ParseQuery(input);
  EXPECT_TRUE(q.ok()) << input << ": " << q.status().message();
  return q.ok() ? Describe(PlanIndexQuery(*q)) : "";
}

// A term's tokens, prefix tokens with a trailing '*'.
Strings Tokens(const Term& term) {
  Strings out;
  for (const QueryToken& token : term.tokens) out.push_back(token.text + (token.prefix ? "*" : ""));
  return out;
}

std::string Error(std::string_view input) {
  Result<Query> q = ParseQuery(input);
  EXPECT_FALSE(q.ok()) << input;
  EXPECT_EQ(q.status().code(), StatusCode::kInvalidInput) << input;
  return q.status().message();
}

// A query and what it gives: Match's description of its plan, or a part of
// its error message.
struct QueryCase {
  std::string_view input;
  std::string_view expected;
};

// Match(input) is each case's expected description.
void ExpectMatches(std::initializer_list<QueryCase> cases) {
  for (const QueryCase& c : cases) EXPECT_EQ(Match(c.input), c.expected) << c.input;
}

// Each case's input is refused with a message containing its expected text.
void ExpectErrors(std::initializer_list<QueryCase> cases) {
  for (const QueryCase& c : cases) {
    const std::string message = Error(c.input);
    EXPECT_NE(message.find(c.expected), std::string::npos) << c.input << ": " << message;
  }
}

TEST(QueryTest, WordsAreAndedPhrasesOfTheirTokens) {
  ExpectMatches({
      {"养老", "(\"养老\")"},
      {"粮食 碳达峰", "(\"粮食\") AND (\"碳达\" + \"达峰\")"},
      {"　养老　老", "(\"养老\") | characters: (\"老\" *)"},
      {"5G基站", "(\"5g\" + \"基站\")"},
  });
}

TEST(QueryTest, QuotedPhrases) {
  Result<Query> q = ParseQuery("\"粮食 安全\" “一老一小” ＂5G＂");
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->required.size(), 3u);
  EXPECT_TRUE(q->required[0][0].quoted);
  EXPECT_EQ(q->required[0][0].text, "粮食 安全");
  EXPECT_EQ(Tokens(q->required[0][0]), (Strings{"粮食", "食*", "安全"}));
  EXPECT_EQ(Tokens(q->required[1][0]), (Strings{"一老", "老一", "一小"}));
  EXPECT_EQ(Tokens(q->required[2][0]), Strings{"5g"});
  EXPECT_EQ(Match("养老\"托育\""), "(\"养老\") AND (\"托育\")");
}

TEST(QueryTest, OrBindsTighterThanAnd) {
  EXPECT_EQ(Match("养老 托育 OR 托幼"), "(\"养老\") AND (\"托育\" OR \"托幼\")");
  EXPECT_EQ(Match("a | b | c"), "(\"a\" OR \"b\" OR \"c\")");
  // Lower-case "or" is a word.
  EXPECT_EQ(Match("a or b"), "(\"a\") AND (\"or\") AND (\"b\")");
}

TEST(QueryTest, Exclusions) {
  EXPECT_EQ(Match("养老 -疫情 -\"核酸 检测\""),
            "((\"养老\")) NOT (\"疫情\" OR \"核酸\" + \"酸\" + \"检测\" OR \"核酸\" + "
            "\"酸检\" + \"检测\")");
  // '-' inside a word is text.
  EXPECT_EQ(Match("新增-就业"),
            "(\"新增\" + \"增\" + \"就业\" OR \"新增\" + \"增就\" + \"就业\")");  // '-' inside a
                                                                                  // word is text
  Result<Query> q = ParseQuery("养老 －疫情");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->excluded.size(), 1u);
}

TEST(QueryTest, SingleCharactersGoToTheCharacterIndex) {
  ExpectMatches({
      {"粮", "characters: (\"粮\" *)"},
      {"粮 养老", "(\"养老\") | characters: (\"粮\" *)"},
      {"粮 OR 养老", "mixed: \"养老\" / \"粮\" *"},
      {"养老 -粮", "(\"养老\") | not characters: \"粮\" *"},
      {"粮 -养老", "characters: (\"粮\" *) | not words: \"养老\""},
      {"粮 -米", "characters: ((\"粮\" *)) NOT (\"米\" *)"},
  });
  // A single character inside a phrase stays in the word index.
  EXPECT_EQ(Match("\"粮 5G\""), "(\"粮\" + \"5g\")");
}

TEST(QueryTest, InnerPrefixesAreSpelledOut) {
  // 食* before 安全 is 食 alone (粮食，安全) or the bigram 食安 (粮食安全).
  EXPECT_EQ(Match("\"粮食 安全\""),
            "(\"粮食\" + \"食\" + \"安全\" OR \"粮食\" + \"食安\" + \"安全\")");
  // A prefix at the end of a phrase stays one.
  EXPECT_EQ(Match("\"安全 粮\""),
            "(\"安全\" + \"全\" + \"粮\" * OR \"安全\" + \"全粮\" + \"粮\" *)");
  // Past kMaxSpelledPrefixes inner prefixes, the rest stay prefixes: 8 phrases.
  const std::string many = Match("\"a 甲，乙，丙，丁，戊\"");
  EXPECT_EQ(std::count(many.begin(), many.end(), '*'), 8 * 2);
}

TEST(QueryTest, TermsWithNothingSearchableAreIgnored) {
  ExpectMatches({
      {"养老 ， 。", "(\"养老\")"},
      {"养老 OR ，", "(\"养老\")"},
      {"养老 -，", "(\"养老\")"},
  });
}

TEST(QueryTest, MalformedQueriesGetClearMessages) {
  ExpectErrors({
      {"", "请输入要检索的词"},
      {"   ", "请输入要检索的词"},
      {"\"粮食", "引号没有配对"},
      {"“粮食", "引号没有配对"},
      {"OR 养老", "OR 应位于两个词之间"},
      {"养老 OR", "OR 应位于两个词之间"},
      {"养老 OR OR 托育", "OR 应位于两个词之间"},
      {"养老 OR -疫情", "不能用在 OR 中"},
      {"-疫情 OR 养老", "不能用在 OR 中"},
      {"-疫情", "只有要排除的词"},
      {"养老 -", "减号“-”后面"},
      {"，。！", "没有可检索的内容"},
  });
  EXPECT_NE(Error(std::string(kMaxQueryChars + 1, 'a')).find("检索词太长"), std::string::npos);
  std::string many;
  for (size_t i = 0; i <= kMaxQueryTerms; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_NE(Error(many).find("检索词太多"), std::string::npos);
}

TEST(QueryTest, TextThatIsNotUtf8IsRefused) {
  // Found by fuzz_search_query: a cut character used to reach the terms
  // (and the error messages that quote them) as broken UTF-8.
  for (const std::string bad : {"\"unclos\"uned \xE5\x85"
                                "cl",
                                "\xFF", "养老 \xE5\x85", "-\xC0\xAF 养老"}) {
    EXPECT_NE(Error(bad).find("不是有效的 UTF-8"), std::string::npos) << bad;
  }
}

TEST(QueryTest, FtsSyntaxInUserTextNeverReachesTheExpression) {
  ExpectMatches({
      {"养老*", "(\"养老\")"},
      {"title:养老", "(\"title\" + \"养老\")"},
      {"养老:title", "(\"养老\" + \"老\" + \"title\")"},
      {"NEAR(a b)", "(\"near\" + \"a\") AND (\"b\")"},
      {"^a AND b", "(\"a\") AND (\"and\") AND (\"b\")"},
      {"a NOT b", "(\"a\") AND (\"not\") AND (\"b\")"},
  });
}

TEST(QueryTest, QuotesInsideTokensAreDoubled) {
  Query query;
  query.required.push_back({Term{"x\"y", true, {{"x\"y", false}}}});
  EXPECT_EQ(PlanIndexQuery(query).words, "(\"x\"\"y\")");
}

}  // namespace
}  // namespace mubiao::search
