#include "text/csv.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>

namespace mubiao::text {
namespace {

// A cell's text and how CsvCell writes it.
struct CellCase {
  std::string_view text;
  std::string_view written;
};

// CsvCell writes each case's text as the case says.
void ExpectCells(std::initializer_list<CellCase> cases) {
  for (const CellCase& c : cases) EXPECT_EQ(CsvCell(c.text), c.written) << c.text;
}

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  ExpectCells({
      {"粮食产量", "粮食产量"},
      {"a,b", "\"a,b\""},
      {"他说\"确保\"", "\"他说\"\"确保\"\"\""},
      {"两行\n文本", "\"两行\n文本\""},
  });
  EXPECT_EQ(CsvLine({"a", CsvCell("b,c"), "1.5"}), "a,\"b,c\",1.5\r\n");
}

TEST(CsvTest, FormulasStayTextNumbersStayNumbers) {
  ExpectCells({
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1+1", "'+1+1"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"-2.6", "-2.6"},
      {"+5", "+5"},
      {"-", "'-"},
  });
}

}  // namespace
}  // namespace mubiao::text
