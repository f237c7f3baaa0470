#include "regions/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/testing.h"

namespace mubiao::regions {
namespace {

const Gazetteer& G() { return Gazetteer::Builtin(); }

std::vector<std::string> Codes(const std::vector<const Region*>& regions) {
  std::vector<std::string> codes;
  for (const Region* r : regions) codes.push_back(r->code);
  return codes;
}

// Number of Unicode characters in UTF-8 text.
std::size_t CharCount(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

TEST(GazetteerTest, CodeOfTakesACodeOrAName) {
  EXPECT_EQ(G().CodeOf("河南"), "410000");
  EXPECT_EQ(G().CodeOf("河南省"), "410000");
  EXPECT_EQ(G().CodeOf("新郑市"), "410184");
  EXPECT_EQ(G().CodeOf("410184"), "410184");
  EXPECT_EQ(G().CodeOf("999999"), "999999");  // the shape of a code: the store decides
  EXPECT_EQ(G().CodeOf("4101"), "");
  EXPECT_EQ(G().CodeOf("没有这个地方"), "");
  EXPECT_EQ(G().CodeOf(""), "");
  EXPECT_TRUE(IsRegionCode("000000"));
  EXPECT_FALSE(IsRegionCode("41000"));
  EXPECT_FALSE(IsRegionCode("41000a"));
  EXPECT_FALSE(IsRegionCode("４１００００"));
}

TEST(GazetteerTest, XinzhengIsInZhengzhouHenanHuazhong) {
  const std::vector<const Region*> found = G().FindByName("新郑");
  ASSERT_FALSE(found.empty());
  const Region& xinzheng = *found.front();
  EXPECT_EQ(xinzheng.code, "410184");
  EXPECT_EQ(xinzheng.name, "新郑市");
  EXPECT_EQ(xinzheng.short_name, "新郑");
  EXPECT_EQ(xinzheng.level, RegionLevel::kCounty);
  EXPECT_EQ(xinzheng.parent_code, "410100");
  EXPECT_TRUE(xinzheng.in_use());
  EXPECT_EQ(Codes(G().FindByName("新郑市")).front(), "410184");
  EXPECT_EQ(G().FindByCode("410184"), &xinzheng);

  const std::vector<const Region*> ancestors = G().Ancestors(xinzheng);
  ASSERT_EQ(ancestors.size(), 2u);
  EXPECT_EQ(ancestors[0]->name, "郑州市");
  EXPECT_EQ(ancestors[0]->code, "410100");
  EXPECT_EQ(ancestors[1]->name, "河南省");
  EXPECT_EQ(ancestors[1]->code, "410000");

  const Region* henan = G().ProvinceOf(xinzheng);
  ASSERT_NE(henan, nullptr);
  EXPECT_EQ(henan->code, "410000");
  EXPECT_EQ(henan->short_name, "河南");
  EXPECT_EQ(xinzheng.geo, GeoRegion::kHuazhong);
  EXPECT_EQ(henan->geo, GeoRegion::kHuazhong);
  EXPECT_EQ(GeoRegionSlug(xinzheng.geo), "huazhong");
  EXPECT_EQ(GeoRegionName(xinzheng.geo), "华中");
}

TEST(GazetteerTest, BeijingByShortAndFullName) {
  for (std::string_view name : {"北京", "北京市"}) {
    const std::vector<const Region*> found = G().FindByName(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found.front()->code, "110000") << name;
    EXPECT_EQ(found.front()->level, RegionLevel::kProvince) << name;
  }
  const Region& beijing = *G().FindByCode("110000");
  EXPECT_EQ(beijing.short_name, "北京");
  EXPECT_EQ(beijing.parent_code, "");
  EXPECT_EQ(G().ProvinceOf(beijing), &beijing);
  EXPECT_TRUE(G().Ancestors(beijing).empty());
  EXPECT_EQ(beijing.geo, GeoRegion::kHuabei);

  // Districts of a municipality hang directly under it.
  const Region& dongcheng = *G().FindByCode("110101");
  EXPECT_EQ(dongcheng.parent_code, "110000");
  EXPECT_EQ(Codes(G().Ancestors(dongcheng)), std::vector<std::string>{"110000"});
  EXPECT_EQ(dongcheng.geo, GeoRegion::kHuabei);
}

TEST(GazetteerTest, AutonomousRegionShortNames) {
  const Region* inner_mongolia = G().FindByCode("150000");
  ASSERT_NE(inner_mongolia, nullptr);
  EXPECT_EQ(inner_mongolia->name, "内蒙古自治区");
  EXPECT_EQ(inner_mongolia->short_name, "内蒙古");
  EXPECT_EQ(Codes(G().FindByName("内蒙古")).front(), "150000");
  EXPECT_EQ(Codes(G().FindByName("内蒙古自治区")).front(), "150000");
  EXPECT_EQ(G().FindByCode("450000")->short_name, "广西");
  EXPECT_EQ(G().FindByCode("650000")->short_name, "新疆");
  EXPECT_EQ(G().FindByCode("222400")->short_name, "延边");  // 延边朝鲜族自治州
}

TEST(GazetteerTest, DivisionUnderProvinceDirectly) {
  // 济源市 is administered by 河南省 directly (省直辖县级行政单位).
  const Region* jiyuan = G().FindByCode("419001");
  ASSERT_NE(jiyuan, nullptr);
  EXPECT_EQ(jiyuan->name, "济源市");
  EXPECT_EQ(jiyuan->level, RegionLevel::kCounty);
  EXPECT_EQ(Codes(G().Ancestors(*jiyuan)), std::vector<std::string>{"410000"});
}

TEST(GazetteerTest, RetiredCodeKeepsYearsAndSuccessor) {
  const Region* chongwen = G().FindByCode("110103");
  ASSERT_NE(chongwen, nullptr);
  EXPECT_EQ(chongwen->name, "崇文区");
  EXPECT_FALSE(chongwen->in_use());
  EXPECT_EQ(chongwen->first_year, 1981);
  EXPECT_EQ(chongwen->last_year, 2010);
  EXPECT_EQ(chongwen->successor_code, "110101");
  EXPECT_EQ(G().FindByCode(chongwen->successor_code)->name, "东城区");
  EXPECT_EQ(Codes(G().FindByName("崇文")), std::vector<std::string>{"110103"});
  EXPECT_EQ(Codes(G().Ancestors(*chongwen)), std::vector<std::string>{"110000"});

  const Region& beijing = *G().FindByCode("110000");
  const std::vector<std::string> now = Codes(G().Children(beijing));
  const std::vector<std::string> then = Codes(G().Children(beijing, 2005));
  EXPECT_EQ(std::count(now.begin(), now.end(), "110103"), 0);
  EXPECT_EQ(std::count(then.begin(), then.end(), "110103"), 1);
  EXPECT_TRUE(std::is_sorted(now.begin(), now.end()));
  EXPECT_EQ(now.size(), 16u);  // 北京 has had 16 districts since 2015
  EXPECT_TRUE(G().Children(*chongwen).empty());
  // A record is in use in the year it was retired (崇文区 went in mid-2010).
  const std::vector<std::string> in_2010 = Codes(G().Children(beijing, 2010));
  EXPECT_EQ(std::count(in_2010.begin(), in_2010.end(), "110103"), 1);
  EXPECT_EQ(std::count(in_2010.begin(), in_2010.end(), "110101"), 1);
  const std::vector<std::string> in_2011 = Codes(G().Children(beijing, 2011));
  EXPECT_EQ(std::count(in_2011.begin(), in_2011.end(), "110103"), 0);
}

TEST(GazetteerTest, ParentIsTheRecordInUseAtTheSameTime) {
  // 352100 was 建阳地区 until 1988 and then 南平地区; the county-level city
  // 南平市 (352101) belonged to each in turn.
  const Region* early = G().FindByCode("352101", 1985);
  const Region* late = G().FindByCode("352101", 1990);
  ASSERT_NE(early, late);
  ASSERT_EQ(G().Ancestors(*early).size(), 2u);
  EXPECT_EQ(G().Ancestors(*early).front()->name, "建阳地区");
  EXPECT_EQ(G().Ancestors(*late).front()->name, "南平地区");
  EXPECT_EQ(G().ProvinceOf(*late)->name, "福建省");
  const Region& prefecture = *G().FindByCode("352100", 1985);
  EXPECT_EQ(Codes(G().Children(prefecture, 1985)).front(), "352101");
  EXPECT_TRUE(G().Children(prefecture).empty());  // retired

  // 420600 was 襄樊市 until 2010 and is 襄阳市 now: the current districts
  // belong to 襄阳市 only.
  const Region& xiangfan = *G().FindByCode("420600", 2005);
  const Region& xiangyang = *G().FindByCode("420600");
  ASSERT_EQ(xiangfan.name, "襄樊市");
  ASSERT_EQ(xiangyang.name, "襄阳市");
  EXPECT_TRUE(G().Children(xiangfan).empty());
  EXPECT_FALSE(G().Children(xiangfan, 2005).empty());
  EXPECT_FALSE(G().Children(xiangyang).empty());
  EXPECT_EQ(G().Ancestors(*G().FindByCode("420602")).front(), &xiangyang);  // 襄城区
  EXPECT_EQ(G().Ancestors(*G().FindByCode("420602", 2005)).front(), &xiangfan);
}

TEST(GazetteerTest, ChildrenListEachCodeOnce) {
  // In 1992 120110 changed from 东郊区 to 东丽区; both count as in use that
  // year, and the list shows the newer once.
  const std::vector<const Region*> children = G().Children(*G().FindByCode("120000"), 1992);
  const std::vector<std::string> codes = Codes(children);
  EXPECT_TRUE(std::adjacent_find(codes.begin(), codes.end()) == codes.end());
  const auto it = std::find(codes.begin(), codes.end(), "120110");
  ASSERT_NE(it, codes.end());
  EXPECT_EQ(children[it - codes.begin()]->name, "东丽区");
}

TEST(GazetteerTest, ReusedCodeResolvesByYear) {
  // 120110 was 东郊区 until 1992 and has been 东丽区 since.
  EXPECT_EQ(G().FindByCode("120110")->name, "东丽区");
  EXPECT_EQ(G().FindByCode("120110", 1985)->name, "东郊区");
  EXPECT_EQ(G().FindByCode("120110", 1985)->successor_code, "120110");
  EXPECT_EQ(G().FindByCode("120110", 2020)->name, "东丽区");
  // In the year of the change both were in use; the newer wins.
  EXPECT_EQ(G().FindByCode("120110", 1992)->name, "东丽区");
  // 419001 was 义马市 in 1987-1990 and is 济源市 since 1996; none in 1993.
  EXPECT_EQ(G().FindByCode("419001", 1988)->name, "义马市");
  EXPECT_EQ(G().FindByCode("419001", 1993)->name, "济源市");
  EXPECT_EQ(G().FindByCode("999999"), nullptr);
  EXPECT_EQ(G().FindByCode("999999", 2000), nullptr);
}

TEST(GazetteerTest, FindByNameWithYearPrefersTheDivisionThenInUse) {
  // 新郑县 (410123, 1983-1994) became 新郑市 (410184) in 1994.
  EXPECT_EQ(Codes(G().FindByName("新郑", 1990)), std::vector<std::string>{"410123"});
  EXPECT_EQ(Codes(G().FindByName("新郑", 2023)), std::vector<std::string>{"410184"});
  EXPECT_EQ(G().FindByName("新郑县", 1990).front()->code, "410123");
  // No 新郑 in 1900: fall back to every one, the current first.
  const std::vector<std::string> all = Codes(G().FindByName("新郑", 1900));
  EXPECT_EQ(all, Codes(G().FindByName("新郑")));
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all.front(), "410184");
  EXPECT_TRUE(G().FindByName("不存在的地方").empty());
  EXPECT_TRUE(G().FindByName("").empty());
}

TEST(GazetteerTest, AmbiguousNameListsLargerDivisionFirst) {
  // 海南: the province (1988), 海南藏族自治州 (1981) and a district of 乌海
  // (1983); the retired 海南行政区 and 海南黎族苗族自治州 of 广东 come last.
  EXPECT_EQ(Codes(G().FindByName("海南", 2023)),
            (std::vector<std::string>{"460000", "632500", "150303"}));
  EXPECT_EQ(Codes(G().FindByName("海南")),
            (std::vector<std::string>{"460000", "632500", "150303", "442100", "442200"}));
  // Newer districts called 西安区 and 河南蒙古族自治县 come after the old city and province.
  EXPECT_EQ(G().FindByName("西安").front()->code, "610100");
  EXPECT_EQ(G().FindByName("河南").front()->code, "410000");
  // 朝阳 is a prefecture-level city in 辽宁 and districts in 北京 and 长春.
  const std::vector<const Region*> found = G().FindByName("朝阳", 2023);
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found.front()->code, "211300");
  const std::vector<std::string> codes = Codes(found);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "110105"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "220104"), codes.end());
}

TEST(GazetteerTest, EveryProvinceHasAGeographicRegion) {
  const std::vector<const Region*> provinces = G().AllInUse(RegionLevel::kProvince);
  // 31 on the mainland plus 台湾, 香港 and 澳门.
  ASSERT_EQ(provinces.size(), 34u);
  std::set<GeoRegion> used;
  int mainland = 0;
  for (const Region* p : provinces) {
    EXPECT_NE(p->geo, GeoRegion::kNone) << p->name;
    used.insert(p->geo);
    // Only the mainland provinces have subdivisions in the lists.
    if (!G().Children(*p).empty()) ++mainland;
  }
  EXPECT_EQ(mainland, 31);
  EXPECT_EQ(used.size(), 7u);
  EXPECT_EQ(G().FindByCode("540000")->geo, GeoRegion::kXinan);
  EXPECT_EQ(G().FindByCode("230000")->geo, GeoRegion::kDongbei);
  EXPECT_EQ(G().FindByCode("640000")->geo, GeoRegion::kXibei);
  EXPECT_EQ(G().FindByCode("440000")->geo, GeoRegion::kHuanan);
  EXPECT_EQ(G().FindByCode("370000")->geo, GeoRegion::kHuadong);
  EXPECT_EQ(G().FindByCode("710000")->geo, GeoRegion::kHuadong);
  EXPECT_EQ(G().FindByCode("810000")->geo, GeoRegion::kHuanan);
}

TEST(GazetteerTest, CountsArePlausible) {
  EXPECT_GT(G().AllInUse(RegionLevel::kCounty).size(), 2800u);
  EXPECT_GT(G().AllInUse(RegionLevel::kPrefecture).size(), 300u);
  EXPECT_LT(G().AllInUse(RegionLevel::kPrefecture).size(), 350u);
  EXPECT_EQ(G().AllInUse(RegionLevel::kNational).size(), 1u);
  EXPECT_EQ(G().Children(G().Nation()).size(), 34u);
  // 1985: no 海南 (1988), 重庆 (1997), 香港 (1997), 澳门 (1999).
  EXPECT_EQ(G().Children(G().Nation(), 1985).size(), 30u);
  EXPECT_GT(G().all().size(), 6000u);

  const std::vector<const Region*> counties = G().AllInUse(RegionLevel::kCounty);
  EXPECT_TRUE(std::is_sorted(counties.begin(), counties.end(),
                             [](const Region* a, const Region* b) { return a->code < b->code; }));
  for (const Region* r : counties) EXPECT_TRUE(r->in_use()) << r->code;

  const std::vector<std::string> zhengzhou = Codes(G().Children(*G().FindByCode("410100")));
  EXPECT_EQ(zhengzhou.size(), 12u);  // 6 districts, 5 county-level cities, 1 county
  EXPECT_NE(std::find(zhengzhou.begin(), zhengzhou.end(), "410184"), zhengzhou.end());
}

TEST(GazetteerTest, Nation) {
  const Region& nation = G().Nation();
  EXPECT_EQ(nation.code, "000000");
  EXPECT_EQ(nation.name, "中华人民共和国");
  EXPECT_EQ(nation.short_name, "全国");
  EXPECT_EQ(nation.level, RegionLevel::kNational);
  EXPECT_EQ(G().FindByName("全国").front(), &nation);
  EXPECT_EQ(G().ProvinceOf(nation), nullptr);
  EXPECT_TRUE(G().Ancestors(nation).empty());
}

TEST(GazetteerTest, RecordsAreSortedAndNamesSensible) {
  const std::vector<Region>& all = G().all();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Region& r = all[i];
    if (i > 0) {
      const Region& prev = all[i - 1];
      EXPECT_TRUE(prev.code < r.code || (prev.code == r.code && prev.first_year < r.first_year))
          << r.code;
    }
    // Never empty and never one character (沙县 stays 沙县).
    EXPECT_GE(CharCount(r.short_name), 2u) << r.code << " " << r.name;
    EXPECT_LE(CharCount(r.short_name), CharCount(r.name)) << r.code;
    if (r.level != RegionLevel::kNational) {
      EXPECT_NE(G().ProvinceOf(r), nullptr) << r.code;
      EXPECT_NE(r.geo, GeoRegion::kNone) << r.code;
    }
  }
  EXPECT_EQ(G().FindByCode("350427")->short_name, "沙县");
  // Derived short names of retired codes (no short name in the source).
  EXPECT_EQ(G().FindByCode("442100")->short_name, "海南");    // 海南行政区
  EXPECT_EQ(G().FindByCode("422921")->short_name, "神农架");  // 神农架林区
  EXPECT_EQ(G().FindByCode("410224")->short_name, "开封县");  // in 开封市
  EXPECT_EQ(G().FindByCode("410123")->short_name, "新郑");    // 新郑县
  EXPECT_EQ(G().FindByCode("140109")->short_name, "万柏林");  // 万柏林区
  EXPECT_EQ(G().FindByCode("520203")->short_name, "六枝");    // 六枝特区
}

TEST(GazetteerTest, RegionLookupByCopy) {
  // A copy of a record (not a pointer into the gazetteer) is still recognised.
  const Region copy = *G().FindByCode("410184");
  EXPECT_EQ(G().ProvinceOf(copy)->code, "410000");
  EXPECT_EQ(G().Ancestors(copy).size(), 2u);
  Region stranger;
  stranger.code = "123456";
  EXPECT_EQ(G().ProvinceOf(stranger), nullptr);
  EXPECT_TRUE(G().Ancestors(stranger).empty());
}

TEST(GazetteerTest, BuiltinIsSharedAcrossThreads) {
  std::vector<const Gazetteer*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &Gazetteer::Builtin(); });
  }
  for (std::thread& t : threads) t.join();
  for (const Gazetteer* g : seen) EXPECT_EQ(g, &Gazetteer::Builtin());
}

TEST(GazetteerTest, BuiltinMatchesTheDataFile) {
  // Catches a stale embedded copy: the compiled-in text is data/regions.tsv.
  const std::string text = testing::ReadFileOrEmpty(testing::SourceDir() / "data" / "regions.tsv");
  ASSERT_FALSE(text.empty());
  Result<Gazetteer> parsed = Gazetteer::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->all().size(), G().all().size());
  for (std::size_t i = 0; i < G().all().size(); ++i) {
    const Region& a = parsed->all()[i];
    const Region& b = G().all()[i];
    EXPECT_EQ(a.code + a.name + a.short_name + a.successor_code,
              b.code + b.name + b.short_name + b.successor_code);
    EXPECT_EQ(a.first_year, b.first_year);
    EXPECT_EQ(a.last_year, b.last_year);
  }
}

TEST(GazetteerTest, AgreesWithTheNewestOfficialList) {
  MUBIAO_REQUIRE_DATA("divisions/gbt2260-mca/data/2024.txt");
  std::ifstream in(testing::DataDir() / "divisions/gbt2260-mca/data/2024.txt");
  std::string line;
  std::size_t listed = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string code;
    std::string name;
    if (!(fields >> code >> name)) continue;
    if (code.starts_with("\xEF\xBB\xBF")) code.erase(0, 3);  // byte-order mark
    ++listed;
    const Region* r = G().FindByCode(code, 2024);
    ASSERT_NE(r, nullptr) << code;
    EXPECT_EQ(r->name, name) << code;
    EXPECT_TRUE(r->in_use()) << code;
  }
  std::size_t in_use = 0;
  for (const Region& r : G().all()) in_use += r.in_use() && r.level != RegionLevel::kNational;
  EXPECT_EQ(listed, in_use);
}

TEST(GeoRegionTest, NamesSlugsAndKeys) {
  const std::vector<GeoRegion>& all = AllGeoRegions();
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all.front(), GeoRegion::kHuabei);
  EXPECT_EQ(all.back(), GeoRegion::kXibei);
  const char* const slugs[] = {"huabei", "dongbei", "huadong", "huazhong",
                               "huanan", "xinan",   "xibei"};
  const char* const names[] = {"华北", "东北", "华东", "华中", "华南", "西南", "西北"};
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(GeoRegionSlug(all[i]), slugs[i]);
    EXPECT_EQ(GeoRegionName(all[i]), names[i]);
    EXPECT_EQ(GeoRegionFromKey(slugs[i]), all[i]);
    EXPECT_EQ(GeoRegionFromKey(names[i]), all[i]);
  }
  EXPECT_EQ(GeoRegionName(GeoRegion::kNone), "");
  EXPECT_EQ(GeoRegionSlug(GeoRegion::kNone), "");
  EXPECT_EQ(GeoRegionFromKey(""), GeoRegion::kNone);
  EXPECT_EQ(GeoRegionFromKey("Huabei"), GeoRegion::kNone);
  EXPECT_EQ(RegionLevelName(RegionLevel::kNational), "national");
  EXPECT_EQ(RegionLevelName(RegionLevel::kProvince), "province");
  EXPECT_EQ(RegionLevelName(RegionLevel::kPrefecture), "prefecture");
  EXPECT_EQ(RegionLevelName(RegionLevel::kCounty), "county");
}

// A small valid file: header, nation, one province, a prefecture, a county
// and a retired county.
constexpr std::string_view kSmall =
    "# test data\n"
    "000000\t中华人民共和国\t全国\tnational\t\t\t1981\t\t\n"
    "410000\t河南省\t河南\tprovince\t\thuazhong\t1981\t\t\n"
    "410100\t郑州市\t郑州\tprefecture\t410000\t\t1981\t\t\n"
    "410184\t新郑市\t新郑\tcounty\t410100\t\t1994\t\t\n"
    "410123\t新郑县\t新郑\tcounty\t410100\t\t1983\t1994\t410184\n";

TEST(ParseTest, ParsesASmallFile) {
  Result<Gazetteer> g = Gazetteer::Parse(kSmall);
  ASSERT_TRUE(g.ok()) << g.status().message();
  ASSERT_EQ(g->all().size(), 5u);
  EXPECT_EQ(g->all()[2].code, "410100");  // sorted by code
  const Region* county = g->FindByCode("410123");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->last_year, 1994);
  EXPECT_EQ(county->successor_code, "410184");
  EXPECT_EQ(county->geo, GeoRegion::kHuazhong);  // inherited from the province
  EXPECT_EQ(Codes(g->FindByName("新郑")), (std::vector<std::string>{"410184", "410123"}));
  EXPECT_EQ(Codes(g->Children(*g->FindByCode("410100"), 1990)), std::vector<std::string>{"410123"});
  EXPECT_EQ(Codes(g->Children(g->Nation())), std::vector<std::string>{"410000"});
  // CRLF line ends are accepted too.
  std::string crlf;
  for (char c : kSmall) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_TRUE(Gazetteer::Parse(crlf).ok());
}

// kSmall with one more line appended (it becomes line 7).
std::string WithLine(std::string_view line) {
  return std::string(kSmall) + std::string(line) + "\n";
}

void ExpectRejected(const std::string& tsv, std::string_view expected) {
  Result<Gazetteer> g = Gazetteer::Parse(tsv);
  ASSERT_FALSE(g.ok()) << "accepted: " << expected;
  EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(g.status().message().find(expected), std::string::npos) << g.status().message();
}

TEST(ParseTest, RejectsMalformedLinesNamingTheLine) {
  // A line added to a valid file (as line 7), and what the error says.
  const struct {
    const char* line;
    const char* expected;
  } kCases[] = {
      {"410185\t登封市\t登封\tcounty\t410100\t\t1994\t", "line 7: expected 9"},
      {"410185\t登封市\t登封\tcounty\t410100\t\t1994\t\t\t", "line 7: expected 9"},
      {"41018X\t登封市\t登封\tcounty\t410100\t\t1994\t\t", "line 7: code"},
      {"410185\t\t登封\tcounty\t410100\t\t1994\t\t", "line 7: empty name"},
      {"410185\t登封市\t\tcounty\t410100\t\t1994\t\t", "line 7: empty name"},
      {"410185\t登封市\t登封\ttown\t410100\t\t1994\t\t", "line 7: unknown level"},
      {"410185\t登封市\t登封\tcounty\t410100\t\t19x4\t\t", "line 7: first year"},
      {"410185\t登封市\t登封\tcounty\t410100\t\t1994\t1990\t", "line 7: last year"},
      {"410185\t登封市\t登封\tcounty\t410100\t\t1994\t\t4101", "line 7: successor"},
      {"410185\t登封市\t登封\tcounty\t410100\tmoon\t1994\t\t", "line 7: unknown geographic"},
      {"410185\t登封市\t登封\tcounty\t410100\thuazhong\t1994\t\t", "line 7: only provinces"},
      {"410185\t登封市\t登封\tcounty\t\t\t1994\t\t", "line 7: exactly"},
      {"410185\t登封市\t登封\tcounty\t419900\t\t1994\t\t", "line 7: parent code 419900"},
      {"410185\t登封市\t登封\tcounty\t410184\t\t1994\t\t", "line 7: parent 410184 is not a larger"},
      {"410185\t登封市\t登封\tcounty\t000000\t\t1994\t\t", "line 7: parent 000000 is not a larger"},
      {"420000\t湖北省\t湖北\tprovince\t410000\t\t1981\t\t", "line 7: exactly"},
      {"420100\t湖北省\t湖北\tprovince\t\t\t1981\t\t", "line 7: province code"},
      {"000000\t中国\t全国\tnational\t\t\t1990\t\t", "line 7: second national"},
      {"410000\t中国\t全国\tnational\t\t\t1990\t\t", "line 7: only code 000000"},
      {"410184\t新郑市\t新郑\tcounty\t410100\t\t1994\t\t",
       "line 7: code 410184 already starts in 1994"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.line);
    ExpectRejected(WithLine(c.line), c.expected);
  }
}

TEST(ParseTest, RejectsAFileWithoutTheNation) {
  ExpectRejected("410000\t河南省\t河南\tprovince\t\thuazhong\t1981\t\t\n", "no national entry");
  ExpectRejected("", "no national entry");
}

}  // namespace
}  // namespace mubiao::regions
