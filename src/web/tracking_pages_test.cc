// Tracking in the portal against a SQLite store of small reports written for
// this test (a fictional year of 全国, 河南 and 郑州; the figures are ours):
// statuses and evidence on report pages, overrides, the scorecard, the
// escalation view, their CSV and JSON, and escaping of report text.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "store/loader.h"
#include "store/sqlite_store.h"
#include "tracking/store_tracking.h"
#include "web/portal.h"

namespace mubiao::web {
namespace {

namespace fs = std::filesystem;

class FailingListener : public store::LoadListener {
 public:
  void OnFailure(const std::string& path, const std::string& reason) override {
    ADD_FAILURE() << path << ": " << reason;
  }
  void OnProgress(const store::LoadProgress&) override {}
};

std::string Report(const std::string& government, const std::string& place, int year,
                   const std::string& review, const std::string& plan) {
  return "---\ntitle: " + government + "政府工作报告\n---\n\n——" + std::to_string(year) +
         "年1月10日在" + place + "第十四届人民代表大会第一次会议上\n\n各位代表：\n\n**一、" +
         std::to_string(year - 1) + "年工作回顾**\n\n" + review + "\n\n**二、" +
         std::to_string(year) + "年工作安排**\n\n" + plan + "\n";
}

// Markup in report text that must reach pages as text only.
constexpr char kPayload[] = "<script>alert('genzong')</script>";

class TrackingPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mubiao-web-tracking-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "vendor");
    std::ofstream(dir_ / "vendor" / "echarts.min.js") << "/* echarts stand-in */";
    Write("national-2023.md", Report("国务院", "全国", 2023, "过去一年，经济平稳运行。",
                                     "今年发展主要预期目标是：国内生产总值增长5%左右；"
                                     "城镇新增就业1200万人左右。"));
    Write("communique-2023.md",
          "---\ntitle: 中华人民共和国2023年国民经济和社会发展统计公报\n---\n\n"
          "国家统计局\n\n2024年2月29日\n\n**一、综合**\n\n"
          "初步核算，全年国内生产总值1260582亿元，比上年增长5.2%。"
          "全年城镇新增就业1244万人。\n");
    Write("henan-2023.md", Report("河南省人民", "河南省", 2023, "过去一年，全省经济恢复。",
                                  "全省地区生产总值增长6%左右，城镇新增就业110万人以上。"));
    Write("henan-2024.md",
          Report("河南省人民", "河南省", 2024,
                 std::string("全省地区生产总值增长4.1%") + kPayload + "，城镇新增就业114.9万人。",
                 "全省地区生产总值增长5%左右。"));
    Write("zhengzhou-2023.md", Report("郑州市人民", "郑州市", 2023, "过去一年，全市经济恢复。",
                                      "全市地区生产总值增长7%以上。"));
    const std::string db = (dir_ / "t.db").string();
    {
      Result<std::unique_ptr<store::Store>> s = store::OpenSqliteStore(db);
      ASSERT_TRUE(s.ok()) << s.status().message();
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(dir_)) {
        if (e.path().extension() == ".md") files.push_back(e.path());
      }
      FailingListener listener;
      store::LoadOptions options;
      options.threads = 1;
      ASSERT_TRUE(store::LoadFiles(s->get(), files, options, &listener).ok());
    }
    pool_ = std::make_unique<StorePool>(
        [db] { return store::OpenSqliteStore(db, store::OpenMode::kMustExist); });
    PortalOptions options;
    options.vendor_dir = (dir_ / "vendor").string();
    options.page_cache_seconds = 0;  // overrides show at once
    portal_ = std::make_unique<Portal>(options, pool_.get());
    ASSERT_TRUE(portal_->Init().ok());
  }

  void TearDown() override {
    portal_.reset();
    pool_.reset();
    fs::remove_all(dir_);
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }

  HttpResponse Get(const std::string& target) {
    HttpRequest request = MakeRequest("GET", target);
    request.client_ip = "127.0.0.1";
    return portal_->Handle(request);
  }

  // The page of the work report of `locality` and `year`.
  std::string DocumentUrl(const std::string& locality, int year) {
    const nlohmann::json docs =
        nlohmann::json::parse(Get("/api/v1/documents?type=work_report&per_page=100").body);
    for (const auto& d : docs["documents"]) {
      if (d["locality"] == locality && d["year"] == year) return d["url"];
    }
    ADD_FAILURE() << "no document of " << locality << " " << year;
    return "";
  }

  static bool Has(std::string_view text, std::string_view part) {
    return text.find(part) != std::string::npos;
  }

  fs::path dir_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<Portal> portal_;
};

TEST_F(TrackingPagesTest, ReportPageShowsEachStatusWithItsEvidence) {
  HttpResponse henan = Get(DocumentUrl("河南省", 2023));
  ASSERT_EQ(henan.status, 200) << henan.body;
  // Row 1 is GDP: 4.1% < 6% − 0.5 (左右).
  EXPECT_TRUE(Has(henan.body, "<a class=\"status missed\" href=\"#g1\""));
  EXPECT_TRUE(Has(henan.body, "<a class=\"status met\" href=\"#g2\""));
  EXPECT_TRUE(Has(henan.body, "<li id=\"g1\">"));
  EXPECT_TRUE(Has(henan.body, "容差 ±0.5个百分点"));
  EXPECT_TRUE(Has(henan.body, "判定规则：<code>4.1% &lt; 6% − 0.5"));
  EXPECT_TRUE(Has(henan.body, "<a href=\"" + DocumentUrl("河南省", 2024) + "\">"));
  EXPECT_TRUE(Has(henan.body, "全省地区生产总值增长4.1%"));
  EXPECT_TRUE(Has(henan.body, "未达成 1"));

  HttpResponse national = Get(DocumentUrl("全国", 2023));
  ASSERT_EQ(national.status, 200);
  EXPECT_TRUE(Has(national.body, "<a class=\"status met\" href=\"#g1\""));
  EXPECT_TRUE(Has(national.body, "见统计公报<a href=\"/baogao/quanguo/"));
  EXPECT_TRUE(Has(national.body, "中华人民共和国2023年国民经济和社会发展统计公报</a>"));
  EXPECT_TRUE(Has(national.body, "比上年增长5.2%"));

  HttpResponse zhengzhou = Get(DocumentUrl("郑州市", 2023));
  ASSERT_EQ(zhengzhou.status, 200);
  EXPECT_TRUE(Has(zhengzhou.body, "<a class=\"status unverified\" href=\"#g1\""));
  EXPECT_TRUE(Has(zhengzhou.body, "说明：尚无郑州市2023年"));
}

TEST_F(TrackingPagesTest, OverridesChangeTheStatusAndAreShownWithTheirReason) {
  std::unique_ptr<store::Store> store =
      std::move(store::OpenSqliteStore((dir_ / "t.db").string()).value());
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
  EXPECT_TRUE(Has(henan.body, "<a class=\"status met\" href=\"#g1\""));
  EXPECT_TRUE(Has(henan.body, "人工更正"));
  EXPECT_TRUE(Has(henan.body, "未达成 → 达成，理由：统计数据修订&lt;script&gt;"));
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
  EXPECT_TRUE(Has(page.body, "<span class=\"markup up\">+1个百分点</span>"));
  EXPECT_TRUE(Has(page.body, "data-tracking=\"escalation\""));
  EXPECT_TRUE(Has(page.body, "<option value=\"gdp\" selected>"));
  EXPECT_TRUE(Has(page.body, "/static/vendor/echarts.min.js"));
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
  EXPECT_TRUE(api["rows"][0]["markup"].is_null());
  EXPECT_DOUBLE_EQ(api["rows"][1]["markup"].get<double>(), 1);
  EXPECT_EQ(api["rows"][2]["parent"], "410000");
  EXPECT_EQ(Get("/api/v1/escalation?indicator=happiness").status, 404);
}

TEST_F(TrackingPagesTest, ScorecardHasYearsTopicsAndSeries) {
  HttpResponse page = Get("/genzong/410000.html");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1>河南省 目标跟踪</h1>"));
  EXPECT_TRUE(Has(page.body,
                  "<tr><td>2023</td><td class=\"num\">2</td><td class=\"num\">1</td>"
                  "<td class=\"num\">1</td><td class=\"num\">0</td>"
                  "<td class=\"num\">0</td><td class=\"num\">50%</td></tr>"));
  EXPECT_TRUE(Has(page.body, "data-tracking=\"years\""));
  EXPECT_TRUE(Has(page.body, "data-tracking=\"series\""));
  EXPECT_TRUE(Has(page.body, "<td class=\"num\">4.1%</td>"));
  EXPECT_TRUE(Has(page.body, "/baogao/huazhong/?diqu=410000"));
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
  EXPECT_DOUBLE_EQ(api["by_year"][0]["share_met"].get<double>(), 0.5);
  ASSERT_EQ(api["series"].size(), 1u);
  EXPECT_EQ(api["series"][0]["indicator_id"], "gdp");
  EXPECT_EQ(Get("/api/v1/scorecard/41").status, 404);
}

TEST_F(TrackingPagesTest, TrackingIsLinkedFromTheNavigationAndPlacePages) {
  HttpResponse index = Get("/genzong/");
  ASSERT_EQ(index.status, 200);
  EXPECT_TRUE(Has(index.body, "<a href=\"/genzong/\">跟踪</a>"));
  EXPECT_TRUE(Has(index.body, "<a href=\"/genzong/410000.html\">河南省</a>"));
  EXPECT_TRUE(Has(index.body, "action=\"/genzong/jiama\""));
  EXPECT_TRUE(Has(Get("/baogao/huazhong/?diqu=410000").body, "/genzong/410000.html"));
  EXPECT_TRUE(Has(Get("/baogao/quanguo/").body, "/genzong/000000.html"));
  EXPECT_EQ(Get("/static/tracking.js").status, 200);
}

TEST_F(TrackingPagesTest, ApiFiltersPagesAndRefusesUnboundedQueries) {
  const nlohmann::json henan =
      nlohmann::json::parse(Get("/api/v1/tracking?region=河南&year=2023&per_page=1").body);
  EXPECT_EQ(henan["total"], 3);  // 河南 GDP and jobs, 郑州 GDP
  EXPECT_EQ(henan["targets"].size(), 1u);
  EXPECT_EQ(henan["counts"]["met"], 1);
  EXPECT_EQ(henan["counts"]["missed"], 1);
  EXPECT_EQ(henan["counts"]["unverified"], 1);
  const nlohmann::json all =
      nlohmann::json::parse(Get("/api/v1/tracking?region=410000&indicator=gdp&year=2023").body);
  ASSERT_EQ(all["targets"].size(), 2u);
  for (const auto& t : all["targets"]) {
    if (t["target"]["document"]["locality"] != "河南省") continue;
    EXPECT_TRUE(t["verdict"]["rule"].get<std::string>().starts_with("4.1% < 6% − 0.5"));
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
