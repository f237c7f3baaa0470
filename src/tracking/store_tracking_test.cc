// Tracking through a SQLite store, on small reports written for this test
// (a fictional year of 全国, 河南 and 郑州; figures are ours).

#include "tracking/store_tracking.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "tracking/evidence.h"
#include "tracking/export.h"
#include "tracking/testing.h"

namespace mubiao::tracking {
namespace {

// Run twice: with verdicts derived on reading (a store whose places are
// not tracked yet) and with the verdicts stored by UpdateStoredVerdicts.
class StoreTrackingTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const std::string db = store::testing::TestDatabase(dir_ / "t.db");
    ASSERT_NO_FATAL_FAILURE(testing::MakeTrackingStore(dir_.path(), db));
    Result<std::unique_ptr<store::Store>> s = store::OpenStore(db);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    if (GetParam()) {
      Result<int> tracked = UpdateStoredVerdicts(store_.get());
      ASSERT_TRUE(tracked.ok()) << tracked.status().message();
      EXPECT_EQ(*tracked, 3);  // 全国, 河南, 郑州
    }
  }

  // Every tracked target as JSON lines.
  std::string AllJson() {
    Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
    if (!all.ok()) return "error: " + all.status().message();
    std::string lines;
    for (const TrackedTarget& t : *all) {
      lines += TrackedTargetJson(t, Tolerance{}).dump() + "\n";
    }
    return lines;
  }

  const TrackedTarget* Find(const std::vector<TrackedTarget>& all, const std::string& locality,
                            const std::string& indicator, int year) {
    for (const TrackedTarget& t : all) {
      if (t.target.locality == locality && t.verdict.indicator_id == indicator &&
          t.verdict.year == year) {
        return &t;
      }
    }
    return nullptr;
  }

  mubiao::testing::TempDir dir_{"mubiao_tracking"};
  std::unique_ptr<store::Store> store_;
};

TEST_P(StoreTrackingTest, TargetsAreSettledFromTheCommuniqueAndTheNextReport) {
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok()) << all.status().message();
  const TrackedTarget* national = Find(*all, "全国", "gdp", 2023);
  ASSERT_NE(national, nullptr);
  EXPECT_EQ(national->status, TargetStatus::kMet);
  EXPECT_EQ(national->verdict.outcome->doc_type, report::DocType::kCommunique);
  Result<store::StoredFinding> by_key = store_->FindingByKey(national->target.key);
  ASSERT_TRUE(by_key.ok()) << by_key.status().message();
  EXPECT_NE(by_key->source_path.find("national-2023.md"), std::string::npos);
  const TrackedTarget* henan = Find(*all, "河南省", "gdp", 2023);
  ASSERT_NE(henan, nullptr);
  EXPECT_EQ(henan->status, TargetStatus::kMissed);  // 4.1% < 6% − 0.5
  EXPECT_EQ(henan->verdict.outcome->doc_type, report::DocType::kWorkReport);
  ASSERT_TRUE(henan->verdict.outcome.has_value());
  EXPECT_NE(henan->verdict.outcome->source_path.find("henan-2024.md"), std::string::npos);
  EXPECT_EQ(Find(*all, "河南省", "urban_new_jobs", 2023)->status, TargetStatus::kMet);
  // The report of 2024 is a later source of 河南's 2023, silent on prices;
  // nothing later than 2024 is stored, and nothing of 郑州 after 2023.
  const TrackedTarget* prices = Find(*all, "河南省", "cpi", 2023);
  ASSERT_NE(prices, nullptr);
  EXPECT_EQ(prices->status, TargetStatus::kNotMentioned);
  EXPECT_EQ(EvidenceText(prices->verdict),
            "河南省2024年政府工作报告未提及2023年居民消费价格涨幅的实绩");
  EXPECT_EQ(Find(*all, "河南省", "gdp", 2024)->verdict.reason, Reason::kNoLaterSource);
  EXPECT_EQ(Find(*all, "郑州市", "gdp", 2023)->status, TargetStatus::kUnverified);
  EXPECT_EQ(Find(*all, "郑州市", "gdp", 2023)->verdict.reason, Reason::kNoLaterSource);
  // A report page sees the later sources of its own place.
  TrackQuery page;
  page.document_id = prices->target.document_id;
  Result<std::vector<TrackedTarget>> on_page = TrackStored(store_.get(), page);
  ASSERT_TRUE(on_page.ok());
  EXPECT_EQ(Find(*on_page, "河南省", "cpi", 2023)->status, TargetStatus::kNotMentioned);

  TrackQuery henan_only;
  henan_only.region_code = "410000";
  henan_only.indicator = "地区生产总值";
  henan_only.year = 2023;
  Result<std::vector<TrackedTarget>> some = TrackStored(store_.get(), henan_only);
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some->size(), 2u);  // 河南 and 郑州
  TrackQuery unknown;
  unknown.indicator = "幸福指数";
  EXPECT_EQ(TrackStored(store_.get(), unknown).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreTrackingTest, OverridesAreAppendedAndShown) {
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok());
  const std::string key = Find(*all, "河南省", "gdp", 2023)->target.key;
  Result<store::VerdictOverride> first =
      OverrideVerdict(store_.get(), key, TargetStatus::kMet, "ann", "revised statistics: 6.1%");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->status_before, TargetStatus::kMissed);
  EXPECT_EQ(first->status_after, TargetStatus::kMet);
  EXPECT_EQ(first->quote, Find(*all, "河南省", "gdp", 2023)->target.finding.text);
  Result<store::VerdictOverride> second =
      OverrideVerdict(store_.get(), key, TargetStatus::kMissed, "bo", "the revision was withdrawn");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->status_before, TargetStatus::kMet);
  all = TrackStored(store_.get(), {});
  const TrackedTarget* henan = Find(*all, "河南省", "gdp", 2023);
  EXPECT_EQ(henan->overrides.size(), 2u);
  EXPECT_EQ(henan->status, TargetStatus::kMissed);
  EXPECT_EQ(henan->verdict.status, TargetStatus::kMissed);
  EXPECT_EQ(OverrideVerdict(store_.get(), "0123456789abcdef:1-2", TargetStatus::kMet, "ann", "x")
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(OverrideVerdict(store_.get(), "/nowhere.md#1-2", TargetStatus::kMet, "ann", "x")
                .status()
                .code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(OverrideVerdict(store_.get(), key, TargetStatus::kMet, "ann", "").status().code(),
            StatusCode::kInvalidInput);
}

TEST_P(StoreTrackingTest, EscalationAndScorecard) {
  Result<Escalation> e = StoredEscalation(store_.get(), "gdp", 2023);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->measure, Measure::kGrowth);
  ASSERT_EQ(e->rows.size(), 3u);
  EXPECT_EQ(e->rows[0].locality, "全国");
  EXPECT_EQ(e->rows[1].locality, "河南省");
  EXPECT_DOUBLE_EQ(*e->rows[1].markup, 1);
  EXPECT_EQ(e->rows[2].locality, "郑州市");
  EXPECT_DOUBLE_EQ(*e->rows[2].markup, 1);
  Result<Scorecard> card = StoredScorecard(store_.get(), "410000");
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->by_year[2023].missed, 1);
  EXPECT_EQ(card->by_year[2023].met, 1);
  EXPECT_EQ(card->by_year[2023].not_mentioned, 1);
  EXPECT_EQ(card->by_year[2024].unverified, 1);
  ASSERT_EQ(card->series.size(), 1u);
  EXPECT_EQ(card->series[0].indicator_id, "gdp");
}

TEST_P(StoreTrackingTest, CountsByPlaceAreEachScorecardsYear) {
  // With an override, which both apply.
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(OverrideVerdict(store_.get(), Find(*all, "河南省", "gdp", 2023)->target.key,
                              TargetStatus::kMet, "ann", "revised statistics")
                  .ok());
  for (int year : {2023, 2024}) {
    Result<std::map<std::string, StatusCounts>> counts =
        StoredCountsByPlace(store_.get(), regions::RegionLevel::kProvince, year);
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    // 河南 only: the nation and 郑州 are of other levels.
    ASSERT_EQ(counts->size(), 1u) << year;
    Result<Scorecard> card = StoredScorecard(store_.get(), "410000");
    ASSERT_TRUE(card.ok());
    const StatusCounts& mine = counts->at("410000");
    const StatusCounts& theirs = card->by_year[year];
    EXPECT_EQ(mine.met, theirs.met) << year;
    EXPECT_EQ(mine.missed, theirs.missed) << year;
    EXPECT_EQ(mine.not_mentioned, theirs.not_mentioned) << year;
    EXPECT_EQ(mine.unverified, theirs.unverified) << year;
    EXPECT_EQ(mine.not_assessable, theirs.not_assessable) << year;
    EXPECT_EQ(mine.total(), theirs.total()) << year;
  }
  EXPECT_EQ(
      StoredCountsByPlace(store_.get(), regions::RegionLevel::kProvince, 2023)->at("410000").met,
      2);
  Result<std::map<std::string, StatusCounts>> prefectures =
      StoredCountsByPlace(store_.get(), regions::RegionLevel::kPrefecture, 2023);
  ASSERT_TRUE(prefectures.ok());
  ASSERT_EQ(prefectures->size(), 1u);
  EXPECT_EQ(prefectures->begin()->first, "410100");  // 郑州
  EXPECT_TRUE(StoredCountsByPlace(store_.get(), regions::RegionLevel::kProvince, 2030)->empty());
}

TEST_P(StoreTrackingTest, ScorecardCountsEveryTargetAsShown) {
  // With an override: the stored scorecard counts in the store and applies
  // overrides apart, and must agree with counting every tracked target.
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(OverrideVerdict(store_.get(), Find(*all, "河南省", "cpi", 2023)->target.key,
                              TargetStatus::kMissed, "ann", "the communiqué gives 2.9%")
                  .ok());
  for (const std::string code : {"000000", "410000", "410100"}) {
    TrackQuery place;
    place.region_code = code;
    place.place_only = true;
    Result<std::vector<TrackedTarget>> mine = TrackStored(store_.get(), place);
    ASSERT_TRUE(mine.ok());
    const Scorecard expected = BuildScorecard(*mine, code);
    Result<Scorecard> card = StoredScorecard(store_.get(), code);
    ASSERT_TRUE(card.ok()) << card.status().message();
    EXPECT_EQ(ScorecardJson(*card), ScorecardJson(expected)) << code;
  }
  Result<Scorecard> henan = StoredScorecard(store_.get(), "410000");
  EXPECT_EQ(henan->by_year[2023].not_mentioned, 0);
  EXPECT_EQ(henan->by_year[2023].missed, 2);
}

TEST_P(StoreTrackingTest, PagesAreSlicesOfTheWholeListing) {
  // With an override: pages are counted in the store and read apart, and
  // must list what TrackStored lists, in its order, with its statuses.
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(OverrideVerdict(store_.get(), Find(*all, "河南省", "gdp", 2023)->target.key,
                              TargetStatus::kMet, "ann", "revised statistics")
                  .ok());
  TrackQuery henan;
  henan.region_code = "410000";
  TrackQuery gdp;
  gdp.indicator = "gdp";
  TrackQuery of_2023;
  of_2023.region_code = "000000";
  of_2023.year = 2023;
  for (const TrackQuery& query : {henan, gdp, of_2023}) {
    Result<std::vector<TrackedTarget>> whole = TrackStored(store_.get(), query);
    ASSERT_TRUE(whole.ok());
    StatusCounts counts;
    for (const TrackedTarget& t : *whole) counts.Add(t.status);
    for (int limit : {1, 2, 3, 1000}) {
      std::vector<std::string> listed;
      for (int offset = 0; offset < static_cast<int>(whole->size()) + limit; offset += limit) {
        Result<TrackedPage> page = TrackStoredPage(store_.get(), query, offset, limit);
        ASSERT_TRUE(page.ok()) << page.status().message();
        EXPECT_EQ(page->total, static_cast<int64_t>(whole->size()));
        EXPECT_EQ(StatusCountsJson(page->counts), StatusCountsJson(counts));
        for (const TrackedTarget& t : page->targets) {
          listed.push_back(t.target.key + " " + std::string(StatusName(t.status)));
        }
      }
      std::vector<std::string> expected;
      for (const TrackedTarget& t : *whole) {
        expected.push_back(t.target.key + " " + std::string(StatusName(t.status)));
      }
      EXPECT_EQ(listed, expected) << query.region_code << query.indicator << " by " << limit;
    }
  }
  EXPECT_EQ(TrackStoredPage(store_.get(), henan, -1, 10).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(TrackStoredPage(store_.get(), henan, 0, 0).status().code(), StatusCode::kInvalidInput);
}

INSTANTIATE_TEST_SUITE_P(DerivedAndStored, StoreTrackingTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Stored" : "Derived";
                         });

using StoredVerdictsTest = StoreTrackingTest;

TEST_P(StoredVerdictsTest, AreTheDerivedOnesAndFollowNewDocuments) {
  const std::string derived = AllJson();
  ASSERT_TRUE(UpdateStoredVerdicts(store_.get()).ok());
  EXPECT_EQ(AllJson(), derived);
  EXPECT_EQ(*UpdateStoredVerdicts(store_.get()), 0);  // nothing changed

  // 河南's report of 2025 settles its 2024 target; only 河南 is tracked again.
  mubiao::testing::WriteFile(dir_ / "later" / "henan-2025.md",
                             store::testing::ReviewAndPlanReport("河南省人民", "河南省", 2025,
                                                                 "全省地区生产总值增长5.3%。",
                                                                 "全省地区生产总值增长5%左右。"));
  store::testing::LoadMarkdownFiles(store_.get(), dir_ / "later");
  EXPECT_EQ(*store_->PlacesToTrack(TrackingVersion()), std::vector<std::string>{"410000"});
  EXPECT_EQ(*UpdateStoredVerdicts(store_.get()), 1);
  Result<std::vector<TrackedTarget>> all = TrackStored(store_.get(), {});
  ASSERT_TRUE(all.ok());
  const TrackedTarget* henan = Find(*all, "河南省", "gdp", 2024);
  ASSERT_NE(henan, nullptr);
  EXPECT_EQ(henan->status, TargetStatus::kMet);  // 5.3% ≥ 5% − 0.5
  EXPECT_NE(AllJson(), derived);
}

INSTANTIATE_TEST_SUITE_P(FromDerived, StoredVerdictsTest, ::testing::Values(false));

TEST(TrackingVersion, NamesTheRulesAndTheLexicon) {
  EXPECT_EQ(TrackingVersion() >> 32, kTrackingRulesVersion);
  EXPECT_NE(TrackingVersion() & 0xffffffff, 0);
}

}  // namespace
}  // namespace mubiao::tracking
