#include "report/metadata.h"

#include <gtest/gtest.h>

#include "report/importer.h"

namespace mubiao::report {
namespace {

const regions::Gazetteer& Gaz() { return regions::Gazetteer::Builtin(); }

ReportMetadata Meta(std::string_view markdown) {
  auto doc = ImportMarkdown(markdown);
  EXPECT_TRUE(doc.ok());
  auto meta = ReadMetadata(*doc, Gaz());
  EXPECT_TRUE(meta.ok()) << meta.status().message();
  return meta.ok() ? *meta : ReportMetadata();
}

// Expects the place `m` names: its region code ("" when the gazetteer does
// not list it), locality and level.
void ExpectPlace(const ReportMetadata& m, std::string_view region_code, std::string_view locality,
                 regions::RegionLevel level) {
  EXPECT_EQ(m.region_code, region_code);
  EXPECT_EQ(m.locality, locality);
  EXPECT_EQ(m.level, level);
}

TEST(FindDate, ArabicAndChineseNumerals) {
  auto a = FindDate("——2022年2月25日在德州市");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->year, 2022);
  EXPECT_EQ(a->month, 2);
  EXPECT_EQ(a->day, 25);
  auto b = FindDate("——二〇二一年一月二十三日在");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->year, 2021);
  EXPECT_EQ(b->month, 1);
  EXPECT_EQ(b->day, 23);
  EXPECT_FALSE(FindDate("2023年工作安排"));
}

TEST(ReadMetadata, CountyFromTitleWithProvinceInBrackets) {
  ReportMetadata m = Meta("（河南省）新郑市人民政府工作报告（2023年2月27日）\n\n各位代表：\n");
  ExpectPlace(m, "410184", "新郑市", regions::RegionLevel::kCounty);
  EXPECT_EQ(m.province, "河南省");
  EXPECT_EQ(m.parent_code, "410100");
  EXPECT_EQ(m.geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.date, "2023-02-27");
  EXPECT_EQ(m.type, DocType::kWorkReport);
}

TEST(ReadMetadata, PrefectureFromDateLineAndSpeaker) {
  ReportMetadata m = Meta(
      "---\ntitle: 政府工作报告\n---\n——2017年12月27日在绥化市第四届人民代表大会第二次会议上\n\n"
      "绥化市代市长 张三丰\n\n各位代表：\n");
  ExpectPlace(m, "231200", "绥化市", regions::RegionLevel::kPrefecture);
  EXPECT_EQ(m.year, 2018);  // delivered in December for the next year
  EXPECT_EQ(m.speaker, "张三丰");
  EXPECT_EQ(m.speaker_title, "代市长");
}

TEST(ReadMetadata, AutonomousPrefectureShortName) {
  ReportMetadata m = Meta("---\ntitle: 甘孜州政府工作报告（2021年2月3日 李四）\n---\n各位代表：\n");
  EXPECT_EQ(m.locality, "甘孜藏族自治州");
  EXPECT_EQ(m.speaker, "李四");
  EXPECT_EQ(m.year, 2021);
}

TEST(ReadMetadata, ProvinceAndMunicipality) {
  ReportMetadata p = Meta(
      "政府工作报告\n\n——2023年1月14日在河南省第十四届人民代表大会第一次会议上\n\n各位代表：\n"
      "现在，我代表省人民政府，向大会报告工作。\n");
  ExpectPlace(p, "410000", "河南省", regions::RegionLevel::kProvince);
  EXPECT_TRUE(p.parent_code.empty());
  ReportMetadata b = Meta("---\ntitle: 2021年北京市政府工作报告\n---\n各位代表：\n");
  EXPECT_EQ(b.region_code, "110000");
  EXPECT_EQ(b.geo, regions::GeoRegion::kHuabei);
}

TEST(ReadMetadata, NationalReportAndCommunique) {
  ReportMetadata n = Meta(
      "**政府工作报告**\n\n——2010年3月5日在第十一届全国人民代表大会第三次会议上\n\n"
      "国务院总理　王五\n\n各位代表：\n");
  ExpectPlace(n, "000000", "全国", regions::RegionLevel::kNational);
  EXPECT_EQ(n.government, "国务院");
  EXPECT_EQ(n.speaker, "王五");
  ReportMetadata c =
      Meta("---\ntitle: 中华人民共和国2020年国民经济和社会发展统计公报\n---\n正文\n");
  EXPECT_EQ(c.type, DocType::kCommunique);
  EXPECT_EQ(c.year, 2020);
  EXPECT_EQ(c.region_code, "000000");
}

TEST(ReadMetadata, FiveYearPlanYearFromItsNumber) {
  ReportMetadata m =
      Meta("---\ntitle: 国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n---\n正文\n");
  EXPECT_EQ(m.type, DocType::kFiveYearPlan);
  EXPECT_EQ(m.year, 2021);
}

TEST(ReadMetadata, UnlistedPlaceKeepsItsName) {
  ReportMetadata m = Meta("（示例省）青禾县人民政府工作报告（2024年1月16日）\n\n各位代表：\n");
  ExpectPlace(m, "", "青禾县", regions::RegionLevel::kCounty);
}

TEST(ReadMetadata, NotAReport) {
  auto doc = ImportMarkdown("# 红烧肉\n\n五花肉500克，冰糖30克。\n\n先焯水，再小火慢炖一小时。\n");
  ASSERT_TRUE(doc.ok());
  auto meta = ReadMetadata(*doc, Gaz());
  ASSERT_FALSE(meta.ok());
  EXPECT_NE(meta.status().message().find("not a government report"), std::string::npos);
}

}  // namespace
// The year of the meeting decides, whatever the title says; a meeting in
// December plans the next year.
TEST(ReadMetadata, PlanYearFromTheMeetingDate) {
  ReportMetadata m = Meta(
      "---\ntitle: 2006年四川省人民政府工作报告\n---\n\n"
      "——2007年1月26日在四川省第九届人民代表大会第八次会议上\n\n各位代表：\n");
  EXPECT_EQ(m.year, 2007);
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_EQ(m.warnings[0],
            "plan year 2007 from the text (delivered 2007-01-26); the title says 2006");
  EXPECT_EQ(Meta("青禾县人民政府工作报告\n\n——2021年12月21日在青禾县第九届人民代表大会第一次会议上"
                 "\n\n各位代表：\n")
                .year,
            2022);
  // A caption's month is no meeting: the title's year stands.
  EXPECT_EQ(Meta("山西省2008年政府工作报告\n\n省长某某，2003年1月就职。\n\n各位代表：\n").year,
            2008);
}

TEST(ReadMetadata, ResolutionsAndOtherReportsAreNoWorkReports) {
  EXPECT_EQ(Meta("新郑市第十六届人民代表大会第三次会议关于新郑市人民政府工作报告的决议\n\n"
                 "（2024年1月18日新郑市第十六届人民代表大会第三次会议通过）\n")
                .type,
            DocType::kResolution);
  EXPECT_EQ(
      Meta("**1956年青禾县人民政府工作报告**\n**关于1955年县级决算和1956年县级预算的报告**\n\n"
           "各位代表：\n")
          .type,
      DocType::kOther);
}

TEST(ReadMetadata, ACommuniqueIsItsPlacesStatisticsBureaus) {
  EXPECT_EQ(Meta("河南省2023年国民经济和社会发展统计公报\n\n河南省统计局\n").government,
            "河南省统计局");
  EXPECT_EQ(Meta("中华人民共和国2023年国民经济和社会发展统计公报\n\n国家统计局\n").government,
            "国家统计局");
}

TEST(ReadMetadata, SpacedTitlesAreClosedUpAndNameTheirPlace) {
  ReportMetadata m = Meta(
      "---\ntitle: (新疆维吾尔自治区)2 0 2 5 年 政府工作报告\n---\n\n"
      "——2025年1月6日在乌鲁木齐市第十七届人民代表大会第五次会议上\n\n市长 某某\n\n各位代表：\n");
  EXPECT_EQ(m.locality, "乌鲁木齐市");
  EXPECT_EQ(m.title, "2025年乌鲁木齐市政府工作报告");
  EXPECT_EQ(Meta("郑州市人民政府工作报告 （2 0 2 5 年）\n\n各位代表：\n").title,
            "郑州市人民政府工作报告 （2025年）");
  EXPECT_EQ(
      Meta("---\ntitle: 2020年开封市政府工作报告2020年开封市政府工作报告\n---\n\n各位代表：\n")
          .title,
      "2020年开封市政府工作报告");
}

TEST(ReadMetadata, SpeakersEndBeforeTheVerbAndKeepTheirWholeName) {
  EXPECT_EQ(Meta("云南省人民政府工作报告\n\n省长林远舟作政府工作报告\n\n各位代表：\n").speaker,
            "林远舟");
  EXPECT_EQ(
      Meta("宁夏回族自治区人民政府工作报告\n\n自治区主席何田向大会作报告\n\n各位代表：\n").speaker,
      "何田");
  ReportMetadata m =
      Meta("新疆维吾尔自治区人民政府工作报告\n\n自治区主席 阿依古丽·买买提\n\n各位代表：\n");
  EXPECT_EQ(m.speaker, "阿依古丽·买买提");
}

TEST(ReadMetadata, SpeakersAfterAnySpaceOrAloneAfterTheDateLine) {
  // A no-break space or an en space between title and name.
  ReportMetadata m = Meta("青禾县人民政府工作报告\n\n青禾县代县长\u00A0林远舟\n\n各位代表：\n");
  EXPECT_EQ(m.speaker, "林远舟");
  EXPECT_EQ(m.speaker_title, "代县长");
  EXPECT_EQ(Meta("青禾县人民政府工作报告\n\n青禾县人民政府县长\u2002林 远\n\n各位代表：\n").speaker,
            "林远");
  // A name alone on the line after the date line; not a word that is none.
  m = Meta("青禾县人民政府工作报告\n\n（2024年1月16日）\n\n林远舟\n\n各位代表：\n");
  EXPECT_EQ(m.speaker, "林远舟");
  EXPECT_EQ(m.speaker_title, "");
  EXPECT_EQ(Meta("青禾县人民政府工作报告\n\n（2024年1月16日）\n\n目录\n\n各位代表：\n").speaker,
            "");
  EXPECT_EQ(Meta("青禾县人民政府工作报告\n\n（2024年1月16日）\n\n各位代表：\n").speaker, "");
}

}  // namespace mubiao::report
