#include "report/identity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace mubiao::report {
namespace {

// Sentences of our own; a text is a run of them, so texts can share some.
const char* const kSentences[] = {
    "今年要稳定粮食播种面积，确保粮食总产量保持在二十万吨以上。",
    "加快高标准农田建设，新建高标准农田五万亩，推进灌区续建配套和节水改造。",
    "发展特色种养业，培育农业龙头企业十家，建设现代农业产业园三个。",
    "深化农村集体产权制度改革，发展壮大村级集体经济。",
    "坚持教育优先发展，新建改扩建中小学校八所，新增学位六千个。",
    "推进义务教育优质均衡发展，加强乡村教师队伍建设。",
    "扩大普惠性学前教育资源，公办幼儿园在园幼儿占比达到百分之五十以上。",
    "支持职业院校深化产教融合，培养技术技能人才两千人。",
    "新增城镇就业六千人，城镇调查失业率控制在百分之五点五以内。",
    "完成老旧小区改造一百二十个，新建城市道路十五公里。",
    "空气质量优良天数比例达到百分之八十五，地表水国控断面水质全部达标。",
    "一般公共预算收入增长百分之六，规模以上工业增加值增长百分之七。",
};

std::string TextOf(std::initializer_list<int> sentences) {
  std::string out;
  for (int i : sentences) out += kSentences[i];
  return out;
}

// A text of `chars` characters drawn from kSentences by a generator seeded
// with `seed`: long, and unlike the text of any other seed.
std::string RandomText(unsigned seed, int chars = 600) {
  std::vector<std::string> pool;
  for (const char* sentence : kSentences) {
    const std::string s = sentence;
    for (size_t i = 0; i + 3 <= s.size(); i += 3) pool.push_back(s.substr(i, 3));
  }
  std::mt19937 random(seed);
  std::string out;
  for (int i = 0; i < chars; ++i) out += pool[random() % pool.size()];
  return out;
}

SourceIdentity Source(std::string path, std::string place, int year, const std::string& text,
                      bool dated = true, DocType type = DocType::kWorkReport) {
  SourceIdentity s;
  s.place = std::move(place);
  s.type = type;
  s.year = year;
  s.dated = dated;
  s.fingerprint = text::FingerprintOf(text);
  s.source_path = std::move(path);
  return s;
}

// The primary's source path of each source, by source path.
std::map<std::string, std::string> PrimaryPaths(const std::vector<SourceIdentity>& sources) {
  const std::vector<size_t> primary = GroupSources(sources);
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < sources.size(); ++i) {
    out[sources[i].source_path] = sources[primary[i]].source_path;
  }
  return out;
}

TEST(Identity, CopiesOfOneReportAreOneWithTheMostCompletePrimary) {
  const std::string full = TextOf({0, 1, 2, 3, 4, 5, 6, 7});
  const std::string cut = TextOf({1, 2, 3, 4, 5, 6, 7});  // a row that lost its opening
  const std::vector<SourceIdentity> sources = {
      Source("a/2024.jsonl#3", "410000", 2024, cut, /*dated=*/false),
      Source("a/2024.docx", "410000", 2024, full),
      Source("a/2024.md", "410000", 2024, full + "附：名词解释"),
      Source("a/2023.md", "410000", 2023, TextOf({8, 9, 10, 11})),  // another year
  };
  EXPECT_EQ(PrimaryPaths(sources), (std::map<std::string, std::string>{
                                       {"a/2024.jsonl#3", "a/2024.md"},
                                       {"a/2024.docx", "a/2024.md"},
                                       {"a/2024.md", "a/2024.md"},
                                       {"a/2023.md", "a/2023.md"},
                                   }));
}

TEST(Identity, TwoDifferentReportsOfOnePlaceYearStayTwo) {
  // A year the government changed: two reports, little text in common.
  const std::vector<SourceIdentity> sources = {
      Source("b/2021.md", "360100", 2021, TextOf({0, 1, 2, 3, 8})),
      Source("b/2021-10.md", "360100", 2021, TextOf({4, 5, 6, 7, 8})),
  };
  const std::vector<size_t> primary = GroupSources(sources);
  EXPECT_EQ(primary, (std::vector<size_t>{0, 1}));
}

TEST(Identity, ANearIdenticalCopyIsOneReportWhereverItWasFiled) {
  const std::string text = RandomText(1);
  const std::vector<SourceIdentity> sources = {
      Source("prefectures/淮安市/2016.md", "320800", 2016, text),
      Source("prefectures/淮南市/2016.md", "340400", 2016, text),
      // Sharing half of its text with them is not being a copy.
      Source("prefectures/宿州市/2016.md", "341300", 2016,
             text.substr(0, 900) + RandomText(2, 300)),
  };
  const std::vector<size_t> primary = GroupSources(sources);
  // Equal texts, both dated: the lesser path ("南" sorts before "安").
  EXPECT_EQ(primary, (std::vector<size_t>{1, 1, 2}));
}

TEST(Identity, TypesAndPlacesKeepReportsApart) {
  const std::string text = TextOf({0, 1, 2, 3});
  const std::string other = TextOf({0, 1, 2, 4});  // resembles `text`, but not a copy
  const std::vector<SourceIdentity> sources = {
      Source("c/report.md", "410100", 2024, text),
      Source("c/resolution.md", "410100", 2024, other, true, DocType::kResolution),
      Source("d/report.md", "410200", 2024, TextOf({0, 1, 2, 5})),
  };
  EXPECT_EQ(GroupSources(sources), (std::vector<size_t>{0, 1, 2}));
}

TEST(Identity, OutcomeDoesNotDependOnOrder) {
  std::vector<SourceIdentity> sources;
  for (int year = 2015; year < 2025; ++year) {
    const std::string text = RandomText(static_cast<unsigned>(year));
    sources.push_back(Source("e/" + std::to_string(year) + ".md", "110000", year, text));
    sources.push_back(Source("e/" + std::to_string(year) + ".docx", "110000", year, text));
    sources.push_back(Source("f/" + std::to_string(year) + ".md", "120000", year, text, false));
  }
  const std::map<std::string, std::string> expected = PrimaryPaths(sources);
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(sources.begin(), sources.end(), random);
    EXPECT_EQ(PrimaryPaths(sources), expected);
  }
  EXPECT_EQ(expected.at("e/2020.md"), "e/2020.docx");  // equal texts: the lesser path
  EXPECT_EQ(expected.at("f/2020.md"), "e/2020.docx");  // an undated copy elsewhere
}

TEST(Identity, EmptyTextsAreNeverTheSame) {
  const std::vector<SourceIdentity> sources = {
      Source("g/1.md", "110000", 2024, ""),
      Source("g/2.md", "110000", 2024, ""),
      Source("g/3.md", "120000", 2024, "。"),
  };
  EXPECT_EQ(GroupSources(sources), (std::vector<size_t>{0, 1, 2}));
  EXPECT_TRUE(GroupSources({}).empty());
}

TEST(Identity, PlaceIsTheRegionCodeElseTheGovernment) {
  EXPECT_EQ(IdentityPlace("410100", "郑州市人民政府"), "410100");
  EXPECT_EQ(IdentityPlace("", "某某县人民政府"), "某某县人民政府");
}

}  // namespace
}  // namespace mubiao::report
