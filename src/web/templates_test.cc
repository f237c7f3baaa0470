// Templates parse, and every value is escaped for where it stands.
#include "web/templates.h"

#include <gtest/gtest.h>

#include "quantity/format.h"
#include "web/labels.h"

namespace mubiao::web {
namespace {

TEST(TemplatesTest, EveryTemplateParsesAndValuesAreEscaped) {
  ASSERT_TRUE(LoadTemplates().ok()) << LoadTemplates().message();
  Page page = NewPage("<script>alert('title')</script>");
  page.dict->SetValue("HEADING", "<img src=x onerror=alert(1)>");
  page.dict->SetValue("MESSAGE", "\"><svg onload=alert(1)>");
  page.dict->AddSectionDictionary("BACK")->SetValue("URL", "javascript:alert(1)");
  Result<std::string> html = Render("message.tpl", *page.dict);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->find("<script>alert"), std::string::npos) << *html;
  EXPECT_EQ(html->find("<img"), std::string::npos);
  EXPECT_EQ(html->find("<svg"), std::string::npos);
  EXPECT_EQ(html->find("javascript:"), std::string::npos);
  EXPECT_NE(html->find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html->find("<title>&lt;script&gt;"), std::string::npos);
  EXPECT_FALSE(Render("no_such.tpl", *page.dict).ok());
}

TEST(LabelsTest, NumbersDatesAndTitlesReadAsOnArchiveSites) {
  EXPECT_EQ(quantity::FormatNumber(580000), "58万");
  EXPECT_EQ(quantity::FormatNumber(1.3e12), "1.3万亿");
  EXPECT_EQ(quantity::FormatNumber(2.5e8), "2.5亿");
  EXPECT_EQ(quantity::FormatNumber(6000), "6000");
  EXPECT_EQ(quantity::FormatNumber(5.5), "5.5");
  EXPECT_EQ(quantity::FormatNumber(12345), "12345");
  targets::Finding f;
  f.value = 4.5;
  f.value_max = 5;
  f.unit = "%";
  EXPECT_EQ(FormatValue(f), "4.5–5%");
  EXPECT_EQ(ChineseDate("2023-02-27"), "2023年2月27日");
  EXPECT_EQ(CommentTime("2026-11-29T08:06:31Z"), "2026-11-29 16:06（北京时间）");
  EXPECT_EQ(CommentTime("2026-12-31T20:30:00Z"), "2027-01-01 04:30（北京时间）");
  EXPECT_EQ(CommentTime("not a time"), "not a time");
  store::DocumentSummary doc;
  doc.id = 7;
  doc.title = "新郑市人民政府工作报告";
  doc.province = "河南省";
  doc.locality = "新郑市";
  doc.level = regions::RegionLevel::kCounty;
  doc.geo = regions::GeoRegion::kHuazhong;
  doc.date = "2023-02-27";
  EXPECT_EQ(ReportHeading(doc), "(河南省)新郑市人民政府工作报告(2023年2月27日)");
  EXPECT_EQ(ReportUrl(doc), "/baogao/huazhong/7.html");
  doc.title = "(河南省)新郑市人民政府工作报告(2023年2月27日)";  // as an archive page writes it
  EXPECT_EQ(ReportHeading(doc), doc.title);
  doc.geo = regions::GeoRegion::kNone;
  EXPECT_EQ(ReportUrl(doc), "/baogao/qita/7.html");
  doc.level = regions::RegionLevel::kNational;
  EXPECT_EQ(ReportUrl(doc), "/baogao/quanguo/7.html");
}

}  // namespace
}  // namespace mubiao::web
