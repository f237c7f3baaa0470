#include "text/labels.h"

#include <gtest/gtest.h>

namespace mubiao::text {
namespace {

TEST(Labels, NumeralLabelNeedsNumeralsThenAMark) {
  EXPECT_EQ(NumeralLabel("十二、坚持", U"、"), std::string_view("十二、").size());
  EXPECT_EQ(NumeralLabel("十二坚持", U"、"), 0u);
  EXPECT_EQ(NumeralLabel("、坚持", U"、"), 0u);
  EXPECT_EQ(NumeralLabel("", U"、"), 0u);
}

TEST(Labels, SectionAndChapterLabels) {
  EXPECT_EQ(SectionLabel("（七）坚持绿色低碳"), std::string_view("（七）").size());
  EXPECT_EQ(SectionLabel("(三)改革"), std::string_view("(三)").size());
  EXPECT_EQ(SectionLabel("（7）改革"), 0u);
  EXPECT_EQ(ChapterLabel("第二部分 规划"), std::string_view("第二部分").size());
  EXPECT_EQ(ChapterLabel("第二批试点"), 0u);
}

TEST(Labels, ListLabels) {
  EXPECT_EQ(ListLabel("一是加快"), std::string_view("一是").size());
  EXPECT_EQ(ListLabel("第一，加快"), std::string_view("第一，").size());
  EXPECT_EQ(ListLabel("3.新开通"), 2u);
  EXPECT_EQ(ListLabel("12、新建"), std::string_view("12、").size());
  EXPECT_EQ(ListLabel("（12）城乡"), std::string_view("（12）").size());
  EXPECT_EQ(ListLabel("(14）新建"), std::string_view("(14）").size());
  EXPECT_EQ(ListLabel("①加快"), std::string_view("①").size());
  EXPECT_EQ(ListLabel("（１６）改造"), std::string_view("（１６）").size());  // full-width digits
  EXPECT_EQ(ListLabel("１２．新建"), std::string_view("１２．").size());
  EXPECT_EQ(ListLabel("（ 7）新建"), std::string_view("（ 7）").size());  // spaces in brackets
  EXPECT_EQ(ListLabel("(　11 )改造"), std::string_view("(　11 )").size());
  EXPECT_EQ(ListLabel("（   7）新建"), 0u);  // three spaces are layout
  EXPECT_EQ(ListLabel("7 、新建"), 0u);      // no brackets, no spaces
  // Numbers that are figures, not labels.
  EXPECT_EQ(ListLabel("3.5万吨"), 0u);
  EXPECT_EQ(ListLabel("３．５万户"), 0u);
  EXPECT_EQ(ListLabel("3.５万户"), 0u);
  EXPECT_EQ(ListLabel("2025年"), 0u);
  EXPECT_EQ(ListLabel("（123）"), 0u);
}

}  // namespace
}  // namespace mubiao::text
