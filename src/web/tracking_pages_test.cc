// Tracking in the portal against a SQLite store of small reports written for
// this test (a fictional year of 全国, 河南 and 郑州; the figures are ours):
// statuses and evidence on report pages, overrides, the scorecard, the
// escalation view, their CSV and JSON, and escaping of report text.
#include <gtest/gtest.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "tracking/store_tracking.h"
#include "tracking/testing.h"
#include "web/portal.h"
#include "web/testing.h"

namespace mubiao::web {
namespace {

using testing::ExpectContains;

// Markup in report text that must reach pages as text only.
constexpr char kPayload[] = "<script>alert('genzong')</script>";

class TrackingPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(tracking::testing::MakeTrackingStore(dir_.path(), db_, kPayload));
    ASSERT_TRUE(portal_.StartUncached(dir_ / "vendor").ok());
  }

  HttpResponse Get(const std::string& target) { return portal_.Get(target); }

  // The page of the work report of `locality` and `year`.
  std::string DocumentUrl(const std::string& locality, int year) {
    return portal_.WorkReport(locality, year).second;
  }

  static bool Has(std::string_view text, std::string_view part) {
    return text.find(part) != std::string::npos;
  }

  mubiao::testing::TempDir dir_{"mubiao_web_tracking"};
  const std::string db_ = store::testing::TestDatabase(dir_ / "t.db");
  testing::TestPortal portal_{db_};
};

TEST_F(TrackingPagesTest, ReportPageShowsEachStatusWithItsEvidence) {
  HttpResponse henan = Get(DocumentUrl("河南省", 2023));
  ASSERT_EQ(henan.status, 200) << henan.body;
  // Row 1 is GDP: 4.1% < 6% − 0.5 (左右); row 3, prices, is not in the
  // review of 2024.
  ExpectContains(
      henan.body,
      {"<a class=\"status missed\" href=\"#g1\"", "<a class=\"status met\" href=\"#g2\"",
       "<a class=\"status not_mentioned\" href=\"#g3\"", "<li id=\"g1\">",
       "判定依据：<code>实际 4.1% &lt; 目标 6% − 容差 0.5个百分点（越高越好）→ 未达成</code>",
       "说明：河南省2024年政府工作报告未提及2023年居民消费价格涨幅的实绩 · 容差 ±0.5个百分点",
       "<a href=\"" + DocumentUrl("河南省", 2024) + "\">", "全省地区生产总值增长4.1%", "未达成 1",
       "未提及 1"});

  HttpResponse national = Get(DocumentUrl("全国", 2023));
  ASSERT_EQ(national.status, 200);
  ExpectContains(national.body,
                 {"<a class=\"status met\" href=\"#g1\"", "见统计公报<a href=\"/baogao/quanguo/",
                  "中华人民共和国2023年国民经济和社会发展统计公报</a>", "比上年增长5.2%"});

  HttpResponse zhengzhou = Get(DocumentUrl("郑州市", 2023));
  ASSERT_EQ(zhengzhou.status, 200);
  EXPECT_TRUE(Has(zhengzhou.body, "<a class=\"status unverified\" href=\"#g1\""));
  EXPECT_TRUE(Has(zhengzhou.body, "说明：尚无郑州市2023年的统计公报或2024年的政府工作报告"));
}

TEST_F(TrackingPagesTest, OverridesChangeTheStatusAndAreShownWithTheirReason) {
  std::unique_ptr<store::Store> store = std::move(store::OpenStore(db_).value());
  tracking::TrackQuery query;
  query.region_code = "410000";
  query.indicator = "gdp";
  query.year = 2023;
  Result<std::vector<tracking::TrackedTarget>> tracked = tracking::TrackStored(store.get(), query);
  ASSERT_TRUE(tracked.ok());
  std::string key;
  for (const tracking::TrackedTarget& t : *tracked) {
    if (t.target.locality == "河南省") key = t.target.key;
  }
  ASSERT_FALSE(key.empty());
  ASSERT_TRUE(tracking::OverrideVerdict(store.get(), key, tracking::TargetStatus::kMet, "审核员",
                                        std::string("统计数据修订") + kPayload)
                  .ok());
  HttpResponse henan = Get(DocumentUrl("河南省", 2023));
  ASSERT_EQ(henan.status, 200);
  ExpectContains(henan.body, {"<a class=\"status met\" href=\"#g1\"", "人工更正",
                              "未达成 → 达成，理由：统计数据修订&lt;script&gt;"});
  EXPECT_FALSE(Has(henan.body, kPayload));
  const nlohmann::json api =
      nlohmann::json::parse(Get("/api/v1/tracking?region=410000&year=2023&indicator=gdp").body);
  bool found = false;
  for (const auto& t : api["targets"]) {
    if (t["target"]["document"]["locality"] != "河南省") continue;
    found = true;
    EXPECT_EQ(t["status"], "met");
    EXPECT_EQ(t["verdict"]["status"], "missed");
    ASSERT_EQ(t["overrides"].size(), 1u);
    EXPECT_EQ(t["overrides"][0]["author"], "审核员");
  }
  EXPECT_TRUE(found);
}

TEST_F(TrackingPagesTest, EscalationShowsEachLevelWithItsMarkup) {
  HttpResponse page = Get("/genzong/jiama?indicator=gdp&year=2023");
  ASSERT_EQ(page.status, 200) << page.body;
  const size_t nation = page.body.find(">全国</a>");
  const size_t henan = page.body.find(">河南省</a>");
  const size_t zhengzhou = page.body.find(">郑州市</a>");
  ASSERT_NE(nation, std::string::npos);
  ASSERT_NE(henan, std::string::npos);
  ASSERT_NE(zhengzhou, std::string::npos);
  EXPECT_LT(nation, henan);
  EXPECT_LT(henan, zhengzhou);
  ExpectContains(page.body,
                 {"<span class=\"markup up\">+1个百分点</span>", "data-tracking=\"escalation\"",
                  "<option value=\"gdp\" selected>", "/static/vendor/echarts.min.js"});
  // By name as well as by id; the year defaults to the latest one stored.
  EXPECT_TRUE(
      Has(Get("/genzong/jiama?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC"
              "&year=2023")
              .body,
          "+1个百分点"));
  EXPECT_TRUE(Has(Get("/genzong/jiama").body, "2024年目标"));
  EXPECT_TRUE(Has(Get("/genzong/jiama?year=2019").body, "没有找到 2019 年"));
  EXPECT_EQ(Get("/genzong/jiama?indicator=happiness&year=2023").status, 404);
  EXPECT_EQ(Get("/genzong/jiama?year=23").status, 400);
  EXPECT_EQ(Get("/genzong/jiama?year=2021-2023").status, 400);

  HttpResponse csv = Get("/export/genzong/jiama.csv?indicator=gdp&year=2023");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(Has(csv.body, "郑州市"));
  EXPECT_TRUE(Has(csv.body, "1个百分点"));
  EXPECT_TRUE(Has(csv.Header("Content-Disposition"), "mubiao-jiama-gdp-2023.csv"));

  const nlohmann::json api =
      nlohmann::json::parse(Get("/api/v1/escalation?indicator=gdp&year=2023").body);
  EXPECT_EQ(api["measure"], "growth");
  ASSERT_EQ(api["rows"].size(), 3u);
  EXPECT_FALSE(api["rows"][0].contains("markup"));  // const json: [] of a missing key is UB
  EXPECT_DOUBLE_EQ(api["rows"][1]["markup"].get<double>(), 1);
  EXPECT_EQ(api["rows"][2]["parent"], "410000");
  EXPECT_EQ(Get("/api/v1/escalation?indicator=happiness").status, 404);
}

// This year's targets against last year's: GDP lowered from 6% to 5%, the
// jobs and price targets not set again.
TEST_F(TrackingPagesTest, ChangesSinceLastYearAsPageAndApi) {
  HttpResponse page = Get("/genzong/410000/bianhua.html?year=2024");
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectContains(page.body,
                 {"<h1>河南省 2024年目标与2023年对比</h1>", "地区生产总值增长6%左右</a>",
                  "地区生产总值增长5%左右</a>", "<span class=\"change lowered\">下调</span>",
                  "<span class=\"change dropped\">不再提出</span>"});
  // Without a year: the newest with targets; linked from the scorecard.
  EXPECT_TRUE(Has(Get("/genzong/410000/bianhua.html").body, "2024年目标与2023年对比"));
  EXPECT_TRUE(Has(Get("/genzong/410000.html").body, "/genzong/410000/bianhua.html"));
  EXPECT_EQ(Get("/genzong/410000/bianhua.html?year=20x4").status, 400);
  EXPECT_EQ(Get("/genzong/999999/bianhua.html").status, 404);
  // A real place without targets: nothing to compare, said in Chinese.
  HttpResponse none = Get("/genzong/110000/bianhua.html");
  EXPECT_EQ(none.status, 404);
  EXPECT_TRUE(Has(none.body, "还没有可逐年比较的指标目标")) << none.body;
  EXPECT_EQ(Get("/api/v1/changes/110000").status, 404);
  const nlohmann::json api = nlohmann::json::parse(Get("/api/v1/changes/410000?year=2024").body);
  EXPECT_EQ(api["year_before"], 2023);
  EXPECT_EQ(api["changes"][0]["indicator_id"], "gdp");
  EXPECT_EQ(api["changes"][0]["change"], "lowered");
  EXPECT_EQ(api["changes"][0]["before"]["value"], 6);
  EXPECT_EQ(Get("/api/v1/changes/410000?year=abc").status, 400);
}

TEST_F(TrackingPagesTest, ScorecardHasYearsTopicsAndSeries) {
  HttpResponse page = Get("/genzong/410000.html");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1>河南省 目标跟踪</h1>"));
  // Two verdicts: counts, no share.
  EXPECT_TRUE(Has(page.body,
                  "<tr><td>2023</td><td class=\"num\">3</td><td class=\"num\">1</td>"
                  "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>"
                  "<td class=\"num\">0</td><td class=\"num\">0</td>"
                  "<td class=\"rate\">已核验 2/3，其中达成 1</td></tr>"));
  ExpectContains(page.body, {"<span class=\"status not_mentioned\">未提及 1</span>",
                             "已核验 2/4，其中达成 1</p>", "&quot;not_mentioned&quot;:[1,0]"});
  EXPECT_FALSE(Has(page.body, "达成率"));
  ExpectContains(page.body, {"data-tracking=\"years\"", "data-tracking=\"series\"",
                             "<td class=\"num\">4.1%</td>", "/baogao/huazhong/?diqu=410000"});
  EXPECT_EQ(Get("/genzong/999999.html").status, 404);
  EXPECT_EQ(Get("/genzong/abc.html").status, 404);
  EXPECT_EQ(Get("/genzong/110000.html").status, 404);  // no reports of 北京

  HttpResponse csv = Get("/export/genzong/410000.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(Has(csv.body, "未达成"));
  EXPECT_FALSE(Has(csv.body, "郑州市"));  // the place's own targets only

  const nlohmann::json api = nlohmann::json::parse(Get("/api/v1/scorecard/410000").body);
  ASSERT_EQ(api["by_year"].size(), 2u);
  EXPECT_EQ(api["by_year"][0]["year"], 2023);
  EXPECT_EQ(api["by_year"][0]["settled"], 2);
  EXPECT_EQ(api["by_year"][0]["not_mentioned"], 1);
  EXPECT_FALSE(api["by_year"][0].contains("share_met"));  // from fewer than 5 verdicts
  ASSERT_EQ(api["series"].size(), 1u);
  EXPECT_EQ(api["series"][0]["indicator_id"], "gdp");
  EXPECT_EQ(Get("/api/v1/scorecard/41").status, 404);
}

TEST_F(TrackingPagesTest, TrackingIsLinkedFromTheNavigationAndPlacePages) {
  HttpResponse index = Get("/genzong/");
  ASSERT_EQ(index.status, 200);
  ExpectContains(index.body,
                 {"<a href=\"/genzong/\">跟踪</a>", "<a href=\"/genzong/410000.html\">河南省</a>",
                  "action=\"/genzong/jiama\""});
  EXPECT_TRUE(Has(Get("/baogao/huazhong/?diqu=410000").body, "/genzong/410000.html"));
  EXPECT_TRUE(Has(Get("/baogao/quanguo/").body, "/genzong/000000.html"));
  EXPECT_EQ(Get("/static/tracking.js").status, 200);
}

TEST_F(TrackingPagesTest, ApiFiltersPagesAndRefusesUnboundedQueries) {
  const nlohmann::json henan =
      nlohmann::json::parse(Get("/api/v1/tracking?region=河南&year=2023&per_page=1").body);
  EXPECT_EQ(henan["total"], 4);  // 河南 GDP, jobs and prices, 郑州 GDP
  EXPECT_EQ(henan["targets"].size(), 1u);
  EXPECT_EQ(henan["counts"]["met"], 1);
  EXPECT_EQ(henan["counts"]["missed"], 1);
  EXPECT_EQ(henan["counts"]["unverified"], 1);
  EXPECT_EQ(henan["counts"]["not_mentioned"], 1);
  const nlohmann::json all =
      nlohmann::json::parse(Get("/api/v1/tracking?region=410000&indicator=gdp&year=2023").body);
  ASSERT_EQ(all["targets"].size(), 2u);
  for (const auto& t : all["targets"]) {
    if (t["target"]["document"]["locality"] != "河南省") continue;
    EXPECT_EQ(t["verdict"]["reason"], "missed_rule");
    EXPECT_TRUE(
        t["verdict"]["evidence"].get<std::string>().starts_with("实际 4.1% < 目标 6% − 容差"));
    EXPECT_EQ(t["verdict"]["rule"]["cmp"], "~");
    EXPECT_DOUBLE_EQ(t["verdict"]["rule"]["actual"].get<double>(), 4.1);
    EXPECT_DOUBLE_EQ(t["verdict"]["rule"]["slack"].get<double>(), 0.5);
    EXPECT_EQ(t["verdict"]["later_sources"], nlohmann::json::array({"next_report"}));
    EXPECT_EQ(t["verdict"]["tolerance"], "±0.5个百分点");
    EXPECT_EQ(t["verdict"]["outcome"]["document"]["type"], "work_report");
    EXPECT_EQ(t["verdict"]["outcome"]["document"]["year"], 2024);
  }
  EXPECT_EQ(Get("/api/v1/tracking").status, 400);
  EXPECT_EQ(Get("/api/v1/tracking?region=410000&year=2020-2023").status, 400);
  EXPECT_EQ(Get("/api/v1/tracking?indicator=happiness").status, 404);
  EXPECT_EQ(Get("/api/v1/tracking?region=410000&per_page=501").status, 400);
}

TEST_F(TrackingPagesTest, ReportTextIsEscapedOnEveryTrackingPage) {
  // The 2024 review's sentence is the evidence of 河南's 2023 targets.
  HttpResponse henan = Get(DocumentUrl("河南省", 2023));
  EXPECT_TRUE(Has(henan.body, "&lt;script&gt;alert"));
  for (const std::string& url : {DocumentUrl("河南省", 2023), std::string("/genzong/410000.html"),
                                 std::string("/genzong/jiama?indicator=gdp&year=2023")}) {
    EXPECT_FALSE(Has(Get(url).body, kPayload)) << url;
  }
}

}  // namespace
}  // namespace mubiao::web
