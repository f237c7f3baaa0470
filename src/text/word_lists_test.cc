#include "text/word_lists.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(WordListsTest, CategoriesKeepFileOrderAndNumbers) {
  Result<WordLists> lists =
      WordLists::Parse("# comment\nmarker\t了\t1\nsuffix\t州\nmarker\t将\t-1\nsuffix\t地区\n");
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  const std::vector<ListedWord>& markers = lists->Of("marker");
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_EQ(markers[0].word, "了");
  EXPECT_EQ(markers[0].number, 1);
  EXPECT_EQ(markers[1].word, "将");
  EXPECT_EQ(markers[1].number, -1);
  ASSERT_EQ(lists->Of("suffix").size(), 2u);
  EXPECT_EQ(lists->Of("suffix")[1].word, "地区");
  EXPECT_EQ(lists->Of("suffix")[1].number, 0);
  EXPECT_TRUE(lists->Of("unknown").empty());
  ASSERT_EQ(lists->all().size(), 4u);
  EXPECT_EQ(lists->all()[1].category, "suffix");
}

TEST(WordListsTest, BadRowsNameTheirLine) {
  for (const auto& [tsv, message] : std::vector<std::pair<std::string, std::string>>{
           {"a\tb\nno tab here\n", "line 2: expected a category and a word"},
           {"a\t\n", "line 1: expected a category and a word"},
           {"a\tb\t1\t2\n", "line 1: more than three fields"},
           {"#\na\tb\tx1\n", "line 2: 'x1' is not an integer"},
           {"a\tb\t1.5\n", "line 1: '1.5' is not an integer"}}) {
    Result<WordLists> lists = WordLists::Parse(tsv);
    ASSERT_FALSE(lists.ok()) << tsv;
    EXPECT_NE(lists.status().message().find(message), std::string::npos)
        << lists.status().message();
  }
}

}  // namespace
}  // namespace mubiao::text
