#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/importer.h"
#include "report/testing.h"

namespace mubiao::report {
namespace {

using testing::TextOf;

using testing::BlockOutline;
using testing::BlockTexts;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v) {
    if (x == s) return true;
  }
  return false;
}

// A page shaped like the report-archive pages the project started from:
// site menu, article, disclaimer, permalink, comment box with captcha.
constexpr const char* kArchivePage = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>(示例省)青禾县人民政府工作报告(2023年1月12日)_示例网</title>
<link rel="canonical" href="https://example.org/baogao/example/1.html">
<script>var menu = "不是正文";</script><style>p { color: red }</style>
</head><body>
<div class="top-menu"><span>导航菜单</span><ul><li><a href="/">首页</a></li>
<li><a href="/baogao/">政府工作报告</a></li><li><a href="/gongbao/">统计公报</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 工作报告</div>
<div class="main">
  <h1>(示例省)青禾县人民政府工作报告(2023年1月12日)</h1>
  <div class="content">
    <p>各位代表：</p>
    <p>　　现在，我代表县人民政府，向大会报告工作，请予审议。</p>
    <p><strong>一、2022年工作回顾</strong></p>
    <p>　　<strong>扛稳粮食安全责任。</strong>粮食播种面积稳定在58万亩以上，
       粮食总产量20万吨以上。</p>
    <p>新增城镇就业6000人。<br>城镇调查失业率控制在5.5%以内。</p>
    <p>本文仅代表作者观点,不代表本站立场。</p>
    <p>本文地址:/baogao/example/1.html</p>
    <div class="pages">上一篇:(示例省)青禾县人民政府工作报告(2022年)</div>
  </div>
</div>
<div id="comments"><h3>留言与评论(共有 0 条评论)</h3>
<form action="/post"><textarea name="c">写下你的评论</textarea>
<p>验证码: <input name="code"><button>提交评论</button></p></form></div>
<aside><p>热门报告：示例市政府工作报告，示例县政府工作报告，另一个县的报告。</p></aside>
<footer><p>Copyright 示例网 京ICP备00000000号</p></footer>
</body></html>)";

TEST(HtmlImporter, ExtractsArticleFromArchivePage) {
  auto doc = ImportHtml(kArchivePage);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->format, SourceFormat::kHtml);
  EXPECT_EQ(doc->encoding, "UTF-8");
  EXPECT_EQ(doc->title, "(示例省)青禾县人民政府工作报告(2023年1月12日)");
  EXPECT_EQ(doc->source_url, "https://example.org/baogao/example/1.html");
  const std::vector<std::string> texts = BlockTexts(*doc);
  ASSERT_GE(texts.size(), 6u);
  EXPECT_EQ(texts[0], "(示例省)青禾县人民政府工作报告(2023年1月12日)");
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc->blocks[0].level, 1);
  EXPECT_EQ(texts[1], "各位代表：");
  EXPECT_EQ(texts[2], "现在，我代表县人民政府，向大会报告工作，请予审议。");
  // A wholly bold paragraph is a heading.
  EXPECT_EQ(texts[3], "一、2022年工作回顾");
  EXPECT_EQ(doc->blocks[3].kind, BlockKind::kHeading);
  // The line break in the source between two Chinese characters vanishes.
  EXPECT_EQ(texts[4], "扛稳粮食安全责任。粮食播种面积稳定在58万亩以上，粮食总产量20万吨以上。");
  ASSERT_EQ(doc->blocks[4].emphasis.size(), 1u);
  EXPECT_EQ(doc->Slice(doc->blocks[4].emphasis[0]), "扛稳粮食安全责任。");
  // <br> splits the paragraph.
  EXPECT_EQ(texts[5], "新增城镇就业6000人。");
  EXPECT_EQ(texts[6], "城镇调查失业率控制在5.5%以内。");
  EXPECT_EQ(texts.size(), 7u);
  // Nothing of the chrome reaches the text.
  for (const char* chrome : {"导航菜单", "首页", "本文", "验证码", "评论", "热门", "Copyright",
                             "不是正文", "color", "上一篇"}) {
    EXPECT_EQ(doc->text.find(chrome), std::string::npos) << chrome;
  }
  // Chrome lines inside the article container are kept as notes.
  EXPECT_TRUE(Contains(doc->notes, "本文地址:/baogao/example/1.html"));
  EXPECT_TRUE(Contains(doc->notes, "本文仅代表作者观点,不代表本站立场。"));
  EXPECT_TRUE(Contains(doc->notes, "上一篇:(示例省)青禾县人民政府工作报告(2022年)"));
}

TEST(HtmlImporter, BlockKinds) {
  auto doc = ImportHtml(
      "<html><body><article>"
      "<h2>Part  two</h2><h3>三、 主要任务</h3>"
      "<blockquote><p>引文第一段。</p></blockquote>"
      "<ul><li>第一项</li><li>第二\n项</li></ul>"
      "<table><tr><th>指标</th><th>目标</th></tr>"
      "<tr><td><p>地区生产总值</p></td><td>增长 6%</td></tr></table>"
      "<p>word\n  wrap   in English</p>"
      "</article></body></html>");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(BlockOutline(*doc), (std::vector<std::string>{
                                    "heading 2: Part two",
                                    "heading 3: 三、 主要任务",
                                    "quote 0: 引文第一段。",
                                    "list_item 0: 第一项",
                                    "list_item 0: 第二项",
                                    "table_row 0: 指标\t目标",
                                    "table_row 0: 地区生产总值\t增长 6%",
                                    "paragraph 0: word wrap in English",
                                }))
      << doc->text;
}

TEST(HtmlImporter, ChoosesTheDensestContainer) {
  // No <article>, no helpful classes: the report is the div with most text;
  // the sidebar's paragraph and the link list are left out.
  auto doc = ImportHtml(
      "<html><body><div id=wrap>"
      "<div class=left><p>侧栏推荐文字。</p><a href=/1>示例市政府工作报告全文</a></div>"
      "<div class=right><p>第一段正文，内容较长，介绍全年工作情况。</p>"
      "<p>第二段正文，同样较长，说明主要预期目标。</p></div>"
      "</div></body></html>");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(BlockTexts(*doc),
            (std::vector<std::string>{"第一段正文，内容较长，介绍全年工作情况。",
                                      "第二段正文，同样较长，说明主要预期目标。"}));
}

TEST(HtmlImporter, KeepsPageWideFormAndWrappers) {
  // ASP.NET sites wrap the whole page in a <form>; a wrapper's class may
  // contain a chrome word. Neither may take the article with it.
  EXPECT_EQ(TextOf(ImportHtml("<html><body><form id=form1><div class='page-with-sidebar'>"
                              "<div class=nav><a href=/>首页</a></div>"
                              "<p>报告正文第一段。</p><p>报告正文第二段。</p>"
                              "<div class=share-bar>分享到微信</div>"
                              "</div></form></body></html>")),
            "报告正文第一段。\n报告正文第二段。");
}

TEST(HtmlImporter, DropsHiddenElements) {
  EXPECT_EQ(TextOf(ImportHtml("<body><p>看得见的正文。</p><p style='DISPLAY: none'>隐藏文字</p>"
                              "<div hidden>也隐藏</div><noscript>请启用脚本</noscript></body>")),
            "看得见的正文。");
}

TEST(HtmlImporter, MetadataFallbacks) {
  auto og = ImportHtml(
      "<html><head><title>标题 - 站名</title><meta property='og:title' content='分享标题'>"
      "<meta property='og:url' content='https://example.org/a'></head>"
      "<body><p>正文。</p></body></html>");
  ASSERT_TRUE(og.ok());
  EXPECT_EQ(og->title, "分享标题");
  EXPECT_EQ(og->source_url, "https://example.org/a");
  auto title = ImportHtml("<title> 只有\n标题 </title><p>正文。</p>");
  ASSERT_TRUE(title.ok());
  EXPECT_EQ(title->title, "只有 标题");
  EXPECT_EQ(title->source_url, "");
}

TEST(HtmlImporter, KeepsCommentsAsNotes) {
  auto doc = ImportHtml("<body><p>正文。</p><!-- 来源：示例日报 --></body>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "正文。");
  EXPECT_EQ(doc->notes, std::vector<std::string>{"来源：示例日报"});
}

TEST(HtmlImporter, DecodesDeclaredGbk) {
  // "各位代表：新增就业五千人。" in GBK, declared the old way.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body><p>\xB8\xF7\xCE\xBB\xB4\xFA\xB1\xED\xA3\xBA\xD0\xC2\xD4\xF6\xBE\xCD\xD2\xB5"
      "\xCE\xE5\xC7\xA7\xC8\xCB\xA1\xA3</p></body></html>";
  auto doc = ImportHtml(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_EQ(doc->text, "各位代表：新增就业五千人。");
  // Other declared charsets go to ICU: "Grüße" in windows-1252.
  auto latin = ImportHtml(
      "<meta charset=windows-1252><p>Gr\xFC\xDF"
      "e</p>");
  ASSERT_TRUE(latin.ok()) << latin.status().message();
  EXPECT_EQ(latin->encoding, "windows-1252");
  EXPECT_EQ(latin->text, "Grüße");
}

TEST(HtmlImporter, DetectsWhenTheDeclarationIsWrong) {
  // Declared gb2312 but saved as UTF-8 (whose bytes here are also valid
  // GB18030, so only the UTF-8 check gets them right); and GBK bytes with no
  // declaration.
  auto utf8 = ImportHtml("<meta charset='gb2312'><p>政府工作报告</p>");
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_EQ(utf8->encoding, "UTF-8");
  EXPECT_EQ(utf8->text, "政府工作报告");
  auto gbk = ImportHtml("<p>\xD0\xC2\xD4\xF6\xBE\xCD\xD2\xB5\xCE\xE5\xC7\xA7\xC8\xCB\xA1\xA3</p>");
  ASSERT_TRUE(gbk.ok()) << gbk.status().message();
  EXPECT_EQ(gbk->encoding, "GB18030");
  EXPECT_EQ(gbk->text, "新增就业五千人。");
}

TEST(HtmlImporter, DecodesUtf16WithBom) {
  // "<p>各位代表</p>" in UTF-16LE with a byte order mark; the <meta> that
  // wrongly claims GBK is ignored because the BOM wins.
  const std::string page =
      std::string("\xFF\xFE", 2) +
      std::string("<\0m\0e\0t\0a\0 \0c\0h\0a\0r\0s\0e\0t\0=\0g\0b\0k\0>\0", 36) +
      std::string(
          "\x3C\x00\x70\x00\x3E\x00\x04\x54\x4D\x4F\xE3\x4E\x68\x88"
          "\x3C\x00\x2F\x00\x70\x00\x3E\x00",
          22);
  auto doc = ImportHtml(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "UTF-16LE");
  EXPECT_EQ(doc->text, "各位代表");
}

TEST(HtmlImporter, Errors) {
  EXPECT_EQ(ImportHtml("").status().message(), "empty file");
  auto binary = ImportHtml(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\x01\x02\x03\x04", 20));
  EXPECT_FALSE(binary.ok());
  auto chrome_only =
      ImportHtml("<html><body><nav>导航菜单</nav><script>x()</script><p>验证码:</p></body></html>");
  ASSERT_FALSE(chrome_only.ok());
  EXPECT_EQ(chrome_only.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(chrome_only.status().message(), "no text in the HTML page");
}

TEST(HtmlImporter, DeepNesting) {
  // Deep but within libxml2's limit of 256 levels: imported.
  std::string deep = "<html><body>";
  for (int i = 0; i < 200; ++i) deep += "<div>";
  auto ok = ImportHtml(deep + "底部文字。");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->text, "底部文字。");
  // Beyond it libxml2 would drop the rest of the page: refused, not cut.
  std::string deeper = "<html><body><p>顶部文字。</p>";
  for (int i = 0; i < 100000; ++i) deeper += "<div><span>";
  auto refused = ImportHtml(deeper + "底部文字。");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(), "HTML elements nested too deeply (over 256 levels)");
}

}  // namespace
}  // namespace mubiao::report
