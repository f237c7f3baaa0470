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

// Unnumbered lines head the review and the plan, and the chapters under each
// are numbered afresh: every chapter takes the role of the line above it,
// although "四、持续加强政府自身建设" alone would read as a plan.
TEST(BuildOutline, ChaptersUnderUnnumberedReviewAndPlanLines) {
  const std::string text =
      "各位代表：\n\n现在，我代表县人民政府向大会报告工作。\n\n"
      "**2028年工作回顾**\n\n过去一年，全县上下团结奋进。\n\n"
      "**一、着力稳定经济运行**\n\n一是着力稳工业。着力培育骨干企业，新增规上企业12户。\n\n"
      "**二、着力改善城乡面貌**\n\n着力推进旧城改造，改造老旧小区30个。\n\n"
      "**三、持续加强政府自身建设**\n\n着力转变作风，办理建议提案216件。\n\n"
      "**2029年重点工作**\n\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n\n"
      "**一、着力扩大有效投资**\n\n实施重点项目80个以上。\n\n"
      "**二、持续加强政府自身建设**\n\n办好十件民生实事。\n";
  auto doc = ImportMarkdown(text);
  ASSERT_TRUE(doc.ok());
  std::vector<Part> parts = BuildOutline(*doc, 2029, DocType::kWorkReport);
  std::vector<std::string> kinds;
  for (const Part& p : parts) kinds.emplace_back(PartKindName(p.kind));
  EXPECT_EQ(kinds, (std::vector<std::string>{"opening", "review", "review", "review", "review",
                                             "plan", "plan", "plan"}));
}

// Without an unnumbered plan line after it, a review line is no tier: the
// numbered parts after a short review decide by themselves.
TEST(BuildOutline, ReviewLineAloneIsNoTier) {
  const std::string text =
      "各位代表：\n\n现在，我代表县人民政府向大会报告工作。\n\n"
      "**2028年工作回顾**\n\n过去一年，全县地区生产总值增长5.8%，完成了目标任务。\n\n"
      "**一、2029年主要目标**\n\n今年地区生产总值增长6%左右。\n\n"
      "**二、持续加强政府自身建设**\n\n确保办好十件民生实事。\n";
  auto doc = ImportMarkdown(text);
  ASSERT_TRUE(doc.ok());
  std::vector<Part> parts = BuildOutline(*doc, 2029, DocType::kWorkReport);
  ASSERT_GE(parts.size(), 3u);
  EXPECT_EQ(parts.back().kind, PartKind::kPlan);
}

}  // namespace
}  // namespace mubiao::report
