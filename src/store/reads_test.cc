// The store's reads (listings, documents, regions, findings) and its
// people-made records (comments, moderators, verdict overrides).
#include <gtest/gtest.h>

#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::MarkdownReport;
using testing::StoreTest;

constexpr char kPlan[] =
    "地区生产总值增长6%左右，确保粮食总产量稳定在20万吨以上，力争新增城镇就业6000人。";

// Four reports: 新郑 2022 and 2023, 河南 2023, the nation 2023.
class ReadsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Put("/data/xinzheng/2022.md", MarkdownReport("新郑市", 2022, kPlan));
    Put("/data/xinzheng/2023.md", MarkdownReport("新郑市", 2023, kPlan));
    Put("/data/henan/2023.md", MarkdownReport("河南省", 2023, kPlan));
    Put("/data/national/2023.md", MarkdownReport("国务院", 2023, kPlan));
  }

  // The id of the document imported from `path`.
  int64_t IdOf(const std::string& path) {
    DocumentFilter all;
    all.limit = kMaxListLimit;
    Result<DocumentPage> page = store_->ListDocuments(all);
    EXPECT_TRUE(page.ok());
    for (const DocumentSummary& d : page->documents) {
      if (d.source_path == path) return d.id;
    }
    ADD_FAILURE() << "no document from " << path;
    return 0;
  }
};

TEST_F(ReadsTest, ListsDocumentsNewestFirstWithFiltersAndPages) {
  DocumentFilter filter;
  filter.filters.region_code = "410000";  // 河南 and everything under it
  Result<DocumentPage> page = store_->ListDocuments(filter);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->documents.size(), 3u);
  EXPECT_EQ(page->documents[2].year, 2022);
  EXPECT_EQ(page->documents[2].locality, "新郑市");
  EXPECT_EQ(page->documents[2].region_code, "410184");
  EXPECT_EQ(page->documents[2].level, regions::RegionLevel::kCounty);
  EXPECT_EQ(page->documents[2].geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(page->documents[2].doc_type, report::DocType::kWorkReport);
  EXPECT_EQ(page->documents[2].source_format, "markdown");
  EXPECT_GE(page->documents[2].targets, 2);

  filter.exact_region_code = "410184";  // the place itself only
  filter.limit = 1;
  filter.offset = 1;
  page = store_->ListDocuments(filter);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->documents.size(), 1u);
  EXPECT_EQ(page->documents[0].year, 2022);

  DocumentFilter one_file;
  one_file.source_path = "/data/xinzheng/2022.md";
  page = store_->ListDocuments(one_file);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->documents[0].source_path, "/data/xinzheng/2022.md");

  filter.offset = 5;  // past the end: no documents, the total still known
  page = store_->ListDocuments(filter);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  EXPECT_TRUE(page->documents.empty());

  DocumentFilter national;
  national.filters.level = regions::RegionLevel::kNational;
  page = store_->ListDocuments(national);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->documents[0].locality, "全国");
}

TEST_F(ReadsTest, BadListingsGetMessages) {
  DocumentFilter filter;
  filter.limit = 0;
  EXPECT_EQ(store_->ListDocuments(filter).status().code(), StatusCode::kInvalidInput);
  filter.limit = 10;
  filter.exact_region_code = "41'; DROP TABLE documents; --";
  EXPECT_EQ(store_->ListDocuments(filter).status().code(), StatusCode::kInvalidInput);
  filter.exact_region_code = "";
  filter.offset = -1;
  EXPECT_EQ(store_->ListDocuments(filter).status().code(), StatusCode::kInvalidInput);
  FindingFilter findings;
  findings.offset = -1;
  EXPECT_EQ(store_->ListFindings(findings).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->GetDocument(999).status().code(), StatusCode::kNotFound);
}

TEST_F(ReadsTest, GetDocumentGivesTheStoredAnalysisAndNeighbours) {
  const int64_t id2022 = IdOf("/data/xinzheng/2022.md");
  const int64_t id2023 = IdOf("/data/xinzheng/2023.md");
  Result<StoredDocument> doc = store_->GetDocument(id2023);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->previous_id, id2022);
  EXPECT_EQ(doc->next_id, 0);
  EXPECT_EQ(doc->previous_title, store_->GetDocument(id2022)->summary.title);
  EXPECT_TRUE(doc->next_title.empty());
  EXPECT_EQ(store_->GetDocument(id2022)->next_id, id2023);

  // The same analysis as a fresh one, down to paragraphs.
  const std::string md = MarkdownReport("新郑市", 2023, kPlan);
  std::vector<DocumentRecord> fresh = Records(md, "/data/xinzheng/2023.md");
  ASSERT_EQ(fresh.size(), 1u);
  const report::Report& want = fresh[0].report;
  const report::Report& got = doc->report;
  EXPECT_EQ(got.document.text, want.document.text);
  EXPECT_EQ(got.metadata.title, want.metadata.title);
  EXPECT_EQ(got.metadata.region_code, "410184");
  EXPECT_EQ(got.metadata.parent_code, "410100");
  EXPECT_EQ(got.metadata.level, regions::RegionLevel::kCounty);
  EXPECT_EQ(got.metadata.geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(got.metadata.year, 2023);
  EXPECT_EQ(got.metadata.speaker, want.metadata.speaker);
  ASSERT_EQ(got.parts.size(), want.parts.size());
  for (size_t p = 0; p < want.parts.size(); ++p) {
    EXPECT_EQ(got.parts[p].kind, want.parts[p].kind) << p;
    EXPECT_EQ(got.parts[p].heading, want.parts[p].heading) << p;
    EXPECT_EQ(got.parts[p].span, want.parts[p].span) << p;
    ASSERT_EQ(got.parts[p].sections.size(), want.parts[p].sections.size()) << p;
    for (size_t s = 0; s < want.parts[p].sections.size(); ++s) {
      const report::Section& ws = want.parts[p].sections[s];
      const report::Section& gs = got.parts[p].sections[s];
      EXPECT_EQ(gs.label, ws.label);
      EXPECT_EQ(gs.span, ws.span);
      ASSERT_EQ(gs.paragraphs.size(), ws.paragraphs.size());
      for (size_t g = 0; g < ws.paragraphs.size(); ++g) {
        EXPECT_EQ(gs.paragraphs[g].span, ws.paragraphs[g].span);
        EXPECT_EQ(gs.paragraphs[g].lead, ws.paragraphs[g].lead);
      }
    }
  }
  const targets::Extraction& want_x = fresh[0].extraction;
  ASSERT_EQ(doc->extraction.targets.size(), want_x.targets.size());
  for (size_t i = 0; i < want_x.targets.size(); ++i) {
    const targets::Finding& w = want_x.targets[i];
    const targets::Finding& g = doc->extraction.targets[i];
    EXPECT_EQ(g.text, w.text);
    EXPECT_EQ(g.span, w.span);
    EXPECT_EQ(g.sentence_span, w.sentence_span);
    EXPECT_EQ(g.indicator, w.indicator);
    EXPECT_EQ(g.value, w.value);
    EXPECT_EQ(g.unit, w.unit);
    EXPECT_EQ(g.cmp, w.cmp);
    EXPECT_EQ(g.strength, w.strength);
    EXPECT_EQ(g.year, w.year);
  }
  EXPECT_EQ(doc->extraction.outcomes.size(), want_x.outcomes.size());
  EXPECT_EQ(doc->extraction.commitments.size(), want_x.commitments.size());
}

// The indicator filter means "contains": through the indicator index for
// Han text of two or more characters, by reading indicators otherwise; both
// ways find exactly the targets whose indicator contains the text.
TEST_F(ReadsTest, IndicatorFilterFindsExactlyTheIndicatorsContainingIt) {
  Put("/data/zhengzhou/2023.md",
      MarkdownReport("郑州市", 2023, "全市GDP增长6%，人均GDP达到10万元，粮食产量稳定在150万吨。"));
  // A replaced text leaves no indicator of the old one behind.
  Put("/data/henan/2023.md", MarkdownReport("河南省", 2023, "全省地区生产总值增长7%左右。"));
  FindingFilter every;
  every.limit = 0;
  Result<FindingPage> all = store_->ListFindings(every);
  ASSERT_TRUE(all.ok()) << all.status().message();
  for (const std::string part : {"粮食", "生产总值", "粮", "产总", "值增", "GDP", "DP", "食产量"}) {
    SCOPED_TRACE(part);
    std::vector<int64_t> want;
    for (const StoredFinding& f : all->findings) {
      if (f.finding.indicator.find(part) != std::string::npos) want.push_back(f.id);
    }
    FindingFilter filter = every;
    filter.indicator = part;
    Result<FindingPage> found = store_->ListFindings(filter);
    ASSERT_TRUE(found.ok()) << found.status().message();
    std::vector<int64_t> got;
    for (const StoredFinding& f : found->findings) got.push_back(f.id);
    EXPECT_EQ(got, want);
    filter.limit = 1;
    Result<FindingPage> counted = store_->ListFindings(filter);
    ASSERT_TRUE(counted.ok());
    EXPECT_EQ(counted->total, static_cast<int64_t>(want.size()));
  }
}

TEST_F(ReadsTest, RegionsCountTheirOwnDocumentsAndThoseUnderThem) {
  Result<std::vector<RegionSummary>> regions = store_->ListRegions();
  ASSERT_TRUE(regions.ok()) << regions.status().message();
  auto find = [&](const std::string& code) -> const RegionSummary* {
    for (const RegionSummary& r : *regions) {
      if (r.region.code == code) return &r;
    }
    return nullptr;
  };
  const RegionSummary* henan = find("410000");
  const RegionSummary* zhengzhou = find("410100");
  const RegionSummary* xinzheng = find("410184");
  const RegionSummary* nation = find("000000");
  ASSERT_TRUE(henan && zhengzhou && xinzheng && nation);
  EXPECT_EQ(henan->documents, 1);
  EXPECT_EQ(henan->documents_under, 3);
  EXPECT_EQ(zhengzhou->documents, 0);
  EXPECT_EQ(zhengzhou->documents_under, 2);
  EXPECT_EQ(xinzheng->year_min, 2022);
  EXPECT_EQ(xinzheng->year_max, 2023);
  EXPECT_EQ(xinzheng->region.parent_code, "410100");
  EXPECT_EQ(nation->documents_under, 4);
}

TEST_F(ReadsTest, FindingsFilterPageAndCount) {
  FindingFilter filter;
  filter.limit = 0;  // all
  Result<FindingPage> all = store_->ListFindings(filter);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->total, static_cast<int64_t>(all->findings.size()));
  EXPECT_GE(all->total, 8);  // at least two targets in each of four reports
  EXPECT_EQ(all->findings.front().document_year, 2023);
  EXPECT_EQ(all->findings.back().document_year, 2022);

  filter.indicator = "粮食";
  filter.strength = targets::Strength::kEnsure;
  filter.filters.region_code = "410000";
  Result<FindingPage> grain = store_->ListFindings(filter);
  ASSERT_TRUE(grain.ok());
  ASSERT_EQ(grain->total, 3);
  for (const StoredFinding& f : grain->findings) {
    EXPECT_EQ(f.source_path.substr(0, 6), "/data/");
    EXPECT_EQ(f.finding.value, 200000);
    EXPECT_EQ(f.finding.unit, "吨");
    EXPECT_EQ(f.finding.cmp, quantity::Comparator::kAtLeast);
    EXPECT_EQ(f.finding.kind, targets::FindingKind::kTarget);
    EXPECT_FALSE(f.document_title.empty());
    EXPECT_EQ(f.region_code.substr(0, 2), "41");
  }

  filter = FindingFilter{};
  filter.strength = targets::Strength::kNone;  // 地区生产总值增长6%左右 has no strength word
  filter.indicator = "地区生产总值";
  filter.limit = 2;
  filter.offset = 2;
  Result<FindingPage> gdp = store_->ListFindings(filter);
  ASSERT_TRUE(gdp.ok());
  EXPECT_GE(gdp->total, 3);
  for (const StoredFinding& f : gdp->findings)
    EXPECT_EQ(f.finding.strength, targets::Strength::kNone);

  FindingFilter outcomes;
  outcomes.kind = targets::FindingKind::kOutcome;
  outcomes.filters.region_code = "410184";
  outcomes.filters.year_min = 2022;  // the finding's year: the reviewed year
  outcomes.filters.year_max = 2022;
  Result<FindingPage> achieved = store_->ListFindings(outcomes);
  ASSERT_TRUE(achieved.ok());
  ASSERT_GE(achieved->total, 1);
  for (const StoredFinding& f : achieved->findings) {
    EXPECT_EQ(f.finding.year, 2022);
    EXPECT_EQ(f.document_year, 2023);
  }

  filter = FindingFilter{};
  filter.exact_region_code = "410000";  // 河南's own report, not those under it
  Result<FindingPage> own = store_->ListFindings(filter);
  ASSERT_TRUE(own.ok());
  ASSERT_GE(own->total, 2);
  for (const StoredFinding& f : own->findings) EXPECT_EQ(f.region_code, "410000");

  Result<std::vector<GroupCount>> by_year =
      store_->CountFindings(FindingFilter{}, FindingGroup::kYear, 0);
  ASSERT_TRUE(by_year.ok());
  ASSERT_EQ(by_year->size(), 2u);
  EXPECT_EQ((*by_year)[0].key, "2023");  // three reports against one
  EXPECT_EQ((*by_year)[0].count, 3 * (*by_year)[1].count);
  Result<std::vector<GroupCount>> by_region =
      store_->CountFindings(FindingFilter{}, FindingGroup::kRegion, 1);
  ASSERT_TRUE(by_region.ok()) << by_region.status().message();
  ASSERT_EQ(by_region->size(), 1u);
  EXPECT_EQ((*by_region)[0].key, "410184");
  EXPECT_EQ((*by_region)[0].label, "新郑市");
}

TEST_F(ReadsTest, CommentsWaitForModerationAndOnlyPublishedOnesCount) {
  const int64_t doc = IdOf("/data/xinzheng/2023.md");
  const std::string hostile = "<script>alert('x')</script>'; DROP TABLE comments; --";
  Result<int64_t> first = store_->AddComment(doc, "张三", hostile);
  Result<int64_t> second = store_->AddComment(doc, "李四", "粮食目标能完成吗？");
  ASSERT_TRUE(first.ok() && second.ok()) << first.status().message();
  EXPECT_EQ(store_->AddComment(999, "王五", "x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetDocument(doc)->summary.comments, 0);

  const CommentFilter pending{0, CommentStatus::kPending, false, 0, 10};
  Result<CommentPage> queue = store_->ListComments(pending);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->comments.size(), 2u);
  EXPECT_EQ(queue->total, 2);
  EXPECT_EQ(queue->comments[0].body, hostile);  // stored as given; escaping is the renderer's job
  EXPECT_EQ(queue->comments[0].author, "张三");
  EXPECT_EQ(queue->comments[0].created_at.size(), 20u);

  ASSERT_TRUE(store_->SetCommentStatus(*second, CommentStatus::kPublished).ok());
  ASSERT_TRUE(store_->SetCommentStatus(*first, CommentStatus::kRejected).ok());
  EXPECT_EQ(store_->GetDocument(doc)->summary.comments, 1);
  Result<CommentPage> shown = store_->ListComments({doc, CommentStatus::kPublished});
  ASSERT_TRUE(shown.ok());
  ASSERT_EQ(shown->comments.size(), 1u);
  EXPECT_EQ(shown->total, 1);
  EXPECT_EQ(shown->comments[0].author, "李四");
  EXPECT_TRUE(store_->ListComments(pending)->comments.empty());
  EXPECT_EQ(store_->ListComments(pending)->total, 0);

  ASSERT_TRUE(store_->DeleteComment(*second).ok());
  EXPECT_EQ(store_->GetDocument(doc)->summary.comments, 0);
  EXPECT_EQ(store_->DeleteComment(*second).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->SetCommentStatus(12345, CommentStatus::kPublished).code(),
            StatusCode::kNotFound);
}

TEST_F(ReadsTest, CommentsComeInPagesWithTheirTrueTotal) {
  const int64_t doc = IdOf("/data/xinzheng/2023.md");
  const int64_t other = IdOf("/data/xinzheng/2022.md");
  std::vector<int64_t> ids;
  for (int i = 0; i < 45; ++i) {
    Result<int64_t> id =
        store_->AddComment(doc, "读者" + std::to_string(i), "第" + std::to_string(i));
    ASSERT_TRUE(id.ok());
    ids.push_back(*id);
  }
  ASSERT_TRUE(store_->AddComment(other, "别处", "另一篇").ok());
  // The moderation queue: every document, oldest first, the true count.
  Result<CommentPage> queue = store_->ListComments({0, CommentStatus::kPending, false, 40, 20});
  ASSERT_TRUE(queue.ok()) << queue.status().message();
  EXPECT_EQ(queue->total, 46);
  ASSERT_EQ(queue->comments.size(), 6u);
  EXPECT_EQ(queue->comments[0].id, ids[40]);
  EXPECT_EQ(queue->comments[5].author, "别处");
  for (int64_t id : ids) ASSERT_TRUE(store_->SetCommentStatus(id, CommentStatus::kPublished).ok());
  // One document's published comments, newest first (same second: by id).
  Result<CommentPage> first = store_->ListComments({doc, CommentStatus::kPublished, true, 0, 20});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total, 45);
  ASSERT_EQ(first->comments.size(), 20u);
  EXPECT_EQ(first->comments[0].id, ids[44]);
  EXPECT_EQ(first->comments[19].id, ids[25]);
  Result<CommentPage> last = store_->ListComments({doc, CommentStatus::kPublished, true, 40, 20});
  ASSERT_EQ(last->comments.size(), 5u);
  EXPECT_EQ(last->comments[4].id, ids[0]);
  Result<CommentPage> oldest = store_->ListComments({doc, CommentStatus::kPublished, false, 0, 1});
  EXPECT_EQ(oldest->comments[0].id, ids[0]);
  EXPECT_EQ(store_->ListComments({doc, CommentStatus::kPublished, false, 100, 20})->total, 45)
      << "past the end: no comments, the total still";
  EXPECT_EQ(store_->GetDocument(doc)->summary.comments, 45);
  EXPECT_EQ(store_->ListComments({doc, CommentStatus::kPublished, false, -1, 20}).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(store_->ListComments({doc, CommentStatus::kPublished, false, 0, 0}).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(store_->ListComments({doc, CommentStatus::kPublished, false, 0, kMaxListLimit + 1})
                .status()
                .code(),
            StatusCode::kInvalidInput);
}

TEST_F(ReadsTest, ModeratorsKeepTheirLatestPasswordHash) {
  EXPECT_EQ(store_->ModeratorPasswordHash("admin").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->PutModerator("admin", "$argon2id$first").ok());
  ASSERT_TRUE(store_->PutModerator("admin", "$argon2id$second").ok());
  EXPECT_EQ(*store_->ModeratorPasswordHash("admin"), "$argon2id$second");
  EXPECT_EQ(store_->PutModerator("", "x").code(), StatusCode::kInvalidInput);
}

TEST_F(ReadsTest, VerdictOverridesAreAnAppendOnlyHistory) {
  VerdictOverride entry;
  entry.target_key = "0123456789abcdef:120-150";
  entry.quote = "新增城镇就业6000人";
  entry.status_before = targets::TargetStatus::kUnverified;
  entry.status_after = targets::TargetStatus::kMet;
  entry.author = "督查室 王某";
  entry.reason = "统计公报第3页";
  Result<VerdictOverride> first = store_->AddVerdictOverride(entry);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_GT(first->id, 0);
  EXPECT_EQ(first->created_at.size(), 20u);
  entry.status_before = targets::TargetStatus::kMet;
  entry.status_after = targets::TargetStatus::kMissed;
  entry.reason = "公报数据已修订";
  ASSERT_TRUE(store_->AddVerdictOverride(entry).ok());
  entry.target_key = "fedcba9876543210:10-20";
  ASSERT_TRUE(store_->AddVerdictOverride(entry).ok());

  Result<std::vector<VerdictOverride>> one = store_->VerdictOverrides("0123456789abcdef:120-150");
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 2u);
  EXPECT_EQ((*one)[0].status_after, targets::TargetStatus::kMet);
  EXPECT_EQ((*one)[0].quote, "新增城镇就业6000人");
  EXPECT_EQ((*one)[0].current_key, "0123456789abcdef:120-150");
  EXPECT_EQ((*one)[1].status_before, targets::TargetStatus::kMet);
  EXPECT_EQ((*one)[1].status_after, targets::TargetStatus::kMissed);
  EXPECT_EQ(store_->VerdictOverrides("")->size(), 3u);

  entry.reason = "";
  EXPECT_EQ(store_->AddVerdictOverride(entry).status().code(), StatusCode::kInvalidInput);

  // Not even SQL can rewrite history.
  Database db = OpenDatabase();
  EXPECT_FALSE(db.Exec("UPDATE verdict_overrides SET reason = 'x'").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM verdict_overrides").ok());
}

// Verdicts as tracking stores them (the store does not derive them).
TEST_F(ReadsTest, StoredVerdictsAreKeptPerPlaceUntilAPlaceChanges) {
  constexpr int64_t kVersion = 7;
  Result<std::vector<std::string>> places = store_->PlacesToTrack(kVersion);
  ASSERT_TRUE(places.ok()) << places.status().message();
  EXPECT_EQ(*places, (std::vector<std::string>{"000000", "410000", "410184"}));

  FindingFilter henan;
  henan.exact_region_code = "410000";
  Result<FindingPage> targets = store_->ListFindings(henan);
  ASSERT_TRUE(targets.ok());
  ASSERT_GE(targets->findings.size(), 2u);
  EXPECT_FALSE(targets->findings[0].verdict.has_value());
  FindingFilter outcomes;
  outcomes.kind = targets::FindingKind::kOutcome;
  outcomes.limit = 1;
  Result<FindingPage> outcome = store_->ListFindings(outcomes);
  ASSERT_TRUE(outcome.ok() && !outcome->findings.empty());

  PlaceVerdicts place{"410000", {}};
  for (const StoredFinding& t : targets->findings) {
    VerdictUpdate& u = place.verdicts.emplace_back();
    u.finding_id = t.id;
    u.verdict.indicator_id = t.finding.indicator == "地区生产总值" ? "gdp" : "";
    u.verdict.detail = "{\"reason\":\"no_later_source\"}";
  }
  place.verdicts[0].verdict.status = targets::TargetStatus::kMet;
  place.verdicts[0].verdict.outcome_id = outcome->findings[0].id;
  ASSERT_TRUE(store_->PutPlaceVerdicts({place}, kVersion).ok());
  EXPECT_EQ(*store_->PlacesToTrack(kVersion), (std::vector<std::string>{"000000", "410184"}));
  EXPECT_EQ(store_->PlacesToTrack(kVersion + 1)->size(), 3u);  // a new version re-tracks all

  targets = store_->ListFindings(henan);
  ASSERT_TRUE(targets->findings[0].verdict.has_value());
  EXPECT_EQ(targets->findings[0].verdict->status, targets::TargetStatus::kMet);
  EXPECT_EQ(targets->findings[0].verdict->outcome_id, outcome->findings[0].id);
  EXPECT_EQ(targets->findings[0].verdict->detail, place.verdicts[0].verdict.detail);
  EXPECT_EQ(targets->findings[1].verdict->outcome_id, 0);
  // By canonical indicator: 河南's GDP target (新郑's have no stored verdict).
  FindingFilter gdp;
  gdp.verdict_indicator = "gdp";
  gdp.filters.region_code = "410000";
  Result<FindingPage> read_as_gdp = store_->ListFindings(gdp);
  ASSERT_TRUE(read_as_gdp.ok()) << read_as_gdp.status().message();
  ASSERT_EQ(read_as_gdp->total, 1);
  EXPECT_EQ(read_as_gdp->findings[0].finding.indicator, "地区生产总值");
  // Read as any indicator: the same one here.
  FindingFilter read;
  read.verdict_read = true;
  read.filters.region_code = "410000";
  Result<FindingPage> read_as_any = store_->ListFindings(read);
  ASSERT_TRUE(read_as_any.ok()) << read_as_any.status().message();
  ASSERT_EQ(read_as_any->total, 1);
  EXPECT_EQ(read_as_any->findings[0].key, read_as_gdp->findings[0].key);
  // Counted by status: 河南's stored verdicts, one met and the rest
  // unverified (新郑's have none).
  FindingFilter henan_only;
  henan_only.exact_region_code = "410000";
  Result<std::vector<StatusCount>> statuses = store_->CountStatuses(henan_only);
  ASSERT_TRUE(statuses.ok()) << statuses.status().message();
  int64_t met = 0;
  int64_t counted = 0;
  for (const StatusCount& c : *statuses) {
    EXPECT_EQ(c.year, 2023);
    if (c.status == targets::TargetStatus::kMet) met += c.count;
    counted += c.count;
  }
  EXPECT_EQ(met, 1);
  EXPECT_EQ(counted, static_cast<int64_t>(place.verdicts.size()));
  henan_only.exact_region_code = "410184";
  EXPECT_TRUE(store_->CountStatuses(henan_only)->empty());
  gdp.kind = targets::FindingKind::kOutcome;
  EXPECT_EQ(store_->ListFindings(gdp).status().code(), StatusCode::kInvalidInput);
  read.kind = targets::FindingKind::kOutcome;
  EXPECT_EQ(store_->ListFindings(read).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->CountStatuses(read).status().code(), StatusCode::kInvalidInput);
  Result<std::vector<StoredFinding>> by_id =
      store_->FindingsById(targets::FindingKind::kOutcome, {outcome->findings[0].id, 999999});
  ASSERT_TRUE(by_id.ok());
  ASSERT_EQ(by_id->size(), 1u);
  EXPECT_EQ((*by_id)[0].key, outcome->findings[0].key);

  // A changed report of the place drops the verdicts of its old findings
  // and marks the place; other places stay as they are.
  Put("/data/henan/2023.md", MarkdownReport("河南省", 2023, "全省地区生产总值增长7%左右。"));
  EXPECT_EQ(*store_->PlacesToTrack(kVersion),
            (std::vector<std::string>{"000000", "410000", "410184"}));
  targets = store_->ListFindings(henan);
  ASSERT_FALSE(targets->findings.empty());
  EXPECT_FALSE(targets->findings[0].verdict.has_value());

  // The documents of no known region are one place, "".
  Put("/data/qinghe/2023.md", MarkdownReport("青禾县", 2023, kPlan));
  EXPECT_EQ(store_->PlacesToTrack(kVersion)->front(), "");
  FindingFilter unknown;
  unknown.unknown_region = true;
  Result<FindingPage> qinghe = store_->ListFindings(unknown);
  ASSERT_TRUE(qinghe.ok());
  ASSERT_FALSE(qinghe->findings.empty());
  EXPECT_EQ(qinghe->findings[0].region_code, "");
  EXPECT_EQ(qinghe->total, static_cast<int64_t>(qinghe->findings.size()));
  PlaceVerdicts nowhere{"", {}};
  for (const StoredFinding& f : qinghe->findings) {
    nowhere.verdicts.push_back({targets::FindingKind::kTarget, f.id, {}});
  }
  ASSERT_TRUE(store_->PutPlaceVerdicts({nowhere}, kVersion).ok());
  EXPECT_NE(store_->PlacesToTrack(kVersion)->front(), "");
  EXPECT_TRUE(store_->ListFindings(unknown)->findings[0].verdict.has_value());
  place.verdicts.assign(1, VerdictUpdate{targets::FindingKind::kOutcome, 1, {}});
  EXPECT_EQ(store_->PutPlaceVerdicts({place}, kVersion).code(), StatusCode::kInvalidInput);
}

TEST_F(ReadsTest, PartsTextIsTheTextOfThePartsOfAKind) {
  Put("/data/zhengzhou/2024.md",
      testing::ReviewAndPlanReport("郑州市人民", "郑州市", 2024, "去年全市粮食产量达到九十万吨。",
                                   "今年全市地区生产总值增长6%左右。"));
  const int64_t id = IdOf("/data/zhengzhou/2024.md");
  Result<std::string> review = store_->PartsText(id, report::PartKind::kReview);
  ASSERT_TRUE(review.ok()) << review.status().message();
  EXPECT_NE(review->find("去年全市粮食产量达到九十万吨。"), std::string::npos);
  EXPECT_EQ(review->find("今年全市地区生产总值"), std::string::npos);
  EXPECT_EQ(review->back(), '\n');
  Result<std::string> plan = store_->PartsText(id, report::PartKind::kPlan);
  ASSERT_TRUE(plan.ok());
  EXPECT_NE(plan->find("今年全市地区生产总值增长6%左右。"), std::string::npos);
  EXPECT_EQ(*store_->PartsText(id, report::PartKind::kAppendix), "");
  EXPECT_EQ(*store_->PartsText(999999, report::PartKind::kReview), "");
}

}  // namespace
}  // namespace mubiao::store
