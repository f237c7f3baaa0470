// Whole-corpus checks against the real documents in ../shared/data (read,
// never copied). Skipped with a message when the data is absent.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "base/testing.h"
#include "report/identity.h"
#include "report/importer.h"
#include "report/report.h"
#include "text/tsv.h"

namespace mubiao::report {
namespace {

namespace fs = std::filesystem;

// What the tests need to know of one analysed document.
struct Summary {
  std::string path;    // relative to the data directory
  std::string folder;  // corpus/<group>/<folder>/file
  std::string group;   // national, provinces, major-cities, prefectures, communiques, ...
  std::string stem;    // file name without extension
  std::string error;   // empty when imported and analysed
  ReportMetadata meta;
  std::vector<std::pair<PartKind, std::string>> parts;  // kind and heading
  bool has_review = false, has_plan = false, plan_after_review = true;
  SourceIdentity identity;
};

class Corpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::HaveData("corpus")) return;
    const fs::path data = testing::DataDir();
    std::vector<fs::path> files;
    for (const char* dir : {"corpus", "national-jsonl", "formats", "seed"}) {
      for (const auto& e : fs::recursive_directory_iterator(data / dir)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    summaries_ = new std::vector<Summary>();
    for (const fs::path& file : files) {
      fs::path rel = fs::relative(file, data);
      auto imported = ImportFile(file);
      if (!imported.ok()) {
        Summary s;
        s.path = rel.string();
        s.error = imported.status().message();
        summaries_->push_back(s);
        continue;
      }
      for (const std::string& e : imported->errors) {
        Summary s;
        s.path = rel.string();
        s.error = e;
        summaries_->push_back(s);
      }
      for (Document& doc : imported->documents) {
        Summary s;
        s.path = fs::relative(fs::path(doc.path), data).string();
        auto it = rel.begin();
        if (rel.string().rfind("corpus/", 0) == 0) {
          ++it;
          s.group = (it++)->string();
          if (s.group != "national" && s.group != "communiques" && s.group != "five-year-plans") {
            s.folder = it->string();
          }
        } else {
          s.group = rel.begin()->string();
        }
        s.stem = rel.stem().string();
        auto report = AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
        if (!report.ok()) {
          s.error = report.status().message();
        } else {
          s.meta = report->metadata;
          s.identity = {IdentityPlace(s.meta.region_code, s.meta.government),
                        s.meta.type,
                        s.meta.year,
                        !s.meta.date.empty(),
                        text::FingerprintOf(report->document.text),
                        s.path};
          bool seen_plan = false;
          for (const Part& p : report->parts) {
            s.parts.emplace_back(p.kind, std::string(report->document.Slice(p.heading)));
            s.has_review = s.has_review || p.kind == PartKind::kReview;
            if (p.kind == PartKind::kPlan) seen_plan = true;
            if (p.kind == PartKind::kReview && seen_plan && !p.multi_year)
              s.plan_after_review = false;
          }
          s.has_plan = seen_plan;
        }
        summaries_->push_back(std::move(s));
      }
    }
  }
  static void TearDownTestSuite() {
    delete summaries_;
    summaries_ = nullptr;
  }
  void SetUp() override { MUBIAO_REQUIRE_DATA("corpus"); }

  static std::vector<Summary>* summaries_;
};

std::vector<Summary>* Corpus::summaries_ = nullptr;

bool IsWorkReportGroup(const std::string& g) {
  return g == "national" || g == "provinces" || g == "major-cities" || g == "prefectures";
}

TEST_F(Corpus, EveryFileParses) {
  int failures = 0;
  for (const Summary& s : *summaries_) {
    if (!s.error.empty()) {
      ++failures;
      std::cout << "  FAILED " << s.path << ": " << s.error << "\n";
    }
  }
  std::cout << summaries_->size() << " documents, " << failures << " failed\n";
  EXPECT_GT(summaries_->size(), 2900u);
  EXPECT_EQ(failures, 0);
}

// Speakers: how many work reports name one (many archive copies have no
// speaker line at all, so this is a floor, not a rate of errors).
TEST_F(Corpus, MostWorkReportsNameTheirSpeaker) {
  int reports = 0;
  int named = 0;
  int titled = 0;
  for (const Summary& s : *summaries_) {
    if (!s.error.empty() || s.meta.type != DocType::kWorkReport || !IsWorkReportGroup(s.group)) {
      continue;
    }
    ++reports;
    if (!s.meta.speaker.empty()) ++named;
    if (!s.meta.speaker_title.empty()) ++titled;
  }
  std::cout << named << " of " << reports << " work reports name their speaker, " << titled
            << " with a title\n";
  EXPECT_GE(named * 100, reports * 88);
}

// The files testdata/folder_corrections.tsv lists: path → (locality, year).
std::map<std::string, std::pair<std::string, int>> FolderCorrections() {
  const std::string tsv =
      testing::ReadFileOrEmpty(testing::SourceDir() / "src/report/testdata/folder_corrections.tsv");
  std::map<std::string, std::pair<std::string, int>> out;
  for (const text::TsvRow& row : text::TsvRows(tsv)) {
    out[std::string(row.fields[0])] = {std::string(row.fields[1]),
                                       std::stoi(std::string(row.fields[2]))};
  }
  return out;
}

TEST_F(Corpus, MetadataMatchesFolderNames) {
  const regions::Gazetteer& gaz = regions::Gazetteer::Builtin();
  const auto corrections = FolderCorrections();
  int checked = 0, right = 0, corrected = 0;
  for (const Summary& s : *summaries_) {
    if (!s.error.empty() || s.stem.size() < 4 ||
        !std::isdigit(static_cast<unsigned char>(s.stem[0]))) {
      continue;
    }
    if (s.group != "national" && s.group != "provinces" && s.group != "major-cities" &&
        s.group != "prefectures" && s.group != "communiques" && s.group != "five-year-plans") {
      continue;
    }
    ++checked;
    if (auto c = corrections.find(s.path); c != corrections.end()) {
      // The text says another place or year than the folder: the text wins.
      const bool ok = s.meta.locality == c->second.first && s.meta.year == c->second.second;
      right += ok ? 1 : 0;
      corrected += ok ? 1 : 0;
      if (!ok)
        std::cout << "  MISS (corrected) " << s.path << ": got " << s.meta.locality << " "
                  << s.meta.year << "\n";
      continue;
    }
    const int year = std::stoi(s.stem.substr(0, 4));
    bool place_ok;
    if (s.folder.empty()) {
      place_ok = s.meta.region_code == "000000";
    } else {
      place_ok = s.meta.locality == s.folder;
      for (const regions::Region* r : gaz.FindByName(s.folder)) {
        place_ok = place_ok || r->code == s.meta.region_code;
      }
    }
    if (place_ok && s.meta.year == year) {
      ++right;
    } else {
      std::cout << "  MISS " << s.path << ": got " << s.meta.locality << " " << s.meta.region_code
                << " " << s.meta.year << "\n";
    }
  }
  double rate = checked ? 100.0 * right / checked : 0;
  std::cout << "metadata (locality, year) right for " << right << " of " << checked << " (" << rate
            << "%), " << corrected << " of " << corrections.size()
            << " listed corrections of the folder made\n";
  EXPECT_GE(rate, 99.9);
}

// Headings every reader recognises: the test's own knowledge, independent of
// the classifier's word lists.
bool IsPlainReviewHeading(const std::string& h) {
  return h.find("工作回顾") != std::string::npos && h.find("安排") == std::string::npos &&
         h.find("任务") == std::string::npos && h.find("目标") == std::string::npos;
}

bool IsPlainPlanHeading(const std::string& h, int year) {
  if (h.find("回顾") != std::string::npos || h.find("完成情况") != std::string::npos) {
    return false;  // a review and a plan under one heading
  }
  const std::string y = std::to_string(year) + "年";
  for (const char* w : {"工作安排", "重点工作", "主要任务", "工作任务", "主要工作"}) {
    if (h.find(y + w) != std::string::npos) return true;
  }
  return false;
}

TEST_F(Corpus, ReviewPlanSplit) {
  int reports = 0, split = 0, heading_checks = 0, heading_right = 0;
  for (const Summary& s : *summaries_) {
    if (!s.error.empty() || !IsWorkReportGroup(s.group) || s.meta.type != DocType::kWorkReport ||
        s.meta.year < 1978) {
      continue;
    }
    ++reports;
    if (s.has_review && s.has_plan && s.plan_after_review) {
      ++split;
    } else {
      std::cout << "  NO SPLIT " << s.path << ":";
      for (const auto& [kind, heading] : s.parts) {
        std::cout << " [" << PartKindName(kind) << "] " << heading.substr(0, 60);
      }
      std::cout << "\n";
    }
    for (const auto& [kind, heading] : s.parts) {
      bool review = IsPlainReviewHeading(heading);
      bool plan = IsPlainPlanHeading(heading, s.meta.year);
      if (review == plan) continue;
      ++heading_checks;
      if ((review && kind == PartKind::kReview) || (plan && kind == PartKind::kPlan)) {
        ++heading_right;
      } else {
        std::cout << "  WRONG KIND " << s.path << ": " << heading << " → " << PartKindName(kind)
                  << "\n";
      }
    }
  }
  double rate = reports ? 100.0 * split / reports : 0;
  std::cout << "review/plan split found in " << split << " of " << reports
            << " work reports since 1978 (" << rate
            << "%); common headings classified right: " << heading_right << " of " << heading_checks
            << "\n";
  EXPECT_GE(rate, 97.0);
  EXPECT_EQ(heading_right, heading_checks);
}

TEST_F(Corpus, SeedIsANewZhengCountyPlan) {
  MUBIAO_REQUIRE_DATA("seed/000_169e54f75cef3fbb.txt");
  const Summary* seed = nullptr;
  for (const Summary& s : *summaries_) {
    if (s.path == "seed/000_169e54f75cef3fbb.txt") seed = &s;
  }
  ASSERT_NE(seed, nullptr);
  ASSERT_TRUE(seed->error.empty()) << seed->error;
  EXPECT_EQ(seed->meta.province, "河南省");
  EXPECT_EQ(seed->meta.locality, "新郑市");
  EXPECT_EQ(seed->meta.region_code, "410184");
  EXPECT_EQ(seed->meta.parent_code, "410100");
  EXPECT_EQ(seed->meta.level, regions::RegionLevel::kCounty);
  EXPECT_EQ(seed->meta.geo, regions::GeoRegion::kHuazhong);
  EXPECT_EQ(seed->meta.year, 2023);
  EXPECT_EQ(seed->meta.date, "2023-02-27");
  // The whole body is plan: only the title line may stand before it.
  for (const auto& [kind, heading] : seed->parts) {
    EXPECT_TRUE(kind == PartKind::kPlan || kind == PartKind::kOpening) << PartKindName(kind);
  }
  ASSERT_FALSE(seed->parts.empty());
  EXPECT_EQ(seed->parts.back().first, PartKind::kPlan);
}

}  // namespace
}  // namespace mubiao::report

namespace mubiao::report {
namespace {

// One record per report: the sources of the whole corpus grouped (identity.h),
// every place-year with two work reports listed in
// testdata/kept_apart.tsv with the reason, and no other.
TEST_F(Corpus, OneDocumentPerReport) {
  std::vector<SourceIdentity> sources;
  for (const Summary& s : *summaries_) {
    if (s.error.empty()) sources.push_back(s.identity);
  }
  const std::vector<size_t> primary = GroupSources(sources);
  std::map<std::tuple<std::string, DocType, int>, std::vector<std::string>> reports;
  size_t merged = 0;
  size_t across = 0;  // merged with a primary of another place, type or year
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceIdentity& p = sources[primary[i]];
    if (primary[i] != i) {
      ++merged;
      const SourceIdentity& s = sources[i];
      if (s.place != p.place || s.type != p.type || s.year != p.year) {
        ++across;
        std::cout << "  copy " << s.source_path << " (" << s.place << " " << s.year << ") of "
                  << p.source_path << "\n";
      }
      continue;
    }
    reports[{p.place, p.type, p.year}].push_back(p.source_path);
  }
  std::map<std::string, std::string> expected;  // path → why it is kept apart
  const std::string tsv =
      testing::ReadFileOrEmpty(testing::SourceDir() / "src/report/testdata/kept_apart.tsv");
  for (const text::TsvRow& row : text::TsvRows(tsv)) {
    expected[std::string(row.fields[0])] = std::string(row.fields[1]);
  }
  std::map<std::string, std::string> apart;
  for (const auto& [key, paths] : reports) {
    if (paths.size() < 2 || std::get<1>(key) != DocType::kWorkReport) continue;
    for (const std::string& path : paths) {
      apart[path] = expected.count(path) ? expected[path] : "(not listed)";
      std::cout << "  kept apart " << std::get<0>(key) << " " << std::get<2>(key) << ": " << path
                << " — " << apart[path] << "\n";
    }
  }
  std::cout << sources.size() << " sources, " << reports.size() << " reports; " << merged
            << " sources merged into another's report (" << across
            << " filed under another place or year)\n";
  EXPECT_EQ(apart, expected);
}

}  // namespace
}  // namespace mubiao::report
