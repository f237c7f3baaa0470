// The review/plan model against the hand-labelled gold set
// (testdata/scope_gold): every labelled sentence of 43 real reports, scored
// paragraph by paragraph. Development and held-out reports are reported
// apart; the held-out ones were never used to tune the rules.
#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <string_view>
#include <utility>
#include <vector>

#include "base/testing.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "report/scope.h"
#include "report/scope_gold.h"

namespace mubiao::report {
namespace {

using testing::GoldParagraph;
using testing::ScopeGoldEntries;

TEST(Scope, NamesRoundTrip) {
  for (Scope s : {Scope::kOther, Scope::kReviewYear, Scope::kReviewPeriod, Scope::kPlanYear,
                  Scope::kPlanPeriod}) {
    EXPECT_EQ(ParseScope(ScopeName(s)), s);
  }
  EXPECT_FALSE(ParseScope("review").has_value());
  EXPECT_TRUE(IsReview(Scope::kReviewPeriod));
  EXPECT_FALSE(IsReview(Scope::kPlanYear));
  EXPECT_TRUE(IsPlan(Scope::kPlanPeriod));
  EXPECT_FALSE(IsPlan(Scope::kOther));
}

// Scopes of a small report written for the test.
Report Analyze(const std::string& body, int year = 2024) {
  const std::string md =
      "---\ntitle: 青禾县人民政府工作报告（示例）\n---\n\n——" + std::to_string(year) +
      "年1月16日在青禾县第十八届人民代表大会第三次会议上\n\n各位代表：\n\n" + body;
  Result<Document> doc = ImportMarkdown(md);
  EXPECT_TRUE(doc.ok());
  Result<Report> r = AnalyzeDocument(std::move(doc).value(), regions::Gazetteer::Builtin());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(r).value();
}

Scope ScopeOf(const Report& r, std::string_view quote) {
  const size_t at = r.document.text.find(quote);
  EXPECT_NE(at, std::string::npos) << quote;
  return r.ScopeAt(at);
}

// A report written for a test and the scope each quoted stretch of it gets.
struct WrittenReport {
  const char* shows;  // the rule the report shows
  int year;
  const char* body;
  std::vector<std::pair<std::string_view, Scope>> scopes;
};

const WrittenReport kWrittenReports[] = {
    {"Openers turn a review between the year and the period",
     2024,
     "**一、过去一年和五年工作回顾**\n\n过去一年，地区生产总值增长5%。\n\n"
     "全县粮食产量20万吨。\n\n五年来，地区生产总值年均增长6%。\n\n"
     "城乡面貌明显改善。全县新增绿地，去年新建公园3个。\n\n"
     "我们也清醒地看到，发展还有不少困难。\n\n"
     "**二、2024年工作安排**\n\n今年地区生产总值增长6%左右。到2027年，森林覆盖率达到40%。"
     "过去一年，我们新建学校2所。今年再建3所。\n\n各位代表！\n\n",
     {{"过去一年，地区", Scope::kReviewYear},
      {"全县粮食产量", Scope::kReviewYear},  // the opener holds
      {"五年来", Scope::kReviewPeriod},
      {"城乡面貌", Scope::kReviewPeriod},
      {"全县新增绿地", Scope::kReviewYear},  // a sentence of the last year
      {"我们也清醒地看到", Scope::kReviewYear},
      {"今年地区", Scope::kPlanYear},
      {"到2027年", Scope::kPlanPeriod},
      {"过去一年，我们新建", Scope::kReviewYear},  // a look back in the plan
      {"今年再建", Scope::kPlanYear},
      {"各位代表！", Scope::kOther}}},
    {"A paragraph opening on what a span of years was (这是…的5年) reviews the span",
     2016,
     "**一、2015年和“十二五”时期工作回顾**\n\n一年来，地区生产总值增长8%。\n\n"
     "这是青禾城乡面貌焕然一新的5年。累计建成县乡公路180公里。\n\n"
     "这是人民生活明显改善的10年。新建学校30所。\n\n"
     "**二、2016年工作安排**\n\n今年地区生产总值增长7%左右。\n\n",
     {{"累计建成县乡公路", Scope::kReviewPeriod},
      {"新建学校30所", Scope::kReviewPeriod},
      {"一年来", Scope::kReviewYear}}},
    {"Theme headings after a review go on reviewing",
     2024,
     "**一、2023年工作回顾**\n\n全县经济稳中有进。\n\n"
     "**二、发展动能持续增强**\n\n地区生产总值增长5.2%。\n\n"
     "**三、2024年工作安排**\n\n今年地区生产总值增长6%左右。\n\n"
     "**结束语**\n\n让我们团结一心，再创佳绩！\n\n"
     "附：\n\n2024年民生实事：新建学校3所。\n",
     {{"地区生产总值增长5.2%", Scope::kReviewYear}, {"让我们团结一心", Scope::kOther}}},
    {"The first part after the opening, headed like a plan but opening with a look back, reviews; "
     "a later plan part opening so does not (a foreign affairs part that recalls the year, then "
     "says what is to be done).",
     2024,
     "**一、攻坚克难，“十四五”实现良好开局**\n\n2023年是青禾县爬坡过坎的一年。\n\n"
     "——**经济运行稳中加固。**地区生产总值增长6.3%。\n\n"
     "**二、2024年工作安排**\n\n今年地区生产总值增长6%左右。\n\n"
     "**三、扩大对外交往**\n\n2023年是对外交往活跃的一年。\n\n"
     "深化友好城市交流合作，新增友好城市2个。\n\n",
     {{"地区生产总值增长6.3%", Scope::kReviewYear},
      {"今年地区", Scope::kPlanYear},
      {"深化友好城市", Scope::kPlanYear}}},
    {"One measure's horizon marks its paragraph only.",
     2024,
     "**一、2023年工作回顾**\n\n过去一年，全县经济稳中有进。\n\n"
     "**二、2024年工作安排**\n\n今后三年内新建学校5所。\n\n全年新增城镇就业6000人。\n\n",
     {{"今后三年内", Scope::kPlanPeriod}, {"全年新增", Scope::kPlanYear}}},
    {"A later year deep inside a sentence of the year's plan is one measure's deadline; a sentence "
     "that opens with it looks ahead.",
     2024,
     "**一、2023年工作回顾**\n\n过去一年，全县经济稳中有进。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。启动茶旅融合提升行动，"
     "力争到2027年茶园面积翻一番。到2030年，全县森林覆盖率达到70%。\n\n",
     {{"启动茶旅融合", Scope::kPlanYear}, {"到2030年，全县", Scope::kPlanPeriod}}},
    {"A later year after a verb is one measure's deadline; a year spaced from its 年 is a year",
     2024,
     "**一、过去五年工作回顾**\n\n五年来，全县基础设施明显改善。"
     "2023 年，全县新建学校5所。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。制定2030年前碳达峰行动方案。"
     "2030 年，全县森林覆盖率达到70%。\n\n",
     {{"2023 年，全县", Scope::kReviewYear},
      {"制定2030年前", Scope::kPlanYear},
      {"2030 年，全县", Scope::kPlanPeriod}}},
    {"The shortcomings closing a five-year review are the last year's, even when the first "
     "sentence names them after a lead-in; the thanks closing its results belong to the whole "
     "review.",
     2024,
     "**一、过去五年工作回顾**\n\n五年来，地区生产总值年均增长6%，城乡面貌明显改观。\n\n"
     "2023年，全县地区生产总值增长5.5%，新增城镇就业5800人。\n\n"
     "各位代表，成绩来之不易，这是全县人民团结奋斗的结果。在此，我代表县人民政府，"
     "向全县人民表示衷心的感谢！\n\n"
     "五年来，我们深刻体会到，必须始终坚持发展第一要务，一张蓝图绘到底。\n\n"
     "在肯定成绩的同时，我们也清醒认识到，全县发展还面临不少困难和问题。产业层次不高，"
     "县域财力偏弱，公共服务还有短板。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。\n\n",
     {{"2023年，全县", Scope::kReviewYear},
      {"各位代表，成绩来之不易", Scope::kReviewPeriod},
      {"五年来，我们深刻体会到", Scope::kReviewPeriod},
      {"在肯定成绩的同时", Scope::kReviewYear},
      {"产业层次不高", Scope::kReviewYear}}},
    {"A december report reviews this year so far",
     2024,
     "**一、2023年工作回顾**\n\n今年以来，全县新建公园3个。\n\n"
     "**二、2024年工作安排**\n\n新建公园5个。\n",
     {{"今年以来", Scope::kReviewYear}, {"新建公园5个", Scope::kPlanYear}}},
    {"Appendices of the years tasks plan glossaries do not",
     2030,
     "**一、2029年工作回顾**\n\n过去一年，地区生产总值增长5%。\n\n"
     "**二、2030年工作安排**\n\n今年地区生产总值增长6%左右。\n\n"
     "各位代表，青禾的蓝图已经绘就。让我们更加紧密地团结起来，奋力前行！\n\n"
     "附：\n\n2030年十方面实事项目\n\n一是新建学校3所。\n\n"
     "附件二\n\n注释\n\n一区两带：指青禾县的产业布局。\n\n"
     "资料：《政府工作报告》名词解释（按出现先后排列）\n\n三改：指改灶、改院、改线。\n\n",
     {{"各位代表，青禾", Scope::kOther},  // the closing appeal
      {"一是新建学校", Scope::kPlanYear},
      {"一区两带", Scope::kOther},
      {"三改", Scope::kOther}}},
    {"A section on an ended five year plan reviews it",
     2026,
     "**一、2025年工作回顾**\n\n过去一年，地区生产总值增长5%。\n\n"
     "**二、关于“十五五”规划纲要**"
     "\n\n（一）“十四五”时期发展回顾\n\n5年来，青禾县综合实力显著增强。\n\n"
     "（二）“十五五”时期的主要目标\n\n到2030年，地区生产总值达到500亿元。\n\n"
     "**三、2026年工作安排**\n\n今年地区生产总值增长6%左右。\n\n",
     {{"5年来", Scope::kReviewPeriod},
      {"到2030年", Scope::kPlanPeriod},
      {"今年地区", Scope::kPlanYear}}},
    {"Unnumbered year headings open their parts",
     2030,
     "现在，我代表县人民政府，向大会报告政府工作，请予审议，并请县政协委员提出意见。\n\n"
     "**众志成城、抗击洪灾**\n\n"
     "去年7月，青禾县遭遇有记录以来最大的一次洪水，全县十二个乡镇受灾，受灾群众八万余人，"
     "直接经济损失十余亿元。\n\n"
     "全力抢险救灾。第一时间启动应急响应，组织干部群众和救援力量奋战七天七夜，"
     "转移安置受灾群众2万人，做到了不死人、少伤人。\n\n"
     "全面恢复生产。抢修受损基础设施，修复道路100公里、桥梁12座、堤防30公里，"
     "受灾群众全部在冬季到来前住进安全住房。\n\n"
     "**青禾同心、稳中求进 2029年经济社会实现平稳发展**\n\n主要指标回升。地区生产总值增长5%。\n\n"
     "在看到成绩的同时，我们也清醒地认识到，困难不少。\n\n"
     "青禾奋进、再谱新篇 2030年各项工作务求新成效\n\n今年地区生产总值增长6%左右。\n\n",
     {{"修复道路", Scope::kReviewYear},
      {"主要指标回升", Scope::kReviewYear},
      {"在看到成绩", Scope::kReviewYear},
      {"今年地区", Scope::kPlanYear}}},
    {"A title line is no year heading",
     2030,
     "青禾县人民政府\n\n第十八届人民代表大会第五次会议文件\n\n2030年政府工作报告\n\n"
     "**一、2029年工作回顾**\n\n过去一年，地区生产总值增长5%。\n\n"
     "**二、2030年工作安排**\n\n今年地区生产总值增长6%左右。\n\n",
     {{"2030年政府工作报告", Scope::kOther}, {"过去一年", Scope::kReviewYear}}},
    {"A plan's look at recent years weighs the situation",
     2030,
     "**一、2029年工作回顾**\n\n过去一年，地区生产总值增长5%。\n\n"
     "**二、2030年工作安排**\n\n近年来，青禾县发展基础不断夯实。要抓住机遇。\n\n"
     "安不忘危，我们要增强忧患意识。\n\n",
     {{"近年来", Scope::kPlanYear}}},
    {"In a five-year review a sentence opening with the last year is that year's, unless it "
     "compares with an earlier one",
     2024,
     "**一、过去五年工作回顾**\n\n五年来，全县基础设施明显改善。"
     "2023年建成县城至高铁站快速通道。2023年城镇化率达到58%，比2018年提高6个百分点。"
     "农村公路通达所有行政村。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。\n\n",
     {{"2023年建成", Scope::kReviewYear},
      {"2023年城镇化率", Scope::kReviewPeriod},
      {"农村公路", Scope::kReviewPeriod}}},
    {"In a report without headings, the shortcomings close the review",
     2024,
     "现在，我代表县人民政府，向大会报告政府工作，请予审议，并请县政协委员提出意见。\n\n"
     "过去一年，全县经济稳中有进，地区生产总值增长5%，新建学校3所，修建农村公路120公里，"
     "完成了年初确定的各项目标任务。\n\n"
     "我们也清醒地看到，发展中还存在不少困难和问题，产业层次不高，县域财力偏弱，我们要高度重视，"
     "必须着力加以解决。\n\n"
     "今年要抓好以下工作：确保地区生产总值增长6%左右，力争新建学校5所，加快建设产业园区，"
     "着力抓好乡村振兴，要把各项任务落到实处。\n\n",
     {{"我们也清醒地看到", Scope::kReviewYear}, {"今年要抓好", Scope::kPlanYear}}},
    {"A sentence opening with \"N年来\" looks back over those years; inside a sentence it does "
     "not",
     2024,
     "**一、2023年工作回顾**\n\n过去一年，全县粮食产量20万吨，是十多年来最好的一年。"
     "二十年来，全县干部群众接续奋斗，荒山变成了茶园。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。\n\n",
     {{"是十多年来最好", Scope::kReviewYear}, {"二十年来", Scope::kReviewPeriod}}},
    {"A table of the review's figures is the review's; an editor's note is no part of it",
     2024,
     "**一、过去五年工作回顾**\n\n五年来，地区生产总值年均增长6%，城乡面貌明显改观。\n\n"
     "**二、2024年工作安排**\n\n全年新增城镇就业6000人。\n\n"
     "附录：《政府工作报告》数据汇总表\n\n地区生产总值五年累计2100亿元，年均增长6%。\n\n"
     "注：带*的为预计数。\n\n",
     {{"附录：《政府工作报告》数据汇总表", Scope::kReviewPeriod},
      {"地区生产总值五年累计", Scope::kReviewPeriod},
      {"注：带*的为预计数", Scope::kOther}}},
    {"In a plan, what was done last year named as the subject of what is to be done, and the "
     "government's own pledge, are the plan's",
     2024,
     "**一、2023年工作回顾**\n\n过去一年，全县经济稳中有进。\n\n"
     "**二、2024年工作安排**\n\n去年出台的惠企十条，要不折不扣落到实处。\n\n"
     "本届政府将始终坚持过紧日子，把有限的资金用在刀刃上。\n\n"
     "去年，我们新建学校3所。今年再建5所。\n\n",
     {{"去年出台的", Scope::kPlanYear},
      {"本届政府将", Scope::kPlanYear},
      {"去年，我们新建", Scope::kReviewYear}}},
    {"In the first year of a five-year plan, a paragraph opening with that plan looks ahead, "
     "even inside a review of the last one",
     2021,
     "**一、“十三五”发展成就和“十四五”主要目标**\n\n五年来，地区生产总值年均增长6%。\n\n"
     "“十四五”时期是青禾县加快建设生态强县的五年。\n\n"
     "**二、2021年工作安排**\n\n今年地区生产总值增长6%以上。\n\n",
     {{"五年来", Scope::kReviewPeriod}, {"“十四五”时期是", Scope::kPlanPeriod}}},
    {"An opening that sums up the year before the review's chapters reviews it; the paragraph "
     "presenting the report does not",
     2024,
     "青禾县人民政府今天把这一年的情况向大会报告，请予审议。\n\n"
     "过去的一年，我们较好完成了县十八届人大二次会议确定的目标任务。预计实现地区生产总值"
     "120亿元，增长5.6%。\n\n2024年是青禾县全面转型的关键一年，地区生产总值要增长6%左右。\n\n"
     "城乡居民收入稳步增长，新增城镇就业3000人。\n\n"
     "**一、2023年工作回顾**\n\n全县经济稳中有进。\n\n"
     "**二、2024年工作安排**\n\n今年地区生产总值增长6%左右。\n\n",
     {{"青禾县人民政府今天", Scope::kOther},
      {"过去的一年，我们", Scope::kReviewYear},
      {"预计实现地区生产总值", Scope::kReviewYear},
      {"2024年是青禾县", Scope::kPlanYear},      // a paragraph turning to the plan year
      {"新增城镇就业3000人", Scope::kPlanYear},  // and what follows it
      {"今年地区生产总值", Scope::kPlanYear}}},
    {"A chapter heading run into its first paragraph (the line break lost) still heads its "
     "chapter; a heading that goes on with 及 is one heading",
     2024,
     "一、2023年工作回顾过去的一年，全县经济稳中有进，地区生产总值增长5%。\n\n"
     "（一）产业发展。新建厂房10万平方米。\n\n"
     "二、2024年工作安排今年是关键之年，地区生产总值增长6%左右。\n\n",
     {{"新建厂房10万平方米", Scope::kReviewYear}, {"地区生产总值增长6%左右", Scope::kPlanYear}}},
    {"去年 naming only when something now in force was done (去年到期的) looks nowhere back",
     2010,
     "**一、2009年工作总结**\n\n全县经济稳中有进。\n\n"
     "**二、2010年工作安排**\n\n就业是民生之本。去年到期的就业扶持政策延长一年。"
     "新增转移就业农村劳动力1万人。\n\n",
     {{"新增转移就业农村劳动力1万人", Scope::kPlanYear}}},
    {"Glossary entries at the plan's end, without a 名词解释 heading, are no plan; the year's "
     "promises listed beside them are",
     2024,
     "**一、2023年工作回顾**\n\n全县经济稳中有进。\n\n"
     "**二、2024年工作安排**\n\n今年地区生产总值增长6%左右。\n\n"
     "民生“五件实事”：（1）新建3所幼儿园；（2）改造老旧小区10个。\n\n"
     "“3个1工程”：指每个乡镇建设1个卫生院、1个文化站、1个农贸市场。\n\n"
     "六争：即争政策、争项目、争资金、争人才、争出经验、争先进。\n\n"
     "（三）数字经济：系统推进5G基站建设，新建基站300个。\n\n",
     {{"新建3所幼儿园", Scope::kPlanYear},
      {"“3个1工程”：指", Scope::kOther},
      {"（三）数字经济：系统推进", Scope::kPlanYear},
      {"六争：即", Scope::kOther}}},
};

TEST(Scope, WrittenReports) {
  for (const WrittenReport& w : kWrittenReports) {
    SCOPED_TRACE(w.shows);
    const Report r = Analyze(w.body, w.year);
    for (const auto& [quote, scope] : w.scopes) {
      EXPECT_EQ(ScopeOf(r, quote), scope) << quote;
    }
  }
}

TEST(Scope, CueOfOneSentence) {
  EXPECT_EQ(ScopeCue("“十二五”时期是", Scope::kReviewPeriod, 2021), std::nullopt);
  // Found by fuzz_targets: a long run of digits overflowed the year reader.
  EXPECT_EQ(ScopeCue("到88888888888888888888年建成。", Scope::kPlanYear, 2024), std::nullopt);
  EXPECT_EQ(ScopeCue("到2030年建成。", Scope::kPlanYear, 2024), Scope::kPlanPeriod);
}

// Counts over a set of reports.
struct Tally {
  int paragraphs = 0;
  int right = 0;
  int sentences = 0;
  int sentences_right = 0;
  int unlocated = 0;
  double Accuracy() const { return paragraphs == 0 ? 0 : static_cast<double>(right) / paragraphs; }
  void Add(const Tally& t) {
    mubiao::testing::AddCounters(*this, t, &Tally::paragraphs, &Tally::right, &Tally::sentences,
                                 &Tally::sentences_right, &Tally::unlocated);
  }
};

// A paragraph is right when every one of its labelled sentences has the
// gold scope.
Tally Score(const Report& report, const std::vector<GoldParagraph>& gold, bool verbose) {
  Tally t;
  for (const GoldParagraph& p : gold) {
    bool all = true;
    for (const testing::GoldSentence& s : p.sentences) {
      const Scope got = report.ScopeAt(s.begin);
      ++t.sentences;
      if (got == s.scope) {
        ++t.sentences_right;
      } else {
        all = false;
        if (verbose) {
          std::string_view text = std::string_view(report.document.text).substr(s.begin, 60);
          std::cout << "      p" << p.number << " gold " << ScopeName(s.scope) << " got "
                    << ScopeName(got) << ": " << text << "\n";
        }
      }
    }
    t.unlocated += p.unlocated;
    ++t.paragraphs;
    t.right += all ? 1 : 0;
  }
  return t;
}

TEST(Scope, GoldReports) {
  MUBIAO_REQUIRE_DATA("corpus");
  MUBIAO_REQUIRE_DATA("national-jsonl");
  const bool verbose = std::getenv("MUBIAO_SCOPE_VERBOSE") != nullptr;
  // Tallies of dev, seen and held-out reports (GoldSplit order).
  Tally splits[3];
  static constexpr const char* kSplitNames[] = {"dev", "seen", "heldout"};
  int year_right = 0;
  int reports = 0;
  for (const testing::ScopeGoldEntry& entry : ScopeGoldEntries()) {
    Result<testing::ScopeGoldReport> gold = testing::LoadScopeGold(entry);
    ASSERT_TRUE(gold.ok()) << entry.source << ": " << gold.status().message();
    Result<Report> report = AnalyzeDocument(gold->document, regions::Gazetteer::Builtin());
    ASSERT_TRUE(report.ok()) << entry.source << ": " << report.status().message();
    ++reports;
    year_right += report->metadata.year == gold->plan_year ? 1 : 0;
    EXPECT_EQ(report->metadata.year, gold->plan_year) << entry.source;
    if (verbose) {
      for (const Part& part : report->parts) {
        std::cout << "    part " << PartKindName(part.kind) << (part.multi_year ? " multi" : "")
                  << " " << ScopeName(part.scope) << ": "
                  << report->document.Slice(part.heading).substr(0, 60) << "\n";
      }
    }
    const Tally t = Score(*report, gold->paragraphs, verbose);
    const size_t split = static_cast<size_t>(entry.split);
    std::printf("  %-8s %5.3f %3d/%3d  %s\n", kSplitNames[split], t.Accuracy(), t.right,
                t.paragraphs, entry.source.c_str());
    splits[split].Add(t);
  }
  const Tally& dev = splits[0];
  const Tally& seen = splits[1];
  const Tally& heldout = splits[2];
  Tally all = dev;
  all.Add(seen);
  all.Add(heldout);
  std::printf(
      "scope: dev %.4f (%d/%d), seen %.4f (%d/%d), heldout %.4f (%d/%d); sentences %d/%d; "
      "unlocated %d; plan year %d/%d\n",
      dev.Accuracy(), dev.right, dev.paragraphs, seen.Accuracy(), seen.right, seen.paragraphs,
      heldout.Accuracy(), heldout.right, heldout.paragraphs, all.sentences_right, all.sentences,
      all.unlocated, year_right, reports);
  EXPECT_GE(reports, 40);
  // Sentences the tool split differently from mubiao's import are few.
  EXPECT_LE(all.unlocated * 100, all.sentences);
  // The bars at the figures last measured (0.9812 / 0.9836 / 0.9856,
  // README): at or above the goal of 0.98 on each.
  EXPECT_GE(dev.Accuracy(), 0.9811);
  EXPECT_GE(seen.Accuracy(), 0.9835);
  EXPECT_GE(heldout.Accuracy(), 0.9855);
}

}  // namespace
}  // namespace mubiao::report
