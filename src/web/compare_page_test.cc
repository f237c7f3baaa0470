// Places compared (/genzong/duibi.html, /api/v1/compare) against a SQLite
// store of small reports written for the tests (tracking/testing.h: 河南's
// targets of 2023, settled by its 2024 review, and 郑州's, which nothing
// settles; the figures are ours), and its guards against hostile
// parameters.
#include <gtest/gtest.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/testing.h"
#include "store/testing.h"
#include "tracking/testing.h"
#include "web/portal.h"
#include "web/testing.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using testing::ExpectContains;

constexpr char kPayload[] = "<script>alert('duibi')</script>";

class ComparePageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(tracking::testing::MakeTrackingStore(dir_.path(), db_, kPayload));
    ASSERT_TRUE(portal_.StartUncached(dir_ / "vendor").ok());
  }

  HttpResponse Get(const std::string& target) { return portal_.Get(target); }

  static bool Has(std::string_view text, std::string_view part) {
    return text.find(part) != std::string::npos;
  }

  mubiao::testing::TempDir dir_{"mubiao_web_compare"};
  const std::string db_ = store::testing::TestDatabase(dir_ / "t.db");
  testing::TestPortal portal_{db_};
};

TEST_F(ComparePageTest, EachPlacesTargetOutcomeAndStatusSideBySide) {
  HttpResponse page = Get("/genzong/duibi.html?diqu=410000&diqu=410100&year=2023");
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string henan = portal_.WorkReport("河南省", 2023).second;
  const std::string zhengzhou = portal_.WorkReport("郑州市", 2023).second;
  ExpectContains(
      page.body,
      {"<h1>河南省、郑州市 2023年目标对比</h1>",
       "<a href=\"/genzong/410000.html\" title=\"河南省目标跟踪\">河南省</a>",
       "<a href=\"/genzong/410100.html\" title=\"郑州市目标跟踪\">郑州市</a>",
       // GDP: both set one; 河南 missed it (4.1%), nothing settles 郑州's.
       "所选地区都提出了目标的指标（1 项）",
       "href=\"/genzong/jiama?indicator=gdp&amp;year=2023&amp;measure=growth\"",
       "<td data-label=\"河南省\"><a class=\"quote\" href=\"" + henan + "#t1\"", "实际：",
       "4.1%</span><a class=\"status missed\" href=\"" + henan + "#g1\"",
       "<a class=\"status unverified\" href=\"" + zhengzhou + "#g1\" title=\"查看依据\">待核实</a>",
       // Jobs and prices: 河南 only.
       "部分地区提出了目标的指标（2 项）", "<a class=\"status met\"",
       "<a class=\"status not_mentioned\"",
       "<td data-label=\"郑州市\"><span class=\"none\">未设目标",
       // The form: each place with a link that removes it, one more input, the years.
       "value=\"河南省（410000）\"", "href=\"/genzong/duibi.html?diqu=410100&amp;year=2023\"",
       "添加地区", "<option value=\"2023\" selected>", "<option value=\"郑州市（410100）\">",
       "/api/v1/compare?diqu=410000&amp;diqu=410100&amp;year=2023"});
  // Shared indicators first.
  EXPECT_LT(page.body.find("地区生产总值"), page.body.find("城镇新增就业"));
  EXPECT_FALSE(Has(page.body, kPayload));
  // Without a year: the newest both have targets for (郑州 has none for 2024).
  EXPECT_TRUE(Has(Get("/genzong/duibi.html?diqu=410100&diqu=410000").body, "2023年目标对比"));
  // 郑州 set nothing for 2024.
  HttpResponse later = Get("/genzong/duibi.html?diqu=410000&diqu=410100&year=2024");
  EXPECT_EQ(later.status, 200);
  EXPECT_TRUE(Has(later.body, "未设目标"));
}

TEST_F(ComparePageTest, ApiSharesThePagesData) {
  HttpResponse response = Get("/api/v1/compare?diqu=410000&diqu=410100&year=2023");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json j = nlohmann::json::parse(response.body);
  EXPECT_EQ(j["year"], 2023);
  EXPECT_EQ(j["places"][0]["name"], "河南省");
  EXPECT_EQ(j["url"], "/genzong/duibi.html?diqu=410000&diqu=410100&year=2023");
  ASSERT_EQ(j["indicators"].size(), 3u);
  const nlohmann::json& gdp = j["indicators"][0];
  EXPECT_EQ(gdp["indicator_id"], "gdp");
  EXPECT_TRUE(gdp["shared"]);
  EXPECT_EQ(gdp["cells"][0]["target"]["status"], "missed");
  EXPECT_EQ(gdp["cells"][1]["target"]["status"], "unverified");
  EXPECT_EQ(j["indicators"][1]["cells"][1], (nlohmann::json{{"region_code", "410100"}}));
  EXPECT_EQ(Get("/api/v1/compare?diqu=410000").status, 400);
  EXPECT_EQ(Get("/api/v1/compare?diqu=410000&diqu=999999").status, 404);
  EXPECT_EQ(Get("/api/v1/compare?diqu=410000&diqu=410100&year=abc").status, 400);
}

TEST_F(ComparePageTest, NamesAndRepeatsLeadToThePagesOwnUrl) {
  HttpResponse named = Get("/genzong/duibi.html?diqu=" + PercentEncode("河南") + "&diqu=" +
                           PercentEncode("郑州市（410100）") + "&diqu=410000&diqu=&year=2023");
  EXPECT_EQ(named.status, 303);
  EXPECT_EQ(named.Header("Location"), "/genzong/duibi.html?diqu=410000&diqu=410100&year=2023");
  EXPECT_EQ(Get("/genzong/duibi.html?diqu=").Header("Location"), "/genzong/duibi.html");
}

TEST_F(ComparePageTest, StartsFromAnExplanationOrOnePlace) {
  HttpResponse empty = Get("/genzong/duibi.html");
  ASSERT_EQ(empty.status, 200);
  ExpectContains(empty.body, {"<h1>地区目标对比</h1>", "选择两到六个地区", "placeholder=\"最新\""});
  // From a scorecard: that place, and a place to add.
  HttpResponse one = Get("/genzong/duibi.html?diqu=410000");
  ASSERT_EQ(one.status, 200);
  ExpectContains(one.body, {"value=\"河南省（410000）\"", "请再添加至少一个地区", "添加地区"});
  ExpectContains(Get("/genzong/410000.html").body,
                 {"<a href=\"/genzong/duibi.html?diqu=410000\">与其他地区对比</a>"});
  ExpectContains(Get("/genzong/").body, {"href=\"/genzong/duibi.html\""});
}

TEST_F(ComparePageTest, HostileParametersGetChinesePagesNeverACrash) {
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "diqu=410000&";
  struct Case {
    std::string query;
    int status;
    std::string says;
  };
  const Case cases[] = {
      {twenty, 400, "最多同时对比6个地区"},
      {"diqu=999999&diqu=410000", 404, "没有这个地区代码：999999"},
      {"diqu=110000&diqu=410000", 404, "北京市还没有报告"},
      {"diqu=abc&diqu=410000", 404, "没有找到有报告的地区“abc”"},
      {"diqu=12345&diqu=410000", 400, "地区代码应为六位数字"},
      {"diqu=" + PercentEncode(kPayload) + "&diqu=410000", 404, "&lt;script&gt;"},
      {"diqu=" + std::string(200, 'x') + "&diqu=410000", 400, "地区名称过长"},
      {"diqu=410000&diqu=410100&year=20x4", 400, "year 应为四位年份"},
      {"diqu=410000&diqu=410100&year=99999999999999999999", 400, "year 应为四位年份"},
      {"diqu=" + PercentEncode("' OR '1'='1") + "&diqu=410000", 404, "没有找到有报告的地区"},
      {"diqu=" + PercentEncode("410000'; DROP TABLE documents; --") + "&diqu=410100", 404,
       "没有找到有报告的地区"},
      {"diqu=410000&diqu=410100&year=" + PercentEncode("2023 OR 1=1"), 400, "year 应为四位年份"},
  };
  for (const Case& c : cases) {
    HttpResponse page = Get("/genzong/duibi.html?" + c.query);
    EXPECT_EQ(page.status, c.status) << c.query;
    EXPECT_TRUE(Has(page.body, c.says)) << c.query << "\n" << page.body;
    EXPECT_FALSE(Has(page.body, kPayload)) << c.query;
    HttpResponse api = Get("/api/v1/compare?" + c.query);
    EXPECT_EQ(api.status, c.status) << c.query;
    EXPECT_TRUE(nlohmann::json::parse(api.body).contains("error")) << c.query;
  }
  // Everything is still there.
  EXPECT_EQ(Get("/api/v1/compare?diqu=410000&diqu=410100&year=2023").status, 200);
}

}  // namespace
}  // namespace mubiao::web
