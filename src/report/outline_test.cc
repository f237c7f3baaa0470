#include "report/outline.h"

#include <gtest/gtest.h>

#include "base/testing.h"
#include "report/importer.h"

namespace mubiao::report {
namespace {

TEST(ClassifyPartHeading, CommonHeadings) {
  auto kind = [](std::string_view h, int year) {
    HeadingRole r = ClassifyPartHeading(h, year);
    return r.known ? std::string(PartKindName(r.kind)) : std::string("unknown");
  };
  EXPECT_EQ(kind("一、2022年工作回顾", 2023), "review");
  EXPECT_EQ(kind("二、2023年工作安排", 2023), "plan");
  EXPECT_EQ(kind("一、过去五年工作回顾", 2023), "review");
  EXPECT_EQ(kind("三、今后五年目标任务", 2023), "plan");
  EXPECT_EQ(kind("过去五年回顾及2021年主要工作", 2022), "review");
  EXPECT_EQ(kind("今后五年的奋斗目标及2022年工作安排", 2022), "plan");
  EXPECT_EQ(kind("一、2020年和“十三五”时期工作回顾", 2021), "review");
  // A coming period and no look back: a plan.
  EXPECT_TRUE(ClassifyPartHeading("二、“十四五”时期主要目标任务", 2021).known);
  EXPECT_EQ(ClassifyPartHeading("二、“十四五”时期主要目标任务", 2021).kind, PartKind::kPlan);
  EXPECT_EQ(kind("这一年，我们刀刃向内、自我革命，加强政府自身建设", 2025), "review");
  // Only hints: the paragraphs decide, the hint breaks ties.
  EXPECT_FALSE(ClassifyPartHeading("二、“十三五”时期成就和“十四五”时期目标", 2021).known);
  EXPECT_EQ(ClassifyPartHeading("一、克难奋进，经济社会发展取得显著成就", 2011).kind,
            PartKind::kReview);
  HeadingRole mixed = ClassifyPartHeading("一、2013年工作回顾和2014年工作总体要求", 2014);
  EXPECT_TRUE(mixed.mixed);
  EXPECT_EQ(kind("四、全面加强政府自身建设", 2023), "plan");
  EXPECT_EQ(kind("一、2016年主要工作", 2017), "review");
  EXPECT_TRUE(ClassifyPartHeading("一、过去五年工作回顾", 2023).multi_year);
  EXPECT_FALSE(ClassifyPartHeading("二、2023年工作安排", 2023).multi_year);
  // Old transcriptions write years in full-width digits.
  EXPECT_EQ(kind("一、２０２２年国内工作的回顾", 2023), "review");
  EXPECT_EQ(kind("首先报告２０２２年的工作", 2023), "review");
  // A five-year plan's period is several years, however it is written.
  EXPECT_TRUE(ClassifyPartHeading("二、“十五五”期间的奋斗目标和指导方针", 2026).multi_year);
}

TEST(ReviewScore, FullWidthYears) {
  EXPECT_GT(ReviewScore("２０２２年，全县地区生产总值增长5%。", 2023), 0);
  EXPECT_LT(ReviewScore("２０２３年是全面实施规划的关键一年。", 2023), 0);
  EXPECT_EQ(ReviewScore("编号１２３４５年", 2023), 0);  // five digits: no year
}

TEST(ReviewScore, PastAgainstPromise) {
  EXPECT_GT(
      ReviewScore("过去一年，全县地区生产总值完成186.4亿元，同比增长6.2%，圆满完成了目标任务。",
                  2024),
      0);
  EXPECT_LT(ReviewScore("确保粮食播种面积稳定在52万亩以上，力争新增龙头企业3家。", 2024), 0);
  EXPECT_GT(ReviewScore("2023年，全县地区生产总值完成186.4亿元。", 2024), 0);
  EXPECT_LT(ReviewScore("2024年全县经济社会发展的主要预期目标是：增长6%左右。", 2024), 0);
}

Report Analyze(const std::filesystem::path& path) {
  auto file = ImportFile(path);
  EXPECT_TRUE(file.ok()) << file.status().message();
  auto report = AnalyzeDocument(std::move(file->documents.at(0)), regions::Gazetteer::Builtin());
  EXPECT_TRUE(report.ok()) << report.status().message();
  return std::move(report).value();
}

std::vector<std::string> Kinds(const Report& r) {
  std::vector<std::string> kinds;
  for (const Part& p : r.parts) kinds.emplace_back(PartKindName(p.kind));
  return kinds;
}

TEST(BuildOutline, SampleWithHeadings) {
  Report r = Analyze(testing::SourceDir() / "examples/reports/qinghe-2024.md");
  EXPECT_EQ(r.metadata.year, 2024);
  EXPECT_EQ(r.metadata.speaker, "林远舟");
  EXPECT_EQ(Kinds(r), (std::vector<std::string>{"opening", "review", "plan", "plan", "closing"}));
  const Part& plan = r.parts[2];
  EXPECT_EQ(plan.label, "二、");
  ASSERT_EQ(plan.sections.size(), 4u);  // the lead paragraph, then （一）（二）（三）
  EXPECT_EQ(plan.sections[1].label, "（一）");
  EXPECT_EQ(r.document.Slice(plan.sections[1].heading), "（一）坚持农业立县，守牢粮食安全底线。");
  const Paragraph& p = plan.sections[1].paragraphs[1];
  EXPECT_EQ(r.document.Slice(p.lead), "稳定粮食生产。");
  size_t at = r.document.text.find("粮食总产量21万吨以上");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(r.SectionPath(at), "二、2024年工作安排 > （一）坚持农业立县，守牢粮食安全底线");
  EXPECT_EQ(r.PartAt(r.document.text.find("186.4亿元"))->kind, PartKind::kReview);
}

TEST(BuildOutline, SampleWithoutHeadingsSplitsByContent) {
  Report r = Analyze(testing::SourceDir() / "examples/reports/qinghe-2023.txt");
  EXPECT_EQ(r.metadata.year, 2023);
  EXPECT_EQ(r.PartAt(r.document.text.find("175.6亿元"))->kind, PartKind::kReview);
  EXPECT_EQ(r.PartAt(r.document.text.find("确保粮食播种面积"))->kind, PartKind::kPlan);
  EXPECT_EQ(r.PartAt(r.document.text.find("力争农村日间照料"))->kind, PartKind::kPlan);
}

TEST(BuildOutline, ItemLabelsAndSentences) {
  auto doc = ImportMarkdown(
      "各位代表：\n\n二、2024年工作安排\n\n一是稳定粮食生产，确保面积稳定。二是扩大就业。\n");
  ASSERT_TRUE(doc.ok());
  auto r = AnalyzeDocument(std::move(doc).value(), regions::Gazetteer::Builtin());
  // No place is named: the document is rejected with a reason, not guessed.
  EXPECT_FALSE(r.ok());
  std::vector<Part> parts = BuildOutline(
      *ImportMarkdown(
          "各位代表：\n\n二、2024年工作安排\n\n一是稳定粮食生产，确保面积稳定。二是扩大就业。\n"),
      2024, DocType::kWorkReport);
  ASSERT_EQ(parts.size(), 2u);
  const Paragraph& p = parts[1].sections[0].paragraphs[0];
  EXPECT_EQ(p.sentences.size(), 2u);
  EXPECT_EQ(p.sentences[0].clauses.size(), 2u);
  EXPECT_EQ(p.item_label.size(), 6u);  // 一是
}

}  // namespace
}  // namespace mubiao::report
