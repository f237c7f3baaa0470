#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/testing.h"
#include "report/importer.h"
#include "report/testing.h"

namespace mubiao::report {
namespace {

using testing::BlockOutline;
using testing::BlockTexts;

using Entries = std::vector<std::pair<std::string, std::string>>;

// Builds a zip archive in memory with libzip's write API.
std::string MakeZip(const Entries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  zip_source_keep(buffer);  // survive zip_close, which writes into it
  for (const auto& [name, data] : entries) {
    zip_source_t* entry = zip_source_buffer(zip, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(zip, name.c_str(), entry, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::string out;
  EXPECT_EQ(zip_source_open(buffer), 0);
  char chunk[4096];
  for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) {
    out.append(chunk, static_cast<size_t>(n));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kDocumentStart =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>)";
constexpr const char* kDocumentEnd = "<w:sectPr/></w:body></w:document>";

std::string DocumentXml(const std::string& body) { return kDocumentStart + body + kDocumentEnd; }

// A paragraph of one run; `rpr` is the run's property XML.
std::string P(const std::string& text, const std::string& rpr = "", const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r>" +
         (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}

constexpr const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
    R"(<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
    // WPS numbers its heading styles: id "2" is "heading 2" by name only.
    R"(<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/>)"
    R"(<w:rPr><w:b/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="LeadChild"><w:name w:val="Lead child"/>)"
    R"(<w:basedOn w:val="Lead"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/>)"
    R"(<w:basedOn w:val="Loop"/></w:style>)"
    R"(</w:styles>)";

constexpr const char* kCore =
    R"(<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties )"
    R"(xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> 青禾县政府工作报告 </dc:title>)"
    R"(<dc:creator>someone</dc:creator></cp:coreProperties>)";

TEST(DocxImporter, ParagraphsHeadingsBoldAndTables) {
  const std::string body =
      P("青禾县政府工作报告", "<w:b/><w:bCs/>") +                        // 0 bold title
      P("一、过去一年工作回顾", "", "<w:pStyle w:val=\"Heading1\"/>") +  // 1 heading 1
      P("（一）经济运行", "", "<w:pStyle w:val=\"2\"/>") +               // 2 heading 2
      P("大纲级别三", "", "<w:outlineLvl w:val=\"2\"/>") +               // 3 heading 3
      // 4: bold lead sentence, tab and line break, explicitly not-bold run.
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>扛稳粮食安全责任。</w:t></w:r>"
      "<w:r><w:t>粮食产量</w:t><w:tab/><w:t>20万吨</w:t><w:br/><w:t>以上。</w:t></w:r>"
      "<w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>完成</w:t></w:r></w:p>" +
      // 5: revisions, fields, hyperlinks: only what a reader sees.
      "<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>新增</w:t></w:r></w:ins>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink></w:p>" +
      // 6: a table of two rows.
      "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>地区生产总值</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>（GDP）</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>增长6%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
      // 8: a text box given twice, as Word does; the Fallback copy is dropped.
      "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
      "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
      "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
      "<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" +
      P("列表项", "", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>") +
      P("   ") +  // empty paragraphs make no block
      P("样式加粗", "", "<w:pStyle w:val=\"LeadChild\"/>") +
      P("循环样式", "", "<w:pStyle w:val=\"Loop\"/>");
  // The blocks, numbered as above.
  const std::vector<std::string> outline = {
      "heading 0: 青禾县政府工作报告",
      "heading 1: 一、过去一年工作回顾",
      "heading 2: （一）经济运行",
      "heading 3: 大纲级别三",
      "paragraph 0: 扛稳粮食安全责任。粮食产量\t20万吨 以上。完成",
      "paragraph 0: 新增3链接文字",
      "table_row 0: 指标\t目标",
      "table_row 0: 地区生产总值 （GDP）\t增长6%",
      "paragraph 0: 正文",
      "paragraph 0: 文本框",
      "list_item 0: 列表项",
      // Bold inherited from the paragraph style's parent makes a heading.
      "heading 0: 样式加粗",
      "paragraph 0: 循环样式",
  };
  auto doc = ImportDocx(MakeZip({{"[Content_Types].xml", "<Types/>"},
                                 {"word/document.xml", DocumentXml(body)},
                                 {"word/styles.xml", kStyles},
                                 {"docProps/core.xml", kCore}}));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(BlockOutline(*doc), outline) << doc->text;
  EXPECT_EQ(doc->format, SourceFormat::kDocx);
  EXPECT_EQ(doc->title, "青禾县政府工作报告");
  ASSERT_EQ(doc->blocks.size(), 13u);
  ASSERT_EQ(doc->blocks[4].emphasis.size(), 1u);
  EXPECT_EQ(doc->Slice(doc->blocks[4].emphasis[0]), "扛稳粮食安全责任。");
}

TEST(DocxImporter, WorksWithoutStylesAndCore) {
  auto doc = ImportDocx(MakeZip({{"word/document.xml", DocumentXml(P("各位代表："))}}));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "各位代表：");
  EXPECT_EQ(doc->title, "");
  // A broken styles.xml costs the styles, not the document.
  auto broken = ImportDocx(MakeZip(
      {{"word/document.xml", DocumentXml(P("各位代表："))}, {"word/styles.xml", "<w:styles"}}));
  ASSERT_TRUE(broken.ok()) << broken.status().message();
  EXPECT_EQ(broken->text, "各位代表：");
}

TEST(DocxImporter, CorruptInput) {
  auto not_zip = ImportDocx("PK\x03\x04 but not really a zip archive at all");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(not_zip.status().message(), "truncated or corrupt .docx (not a zip archive)");

  const std::string zip = MakeZip({{"word/document.xml", DocumentXml(P("各位代表：新增就业。"))}});
  for (size_t cut : {zip.size() / 2, zip.size() - 10, size_t{30}}) {
    auto truncated = ImportDocx(zip.substr(0, cut));
    ASSERT_FALSE(truncated.ok()) << cut;
    EXPECT_EQ(truncated.status().message().rfind("truncated or corrupt .docx (", 0), 0u)
        << truncated.status().message();
  }

  auto missing = ImportDocx(MakeZip({{"word/other.xml", DocumentXml(P("x"))}}));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "truncated or corrupt .docx (missing word/document.xml)");

  auto bad_xml = ImportDocx(MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.status().message(),
            "truncated or corrupt .docx (word/document.xml is not well-formed XML)");

  auto empty = ImportDocx(MakeZip({{"word/document.xml", DocumentXml(P(" "))}}));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "no text in the .docx");
}

TEST(DocxImporter, RefusesEntriesOverTheUnpackedLimit) {
  // 2 MB of XML compresses to a few KB: the limit applies to the inflated size.
  const std::string padding(2 << 20, ' ');
  const std::string zip = MakeZip({{"word/document.xml", DocumentXml(P("正文") + padding)}});
  ASSERT_LT(zip.size(), 100000u);
  ImportLimits limits;
  limits.max_unpacked_bytes = 1 << 20;
  auto doc = ImportDocx(zip, limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(doc.status().message(), "word/document.xml unpacks to 3 MB, over the 1 MB limit");
  EXPECT_TRUE(ImportDocx(zip).ok());
  // The limit is on all entries read together.
  const std::string half(600 << 10, ' ');
  auto together = ImportDocx(MakeZip({{"word/document.xml", DocumentXml(P("正文") + half)},
                                      {"word/styles.xml", "<w:styles/>" + half}}),
                             limits);
  ASSERT_FALSE(together.ok());
  EXPECT_EQ(together.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(together.status().message(),
            "word/styles.xml unpacks to 1 MB, taking the .docx over the 1 MB limit");
}

TEST(DocxImporter, HostileXmlExpandsNoEntities) {
  // An external entity (XXE) is never read...
  const std::string xxe =
      std::string(R"(<?xml version="1.0"?><!DOCTYPE w:document [)") +
      R"(<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)" +
      std::string(kDocumentStart).substr(std::string(kDocumentStart).find("<w:document")) +
      "<w:p><w:r><w:t>前&xxe;后</w:t></w:r></w:p>" + kDocumentEnd;
  auto doc = ImportDocx(MakeZip({{"word/document.xml", xxe}}));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "前后");
  // ...and nested internal entities ("billion laughs") are refused: libxml2
  // reports them as an entity loop before expanding anything.
  std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈哈">)";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&l" + std::to_string(i - 1) + ";";
    laughs += "\">";
  }
  laughs += "]>" +
            std::string(kDocumentStart).substr(std::string(kDocumentStart).find("<w:document")) +
            "<w:p><w:r><w:t>笑&l9;</w:t></w:r></w:p>" + kDocumentEnd;
  auto bomb = ImportDocx(MakeZip({{"word/document.xml", laughs}}));
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().message(),
            "truncated or corrupt .docx (word/document.xml is not well-formed XML)");
}

TEST(DocxImporter, ImportsTheProvincialReports) {
  MUBIAO_REQUIRE_DATA("formats/docx");
  size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(mubiao::testing::DataDir() / "formats/docx")) {
    if (entry.path().extension() != ".docx") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    auto doc = ImportDocx(mubiao::testing::ReadFileOrEmpty(entry.path()));
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_GT(doc->text.size(), 10000u);
    EXPECT_NE(doc->text.find("政府工作报告"), std::string::npos);
    // Part and section headings ("一、…", "（一）…") are blocks of their own
    // (a few reports number only their sections), and the bold title is a
    // heading.
    size_t numbered = 0, headings = 0;
    for (const Block& b : doc->blocks) {
      const std::string_view text = doc->Slice(b.span);
      for (std::string_view mark : {"一、", "二、", "（一）", "(一)", "（二）", "(二)"}) {
        if (text.substr(0, mark.size()) == mark) ++numbered;
      }
      if (b.kind == BlockKind::kHeading) ++headings;
    }
    EXPECT_GE(numbered, 2u);
    EXPECT_GE(headings, 1u);
  }
  EXPECT_EQ(files, 31u);
}

}  // namespace
}  // namespace mubiao::report
