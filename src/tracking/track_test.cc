#include "tracking/track.h"

#include <gtest/gtest.h>

#include "store/testing.h"
#include "tracking/evidence.h"
#include "tracking/scorecard.h"

namespace mubiao::tracking {
namespace {

using targets::FindingKind;

struct Doc {
  int64_t id;
  std::string doc_type;
  std::string region;
  int year;
};

store::StoredFinding Make(const Doc& doc, FindingKind kind, std::string indicator, double value,
                          std::string unit, std::string cmp, std::string change, int year,
                          size_t at = 100) {
  store::StoredFinding s = store::testing::MakeStoredFinding(
      kind, std::move(indicator), value, std::move(unit), *quantity::ParseComparator(cmp),
      *targets::ParseChange(change), year);
  s.finding.span = {at, at + 10};
  s.document_id = doc.id;
  s.doc_type = *report::ParseDocTypeKey(doc.doc_type);
  s.source_path = "/data/" + doc.region + "/" + std::to_string(doc.year) + ".md";
  s.key = store::FindingKey(store::ContentHash(s.source_path), s.finding.span);
  s.region_code = doc.region;
  s.locality = doc.region == "000000" ? "全国" : "某省";
  s.document_year = doc.year;
  return s;
}

store::StoredFinding WithDeadline(store::StoredFinding f, std::string deadline) {
  f.finding.deadline = std::move(deadline);
  return f;
}

const Doc kReport2023{1, "work_report", "410000", 2023};
const Doc kReport2024{2, "work_report", "410000", 2024};
const Doc kNational2023{3, "work_report", "000000", 2023};
const Doc kCommunique2023{4, "communique", "000000", 2023};
const Doc kNational2024{5, "work_report", "000000", 2024};

TEST(Track, ATargetIsSettledByTheOutcomeOfItsYearAndRegion) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "地区生产总值", 5.5, "%", "~", "up", 2023)};
  std::vector<store::StoredFinding> outcomes = {
      // Another region, another year, another measure: none settles it.
      Make(kNational2024, FindingKind::kOutcome, "国内生产总值", 5.2, "%", "=", "up", 2023),
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 5.8, "%", "=", "up", 2022),
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 5.9e12, "元", "=", "", 2023),
      Make(kReport2024, FindingKind::kOutcome, "全省生产总值", 5.4, "%", "=", "up", 2023, 300),
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 5.0, "%", "=", "up", 2023, 900),
  };
  std::vector<TrackedTarget> tracked = Track({targets, outcomes, {}}, {});
  ASSERT_EQ(tracked.size(), 1u);
  const Verdict& v = tracked[0].verdict;
  EXPECT_EQ(v.status, TargetStatus::kMet);
  EXPECT_EQ(v.indicator_id, "gdp");
  EXPECT_EQ(v.measure, Measure::kGrowth);
  ASSERT_TRUE(v.outcome.has_value());
  EXPECT_EQ(v.outcome->finding.span.begin, 300u);  // the first in text order
  EXPECT_EQ(v.outcome->doc_type, report::DocType::kWorkReport);
  EXPECT_EQ(v.reason, Reason::kMetRule);
  EXPECT_EQ(EvidenceText(v), "实际 5.4% ≥ 目标 5.5% − 容差 0.5个百分点（越高越好）→ 达成");
  EXPECT_EQ(tracked[0].target.key, targets[0].key);
  EXPECT_EQ(tracked[0].status, TargetStatus::kMet);
}

TEST(Track, TheCommuniqueIsPreferredAndRanksPickAmongItsFigures) {
  std::vector<store::StoredFinding> targets = {
      Make(kNational2023, FindingKind::kTarget, "城镇调查失业率", 5.5, "%", "<=", "", 2023),
      Make(kNational2023, FindingKind::kTarget, "国内生产总值", 5, "%", "~", "up", 2023, 200)};
  std::vector<store::StoredFinding> outcomes = {
      Make(kNational2024, FindingKind::kOutcome, "城镇调查失业率", 5.2, "%", "=", "", 2023),
      Make(kNational2024, FindingKind::kOutcome, "国内生产总值", 5.2, "%", "=", "up", 2023),
      Make(kCommunique2023, FindingKind::kOutcome, "年末全国城镇调查失业率", 5.1, "%", "=", "",
           2023, 50),
      Make(kCommunique2023, FindingKind::kOutcome, "城镇调查失业率平均值", 5.6, "%", "=", "", 2023,
           90),
      Make(kCommunique2023, FindingKind::kOutcome, "国内生产总值[2]", 4.4, "%", "=", "up", 2023)};
  std::vector<TrackedTarget> tracked = Track({targets, outcomes, {}}, {});
  ASSERT_EQ(tracked.size(), 2u);
  EXPECT_EQ(tracked[0].verdict.status, TargetStatus::kMissed);  // the annual average, 5.6%
  EXPECT_EQ(tracked[0].verdict.outcome->finding.value, 5.6);
  EXPECT_EQ(tracked[0].verdict.outcome->doc_type, report::DocType::kCommunique);
  EXPECT_EQ(tracked[1].verdict.status, TargetStatus::kMissed);
  EXPECT_EQ(tracked[1].verdict.outcome->document_id, kCommunique2023.id);
}

TEST(Track, UnverifiedAndNotAssessableSayWhy) {
  store::StoredFinding commitment =
      Make(kReport2023, FindingKind::kCommitment, "全国文明城市", 0, "", "", "", 2023);
  commitment.finding.value.reset();
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "退化林修复", 200, "亩", ">=", "", 2023),
      Make(kReport2023, FindingKind::kTarget, "地区生产总值", 6, "%", "~", "up", 2023, 300),
      commitment,
      WithDeadline(
          Make(kReport2023, FindingKind::kTarget, "粮食产量", 3e7, "吨", ">=", "", 2023, 400),
          "“十四五”时期"),
      WithDeadline(
          Make(kReport2023, FindingKind::kTarget, "粮食产量", 3e7, "吨", ">=", "", 2023, 500),
          "到2025年"),
      Make(kReport2023, FindingKind::kTarget, "规模以上工业增加值", 7, "%", ">=", "up", 2023, 600)};
  std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "规模以上工业增加值", 2e11, "元", "=", "", 2023)};
  std::vector<TrackedTarget> tracked = Track({targets, outcomes, {}}, {});
  ASSERT_EQ(tracked.size(), 6u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kUnverified);
  // A wording of its own, with no later source to look in.
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kNoLaterSource);
  EXPECT_TRUE(tracked[0].verdict.open);
  EXPECT_EQ(tracked[1].verdict.reason, Reason::kNoLaterSource);
  EXPECT_EQ(tracked[1].verdict.place, "某省");
  // A commitment waits for a later review as a target does.
  EXPECT_EQ(tracked[2].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[2].verdict.reason, Reason::kNoLaterSource);
  EXPECT_EQ(tracked[3].verdict.reason, Reason::kPeriodGoal);
  EXPECT_EQ(tracked[3].verdict.deadline, "“十四五”时期");
  EXPECT_EQ(tracked[3].verdict.year, 0);
  EXPECT_EQ(tracked[4].verdict.year, 2025);
  EXPECT_EQ(tracked[5].verdict.reason, Reason::kMeasureMismatch);
  EXPECT_EQ(tracked[5].verdict.other_measures, std::vector<Measure>{Measure::kLevel});
  for (const TrackedTarget& t : tracked) EXPECT_FALSE(EvidenceText(t.verdict).empty());
}

TEST(Track, SilenceOfALaterSourceIsNotMentioned) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "地区生产总值", 6, "%", "~", "up", 2023),
      Make(kReport2023, FindingKind::kTarget, "城镇新增就业", 1.1e6, "人", ">=", "", 2023, 200),
      Make(kReport2023, FindingKind::kTarget, "退化林修复", 200, "亩", ">=", "", 2023, 300),
      Make(kReport2023, FindingKind::kTarget, "粮食产量", 6.8e7, "吨", ">=", "", 2023, 400),
      WithDeadline(
          Make(kReport2023, FindingKind::kTarget, "地区生产总值", 6, "%", ">=", "up", 2023, 500),
          "到2025年"),
      Make(kNational2023, FindingKind::kTarget, "国内生产总值", 5, "%", "~", "up", 2023),
      Make(kNational2024, FindingKind::kTarget, "国内生产总值", 5, "%", "~", "up", 2024),
      Make(kReport2023, FindingKind::kTarget, "城镇调查失业率", 5.5, "%", "<=", "", 2023, 600)};
  std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 4.1, "%", "=", "up", 2023),
      // Grain is spoken of, in a unit the lexicon does not read for it.
      Make(kReport2024, FindingKind::kOutcome, "粮食产量", 3, "个", "=", "", 2023, 700),
      // The nation's communiqué of 2023 is read: a figure of another measure.
      Make(kCommunique2023, FindingKind::kOutcome, "棉花产量", 5.6e6, "吨", "=", "", 2023, 800)};
  // Unemployment is named in the review, without a figure.
  outcomes[0].finding.sentence = "地区生产总值增长4.1%，城镇调查失业率保持稳定。";
  TrackInput input{targets, outcomes, {}};
  for (const Doc& d : {kReport2023, kReport2024, kNational2023, kCommunique2023, kNational2024}) {
    input.sources.Add(d.region, *report::ParseDocTypeKey(d.doc_type), d.year);
  }
  std::vector<TrackedTarget> tracked = Track(input, {});
  const std::vector<std::pair<TargetStatus, Reason>> expected = {
      {TargetStatus::kMissed, Reason::kMissedRule},
      // The report of 2024 reviews 2023 but says nothing of jobs.
      {TargetStatus::kNotMentioned, Reason::kNotMentioned},
      // Silence about an indicator the lexicon does not know is no finding,
      {TargetStatus::kUnverified, Reason::kIndicatorUnknown},
      // nor is a figure of it that cannot be compared.
      {TargetStatus::kUnverified, Reason::kIncomparable},
      // 2025 has no later source yet.
      {TargetStatus::kUnverified, Reason::kNoLaterSource},
      // The nation's 2023 has a communiqué and the report of 2024: both silent.
      {TargetStatus::kNotMentioned, Reason::kNotMentioned},
      {TargetStatus::kUnverified, Reason::kNoLaterSource},
      // Named in the later source, though no figure of it was read: no silence.
      {TargetStatus::kUnverified, Reason::kUnreadMention}};
  ASSERT_EQ(tracked.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(tracked[i].status, expected[i].first) << i;
    EXPECT_EQ(tracked[i].verdict.reason, expected[i].second) << i;
  }
  EXPECT_TRUE(tracked[1].verdict.sources.next_report);
  EXPECT_FALSE(tracked[1].verdict.sources.communique);
  EXPECT_EQ(EvidenceText(tracked[1].verdict),
            "某省2024年政府工作报告未提及2023年城镇新增就业的实绩");
  EXPECT_EQ(EvidenceText(tracked[4].verdict), "尚无某省2025年的统计公报或2026年的政府工作报告");
  EXPECT_EQ(EvidenceText(tracked[5].verdict),
            "全国2023年统计公报和2024年政府工作报告均未提及2023年地区生产总值的实绩");
  EXPECT_EQ(EvidenceText(tracked[7].verdict),
            "某省2024年政府工作报告提到了城镇调查失业率，但没有读出可与目标比较的2023年数字");
}

TEST(Track, ALaterSourceWithNoFigureReadClaimsNoSilence) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "城镇新增就业", 1.1e6, "人", ">=", "", 2023)};
  TrackInput input{targets, {}, {}};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024);
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 1u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kReviewUnread);
  EXPECT_EQ(EvidenceText(tracked[0].verdict),
            "某省2024年政府工作报告中没有读出2023年的任何实绩数字，无法判断是否提及");
}

TEST(Track, AReviewNamingTheIndicatorIsNoSilence) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "城镇新增就业", 1.1e6, "人", ">=", "", 2023),
      Make(kReport2023, FindingKind::kTarget, "粮食产量", 6.8e7, "吨", ">=", "", 2023, 200)};
  // The review is read: a figure of another measure.
  const std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 4.1, "%", "=", "up", 2023, 700)};
  TrackInput input{targets, outcomes, {}};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024,
                    "一年来，城镇新增就业稳中有进，物价基本平稳。");
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 2u);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kUnreadMention);  // named, no figure read
  EXPECT_EQ(tracked[1].status, TargetStatus::kNotMentioned);     // grain: not a word
  // A word the review speaks of the measure with, figure or not, is no silence.
  targets.push_back(
      Make(kReport2023, FindingKind::kTarget, "居民消费价格涨幅", 3, "%", "~", "", 2023, 300));
  input.targets = targets;
  input.sources = {};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024,
                    "一年来，就业、物价基本平稳。");
  EXPECT_EQ(Track(input, {})[2].verdict.reason, Reason::kUnreadMention);
  // Two characters of a wording anywhere in a long review are no mention.
  input.sources = {};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024, "粮食安全；产量");
  EXPECT_EQ(Track(input, {})[1].status, TargetStatus::kNotMentioned);
}

TEST(LaterSources, ACommuniqueCoversItsYearAndAReportTheYearBefore) {
  LaterSources sources;
  sources.Add("410000", report::DocType::kCommunique, 2023);
  sources.Add("410000", report::DocType::kWorkReport, 2023);
  sources.Add("410000", report::DocType::kFiveYearPlan, 2021);
  sources.Add("", report::DocType::kWorkReport, 2023);
  EXPECT_TRUE(sources.Of("410000", 2023).communique);
  EXPECT_FALSE(sources.Of("410000", 2023).next_report);
  EXPECT_TRUE(sources.Of("410000", 2022).next_report);
  EXPECT_FALSE(sources.Of("410000", 2020).any());
  EXPECT_FALSE(sources.Of("410100", 2023).any());
  EXPECT_FALSE(sources.Of("", 2022).any());
  EXPECT_TRUE(sources.ReviewsOf("410000", 2022).empty());
  sources.Add("410000", report::DocType::kWorkReport, 2023, "去年粮食丰收。");
  EXPECT_EQ(sources.ReviewsOf("410000", 2022), std::vector<std::string>{"去年粮食丰收。"});
  EXPECT_EQ(ReasonName(Reason::kNotMentioned), "not_mentioned");
  EXPECT_EQ(ReasonName(Reason::kMetRule), "met_rule");
}

// A wording the lexicon lacks is matched with the same wording of the same
// place, year and measure (or one most of which is the other's); outcomes
// of it that disagree leave it open; a wording under four characters (项目)
// names nothing to match.
TEST(Track, OpenVocabularyMatchesTheSameWordingAndLeavesCloseCallsOpen) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "湿地修复", 1e4, "亩", ">=", "", 2023),
      Make(kReport2023, FindingKind::kTarget, "新增城市绿道", 50, "公里", ">=", "", 2023, 200),
      Make(kReport2023, FindingKind::kTarget, "项目", 100, "个", ">=", "", 2023, 300),
      Make(kReport2023, FindingKind::kTarget, "农村供水管网", 500, "公里", ">=", "", 2023, 400),
      Make(kReport2023, FindingKind::kTarget, "农村饮水工程", 30, "处", ">=", "", 2023, 500)};
  std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "湿地修复", 1.05e4, "亩", "=", "", 2023),
      Make(kReport2024, FindingKind::kOutcome, "新增城市绿道", 40, "公里", "=", "", 2023, 200),
      Make(kReport2024, FindingKind::kOutcome, "新增城市绿道", 35, "公里", "=", "", 2023, 250),
      Make(kReport2024, FindingKind::kOutcome, "项目", 120, "个", "=", "", 2023, 300),
      Make(kReport2024, FindingKind::kOutcome, "农村供水管网", 120, "亿元", "=", "", 2023, 400),
      Make(kReport2024, FindingKind::kOutcome, "新建农村饮水工程", 28, "处", "=", "", 2023, 500)};
  TrackInput input{targets, outcomes, {}};
  input.sources.Add("410000", report::DocType::kWorkReport, 2024);
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 5u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kMet);
  EXPECT_TRUE(tracked[0].verdict.open);
  EXPECT_TRUE(tracked[0].verdict.indicator_id.empty());
  EXPECT_NE(EvidenceText(tracked[0].verdict).find("按原文指标“湿地修复”对应"), std::string::npos);
  EXPECT_EQ(tracked[1].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[1].verdict.reason, Reason::kAmbiguous);
  EXPECT_EQ(tracked[1].verdict.candidates, 2);
  EXPECT_EQ(tracked[2].verdict.reason, Reason::kIndicatorUnknown);
  // The same wording in another unit is no figure to compare with.
  EXPECT_EQ(tracked[3].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[3].verdict.reason, Reason::kIncomparable);
  // Most of a wording within the other's names the same measure.
  EXPECT_EQ(tracked[4].status, TargetStatus::kMissed);
}

TEST(Track, AYearlyAverageIsNeverSettledByOneYearsFigure) {
  store::StoredFinding average =
      Make(kReport2023, FindingKind::kTarget, "地区生产总值", 6, "%", "~", "up", 2023);
  average.finding.average = true;
  std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "地区生产总值", 6.5, "%", "=", "up", 2023)};
  std::vector<TrackedTarget> tracked = Track({{average}, outcomes, {}}, {});
  ASSERT_EQ(tracked.size(), 1u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[0].verdict.year, 0);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kPeriodGoal);
  EXPECT_EQ(EvidenceText(tracked[0].verdict), "多年期目标（年均），不按单一年度评估");
}

// A commitment of 某省's 2023 report (no figure), at byte `at`.
store::StoredFinding Commitment(std::string name, size_t at) {
  store::StoredFinding c =
      Make(kReport2023, FindingKind::kCommitment, std::move(name), 0, "", "", "", 2023, at);
  c.finding.value.reset();
  return c;
}

TEST(Track, ACommitmentIsMetWhenTheNextReviewSaysSo) {
  std::vector<store::StoredFinding> commitments = {Commitment("全国文明城市", 100),
                                                   Commitment("“四好农村路”示范县", 200),
                                                   Commitment("国家园林城市", 300),
                                                   Commitment("省级森林城市", 400),
                                                   Commitment("示范区", 500),
                                                   Commitment("首批国家全域旅游示范区", 600),
                                                   Commitment("军民融合产业示范基地", 700)};
  TrackInput input{commitments, {}, {}};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024,
                    "一年来，我们成功创建全国文明城市，获评四好农村路示范县。\n"
                    "积极创建国家园林城市，各项工作扎实推进。东坪镇成功创建国家全域旅游示范区。"
                    "军民融合产业园开工建设。");
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 7u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kMet);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kSaidAchieved);
  EXPECT_EQ(tracked[0].verdict.mention, "我们成功创建全国文明城市");
  EXPECT_EQ(EvidenceText(tracked[0].verdict),
            "某省2024年政府工作报告写明：“我们成功创建全国文明城市”→ 达成");
  EXPECT_EQ(tracked[1].status, TargetStatus::kMet);  // quotation marks aside
  // Under way is not done; silence is 未提及; a name as short as 示范区
  // is nothing to look for.
  EXPECT_EQ(tracked[2].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[2].verdict.reason, Reason::kNotSaidAchieved);
  EXPECT_EQ(tracked[3].status, TargetStatus::kNotMentioned);
  EXPECT_EQ(tracked[4].status, TargetStatus::kNotAssessable);
  // 首批 aside, a town of the place won the title, not the place; a review
  // repeating part of a name speaks of it: open, not 未提及.
  EXPECT_EQ(tracked[5].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[5].verdict.mention, "东坪镇成功创建国家全域旅游示范区");
  EXPECT_EQ(tracked[6].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[6].verdict.mention, "军民融合产业园开工建设");
  // A later source whose review was not read settles nothing.
  input.sources = {};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024);
  EXPECT_EQ(Track(input, {})[0].status, TargetStatus::kNotAssessable);
}

// A commitment to several titles is met when each is said achieved, and
// partly met when some are.
TEST(Track, ACommitmentToSeveralTitlesIsPartlyMetWhenSomeAreAchieved) {
  TrackInput input{{Commitment("国家卫生城市、国家园林城市、全国文明城市", 100),
                    Commitment("省级森林城市、省级园林城市", 200),
                    Commitment("全域旅游示范区、创新型城市", 300)},
                   {},
                   {}};
  input.sources.Add(kReport2024.region, report::DocType::kWorkReport, 2024,
                    "一年来，成功创建国家卫生城市，获评国家园林城市，全国文明城市创建扎实推进。"
                    "成功创建省级森林城市，荣获省级园林城市称号。东坪镇获评全域旅游示范区，"
                    "获批建设创新型城市。");
  std::vector<TrackedTarget> tracked = Track(input, {});
  ASSERT_EQ(tracked.size(), 3u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kPartlyMet);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kPartlySaidAchieved);
  EXPECT_EQ(tracked[0].verdict.mention, "成功创建国家卫生城市；获评国家园林城市");
  EXPECT_EQ(EvidenceText(tracked[0].verdict),
            "某省2024年政府工作报告写明：“成功创建国家卫生城市；获评国家园林城市”，"
            "其余各项没有写明已经完成 → 部分达成");
  EXPECT_EQ(tracked[1].status, TargetStatus::kMet);
  // A town won one title; approval to build is no title won.
  EXPECT_EQ(tracked[2].status, TargetStatus::kUnverified);
  StatusCounts counts;
  for (const TrackedTarget& t : tracked) counts.Add(t.status);
  EXPECT_EQ(counts.partly_met, 1);
  EXPECT_EQ(counts.settled(), 2);
  EXPECT_EQ(counts.total(), 3);
}

TEST(Track, AnOutcomeWrittenAsABoundSettlesOnlyOnItsSide) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "粮食产量", 7e7, "吨", ">=", "", 2023),
      Make(kReport2023, FindingKind::kTarget, "粮食产量", 6e7, "吨", ">=", "", 2023, 200),
      Make(kReport2023, FindingKind::kTarget, "单位地区生产总值能耗", 3, "%", ">=", "down", 2023,
           300)};
  // 超过6500万吨: below the first target, yet the truth may reach it; above
  // the second, which it settles. 下降超过2%: the decline may be 3% or more.
  std::vector<store::StoredFinding> outcomes = {
      Make(kReport2024, FindingKind::kOutcome, "粮食产量", 6.5e7, "吨", ">=", "", 2023),
      Make(kReport2024, FindingKind::kOutcome, "单位地区生产总值能耗", 2, "%", ">=", "down", 2023,
           300)};
  std::vector<TrackedTarget> tracked = Track({targets, outcomes, {}}, {});
  ASSERT_EQ(tracked.size(), 3u);
  EXPECT_EQ(tracked[0].status, TargetStatus::kUnverified);
  EXPECT_EQ(tracked[0].verdict.reason, Reason::kOutcomeBound);
  EXPECT_EQ(EvidenceText(tracked[0].verdict), "2023年粮食产量的实绩只写明了界限（" +
                                                  tracked[0].verdict.outcome->finding.text +
                                                  "），不足以判定是否达成");
  EXPECT_EQ(tracked[1].status, TargetStatus::kMet);
  EXPECT_EQ(tracked[2].verdict.reason, Reason::kOutcomeBound);
  // An exact figure settles either way.
  outcomes[0].finding.cmp = quantity::Comparator::kEqual;
  EXPECT_EQ(Track({targets, outcomes, {}}, {})[0].status, TargetStatus::kMissed);
}

TEST(Track, OverridesAreAppliedInOrderAndKeptAsHistory) {
  std::vector<store::StoredFinding> targets = {
      Make(kReport2023, FindingKind::kTarget, "退化林修复", 200, "亩", ">=", "", 2023)};
  std::vector<TrackedTarget> tracked = Track({targets, {}, {}}, {});
  const auto entry = [](int64_t id, const std::string& key, TargetStatus before, TargetStatus after,
                        const std::string& author) {
    store::VerdictOverride o;
    o.id = id;
    o.target_key = o.current_key = key;
    o.status_before = before;
    o.status_after = after;
    o.author = author;
    return o;
  };
  const std::string& key = tracked[0].target.key;
  store::VerdictOverride first =
      entry(7, key, TargetStatus::kUnverified, TargetStatus::kMet, "ann");
  store::VerdictOverride second = entry(9, key, TargetStatus::kMet, TargetStatus::kMissed, "bo");
  store::VerdictOverride other =
      entry(8, "0123456789abcdef:1-2", TargetStatus::kUnverified, TargetStatus::kMet, "cy");
  ApplyOverrides({second, other, first}, &tracked);
  ASSERT_EQ(tracked[0].overrides.size(), 2u);
  EXPECT_EQ(tracked[0].overrides[0].id, 7);
  EXPECT_EQ(tracked[0].status, TargetStatus::kMissed);
  EXPECT_EQ(tracked[0].verdict.status, TargetStatus::kUnverified);  // the derived verdict stays
}

TEST(Track, HeadlinesPickTheFirstTargetOfEachIndicatorAndYear) {
  std::vector<store::StoredFinding> targets = {
      Make(kNational2023, FindingKind::kTarget, "国内生产总值", 5, "%", "~", "up", 2023, 500),
      Make(kNational2023, FindingKind::kTarget, "经济增长预期目标", 5, "%", "~", "", 2023, 900),
      Make(kNational2023, FindingKind::kTarget, "国内生产总值", 5, "%", "~", "up", 2023, 100),
      Make(kNational2023, FindingKind::kTarget, "国内生产总值", 1.3e14, "元", ">=", "", 2023, 700)};
  std::vector<TrackedTarget> tracked = Track({targets, {}, {}}, {});
  std::vector<const TrackedTarget*> headlines = Headlines(tracked);
  ASSERT_EQ(headlines.size(), 2u);  // GDP growth, GDP level
  EXPECT_EQ(headlines[0]->target.finding.span.begin, 100u);
  EXPECT_EQ(headlines[1]->verdict.measure, Measure::kLevel);
}

}  // namespace
}  // namespace mubiao::tracking
