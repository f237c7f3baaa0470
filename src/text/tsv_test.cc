#include "text/tsv.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(TsvTest, RowsSkipCommentsAndBlankLinesAndKeepLineNumbers) {
  const std::vector<TsvRow> rows = TsvRows("# header\nensure\t确保\n\nlead\t全年\t\r\nalone");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string_view>{"ensure", "确保"}));
  EXPECT_EQ(rows[1].line, 4u);  // the CR is dropped, the empty last field kept
  EXPECT_EQ(rows[1].fields, (std::vector<std::string_view>{"lead", "全年", ""}));
  EXPECT_EQ(rows[2].line, 5u);  // a last line without a line end
  EXPECT_EQ(rows[2].fields, (std::vector<std::string_view>{"alone"}));
  EXPECT_TRUE(TsvRows("").empty());
  EXPECT_TRUE(TsvRows("#only\n\r\n").empty());
}

TEST(TsvTest, JoinChunksConcatenatesInOrder) {
  const std::string_view chunks[] = {"a\tb\n", "c\td\n"};
  EXPECT_EQ(JoinChunks(chunks), "a\tb\nc\td\n");
}

}  // namespace
}  // namespace mubiao::text
