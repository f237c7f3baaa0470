#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "report/importer.h"
#include "report/testing.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

using testing::BlockOutline;
using testing::BlockTexts;

// Text placed at (x, y) points from the bottom left of an A4 page.
struct Placed {
  int x;
  int y;
  std::string text;  // UTF-8
};
using Page = std::vector<Placed>;

std::string Hex4(char32_t cp) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(text::DecodeUtf8(s, &i));
  return out;
}

// Options for a hand-built PDF.
struct PdfOptions {
  // Chinese needs a CID font: a Type0 font with Identity-H encoding (each
  // character is written as its BMP code point) and a ToUnicode map that
  // says so. The font is not embedded; text extraction needs no glyphs.
  bool cjk = false;
  std::string title;     // the Info dictionary's /Title (ASCII)
  bool encrypt = false;  // an /Encrypt dictionary whose password is not empty
};

// Writes a small valid PDF, computing the cross-reference offsets.
std::string MakePdf(const std::vector<Page>& pages, const PdfOptions& options = {}) {
  std::vector<std::string> objects;  // object i + 1
  auto add = [&](std::string body) {
    objects.push_back(std::move(body));
    return objects.size();
  };
  auto stream = [](const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  };
  size_t font;
  if (options.cjk) {
    std::set<char32_t> used;
    for (const Page& page : pages) {
      for (const Placed& p : page) {
        for (char32_t cp : CodePoints(p.text)) used.insert(cp);
      }
    }
    std::string cmap =
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Uni def "
        "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
    std::vector<char32_t> chars(used.begin(), used.end());
    for (size_t i = 0; i < chars.size(); i += 100) {  // at most 100 entries per section
      const size_t n = std::min<size_t>(100, chars.size() - i);
      cmap += std::to_string(n) + " beginbfchar\n";
      for (size_t j = i; j < i + n; ++j)
        cmap += "<" + Hex4(chars[j]) + "> <" + Hex4(chars[j]) + ">\n";
      cmap += "endbfchar\n";
    }
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end";
    const size_t to_unicode = add(stream(cmap));
    const size_t descendant =
        add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry "
            "(Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity >>");
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H "
        "/DescendantFonts [" +
        std::to_string(descendant) + " 0 R] /ToUnicode " + std::to_string(to_unicode) + " 0 R >>");
  } else {
    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  }
  std::vector<size_t> contents;
  for (const Page& page : pages) {
    std::string ops = "BT /F1 12 Tf\n";
    for (const Placed& p : page) {
      ops += "1 0 0 1 " + std::to_string(p.x) + " " + std::to_string(p.y) + " Tm ";
      if (options.cjk) {
        ops += "<";
        for (char32_t cp : CodePoints(p.text)) ops += Hex4(cp);
        ops += "> Tj\n";
      } else {
        ops += "(" + p.text + ") Tj\n";
      }
    }
    contents.push_back(add(stream(ops + "ET")));
  }
  const size_t pages_id = objects.size() + pages.size() + 1;
  std::string kids;
  for (size_t content : contents) {
    kids += std::to_string(add("<< /Type /Page /Parent " + std::to_string(pages_id) +
                               " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " +
                               std::to_string(font) + " 0 R >> >> /Contents " +
                               std::to_string(content) + " 0 R >>")) +
            " 0 R ";
  }
  add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  const size_t catalog = add("<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>");
  std::string trailer = "/Root " + std::to_string(catalog) + " 0 R";
  if (!options.title.empty()) {
    trailer += " /Info " + std::to_string(add("<< /Title (" + options.title + ") >>")) + " 0 R";
  }
  if (options.encrypt) {
    // RC4 40-bit security handler with made-up password hashes: the empty
    // user password does not match, so the file cannot be opened.
    const std::string o(64, '1'), u(64, '2'), id(32, 'a');
    trailer += " /Encrypt " +
               std::to_string(
                   add("<< /Filter /Standard /V 1 /R 2 /O <" + o + "> /U <" + u + "> /P -4 >>")) +
               " 0 R /ID [<" + id + "> <" + id + ">]";
  }
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " " + trailer +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A two-page Chinese report: running header and page numbers on every
// page, first lines indented two characters (24 pt), a paragraph that runs
// over the page break.
std::vector<Page> ChineseReport() {
  return {
      {{230, 810, "示例县人民政府文件"},
       {210, 770, "青禾县政府工作报告"},
       {96, 730, "各位代表："},
       {96, 714, "现在，我代表县人民政府，向大会报告工作，"},
       {72, 698, "请予审议。"},
       {96, 682, "过去一年，全县地区生产总值增长百分之六，"},
       {72, 666, "新增城镇就业六千人。"},
       {72, 650, "城镇调查失业率控制在百分之五以内。"},
       {96, 634, "今年，我们将坚持稳中求进，推动"},
       {286, 40, "- 1 -"}},
      {{230, 810, "示例县人民政府文件"},
       {72, 770, "高质量发展取得新成效"},
       {72, 754, "，居民收入稳步增长。"},
       {96, 700, "一、主要目标"},
       {286, 40, "- 2 -"}},
  };
}

TEST(PdfImporter, RebuildsChineseParagraphs) {
  PdfOptions options;
  options.cjk = true;
  auto doc = ImportPdf(MakePdf(ChineseReport(), options));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->format, SourceFormat::kPdf);
  EXPECT_EQ(BlockTexts(*doc),
            (std::vector<std::string>{
                "青禾县政府工作报告",
                "各位代表：",
                "现在，我代表县人民政府，向大会报告工作，请予审议。",
                "过去一年，全县地区生产总值增长百分之六，新增城镇就业六千人。",
                // A line after a sentence end starts a block even unindented.
                "城镇调查失业率控制在百分之五以内。",
                // Joined over the page break, header and page number removed.
                "今年，我们将坚持稳中求进，推动高质量发展取得新成效，居民收入稳步增长。",
                "一、主要目标",
            }));
  // The running header is kept once as a note; page numbers vanish.
  EXPECT_EQ(doc->notes, (std::vector<std::string>{"示例县人民政府文件"}));
  EXPECT_EQ(doc->text.find("- 1 -"), std::string::npos);
}

TEST(PdfImporter, AsciiWithStandardFont) {
  PdfOptions options;
  options.title = "Microsoft Word - Work Report 2024";
  const std::vector<Page> pages = {{
      {96, 760, "The county grew by six percent and created"},
      {72, 744, "many jobs in the towns."},
      {72, 728, "Page 1 of 1"},
  }};
  auto doc = ImportPdf(MakePdf(pages, options));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, "Work Report 2024");
  // English words broken across lines are joined with a space.
  EXPECT_EQ(BlockTexts(*doc),
            (std::vector<std::string>{
                "The county grew by six percent and created many jobs in the towns."}));
}

TEST(PdfImporter, RefusesWhatItCannotRead) {
  EXPECT_EQ(ImportPdf("").status().message(), "empty file");
  EXPECT_EQ(ImportPdf("hello, not a PDF").status().message(), "not a valid PDF");

  PdfOptions cjk;
  cjk.cjk = true;
  const std::string pdf = MakePdf(ChineseReport(), cjk);
  ASSERT_TRUE(ImportPdf(pdf).ok());
  // Cut anywhere: an error, never a crash and never part of the text.
  for (size_t cut = 10; cut < pdf.size(); cut += 97) {
    auto truncated = ImportPdf(pdf.substr(0, cut));
    ASSERT_FALSE(truncated.ok()) << cut;
    EXPECT_EQ(truncated.status().message(), "truncated or corrupt PDF (no %%EOF at the end)");
  }
  // The end kept but the middle gone: the cross references point nowhere.
  auto holed = ImportPdf(pdf.substr(0, pdf.size() / 3) + pdf.substr(pdf.size() - 150));
  ASSERT_FALSE(holed.ok());
  EXPECT_EQ(holed.status().code(), StatusCode::kInvalidInput);

  EXPECT_EQ(ImportPdf("%PDF-1.4\nnothing here\n%%EOF\n").status().message(),
            "truncated or corrupt PDF");

  PdfOptions locked;
  locked.encrypt = true;
  EXPECT_EQ(ImportPdf(MakePdf({{{72, 700, "secret"}}}, locked)).status().message(),
            "encrypted PDF (needs a password)");

  EXPECT_EQ(ImportPdf(MakePdf({{}})).status().message(),
            "no text in the PDF (scanned pages need OCR first)");
}

}  // namespace
}  // namespace mubiao::report
