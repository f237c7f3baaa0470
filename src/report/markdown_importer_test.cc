#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/importer.h"
#include "report/testing.h"

namespace mubiao::report {
namespace {

using testing::BlockOutline;

TEST(MarkdownImporter, FrontMatterCommentsHeadingsAndLeads) {
  auto doc = ImportMarkdown(
      "---\ntitle: 青禾县政府工作报告\nsource: https://example.invalid/a\n---\n\n"
      "<!-- 来源：示例 -->\n\n**一、2023年工作回顾**\n\n"
      "**农业基础更加稳固。**粮食总产量达到21.6万吨[^1]。\n\n"
      "## 二、2024年工作安排\n\n> 引文\n\n"
      "<details>\n<summary>目录</summary>\n\n- 第一章\n</details>\n\n"
      "- 列表项\n\n| 指标 | 目标 |\n|---|---|\n| 就业 | 6000人 |\n\n"
      "[^1]: 注释文字\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, "青禾县政府工作报告");
  EXPECT_EQ(doc->source_url, "https://example.invalid/a");
  ASSERT_EQ(doc->notes.size(), 2u);
  EXPECT_EQ(doc->notes[0], "来源：示例");
  EXPECT_EQ(BlockOutline(*doc), (std::vector<std::string>{
                                    "heading 0: 一、2023年工作回顾",
                                    "paragraph 0: 农业基础更加稳固。粮食总产量达到21.6万吨。",
                                    "heading 2: 二、2024年工作安排",
                                    "quote 0: 引文",
                                    "list_item 0: 列表项",
                                    "table_row 0: 指标\t目标",
                                    "table_row 0: 就业\t6000人",
                                }));
  ASSERT_EQ(doc->blocks.size(), 7u);
  ASSERT_EQ(doc->blocks[1].emphasis.size(), 1u);
  EXPECT_EQ(doc->Slice(doc->blocks[1].emphasis[0]), "农业基础更加稳固。");
  EXPECT_EQ(doc->text.find("目录"), std::string::npos);
}

// Found by fuzz_markdown: text after a comment on the same line was read
// from a destroyed temporary.
// Some archives' Markdown keeps HTML character references ("6.5&permil;").
TEST(MarkdownImporter, CharacterReferencesAreResolved) {
  auto doc = ImportMarkdown(
      "青禾县人口自然增长率控制在7.2&permil;以内，A&amp;B&#8212;&#x2030;，AT&T与&nosuch;照旧。\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "青禾县人口自然增长率控制在7.2‰以内，A&B—‰，AT&T与&nosuch;照旧。");
  EXPECT_EQ(DecodeCharacterReferences("6.5&permil;，&#38;&"), "6.5‰，&&");
}

TEST(MarkdownImporter, TextAfterACommentOnTheSameLine) {
  auto doc = ImportMarkdown("<!-- 注释 -->正文\n<!-- 跨\n行 -->尾\n<!-- 未闭合");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "正文\n尾");
  EXPECT_EQ(doc->notes, (std::vector<std::string>{"注释", "跨\n行", "未闭合"}));
}

TEST(MarkdownImporter, UnclosedFrontMatterIsText) {
  auto doc = ImportMarkdown("---\n各位代表：\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->title.empty());
  EXPECT_EQ(doc->text, "各位代表：");
}

TEST(MarkdownImporter, EmptyIsAnError) {
  EXPECT_FALSE(ImportMarkdown("---\ntitle: x\n---\n\n<!-- only a comment -->\n").ok());
}

}  // namespace
}  // namespace mubiao::report
