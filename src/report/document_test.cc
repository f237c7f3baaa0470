#include "report/document.h"

#include <gtest/gtest.h>

namespace mubiao::report {
namespace {

TEST(DocumentBuilder, JoinsBlocksWithNewlinesAndTrims) {
  Document doc;
  {
    DocumentBuilder b(&doc);
    b.AddBlock(BlockKind::kHeading, "  一、回顾  ", 2);
    b.AddBlock(BlockKind::kParagraph, "   ");  // dropped
    b.BeginBlock(BlockKind::kParagraph);
    b.Append("扛稳粮食安全责任。", true);
    b.Append("全面落实责任制。");
  }
  EXPECT_EQ(doc.text, "  一、回顾\n扛稳粮食安全责任。全面落实责任制。");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.Slice(doc.blocks[0].span), "一、回顾");
  EXPECT_EQ(doc.blocks[0].level, 2);
  ASSERT_EQ(doc.blocks[1].emphasis.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.blocks[1].emphasis[0]), "扛稳粮食安全责任。");
}

TEST(DocumentBuilder, LineBreaksInsideABlockBecomeSpaces) {
  Document doc;
  {
    DocumentBuilder b(&doc);
    b.AddBlock(BlockKind::kParagraph, "第一行\n第二行");
  }
  EXPECT_EQ(doc.text, "第一行 第二行");
}

}  // namespace
}  // namespace mubiao::report
