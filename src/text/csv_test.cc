#include "text/csv.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvCell("粮食产量"), "粮食产量");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("他说\"确保\""), "\"他说\"\"确保\"\"\"");
  EXPECT_EQ(CsvCell("两行\n文本"), "\"两行\n文本\"");
  EXPECT_EQ(CsvLine({"a", CsvCell("b,c"), "1.5"}), "a,\"b,c\",1.5\r\n");
}

TEST(CsvTest, FormulasStayTextNumbersStayNumbers) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("+1+1"), "'+1+1");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("-2.6"), "-2.6");
  EXPECT_EQ(CsvCell("+5"), "+5");
  EXPECT_EQ(CsvCell("-"), "'-");
}

}  // namespace
}  // namespace mubiao::text
