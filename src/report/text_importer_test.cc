#include <gtest/gtest.h>

#include "report/importer.h"

namespace mubiao::report {
namespace {

TEST(TextImporter, DropsSiteChromeKeepsBody) {
  auto doc = ImportPlainText(
      "导航菜单\n\n(示例省)青禾县人民政府工作报告(2023年1月12日)\n\n  新增城镇就业6000人。\n\n"
      "本文仅代表作者观点,不代表本站立场。\n\n本文地址:/baogao/example/1.html\n\n"
      "留言与评论(共有 条评论)\n验证码:\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->Slice(doc->blocks[1].span), "新增城镇就业6000人。");
  EXPECT_EQ(doc->notes.size(), 5u);
}

TEST(TextImporter, ALineBreakInsideABookTitleIsNoParagraphBreak) {
  auto doc = ImportPlainText(
      "三、关于《\n青禾县国民经济和社会发展第十六个五年规划纲要（草案）\n》的说明\n"
      "下一段。\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->Slice(doc->blocks[0].span),
            "三、关于《青禾县国民经济和社会发展第十六个五年规划纲要（草案）》的说明");
}

TEST(TextImporter, OnlyChromeIsAnError) {
  EXPECT_FALSE(ImportPlainText("导航菜单\n验证码:\n").ok());
}

TEST(ImportBytes, ReportsEmptyBinaryAndTooLarge) {
  EXPECT_EQ(ImportBytes("", "a.txt").status().message(), "empty file");
  auto bin = ImportBytes(std::string("\x01\x02\x00\x00\x7F\x45\x4C\x46\x00\x00", 10), "a.bin");
  EXPECT_FALSE(bin.ok());
  ImportLimits small;
  small.max_file_bytes = 4;
  auto big = ImportBytes("新增城镇就业", "a.txt", small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
  auto doc = ImportBytes("\xEF\xBB\xBF各位代表：", "a.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->documents[0].encoding, "UTF-8-BOM");
  EXPECT_EQ(doc->documents[0].path, "a.txt");
}

}  // namespace
}  // namespace mubiao::report
