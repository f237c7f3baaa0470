// The tile-grid map (/ditu, /api/v1/map): its layout table and colour
// classes on their own, and the page and API against the small tracking
// store (a fictional 河南 of 2023 and 2024 with 郑州; figures are ours).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/testing.h"
#include "regions/gazetteer.h"
#include "store/testing.h"
#include "tracking/testing.h"
#include "web/portal.h"
#include "web/testing.h"
#include "web/tile_map.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

TEST(TileGridTest, HasEveryProvincialRegionOnceEachInItsOwnCell) {
  std::set<std::string_view> codes;
  std::set<std::pair<int, int>> cells;
  for (const TilePosition& t : ChinaTileGrid()) {
    EXPECT_TRUE(codes.insert(t.code).second) << t.code;
    EXPECT_TRUE(cells.insert({t.row, t.column}).second) << t.code;
    EXPECT_GE(t.row, 1) << t.code;
    EXPECT_LE(t.row, kTileRows) << t.code;
    EXPECT_GE(t.column, 1) << t.code;
    EXPECT_LE(t.column, kTileColumns) << t.code;
  }
  EXPECT_EQ(codes.size(), 34u);
  std::set<std::string_view> provinces;
  for (const regions::Region* r :
       regions::Gazetteer::Builtin().AllInUse(regions::RegionLevel::kProvince)) {
    provinces.insert(r->code);
  }
  EXPECT_EQ(codes, provinces);
  EXPECT_TRUE(
      std::is_sorted(ChinaTileGrid().begin(), ChinaTileGrid().end(),
                     [](const TilePosition& a, const TilePosition& b) { return a.code < b.code; }));
}

TEST(TileGridTest, NeighboursAreWhereReadersLookForThem) {
  const auto at = [](std::string_view code) {
    for (const TilePosition& t : ChinaTileGrid()) {
      if (t.code == code) return std::pair{t.row, t.column};
    }
    return std::pair{0, 0};
  };
  EXPECT_EQ(at("230000"), std::pair(1, kTileColumns));  // 黑龙江 top right
  EXPECT_EQ(at("650000").second, 1);                    // 新疆 and 西藏 left
  EXPECT_EQ(at("540000").second, 1);
  EXPECT_EQ(at("460000").first, kTileRows);  // 海南 at the bottom
  // 台湾 east of 福建.
  EXPECT_EQ(at("710000"), std::pair(at("350000").first, at("350000").second + 1));
}

TEST(SequentialClassesTest, RanksValuesIntoClassesWithTiesTogether) {
  EXPECT_TRUE(SequentialClasses({}).empty());
  const double one[] = {7};
  EXPECT_EQ(SequentialClasses(one), std::vector<int>{3});
  const double two[] = {5, 6, 5};
  EXPECT_EQ(SequentialClasses(two), (std::vector<int>{1, 5, 1}));
  const double five[] = {4.5, 7, 5, 6, 5.5, 5};
  EXPECT_EQ(SequentialClasses(five), (std::vector<int>{1, 5, 2, 4, 3, 2}));
  // Ten distinct values: two per class, in order.
  const double ten[] = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  EXPECT_EQ(SequentialClasses(ten), (std::vector<int>{5, 5, 4, 4, 3, 3, 2, 2, 1, 1}));
  // Many ties at the bottom: they share class 1, the rest follow by rank.
  const double ties[] = {1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7};
  const std::vector<int> c = SequentialClasses(ties);
  EXPECT_EQ(std::count(c.begin(), c.end(), 1), 6);
  EXPECT_TRUE(std::is_sorted(c.begin(), c.end()));
  EXPECT_EQ(c.back(), 5);
}

TEST(MapQueryTest, ReadsTheMeasureAndYearOfPageAndApi) {
  HttpRequest request;
  request.query = {{"zhibiao", "gdp"}, {"year", "2023"}};
  Result<MapQuery> q = MapQueryOf(request, false);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->measure, MapMeasure::kGdpTarget);
  EXPECT_EQ(q->year, 2023);
  // The API names measures in English and ignores the page's parameter.
  EXPECT_EQ(MapQueryOf(request, true)->measure, MapMeasure::kReports);
  request.query = {{"metric", "share_met"}};
  EXPECT_EQ(MapQueryOf(request, true)->measure, MapMeasure::kShareMet);
  EXPECT_EQ(MapQueryOf(request, true)->year, 0);
  EXPECT_EQ(MapQueryOf(HttpRequest{}, false)->measure, MapMeasure::kReports);
}

class MapPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(tracking::testing::MakeTrackingStore(dir_.path(), db_));
    ASSERT_TRUE(portal_.StartUncached(dir_ / "vendor").ok());
  }

  HttpResponse Get(const std::string& target) { return portal_.Get(target); }

  // The tile of `code` on a map page: from its <li> to the next.
  static std::string Tile(const std::string& page, const std::string& code) {
    const size_t at = page.find("data-code=\"" + code + "\"");
    if (at == std::string::npos) return "";
    const size_t begin = page.rfind("<li", at);
    return page.substr(begin, page.find("</li>", at) - begin);
  }

  static size_t Count(std::string_view text, std::string_view part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) {
      ++n;
    }
    return n;
  }

  mubiao::testing::TempDir dir_{"mubiao_web_map"};
  const std::string db_ = store::testing::TestDatabase(dir_ / "t.db");
  testing::TestPortal portal_{db_};
};

TEST_F(MapPageTest, ReportsMapHasEveryTileAndLinksPlacesWithTargetsToTheirScorecard) {
  HttpResponse page = Get("/ditu");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Count(page.body, "<li class=\"tile "), 34u);
  // 河南: its two reports and 郑州's.
  const std::string henan = Tile(page.body, "410000");
  EXPECT_NE(henan.find("href=\"/genzong/410000.html\""), std::string::npos) << henan;
  EXPECT_NE(henan.find("<b>河南</b><span>3</span>"), std::string::npos) << henan;
  // Without reports: shown, not linked.
  const std::string hongkong = Tile(page.body, "810000");
  EXPECT_NE(hongkong.find("q0"), std::string::npos) << hongkong;
  EXPECT_NE(hongkong.find("<b>香港</b><span>暂无数据</span>"), std::string::npos) << hongkong;
  EXPECT_EQ(hongkong.find("href"), std::string::npos) << hongkong;
  // The table has every place too, and the legend its classes.
  EXPECT_EQ(Count(page.body, "<th scope=\"row\">"), 34u);
  EXPECT_NE(page.body.find("<span class=\"swatch q3\"></span>3 篇</li>"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"/ditu\">地图</a>"), std::string::npos) << "in the header";
  EXPECT_NE(Get("/").body.find("href=\"/ditu\""), std::string::npos);
}

TEST_F(MapPageTest, GdpTargetIsTheEscalationViewsFigureOfTheYear) {
  HttpResponse latest = Get("/ditu?zhibiao=gdp");
  ASSERT_EQ(latest.status, 200) << latest.body;
  EXPECT_NE(latest.body.find("<h1>地图：GDP增长目标 2024年</h1>"), std::string::npos);
  EXPECT_NE(Tile(latest.body, "410000").find("<span>5%</span>"), std::string::npos);
  HttpResponse before = Get("/ditu?zhibiao=gdp&year=2023");
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(Tile(before.body, "410000").find("<span>6%</span>"), std::string::npos);
  EXPECT_NE(before.body.find("地区生产总值增长6%左右"), std::string::npos);
  EXPECT_NE(before.body.find("<option value=\"2023\" selected>"), std::string::npos);

  nlohmann::json api = nlohmann::json::parse(Get("/api/v1/map?metric=gdp_target&year=2023").body);
  EXPECT_EQ(api["metric"], "gdp_target");
  EXPECT_EQ(api["year"], 2023);
  ASSERT_EQ(api["places"].size(), 34u);
  for (const nlohmann::json& p : api["places"]) {
    if (p["code"] != "410000") {
      EXPECT_FALSE(p.contains("value")) << p.dump();
      continue;
    }
    EXPECT_EQ(p["value"], 6);
    EXPECT_EQ(p["label"], "6%");
    EXPECT_EQ(p["class"], 3);
    EXPECT_EQ(p["target"]["text"], "地区生产总值增长6%左右");
  }
}

TEST_F(MapPageTest, ShareMetCountsAsTheScorecardDoes) {
  nlohmann::json api = nlohmann::json::parse(Get("/api/v1/map?metric=share_met&year=2023").body);
  nlohmann::json card = nlohmann::json::parse(Get("/api/v1/scorecard/410000").body);
  nlohmann::json year_2023;
  for (const nlohmann::json& y : card["by_year"]) {
    if (y["year"] == 2023) year_2023 = y;
  }
  year_2023.erase("year");
  for (const nlohmann::json& p : api["places"]) {
    if (p["code"] == "410000") {
      EXPECT_EQ(p["counts"], year_2023);
      EXPECT_FALSE(p.contains("value")) << "two settled: too few for a share";
    }
  }
  // No year has a share (too few settled): the newest year is shown.
  EXPECT_NE(Get("/ditu?zhibiao=dacheng").body.find("<h1>地图：目标达成率 2024年</h1>"),
            std::string::npos);
  HttpResponse page = Get("/ditu?zhibiao=dacheng&year=2023");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<td class=\"num\">核验不足</td><td class=\"num\">1</td>"
                           "<td class=\"num\">2</td><td class=\"num\">3</td>"),
            std::string::npos);
}

TEST_F(MapPageTest, HostileParametersGetA400InChinese) {
  for (const std::string& query : std::vector<std::string>{
           "zhibiao=nonsense", "zhibiao=" + PercentEncode("<script>alert(1)</script>"),
           "zhibiao=gdp&year=20x4", "zhibiao=gdp&year=2030", "zhibiao=gdp&year=1990",
           "zhibiao=dacheng&year=-2023", "year=" + std::string(5000, '9'),
           "zhibiao=gdp&year=" + PercentEncode("2023' OR '1'='1")}) {
    HttpResponse page = Get("/ditu?" + query);
    EXPECT_EQ(page.status, 400) << query;
    EXPECT_NE(page.body.find("参数"), std::string::npos) << query;
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << query;
    HttpResponse api = Get("/api/v1/map?" + query);
    EXPECT_EQ(api.status,
              query.starts_with("zhibiao=") && query.find("year") == std::string::npos ? 200 : 400)
        << query;
  }
  std::string repeated = "/ditu?zhibiao=gdp";
  for (int i = 0; i < 500; ++i) repeated += "&zhibiao=baogao&year=2023";
  EXPECT_EQ(Get(repeated).status, 200) << "the first of repeated parameters counts";
  EXPECT_EQ(Get("/api/v1/map?metric=nonsense").status, 400);
  EXPECT_TRUE(nlohmann::json::parse(Get("/api/v1/map?metric=nonsense").body).contains("error"));
}

}  // namespace
}  // namespace mubiao::web
