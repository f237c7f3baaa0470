// Report identity in the store: the sources of one report are one listed
// document with several sources, whatever order and batches they come in.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

using testing::MarkdownReport;
using testing::StoreTest;

// Plans of our own, long enough to tell reports apart by their text.
constexpr char kFarmPlan[] =
    "确保粮食播种面积稳定在58万亩以上。新建高标准农田5万亩，推进灌区续建配套和节水改造。"
    "培育农业龙头企业10家，建设现代农业产业园3个，发展壮大村级集体经济。";
constexpr char kSchoolPlan[] =
    "新建改扩建中小学校8所，新增学位6000个。公办幼儿园在园幼儿占比达到五成半以上，"
    "职业院校培养技术技能人才2000人，健全学生资助体系，办好特殊教育和继续教育。";

// `md` without its delivery line ("——2023年3月5日在…会议上"), as an archive
// row that starts at the title would hold it.
std::string Undated(std::string md) {
  const size_t begin = md.find("——");
  const size_t end = md.find("\n", begin);
  return md.erase(begin, end - begin + 1);
}

class IdentityTest : public StoreTest {
 protected:
  // The ids of the reports listed, newest first.
  std::vector<int64_t> Listed() {
    DocumentFilter filter;
    Result<DocumentPage> page = store_->ListDocuments(filter);
    EXPECT_TRUE(page.ok());
    std::vector<int64_t> ids;
    if (!page.ok()) return ids;
    for (const DocumentSummary& d : page->documents) ids.push_back(d.id);
    EXPECT_EQ(page->total, static_cast<int64_t>(ids.size()));
    return ids;
  }

  // The id of the document imported from `path`.
  int64_t IdOf(const std::string& path) {
    DocumentFilter filter;
    filter.source_path = path;
    Result<DocumentPage> page = store_->ListDocuments(filter);
    EXPECT_TRUE(page.ok() && page->documents.size() == 1) << path;
    return page.ok() && !page->documents.empty() ? page->documents[0].id : 0;
  }

  std::vector<int64_t> SourceIds(int64_t id) {
    std::vector<int64_t> ids;
    Result<std::vector<DocumentSummary>> sources = store_->ReportSources(id);
    EXPECT_TRUE(sources.ok());
    if (sources.ok()) {
      for (const DocumentSummary& s : *sources) ids.push_back(s.id);
    }
    return ids;
  }

  // Targets filtered by their own strength, topic and year only are counted from
  // the targets' indexes, the copies' taken off: totals and counts by
  // group equal those of the same filter counted through the documents
  // (everywhere under 000000).
  void ExpectCountsFromIndexesAsJoined() {
    std::vector<FindingFilter> filters(6);
    filters[1].strength = targets::Strength::kEnsure;
    filters[2].strength = targets::Strength::kNone;
    filters[3].topic = "农业";
    filters[3].strength = targets::Strength::kNone;
    filters[4].filters.year_min = 2023;
    filters[4].filters.year_max = 2023;
    filters[5].filters.year_min = 2024;
    filters[5].strength = targets::Strength::kNone;
    int64_t ensured = 0;
    for (FindingFilter alone : filters) {
      alone.limit = 1;
      FindingFilter joined = alone;
      joined.filters.region_code = "000000";
      Result<FindingPage> a = store_->ListFindings(alone);
      Result<FindingPage> j = store_->ListFindings(joined);
      ASSERT_TRUE(a.ok() && j.ok());
      EXPECT_EQ(a->total, j->total);
      if (alone.strength == targets::Strength::kEnsure) ensured = a->total;
      for (FindingGroup group :
           {FindingGroup::kTopic, FindingGroup::kYear, FindingGroup::kIndicator}) {
        Result<std::vector<GroupCount>> ga = store_->CountFindings(alone, group, 0);
        Result<std::vector<GroupCount>> gj = store_->CountFindings(joined, group, 0);
        ASSERT_TRUE(ga.ok() && gj.ok());
        ASSERT_EQ(ga->size(), gj->size());
        for (size_t i = 0; i < ga->size(); ++i) {
          EXPECT_EQ((*ga)[i].key, (*gj)[i].key);
          EXPECT_EQ((*ga)[i].count, (*gj)[i].count);
        }
      }
      alone.count_total = false;
      EXPECT_EQ(store_->ListFindings(alone)->total, -1);
    }
    EXPECT_EQ(ensured, 1);  // 确保粮食播种面积…, once for the two copies
  }

  int64_t TargetCount() {
    FindingFilter filter;
    filter.limit = 0;
    Result<FindingPage> page = store_->ListFindings(filter);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  }
};

TEST_F(IdentityTest, TwoCopiesInOneBatchAreOneReportWithTwoSources) {
  const std::string md = MarkdownReport("新郑市", 2023, kFarmPlan, 4);
  ASSERT_TRUE(store_
                  ->PutSourceFiles({testing::AnalysedSourceFile("/rows/2023.md", Undated(md)),
                                    testing::AnalysedSourceFile("/files/2023.md", md)})
                  .ok());
  const int64_t dated = IdOf("/files/2023.md");
  const int64_t undated = IdOf("/rows/2023.md");
  // The dated source is the primary, whatever the order of the batch.
  EXPECT_EQ(Listed(), std::vector<int64_t>{dated});
  EXPECT_EQ(SourceIds(undated), (std::vector<int64_t>{dated, undated}));
  EXPECT_EQ(SourceIds(dated), SourceIds(undated));
  Result<StoredDocument> copy = store_->GetDocument(undated);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->summary.primary_id, dated);
  EXPECT_EQ(copy->sources.size(), 2u);
  EXPECT_EQ(store_->GetDocument(dated)->summary.primary_id, 0);
  EXPECT_EQ(Ids("高标准农田"), std::vector<int64_t>{dated});
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->reports, 1);
  EXPECT_EQ(counts->documents, 2);
  // Findings and regions count the report once; the copy's own findings
  // stay readable by its id.
  const int64_t targets = TargetCount();
  EXPECT_GT(targets, 0);
  EXPECT_EQ(targets, static_cast<int64_t>(store_->GetDocument(dated)->extraction.targets.size()));
  // Every report's targets by topic (counted from the topic index, the
  // copy's taken off) as a filtered count gives them.
  Result<std::vector<GroupCount>> by_topic =
      store_->CountFindings(FindingFilter{}, FindingGroup::kTopic, 0);
  FindingFilter everywhere;
  everywhere.filters.region_code = "000000";
  Result<std::vector<GroupCount>> filtered =
      store_->CountFindings(everywhere, FindingGroup::kTopic, 0);
  ASSERT_TRUE(by_topic.ok() && filtered.ok()) << by_topic.status().message();
  ASSERT_EQ(by_topic->size(), filtered->size());
  int64_t counted = 0;
  for (size_t i = 0; i < by_topic->size(); ++i) {
    EXPECT_EQ((*by_topic)[i].key, (*filtered)[i].key);
    EXPECT_EQ((*by_topic)[i].label, (*filtered)[i].label);
    EXPECT_EQ((*by_topic)[i].count, (*filtered)[i].count);
    counted += (*by_topic)[i].count;
  }
  EXPECT_EQ(counted, targets);
  ExpectCountsFromIndexesAsJoined();
  FindingFilter own;
  own.document_id = undated;
  own.limit = 0;
  EXPECT_GT(store_->ListFindings(own)->total, 0);
  Result<std::vector<RegionSummary>> regions = store_->ListRegions();
  ASSERT_TRUE(regions.ok());
  for (const RegionSummary& r : *regions) {
    if (r.region.code == "410184") {
      EXPECT_EQ(r.documents, 1);
    }
  }
  CheckIntegrity();

  // Importing the same files again changes nothing.
  Put("/files/2023.md", md);
  Put("/rows/2023.md", Undated(md));
  EXPECT_EQ(IdOf("/files/2023.md"), dated);
  EXPECT_EQ(Listed(), std::vector<int64_t>{dated});
  EXPECT_EQ(SourceIds(dated), (std::vector<int64_t>{dated, undated}));
  CheckIntegrity();

  // Counted and kept by RefreshStatistics; a new report empties what was
  // kept, and the counts read the indexes again.
  ASSERT_TRUE(store_->RefreshStatistics().ok());
  ExpectCountsFromIndexesAsJoined();
  Put("/files/xinzheng-school.md", MarkdownReport("新郑市", 2024, kSchoolPlan, 4));
  ExpectCountsFromIndexesAsJoined();
  CheckIntegrity();
}

TEST_F(IdentityTest, ReplacingThePrimaryWithAnotherReportRegroups) {
  const std::string md = MarkdownReport("新郑市", 2023, kFarmPlan, 4);
  Put("/files/2023.md", md);
  Put("/rows/2023.md", Undated(md));
  const int64_t dated = IdOf("/files/2023.md");
  const int64_t undated = IdOf("/rows/2023.md");
  EXPECT_EQ(Listed(), std::vector<int64_t>{dated});
  // The file turns out to hold another year's report: its old copy is a
  // report of its own again, searchable again.
  Put("/files/2023.md", MarkdownReport("新郑市", 2024, kSchoolPlan, 2));
  EXPECT_EQ(Listed(), (std::vector<int64_t>{dated, undated}));
  EXPECT_EQ(store_->GetDocument(undated)->summary.primary_id, 0);
  EXPECT_EQ(Ids("高标准农田"), std::vector<int64_t>{undated});
  EXPECT_EQ(Ids("特殊教育"), std::vector<int64_t>{dated});
  CheckIntegrity();
}

TEST_F(IdentityTest, TwoReportsOfOnePlaceYearStayTwoAndNameEachOther) {
  Put("/x/2023.md", MarkdownReport("新郑市", 2023, kFarmPlan));
  Put("/x/2023-10.md", MarkdownReport("新郑市", 2023, kSchoolPlan));
  const int64_t first = IdOf("/x/2023.md");
  const int64_t second = IdOf("/x/2023-10.md");
  EXPECT_EQ(Listed().size(), 2u);
  Result<StoredDocument> doc = store_->GetDocument(first);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->same_year.size(), 1u);
  EXPECT_EQ(doc->same_year[0].id, second);
  EXPECT_EQ(doc->sources.size(), 1u);
  CheckIntegrity();
}

TEST_F(IdentityTest, AResolutionAndItsReportNameEachOther) {
  Put("/x/2023.md", MarkdownReport("新郑市", 2023, kFarmPlan));
  Put("/x/2023-resolution.md",
      "---\ntitle: 新郑市第十七届人民代表大会第三次会议关于政府工作报告的决议\n---\n\n"
      "（2023年3月8日新郑市第十七届人民代表大会第三次会议通过）\n\n"
      "新郑市第十七届人民代表大会第三次会议听取和审议了市长张某所作的政府工作报告。"
      "会议充分肯定市人民政府过去一年的工作，同意报告提出的2023年经济社会发展主要预期目标、"
      "总体要求和重点任务，决定批准这个报告。\n");
  const int64_t report = IdOf("/x/2023.md");
  const int64_t resolution = IdOf("/x/2023-resolution.md");
  Result<StoredDocument> doc = store_->GetDocument(report);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->related.size(), 1u);
  EXPECT_EQ(doc->related[0].id, resolution);
  EXPECT_EQ(doc->related[0].doc_type, report::DocType::kResolution);
  EXPECT_TRUE(doc->same_year.empty());
  Result<StoredDocument> other = store_->GetDocument(resolution);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other->related.size(), 1u);
  EXPECT_EQ(other->related[0].id, report);
}

}  // namespace
}  // namespace mubiao::store
