// The portal's pages, API and comment flow against a real SQLite store made
// from small synthetic reports; and the security cases: stored XSS in
// comments and in report text, SQL injection in every query parameter, path
// traversal on static files, captcha replay, CSRF without a token, limits.
#include "web/portal.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "web/labels.h"
#include "web/moderators.h"
#include "web/page_cache.h"
#include "web/testing.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

// Payloads that must never reach a page as markup.
const std::vector<std::string> kXssPayloads = {
    "<script>alert('xss')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "<iframe src=//evil.example></iframe>",
    "</textarea><script>alert(2)</script>",
    "<body onload=alert(3)>",
    "{{TITLE}}<style>*{display:none}</style>",
};

// Strings that would break a query built by concatenation.
const std::vector<std::string> kSqlInjections = {
    "' OR '1'='1",
    "1; DROP TABLE documents; --",
    "\" OR 1=1 --",
    "1' UNION SELECT * FROM moderators --",
    "%' AND 1=0 UNION SELECT password_hash FROM moderators --",
    "'); DELETE FROM comments; --",
    "1 OR 1=1",
    "粮食' --",
    "\\'; --",
    "0x27",
};

// A plain-text work report (as saved from an archive site) whose plan
// carries `plan_extra` in its text.
std::string TextReport(const std::string& plan_extra) {
  return "导航菜单\n\n(河南省)登封市人民政府工作报告(2023年1月10日)\n\n"
         "  各位代表:现在,我代表市人民政府,向大会报告工作,请予审议。\n\n"
         "  2022年,全市地区生产总值增长4.1%。新增城镇就业5600人。\n\n"
         "  2023年主要预期目标是:地区生产总值增长6.5%左右。\n\n"
         "  稳定粮食生产。确保粮食播种面积稳定在52万亩以上," +
         plan_extra +
         "新建高标准农田3万亩。\n\n"
         "本文地址:/baogao/huazhong/1.html\n";
}

class PortalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new mubiao::testing::TempDir("mubiao_portal_test");
    db_ = new std::string(store::testing::TestDatabase(*dir_ / "portal.db"));
    testing::WriteVendorStandIn(*dir_ / "vendor");
    // Not regular files: a folder (as npm packages have) and a pipe, which
    // would block a plain open.
    dir_->Write("vendor/echarts/index.js", "/* inside a folder */");
    ASSERT_EQ(mkfifo((*dir_ / "vendor" / "pipe").c_str(), 0600), 0);
    dir_->Write("secret.txt", "TOP SECRET");
    Result<std::unique_ptr<store::Store>> store = store::OpenStore(DbPath());
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<store::SourceFile> files;
    const auto add = [&](const std::string& name, const std::string& bytes) {
      files.push_back(store::testing::AnalysedSourceFile((*dir_ / name).string(), bytes));
    };
    add("xinzheng-2023.md",
        store::testing::MarkdownReport("新郑市", 2023,
                                       "确保粮食播种面积稳定在58万亩以上。新增城镇就业6000人。"));
    add("xinzheng-2024.md",
        store::testing::MarkdownReport("新郑市", 2024,
                                       "新增城镇就业6500人。单位地区生产总值能耗下降3%。"));
    // A second source of the 2024 report: counted and listed once.
    add("xinzheng-2024-copy.txt",
        store::testing::MarkdownReport("新郑市", 2024, "新增城镇就业6500人。"));
    std::string payloads;
    for (const std::string& p : kXssPayloads) payloads += p + ",";
    add("dengfeng-2023.txt", TextReport(payloads));
    ASSERT_FALSE(HasFailure()) << "a report did not import";
    ASSERT_TRUE((*store)->PutSourceFiles(files).ok());
    Result<std::string> hash = HashPassword("moderator-password");
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE((*store)->PutModerator("审核员", *hash).ok());
  }

  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }

  static std::string DbPath() { return *db_; }

  void SetUp() override {
    // Each test starts as a new site: no limit spent, no name locked, nobody
    // signed in (the store keeps them for every portal on the database).
    Result<store::Database> db = store::Database::OpenByName(DbPath());
    ASSERT_TRUE(db.ok() && db->Exec("DELETE FROM shared_state").ok());
    PortalOptions options;
    options.vendor_dir = (*dir_ / "vendor").string();
    options.insecure_test_captcha = true;
    options.comment_burst = 1000;
    options.login_burst = 1000;
    options.captcha_burst = 1000;
    ASSERT_TRUE(portal_.Start(options).ok());
  }

  std::unique_ptr<store::Store> Store() { return std::move(store::OpenStore(DbPath()).value()); }

  // A GET (or another method) with this test's cookies.
  HttpResponse Call(const std::string& method, const std::string& target,
                    const std::string& body = "") {
    HttpRequest request = MakeRequest(method, target);
    request.client_ip = client_ip_;
    std::string cookies;
    for (const auto& [name, value] : cookies_) cookies += name + "=" + value + "; ";
    if (!cookies.empty()) request.headers.emplace_back("cookie", cookies);
    if (method == "POST") {
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
      request.body = body;
    }
    HttpResponse response = via_->Handle(request);
    for (const auto& [name, value] : response.headers) {
      if (name != "Set-Cookie") continue;
      const size_t eq = value.find('=');
      const std::string cookie_value = value.substr(eq + 1, value.find(';') - eq - 1);
      if (value.find("Max-Age=0") != std::string::npos) {
        cookies_.erase(value.substr(0, eq));
      } else {
        cookies_[value.substr(0, eq)] = cookie_value;
      }
    }
    return response;
  }
  HttpResponse Get(const std::string& target) { return Call("GET", target); }

  // The characters of `allowed` that follow the first `marker` in `html`.
  static std::string After(const std::string& html, const std::string& marker,
                           const char* allowed) {
    const size_t at = html.find(marker);
    EXPECT_NE(at, std::string::npos) << marker;
    if (at == std::string::npos) return "";
    const size_t begin = at + marker.size();
    return html.substr(begin, html.find_first_not_of(allowed, begin) - begin);
  }
  static std::string Csrf(const std::string& html) {
    return After(html, "name=\"csrf\" value=\"", "0123456789abcdef");
  }

  // The id and page of the work report of `locality` for `year`.
  std::pair<int64_t, std::string> Document(const std::string& locality, int year) {
    return portal_.WorkReport(locality, year);
  }

  // Posts a comment through the report page's form with a fresh captcha;
  // `captcha` overrides the right answer when not empty.
  HttpResponse PostComment(int64_t id, const std::string& page, const std::string& author,
                           const std::string& body, const std::string& captcha = "") {
    const std::string csrf = Csrf(Get(page).body);
    EXPECT_EQ(Get("/yanzhengma.png").content_type, "image/png");
    const std::string answer = captcha.empty() ? Get("/ceshi/yanzhengma").body : captcha;
    return Call("POST", "/pinglun/" + std::to_string(id),
                BuildQueryString(
                    {{"csrf", csrf}, {"author", author}, {"body", body}, {"captcha", answer}}));
  }

  int64_t Pending() {
    return Store()->ListComments({0, store::CommentStatus::kPending, false, 0, 1})->total;
  }

  // Posts the sign-in form (with a fresh form token).
  HttpResponse SignIn(const std::string& name, const std::string& password) {
    const std::string csrf = Csrf(Get("/guanli/denglu").body);
    return Call("POST", "/guanli/denglu",
                BuildQueryString({{"csrf", csrf}, {"name", name}, {"password", password}}));
  }

  // A portal whose password checks are recorded in `checked` (the hashes).
  void UseCountingVerifier(std::shared_ptr<std::vector<std::string>> checked) {
    PortalOptions options;
    options.login_burst = 1000;
    options.verify_password = [checked](const std::string& hash, const std::string& password) {
      checked->push_back(hash);
      return VerifyPassword(hash, password);
    };
    ASSERT_TRUE(portal_.Start(options).ok());
  }

  static mubiao::testing::TempDir* dir_;
  static std::string* db_;  // the test database (store::testing::TestDatabase)
  testing::TestPortal portal_{DbPath()};
  testing::TestPortal* via_ = &portal_;  // the portal (process) requests go to
  std::map<std::string, std::string> cookies_;
  std::string client_ip_ = "127.0.0.1";
};

mubiao::testing::TempDir* PortalTest::dir_ = nullptr;
std::string* PortalTest::db_ = nullptr;

TEST_F(PortalTest, HomeShowsRegionsProvincesAndLatestReports) {
  HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200) << home.body;
  for (const char* text : {"导航菜单", "华北", "东北", "华东", "华中", "华南", "西南", "西北",
                           "河南", "新郑市人民政府工作报告", "/baogao/huazhong/"}) {
    EXPECT_NE(home.body.find(text), std::string::npos) << text;
  }
  EXPECT_NE(home.body.find("收录报告 <b>3</b> 篇"), std::string::npos);
  EXPECT_FALSE(home.Header("ETag").empty());
  EXPECT_NE(home.Header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

// A report read from two files is one report: its page names both sources,
// and the second source's page says what it is and leads to the report.
// The files the web expects: robots.txt naming the sitemap at the address
// the client used, a sitemap of every report, scorecard and place, an Atom feed of
// the newest reports (per place too), the favicon, and the 数据说明 page.
TEST_F(PortalTest, RobotsSitemapFeedFaviconAndAboutTheData) {
  HttpRequest robots_request = MakeRequest("GET", "/robots.txt");
  robots_request.headers.emplace_back("host", "mubiao.example.cn");
  robots_request.headers.emplace_back("x-forwarded-proto", "https");
  HttpResponse robots = portal_.Handle(robots_request);
  ASSERT_EQ(robots.status, 200);
  EXPECT_NE(robots.body.find("Sitemap: https://mubiao.example.cn/sitemap.xml"), std::string::npos);
  EXPECT_NE(robots.body.find("Disallow: /guanli/"), std::string::npos);
  HttpRequest hostile = MakeRequest("GET", "/robots.txt");
  hostile.headers.emplace_back("host", "evil.example\"><x>");
  EXPECT_NE(portal_.Handle(hostile).body.find("Sitemap: http://localhost/sitemap.xml"),
            std::string::npos);
  HttpResponse sitemap = Get("/sitemap.xml");
  ASSERT_EQ(sitemap.status, 200);
  EXPECT_EQ(sitemap.content_type, "application/xml; charset=utf-8");
  EXPECT_NE(sitemap.body.find("/baogao/"), std::string::npos);
  EXPECT_NE(sitemap.body.find("/genzong/410184.html</loc>"), std::string::npos) << sitemap.body;
  // The places' pages: 郑州 has reports only under it, so a page and no scorecard.
  EXPECT_NE(sitemap.body.find("/baogao/</loc>"), std::string::npos);
  EXPECT_NE(sitemap.body.find("/baogao/huazhong/?diqu=410100</loc>"), std::string::npos);
  EXPECT_EQ(sitemap.body.find("/genzong/410100.html"), std::string::npos);
  HttpResponse feed = Get("/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.content_type, "application/atom+xml; charset=utf-8");
  EXPECT_NE(feed.body.find("<entry><title>"), std::string::npos);
  EXPECT_EQ(feed.body.find("<script"), std::string::npos) << "titles are escaped";
  EXPECT_NE(Get("/feed.atom?diqu=410184").body.find("新郑市"), std::string::npos);
  EXPECT_EQ(Get("/feed.atom?diqu=abc").status, 404);
  HttpResponse icon = Get("/favicon.ico");
  EXPECT_EQ(icon.status, 301);
  EXPECT_EQ(Get("/static/favicon.svg").content_type, "image/svg+xml");
  HttpResponse about = Get("/shuoming.html");
  ASSERT_EQ(about.status, 200);
  EXPECT_NE(about.body.find("<h1>数据说明</h1>"), std::string::npos);
  EXPECT_NE(about.body.find("0.5 个百分点"), std::string::npos);
  EXPECT_NE(Get("/").body.find("<link rel=\"icon\" href=\"/static/favicon.svg\""),
            std::string::npos);
}

TEST_F(PortalTest, AReportNamesItsSources) {
  store::DocumentFilter filter;
  filter.source_path = (*dir_ / "xinzheng-2024-copy.txt").string();
  Result<store::DocumentPage> copy = Store()->ListDocuments(filter);
  ASSERT_TRUE(copy.ok() && copy->documents.size() == 1);
  Result<std::vector<store::DocumentSummary>> sources =
      Store()->ReportSources(copy->documents[0].id);
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 2u);
  const store::DocumentSummary& primary = (*sources)[0];
  const store::DocumentSummary& second = (*sources)[1];
  HttpResponse page = Get(ReportUrl(primary));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("本报告有 2 个来源文本"), std::string::npos);
  EXPECT_NE(page.body.find("xinzheng-2024"), std::string::npos);
  EXPECT_EQ(page.body.find("另一来源文本"), std::string::npos);
  HttpResponse other = Get(ReportUrl(second));
  ASSERT_EQ(other.status, 200);
  EXPECT_NE(other.body.find("另一来源文本"), std::string::npos);
  EXPECT_NE(other.body.find("href=\"" + ReportUrl(primary) + "\""), std::string::npos);
}

TEST_F(PortalTest, RegionPagesListReportsByPlaceAndYear) {
  HttpResponse region = Get("/baogao/huazhong/");
  ASSERT_EQ(region.status, 200) << region.body;
  EXPECT_NE(region.body.find("河南省"), std::string::npos);
  EXPECT_NE(region.body.find("2024年"), std::string::npos);
  HttpResponse province = Get("/baogao/huazhong/?diqu=410000&type=work_report");
  ASSERT_EQ(province.status, 200);
  EXPECT_NE(province.body.find("新郑市"), std::string::npos);
  EXPECT_EQ(Get("/baogao/atlantis/").status, 404);
  EXPECT_EQ(Get("/baogao/huazhong/?diqu=abc").status, 400);
  EXPECT_EQ(Get("/baogao/huazhong/?type=novel").status, 400);
  EXPECT_EQ(Get("/baogao/huabei/?diqu=410000").status, 404);
  EXPECT_EQ(Get("/baogao/huazhong").status, 301);
}

// Places down to counties: a province lists every prefecture, a prefecture
// every county, each with its report count or 暂未收录 (no link); crumbs run
// 全国 › 省 › 市 › 县 on region and report pages; /baogao/ lists the seven
// regions and their provinces.
TEST_F(PortalTest, PlacesListEveryDivisionWithReportsOrNotYet) {
  const auto has = [](const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  };
  HttpResponse zhengzhou = Get("/baogao/huazhong/?diqu=410100");
  ASSERT_EQ(zhengzhou.status, 200) << zhengzhou.body;
  EXPECT_TRUE(has(zhengzhou, "<h2>下辖县（市、区） <small>共 12 个，已收录 2 个</small></h2>"))
      << zhengzhou.body;
  EXPECT_TRUE(
      has(zhengzhou,
          "<li><a href=\"/baogao/huazhong/?diqu=410184\">新郑市</a><small>2 篇</small></li>"));
  EXPECT_TRUE(
      has(zhengzhou,
          "<li><a href=\"/baogao/huazhong/?diqu=410185\">登封市</a><small>1 篇</small></li>"));
  EXPECT_TRUE(has(zhengzhou, "<li class=\"none\">中牟县<small>暂未收录</small></li>"));
  EXPECT_FALSE(has(zhengzhou, "?diqu=410122")) << "no link to a county without reports";
  EXPECT_FALSE(has(zhengzhou, "新郑县")) << "retired codes without reports are left out";
  EXPECT_TRUE(has(zhengzhou,
                  "<nav class=\"crumbs\"><a href=\"/\">首页</a> › <a href=\"/baogao/\">全国</a> › "
                  "<a href=\"/baogao/huazhong/?diqu=410000\">河南省</a> › "
                  "<span aria-current=\"page\">郑州市</span></nav>"));
  HttpResponse henan = Get("/baogao/huazhong/?diqu=410000");
  ASSERT_EQ(henan.status, 200);
  EXPECT_TRUE(has(henan, "<h2>下辖地区 <small>共 18 个，已收录 1 个</small></h2>"))
      << henan.body.substr(henan.body.find("<section class=\"places\">"), 300);
  EXPECT_TRUE(has(henan, "<li class=\"none\">开封市<small>暂未收录</small></li>"));
  HttpResponse county = Get("/baogao/huazhong/?diqu=410122");
  EXPECT_EQ(county.status, 404);
  EXPECT_TRUE(has(county, "中牟县的报告暂未收录。"));
  EXPECT_TRUE(has(county, "href=\"/baogao/huazhong/?diqu=410100\""));
  HttpResponse region = Get("/baogao/huazhong/");
  EXPECT_TRUE(has(region, "<li class=\"none\">湖北省<small>暂未收录</small></li>"));

  // Crumbs on a report page: the place and every division above it.
  const auto [id, url] = Document("新郑市", 2023);
  HttpResponse report = Get(url);
  EXPECT_TRUE(has(report,
                  "<nav class=\"crumbs\"><a href=\"/\">首页</a> › <a href=\"/baogao/\">全国</a> › "
                  "<a href=\"/baogao/huazhong/?diqu=410000\">河南省</a> › "
                  "<a href=\"/baogao/huazhong/?diqu=410100\">郑州市</a> › "
                  "<a href=\"/baogao/huazhong/?diqu=410184\">新郑市</a></nav>"));

  HttpResponse all = Get("/baogao/");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_TRUE(has(all, "<h1>全国各地政府工作报告</h1>"));
  EXPECT_TRUE(has(all, "<a href=\"/baogao/huazhong/\">华中</a> <small>3 篇</small>"));
  EXPECT_TRUE(
      has(all, "<li><a href=\"/baogao/huazhong/?diqu=410000\">河南</a><small>3 篇</small></li>"));
  EXPECT_TRUE(has(all, "<li class=\"none\">江西<small>暂未收录</small></li>"));
  for (const char* geo : {"华北", "东北", "华东", "华南", "西南", "西北"}) {
    EXPECT_TRUE(has(all, std::string(">") + geo + "</a> <small>0 篇</small>")) << geo;
  }
  EXPECT_TRUE(has(all, "<span aria-current=\"page\">全国</span>"));
  EXPECT_FALSE(has(all, "类型：")) << "no type filter on the list of places";
}

TEST_F(PortalTest, ReportPageMarksTargetsAndLinksTheTable) {
  const auto [id, url] = Document("新郑市", 2023);
  ASSERT_EQ(url, "/baogao/huazhong/" + std::to_string(id) + ".html");
  HttpResponse page = Get(url);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("(河南省)2023年新郑市人民政府工作报告(2023年3月5日)"), std::string::npos)
      << page.body.substr(page.body.find("<h1>"), 300);
  EXPECT_NE(page.body.find("<a class=\"target\" id=\"m1\" href=\"#t1\""), std::string::npos);
  EXPECT_NE(page.body.find("<tr id=\"t1\">"), std::string::npos);
  EXPECT_NE(page.body.find("粮食播种面积"), std::string::npos);
  EXPECT_NE(page.body.find("58万亩"), std::string::npos);
  EXPECT_NE(page.body.find("mark class=\"outcome\""), std::string::npos);
  EXPECT_NE(page.body.find("本文地址：<a href=\"" + url + "\" data-permalink>"), std::string::npos);
  EXPECT_NE(page.body.find("留言与评论(共有 0 条评论)"), std::string::npos);
  EXPECT_NE(page.body.find("下一篇："), std::string::npos);
  EXPECT_NE(page.body.find("class=\"toc\""), std::string::npos);
  // 首页 › 华中 › 河南省 › 郑州市 › 新郑市, and the place's tracking pages.
  EXPECT_NE(
      page.body.find("?diqu=410000\">河南省</a> › <a href=\"/baogao/huazhong/?diqu=410100\">"
                     "郑州市</a> › <a href=\"/baogao/huazhong/?diqu=410184\">新郑市</a></nav>"),
      std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"/genzong/410184.html\">新郑市历年目标跟踪</a>"),
            std::string::npos);
  EXPECT_NE(page.body.find("/genzong/410184/bianhua.html?year=2023"), std::string::npos);
  // The wrong region in the URL redirects to the right one.
  HttpResponse moved = Get("/baogao/huabei/" + std::to_string(id) + ".html");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.Header("Location"), url);
  EXPECT_EQ(Get("/baogao/huazhong/999999.html").status, 404);
  EXPECT_EQ(Get("/baogao/huazhong/abc.html").status, 404);
}

TEST_F(PortalTest, DownloadsAreTextJsonAndCsvWithBom) {
  const auto [id, url] = Document("新郑市", 2023);
  const std::string base = "/export/baogao/" + std::to_string(id);
  HttpResponse txt = Get(base + ".txt");
  ASSERT_EQ(txt.status, 200);
  EXPECT_NE(txt.body.find("粮食播种面积"), std::string::npos);
  HttpResponse json = Get(base + ".json");
  ASSERT_EQ(json.status, 200);
  nlohmann::json parsed = nlohmann::json::parse(json.body);
  EXPECT_EQ(parsed["id"], id);
  EXPECT_FALSE(parsed["findings"].empty());
  HttpResponse csv = Get(base + ".csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF报告,")) << csv.body.substr(0, 40);
  EXPECT_NE(csv.body.find("580000"), std::string::npos);
  EXPECT_NE(csv.Header("Content-Disposition").find("attachment"), std::string::npos);
}

TEST_F(PortalTest, SearchUsesTheStoreEngineWithFiltersAndHighlights) {
  HttpResponse found = Get("/search?q=%E7%B2%AE%E9%A3%9F&region=%E6%B2%B3%E5%8D%97");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("<em>粮食</em>"), std::string::npos) << found.body;
  EXPECT_NE(found.body.find("找到"), std::string::npos);
  EXPECT_EQ(Get("/search").status, 200);
  EXPECT_EQ(Get("/search?q=%E7%B2%AE&year_min=abcd").status, 400);
  EXPECT_EQ(Get("/search?q=%E7%B2%AE&region=%E4%B9%8C%E6%89%98%E9%82%A6").status, 400);
  nlohmann::json api = nlohmann::json::parse(Get("/api/v1/search?q=%E7%B2%AE%E9%A3%9F").body);
  EXPECT_GE(api["total"].get<int>(), 2);
}

TEST_F(PortalTest, TargetsExplorerFiltersChartsAndExports) {
  HttpResponse page = Get("/targets?indicator=%E7%B2%AE%E9%A3%9F");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("粮食播种面积"), std::string::npos);
  EXPECT_NE(page.body.find("data-chart=\"bar\""), std::string::npos);
  EXPECT_NE(page.body.find("data-chart=\"scatter\""), std::string::npos);
  EXPECT_NE(page.body.find("/static/vendor/echarts.min.js"), std::string::npos);
  EXPECT_EQ(page.body.find("城镇就业6000"), std::string::npos) << "filtered out";
  HttpResponse csv = Get("/export/targets.csv?indicator=%E7%B2%AE%E9%A3%9F");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.body.find("粮食播种面积"), std::string::npos);
  EXPECT_EQ(csv.body.find("城镇就业"), std::string::npos);
  EXPECT_EQ(Get("/targets?strength=maybe").status, 400);
  // Read from one listing, the topic counts are those of the counting API.
  nlohmann::json grain_topics = nlohmann::json::parse(
      Get("/api/v1/targets/counts?by=topic&indicator=%E7%B2%AE%E9%A3%9F").body);
  ASSERT_FALSE(grain_topics["groups"].empty());
  EXPECT_NE(page.body.find("{&quot;name&quot;:&quot;" +
                           grain_topics["groups"][0]["key"].get<std::string>() +
                           "&quot;,&quot;value&quot;:" +
                           std::to_string(grain_topics["groups"][0]["count"].get<int>()) + "}"),
            std::string::npos)
      << page.body.substr(page.body.find("data-series"), 200);
  // A wording the indicator lexicon knows selects its canonical indicator:
  // GDP targets, not the energy per unit of GDP that contains the words.
  HttpResponse gdp =
      Get("/targets?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC");
  ASSERT_EQ(gdp.status, 200) << gdp.body;
  EXPECT_NE(gdp.body.find("地区生产总值增长6.5%左右"), std::string::npos) << gdp.body;
  EXPECT_EQ(gdp.body.find("单位地区生产总值能耗下降"), std::string::npos);
  EXPECT_NE(Get("/targets?indicator=%E5%8D%95%E4%BD%8D%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB"
                "%E5%80%BC%E8%83%BD%E8%80%97")
                .body.find("单位地区生产总值能耗下降3%"),
            std::string::npos);
  EXPECT_NE(gdp.body.find("<datalist id=\"known-indicators\"><option value=\"地区生产总值\">"),
            std::string::npos);
  nlohmann::json counts = nlohmann::json::parse(Get("/api/v1/targets/counts?by=topic").body);
  EXPECT_FALSE(counts["groups"].empty());
}

TEST_F(PortalTest, ApiAnswersJsonAndErrorsAsJson) {
  nlohmann::json regions = nlohmann::json::parse(Get("/api/v1/regions").body);
  EXPECT_FALSE(regions["regions"].empty());
  const auto [id, url] = Document("新郑市", 2023);
  nlohmann::json doc = nlohmann::json::parse(Get("/api/v1/documents/" + std::to_string(id)).body);
  EXPECT_EQ(doc["url"], url);
  EXPECT_FALSE(doc["outline"].empty());
  for (const char* target : {"/api/v1/documents/999999", "/api/v1/nothing", "/api/v1/search",
                             "/api/v1/documents?per_page=1000", "/api/v1/targets?level=planet"}) {
    HttpResponse error = Get(target);
    EXPECT_GE(error.status, 400) << target;
    EXPECT_TRUE(nlohmann::json::parse(error.body).contains("error")) << target;
  }
  EXPECT_NE(Get("/api/v1/openapi.yaml").body.find("openapi: 3"), std::string::npos);
}

// The API page in Chinese names every path of the OpenAPI file (and the
// JSON index the same), so neither can leave an endpoint out.
TEST_F(PortalTest, TheApiPageListsEveryPathOfTheSpecification) {
  const std::string spec = Get("/api/v1/openapi.yaml").body;
  HttpResponse page = Get("/api/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("数据接口"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/api/v1/openapi.yaml\""), std::string::npos);
  const nlohmann::json index = nlohmann::json::parse(Get("/api/v1/").body);
  size_t paths = 0;
  for (size_t at = spec.find("\n  /"); at != std::string::npos; at = spec.find("\n  /", at + 1)) {
    const size_t end = spec.find(':', at);
    const std::string path = "/api/v1" + spec.substr(at + 3, end - at - 3);
    ++paths;
    EXPECT_NE(page.body.find("<code>" + path + "</code>"), std::string::npos) << path;
    EXPECT_NE(std::find(index["endpoints"].begin(), index["endpoints"].end(), path),
              index["endpoints"].end())
        << path;
  }
  EXPECT_GE(paths, 12u);
  EXPECT_EQ(index["endpoints"].size(), paths);
}

TEST_F(PortalTest, SqlInjectionInEveryParameterIsHarmless) {
  const std::vector<std::string> targets = {"/search?q=",
                                            "/search?q=a&region=",
                                            "/search?q=a&level=",
                                            "/search?q=a&type=",
                                            "/search?q=a&year_min=",
                                            "/search?q=a&page=",
                                            "/targets?topic=",
                                            "/targets?indicator=",
                                            "/targets?region=",
                                            "/targets?strength=",
                                            "/targets?year_max=",
                                            "/baogao/huazhong/?diqu=",
                                            "/baogao/huazhong/?type=",
                                            "/api/v1/documents?region=",
                                            "/api/v1/documents?year=",
                                            "/api/v1/targets?indicator=",
                                            "/api/v1/targets?topic=",
                                            "/api/v1/search?q=",
                                            "/api/v1/targets/counts?by=",
                                            "/export/targets.csv?indicator="};
  for (const std::string& target : targets) {
    for (const std::string& injection : kSqlInjections) {
      HttpResponse response = Get(target + PercentEncode(injection));
      EXPECT_TRUE(response.status == 200 || response.status == 400)
          << target << injection << " → " << response.status;
    }
  }
  EXPECT_EQ(Get("/baogao/huazhong/" + PercentEncode("1 OR 1=1") + ".html").status, 404);
  // Everything is still there.
  EXPECT_EQ(Store()->Counts()->documents, 4);
  EXPECT_EQ(Store()->Counts()->reports, 3);
  EXPECT_TRUE(Store()->ModeratorPasswordHash("审核员").ok());
}

TEST_F(PortalTest, XssInReportTextIsShownAsText) {
  const auto [id, url] = Document("登封市", 2023);
  HttpResponse page = Get(url);
  ASSERT_EQ(page.status, 200) << page.body;
  for (const std::string& payload : kXssPayloads) {
    EXPECT_EQ(page.body.find(payload), std::string::npos) << payload;
  }
  EXPECT_NE(page.body.find("&lt;script&gt;alert("), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  HttpResponse search = Get("/search?q=script");
  EXPECT_EQ(search.body.find("<script>alert"), std::string::npos);
}

TEST_F(PortalTest, CommentIsModeratedThenShownEscaped) {
  const auto [id, url] = Document("新郑市", 2024);
  const std::string hostile = kXssPayloads[0] + kXssPayloads[1] + " 目标能完成吗？";
  HttpResponse posted = PostComment(id, url, "<b>读者</b>", hostile);
  ASSERT_EQ(posted.status, 303) << posted.body;
  EXPECT_EQ(posted.Header("Location"), url + "?pinglun=ok#pinglun");
  EXPECT_NE(Get(url + "?pinglun=ok").body.find("审核通过后显示"), std::string::npos);
  EXPECT_NE(Get(url).body.find("留言与评论(共有 0 条评论)"), std::string::npos)
      << "pending is hidden";

  // Moderation needs a signed-in moderator.
  EXPECT_EQ(Get("/guanli/pinglun").status, 303);
  const std::string login_csrf = Csrf(Get("/guanli/denglu").body);
  EXPECT_EQ(Call("POST", "/guanli/denglu",
                 BuildQueryString(
                     {{"csrf", login_csrf}, {"name", "审核员"}, {"password", "wrong-password"}}))
                .status,
            401);
  HttpResponse login =
      Call("POST", "/guanli/denglu",
           BuildQueryString(
               {{"csrf", login_csrf}, {"name", "审核员"}, {"password", "moderator-password"}}));
  ASSERT_EQ(login.status, 303) << login.body;
  bool strict_cookie = false;
  for (const auto& [name, value] : login.headers) {
    if (name == "Set-Cookie" && value.starts_with("mb_mod=")) {
      strict_cookie = value.find("HttpOnly") != std::string::npos &&
                      value.find("SameSite=Strict") != std::string::npos;
    }
  }
  EXPECT_TRUE(strict_cookie);
  HttpResponse queue = Get("/guanli/pinglun");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_NE(queue.body.find("&lt;b&gt;读者&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(queue.body.find("<script>alert"), std::string::npos);
  const std::string comment_id = After(queue.body, "action=\"/guanli/pinglun/", "0123456789");
  ASSERT_FALSE(comment_id.empty());
  const std::string csrf = Csrf(queue.body);
  // Without the token nothing changes.
  EXPECT_EQ(Call("POST", "/guanli/pinglun/" + comment_id, "action=approve").status, 403);
  EXPECT_EQ(Call("POST", "/guanli/pinglun/" + comment_id,
                 BuildQueryString({{"csrf", csrf}, {"action", "approve"}}))
                .status,
            303);
  HttpResponse shown = Get(url);
  EXPECT_NE(shown.body.find("留言与评论(共有 1 条评论)"), std::string::npos);
  EXPECT_NE(shown.body.find("目标能完成吗？"), std::string::npos);
  for (const std::string& payload : kXssPayloads) {
    EXPECT_EQ(shown.body.find(payload), std::string::npos) << payload;
  }
  EXPECT_NE(shown.body.find("&lt;script&gt;"), std::string::npos);
  nlohmann::json api =
      nlohmann::json::parse(Get("/api/v1/documents/" + std::to_string(id) + "/comments").body);
  EXPECT_EQ(api["comments"][0]["body"], hostile) << "stored as written, escaped only when shown";
  EXPECT_EQ(Call("POST", "/guanli/pinglun/" + comment_id,
                 BuildQueryString({{"csrf", csrf}, {"action", "delete"}}))
                .status,
            303);
  EXPECT_NE(Get(url).body.find("留言与评论(共有 0 条评论)"), std::string::npos);
  EXPECT_EQ(Call("POST", "/guanli/pinglun/" + comment_id,
                 BuildQueryString({{"csrf", csrf}, {"action", "delete"}}))
                .status,
            404);
  EXPECT_EQ(Call("POST", "/guanli/tuichu", BuildQueryString({{"csrf", csrf}})).status, 303);
  EXPECT_EQ(Get("/guanli/pinglun").status, 303) << "signed out";
}

// Two portals over one database are two processes of one site behind a
// load balancer: whatever one starts, the other finishes.
TEST_F(PortalTest, EveryProcessAnswersWhatAnotherStarted) {
  testing::TestPortal other(DbPath());
  PortalOptions options;
  options.insecure_test_captcha = true;
  ASSERT_TRUE(other.Start(options).ok());
  const auto [id, url] = Document("新郑市", 2023);
  // A form and its 验证码 from the first, posted to the second: once.
  const std::string csrf = Csrf(Get(url).body);
  ASSERT_EQ(Get("/yanzhengma.png").status, 200);
  const std::string answer = Get("/ceshi/yanzhengma").body;
  via_ = &other;
  const std::string form = BuildQueryString(
      {{"csrf", csrf}, {"author", "乙"}, {"body", "两台服务器"}, {"captcha", answer}});
  ASSERT_EQ(Call("POST", "/pinglun/" + std::to_string(id), form).status, 303);
  EXPECT_EQ(Call("POST", "/pinglun/" + std::to_string(id), form).status, 422) << "used up";
  // Signed in through the second, a moderator is signed in on the first.
  ASSERT_EQ(SignIn("审核员", "moderator-password").status, 303);
  via_ = &portal_;
  const HttpResponse queue = Get("/guanli/pinglun");
  ASSERT_EQ(queue.status, 200);
  const std::string comment_id = After(queue.body, "action=\"/guanli/pinglun/", "0123456789");
  // The first keeps the report page (without the comment) in its cache; the
  // second approves it; the first drops its page within a second.
  cookies_.erase("mb_mod");
  EXPECT_NE(Get(url).body.find("留言与评论(共有 0 条评论)"), std::string::npos);
  via_ = &other;
  ASSERT_TRUE(SignIn("审核员", "moderator-password").status == 303);
  ASSERT_EQ(Call("POST", "/guanli/pinglun/" + comment_id,
                 BuildQueryString({{"csrf", Csrf(queue.body)}, {"action", "approve"}}))
                .status,
            303);
  cookies_.erase("mb_mod");
  via_ = &portal_;
  std::this_thread::sleep_for(PageCache::kSyncInterval + std::chrono::milliseconds(100));
  EXPECT_NE(Get(url).body.find("留言与评论(共有 1 条评论)"), std::string::npos);
}

TEST(PortalHealth, ReadyOnlyWhileTheDatabaseAnswers) {
  mubiao::testing::TempDir dir("mubiao_health_test");
  const std::string db = store::testing::TestDatabase(dir / "health.db");
  ASSERT_TRUE(store::OpenStore(db).ok());
  std::atomic<bool> down = false;
  StorePool pool([&]() -> Result<std::unique_ptr<store::Store>> {
    if (down) return IoError("database is down");
    return store::OpenStore(db, store::OpenMode::kMustExist);
  });
  Portal portal(PortalOptions{}, &pool);
  ASSERT_TRUE(portal.Init().ok());
  const auto get = [&](const std::string& target) {
    HttpRequest request = MakeRequest("GET", target);
    request.client_ip = "127.0.0.1";
    return portal.Handle(request);
  };
  EXPECT_EQ(get("/healthz").status, 200);
  HttpResponse ready = get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, R"({"status":"ok"})");
  EXPECT_EQ(ready.Header("Cache-Control"), "no-store");
  {
    // The pool's one connection is busy and no new one can be opened.
    Result<StorePool::Lease> held = pool.Acquire();
    ASSERT_TRUE(held.ok());
    down = true;
    ready = get("/readyz");
    EXPECT_EQ(ready.status, 503);
    EXPECT_NE(ready.body.find("数据库暂时无法访问"), std::string::npos);
    EXPECT_EQ(get("/healthz").status, 200) << "the process itself is alive";
  }
  down = false;
  EXPECT_EQ(get("/readyz").status, 200);
}

TEST_F(PortalTest, BadCommentsAreRefusedAndNothingIsStored) {
  const auto [id, url] = Document("新郑市", 2023);
  const std::string doc = std::to_string(id);
  const int64_t before = Pending();

  // Captcha replay: the second post with the same answer fails.
  const std::string csrf = Csrf(Get(url).body);
  Get("/yanzhengma.png");
  const std::string answer = Get("/ceshi/yanzhengma").body;
  const std::string form =
      BuildQueryString({{"csrf", csrf}, {"author", "甲"}, {"body", "第一条"}, {"captcha", answer}});
  EXPECT_EQ(Call("POST", "/pinglun/" + doc, form).status, 303);
  EXPECT_EQ(Call("POST", "/pinglun/" + doc, form).status, 422);
  EXPECT_EQ(Pending(), before + 1);

  // Wrong captcha, missing fields, honeypot, oversized, unknown report.
  EXPECT_EQ(PostComment(id, url, "乙", "内容", "WRONG").status, 422);
  EXPECT_EQ(PostComment(id, url, "", "内容").status, 422);
  EXPECT_EQ(PostComment(id, url, "乙", "   ").status, 422);
  EXPECT_EQ(PostComment(id, url, std::string(33 * 3, 'a'), "内容").status, 422);
  EXPECT_EQ(PostComment(id, url, "乙", std::string(2001, 'x')).status, 422);
  EXPECT_EQ(PostComment(999999, url, "乙", "内容").status, 404);
  {
    const std::string token = Csrf(Get(url).body);
    Get("/yanzhengma.png");
    const std::string right = Get("/ceshi/yanzhengma").body;
    EXPECT_EQ(Call("POST", "/pinglun/" + doc,
                   BuildQueryString({{"csrf", token},
                                     {"author", "机器"},
                                     {"body", "广告"},
                                     {"captcha", right},
                                     {"website", "http://spam.example"}}))
                  .status,
              400);
  }
  // CSRF: without the token, with another visitor's token, from a new visitor.
  Get("/yanzhengma.png");
  const std::string right = Get("/ceshi/yanzhengma").body;
  EXPECT_EQ(Call("POST", "/pinglun/" + doc,
                 BuildQueryString({{"author", "丙"}, {"body", "内容"}, {"captcha", right}}))
                .status,
            403);
  const std::string mine = Csrf(Get(url).body);
  cookies_.clear();
  EXPECT_EQ(Call("POST", "/pinglun/" + doc,
                 BuildQueryString(
                     {{"csrf", mine}, {"author", "丙"}, {"body", "内容"}, {"captcha", right}}))
                .status,
            403);
  // Not a form.
  HttpRequest json = MakeRequest("POST", "/pinglun/" + doc);
  json.headers = {{"content-type", "application/json"}};
  json.body = "{\"author\":\"丁\"}";
  EXPECT_EQ(portal_.Handle(json).status, 415);
  EXPECT_EQ(Pending(), before + 1);
}

// A refused comment comes back as the report page with the form as the
// reader left it (escaped), the reason beside its field, focus on it and a
// new 验证码 image; 换一张 without scripts does the same without a reason.
TEST_F(PortalTest, RefusedCommentComesBackWithTheTextKept) {
  const auto [id, url] = Document("新郑市", 2023);
  const int64_t before = Pending();
  const std::string author = "读者" + kXssPayloads[1];
  const std::string body = "第二行</textarea><script>alert(2)</script>目标能完成吗？";
  const auto has = [](const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  };
  HttpResponse wrong = PostComment(id, url, author, body, "WRONG");
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_TRUE(has(wrong, "<h1>(河南省)2023年新郑市人民政府工作报告"));
  EXPECT_TRUE(has(wrong, "action=\"/pinglun/" + std::to_string(id) + "\""));
  EXPECT_TRUE(has(wrong, "value=\"读者&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
  EXPECT_TRUE(
      has(wrong, "第二行&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;目标能完成吗？"));
  EXPECT_FALSE(has(wrong, kXssPayloads[1]));
  EXPECT_FALSE(has(wrong, "<script>alert(2)"));
  EXPECT_TRUE(has(wrong, "<p class=\"field-error\" id=\"captcha-error\">验证码不对或已过期"));
  EXPECT_TRUE(has(wrong, "aria-describedby=\"captcha-error\" autofocus"));
  EXPECT_TRUE(has(wrong, "<img src=\"/yanzhengma.png?t="));
  EXPECT_EQ(wrong.Header("Cache-Control"), "private, no-cache");
  EXPECT_EQ(Get("/yanzhengma.png").Header("Cache-Control"), "no-store");
  // The form it gives posts with a new answer.
  const std::string csrf = Csrf(wrong.body);
  ASSERT_FALSE(csrf.empty());
  Get("/yanzhengma.png?t=1");
  const std::string answer = Get("/ceshi/yanzhengma").body;
  HttpResponse right = Call(
      "POST", "/pinglun/" + std::to_string(id),
      BuildQueryString({{"csrf", csrf}, {"author", "读者"}, {"body", body}, {"captcha", answer}}));
  EXPECT_EQ(right.status, 303) << right.body;
  EXPECT_EQ(Pending(), before + 1);

  // Faults in the text: each reason beside its field, focus on the first;
  // the 验证码 is not spent on them.
  HttpResponse empty = PostComment(id, url, " ", "内容保留");
  ASSERT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty, "<p class=\"field-error\" id=\"author-error\">请填写称呼。</p>"));
  EXPECT_TRUE(has(empty, "aria-describedby=\"author-error\" autofocus"));
  EXPECT_TRUE(has(empty, ">内容保留</textarea>"));
  HttpResponse both = PostComment(id, url, std::string(33, 'a'), std::string(2001, 'x'));
  ASSERT_EQ(both.status, 422);
  EXPECT_TRUE(has(both, "称呼不能超过 32 个字（现有 33 个字）。"));
  EXPECT_TRUE(has(both, "评论不能超过 2000 个字（现有 2001 个字）。"));
  EXPECT_TRUE(has(both, std::string(2001, 'x') + "</textarea>"));
  HttpResponse no_answer = PostComment(id, url, "乙", "内容", " ");
  EXPECT_TRUE(has(no_answer, "请填写验证码。"));

  // 换一张 without scripts: the page again, nothing said, focus on the 验证码.
  const std::string token = Csrf(Get(url).body);
  HttpResponse renew = Call(
      "POST", "/pinglun/" + std::to_string(id),
      BuildQueryString({{"csrf", token}, {"author", "丙"}, {"body", "还没写完"}, {"huan", "1"}}));
  ASSERT_EQ(renew.status, 200);
  EXPECT_TRUE(has(renew, ">还没写完</textarea>"));
  EXPECT_TRUE(
      has(renew, "name=\"captcha\" maxlength=\"8\" autocomplete=\"off\" required autofocus"));
  EXPECT_FALSE(has(renew, "field-error"));
  EXPECT_TRUE(has(renew, "<img src=\"/yanzhengma.png?t="));

  // A bad form token: the text kept for a known visitor, not for a post
  // without the cookie (one from another site).
  HttpResponse stale =
      Call("POST", "/pinglun/" + std::to_string(id),
           BuildQueryString({{"csrf", "0"}, {"author", "丁"}, {"body", "旧表单"}}));
  ASSERT_EQ(stale.status, 403);
  EXPECT_TRUE(has(stale, "<p class=\"error form-error\" role=\"alert\">表单已过期或来源不明"));
  EXPECT_TRUE(has(stale, ">旧表单</textarea>"));
  cookies_.clear();
  HttpResponse forged = Call("POST", "/pinglun/" + std::to_string(id),
                             BuildQueryString({{"author", "戊"}, {"body", "别处填的"}}));
  ASSERT_EQ(forged.status, 403);
  EXPECT_TRUE(has(forged, "表单已过期或来源不明"));
  EXPECT_FALSE(has(forged, "别处填的"));
  EXPECT_FALSE(Csrf(forged.body).empty()) << "a fresh form to post with";
  EXPECT_EQ(Pending(), before + 1);
  std::unique_ptr<store::Store> store = Store();
  Result<store::CommentPage> pending =
      store->ListComments({id, store::CommentStatus::kPending, false, 0, 100});
  ASSERT_TRUE(pending.ok());
  for (const store::Comment& c : pending->comments) ASSERT_TRUE(store->DeleteComment(c.id).ok());
}

TEST_F(PortalTest, SignInChecksAPasswordHashForUnknownNamesToo) {
  auto checked = std::make_shared<std::vector<std::string>>();
  UseCountingVerifier(checked);
  HttpResponse known = SignIn("审核员", "wrong-password");
  EXPECT_EQ(known.status, 401);
  ASSERT_EQ(checked->size(), 1u);
  // An unknown name used to answer without hashing (0.6 ms against 87 ms).
  HttpResponse unknown = SignIn("没有这个人", "wrong-password");
  EXPECT_EQ(unknown.status, 401);
  ASSERT_EQ(checked->size(), 2u) << "one Argon2id verification either way";
  EXPECT_NE(unknown.body.find("用户名或密码错误"), std::string::npos);
  // The stand-in is a hash of the same kind and cost as a real one:
  // "$argon2id$v=19$m=65536,t=2,p=1$SALT$HASH" up to the salt.
  const auto limits = [](const std::string& hash) {
    const size_t before_hash = hash.rfind('$');
    return before_hash == 0 || before_hash == std::string::npos
               ? hash
               : hash.substr(0, hash.rfind('$', before_hash - 1));
  };
  const std::string real = (*checked)[0];
  const std::string stand_in = (*checked)[1];
  EXPECT_NE(stand_in, real);
  EXPECT_EQ(limits(stand_in), limits(real)) << stand_in << " vs " << real;
  EXPECT_TRUE(limits(stand_in).starts_with("$argon2id$v=19$m=")) << stand_in;
  // The right password never matches the stand-in.
  EXPECT_EQ(SignIn("没有这个人", "moderator-password").status, 401);
  EXPECT_EQ(SignIn("审核员", "moderator-password").status, 303);
}

TEST_F(PortalTest, FailedSignInsLockTheNameWhateverTheAddress) {
  auto checked = std::make_shared<std::vector<std::string>>();
  UseCountingVerifier(checked);
  // Five wrong passwords, each from a different address (the per-address
  // limit never sees more than one).
  for (int i = 0; i < 5; ++i) {
    client_ip_ = "10.0.0." + std::to_string(i);
    EXPECT_EQ(SignIn("审核员", "guess-" + std::to_string(i)).status, 401);
  }
  client_ip_ = "10.0.1.1";
  HttpResponse locked = SignIn("审核员", "moderator-password");
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.body.find("登录失败次数过多"), std::string::npos) << locked.body;
  EXPECT_NE(locked.body.find("1 分钟后再试"), std::string::npos);
  EXPECT_EQ(locked.Header("Retry-After"), "60");
  EXPECT_EQ(checked->size(), 5u) << "no password is checked while the name is locked";
  EXPECT_EQ(cookies_.count("mb_mod"), 0u);
  // Other names are not locked; unknown names lock the same way.
  EXPECT_EQ(SignIn("另一人", "guess").status, 401);
  for (int i = 0; i < 4; ++i) {
    client_ip_ = "10.0.2." + std::to_string(i);
    EXPECT_EQ(SignIn("另一人", "guess").status, 401);
  }
  EXPECT_EQ(SignIn("另一人", "guess").status, 429);
}

TEST_F(PortalTest, ManyCommentsArePagedWithTheirTrueCount) {
  const auto [id, url] = Document("登封市", 2023);
  std::unique_ptr<store::Store> store = Store();
  for (int i = 0; i < 45; ++i) {
    Result<int64_t> added =
        store->AddComment(id, "读者" + std::to_string(i) + "号", "评论" + std::to_string(i));
    ASSERT_TRUE(added.ok());
    ASSERT_TRUE(store->SetCommentStatus(*added, store::CommentStatus::kPublished).ok());
  }
  const auto count = [](const std::string& html, const std::string& what) {
    size_t n = 0;
    for (size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
    return n;
  };
  // The report page: newest first, 20 a page, the true count, page links.
  HttpResponse first = Get(url);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("留言与评论(共有 45 条评论)"), std::string::npos);
  EXPECT_EQ(count(first.body, "<p class=\"who\">"), 20u);
  EXPECT_NE(first.body.find("读者44号"), std::string::npos);
  EXPECT_EQ(first.body.find("读者24号"), std::string::npos);
  EXPECT_NE(first.body.find("第 1 / 3 页"), std::string::npos);
  EXPECT_NE(first.body.find("href=\"" + url + "?pinglun=2#pinglun\""), std::string::npos);
  HttpResponse last = Get(url + "?pinglun=3");
  ASSERT_EQ(last.status, 200);
  EXPECT_EQ(count(last.body, "<p class=\"who\">"), 5u);
  EXPECT_NE(last.body.find("读者0号"), std::string::npos);
  EXPECT_NE(last.body.find("共有 45 条评论"), std::string::npos);
  EXPECT_NE(last.body.find("href=\"" + url + "?pinglun=2#pinglun\""), std::string::npos);
  for (const char* page : {"4", "0", "abc", "-1", "99999999"}) {
    EXPECT_EQ(Get(url + "?pinglun=" + page).status, 404) << page;
  }
  // The API: oldest first, page and per_page, the true total.
  const std::string api = "/api/v1/documents/" + std::to_string(id) + "/comments";
  nlohmann::json one = nlohmann::json::parse(Get(api).body);
  EXPECT_EQ(one["total"], 45);
  EXPECT_EQ(one["offset"], 0);
  ASSERT_EQ(one["comments"].size(), 20u);
  EXPECT_EQ(one["comments"][0]["author"], "读者0号");
  nlohmann::json three = nlohmann::json::parse(Get(api + "?page=3").body);
  EXPECT_EQ(three["offset"], 40);
  ASSERT_EQ(three["comments"].size(), 5u);
  EXPECT_EQ(three["comments"][4]["author"], "读者44号");
  EXPECT_EQ(nlohmann::json::parse(Get(api + "?per_page=100").body)["comments"].size(), 45u);
  EXPECT_EQ(Get(api + "?per_page=1000").status, 400);
  EXPECT_EQ(Get(api + "?page=0").status, 400);
  nlohmann::json doc = nlohmann::json::parse(Get("/api/v1/documents/" + std::to_string(id)).body);
  EXPECT_EQ(doc["comments"], 45);

  Result<store::CommentPage> all =
      store->ListComments({id, store::CommentStatus::kPublished, false, 0, 100});
  for (const store::Comment& c : all->comments) ASSERT_TRUE(store->DeleteComment(c.id).ok());
}

TEST_F(PortalTest, ModerationQueueIsPagedWithTheTruePendingCount) {
  const auto [id, url] = Document("登封市", 2023);
  std::unique_ptr<store::Store> store = Store();
  std::vector<int64_t> added;
  for (int i = 0; i < 60; ++i) {
    added.push_back(store->AddComment(id, "待审" + std::to_string(i), "内容").value());
  }
  const int64_t pending = Pending();
  ASSERT_GE(pending, 60);
  ASSERT_EQ(SignIn("审核员", "moderator-password").status, 303);
  HttpResponse queue = Get("/guanli/pinglun");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_NE(queue.body.find("待审核 " + std::to_string(pending) + " 条"), std::string::npos);
  const int64_t pages = (pending + 49) / 50;
  EXPECT_NE(queue.body.find("第 1 / " + std::to_string(pages) + " 页"), std::string::npos);
  EXPECT_NE(queue.body.find("href=\"/guanli/pinglun?page=2\""), std::string::npos);
  HttpResponse second = Get("/guanli/pinglun?page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("start=\"51\""), std::string::npos);
  EXPECT_NE(second.body.find("待审59"), std::string::npos) << "oldest first: the newest last";
  // Moderating on page 2 comes back to page 2.
  HttpResponse approved =
      Call("POST", "/guanli/pinglun/" + std::to_string(added.back()),
           BuildQueryString({{"csrf", Csrf(second.body)}, {"action", "approve"}, {"page", "2"}}));
  EXPECT_EQ(approved.status, 303);
  EXPECT_EQ(approved.Header("Location"), "/guanli/pinglun?page=2");
  EXPECT_EQ(Pending(), pending - 1);
  // Past the last page: the last page.
  HttpResponse past = Get("/guanli/pinglun?page=" + std::to_string(pages + 5));
  EXPECT_EQ(past.status, 303);
  EXPECT_EQ(past.Header("Location"), "/guanli/pinglun?page=" + std::to_string(pages));
  EXPECT_EQ(Get("/guanli/pinglun?page=abc").status, 400);

  for (int64_t comment : added) ASSERT_TRUE(store->DeleteComment(comment).ok());
}

TEST_F(PortalTest, CommentsAreRateLimitedPerClient) {
  PortalOptions options;
  options.insecure_test_captcha = true;
  options.comment_burst = 2;
  ASSERT_TRUE(portal_.Start(options).ok());
  const auto [id, url] = Document("新郑市", 2023);
  EXPECT_NE(PostComment(id, url, "甲", "一", "WRONG").status, 429);
  EXPECT_NE(PostComment(id, url, "甲", "二", "WRONG").status, 429);
  HttpResponse limited = PostComment(id, url, "甲", "三");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("Retry-After").empty());
  EXPECT_NE(limited.body.find("评论提交过于频繁，请 60 秒后再试。评论内容已保留。"),
            std::string::npos);
  EXPECT_NE(limited.body.find(">三</textarea>"), std::string::npos);
}

TEST_F(PortalTest, TestCaptchaSwitchIsOffByDefault) {
  ASSERT_TRUE(portal_.Start(PortalOptions{}).ok());
  Get("/yanzhengma.png");
  EXPECT_EQ(Get("/ceshi/yanzhengma").status, 404);
}

TEST_F(PortalTest, StaticFilesAreCachedCompressedAndConfined) {
  HttpResponse css = Get("/static/site.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  const std::string etag(css.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  EXPECT_FALSE(css.Header("Last-Modified").empty());
  HttpRequest again = MakeRequest("GET", "/static/site.css");
  again.headers = {{"if-none-match", etag}};
  EXPECT_EQ(portal_.Handle(again).status, 304);
  HttpRequest gzip = MakeRequest("GET", "/static/site.css");
  gzip.headers = {{"accept-encoding", "gzip"}};
  EXPECT_EQ(portal_.Handle(gzip).Header("Content-Encoding"), "gzip");
  EXPECT_EQ(Get("/static/vendor/echarts.min.js").body, "/* echarts stand-in */");
  for (const char* path :
       {"/static/vendor/../secret.txt", "/static/vendor/%2e%2e/secret.txt",
        "/static/vendor/..%2fsecret.txt", "/static/vendor/%2E%2E%2Fsecret.txt",
        "/static/vendor/....//secret.txt", "/static/vendor/.hidden", "/static/vendor/",
        "/static/vendor/%00", "/static/../../etc/passwd", "/static/vendor/..%5csecret.txt"}) {
    HttpResponse response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find("TOP SECRET"), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/no/such/page").status, 404);
  EXPECT_EQ(Call("DELETE", "/").status, 405);
}

TEST_F(PortalTest, FoldersAndPipesAreNeverServedAsFiles) {
  // A folder used to open "successfully" and answer 200 with an empty body.
  for (const char* path : {"/static/vendor/echarts", "/static/vendor/echarts/",
                           "/static/vendor/echarts/index.js", "/static/vendor/pipe"}) {
    HttpResponse response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find("inside a folder"), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/static/vendor/echarts.min.js").status, 200);
}

// A database that refuses writes (here a PostgreSQL database whose
// transactions are read-only, as on a standby): the portal starts, pages
// serve, the comment form gives way to a notice, and what needs a write
// answers 503 in Chinese.
TEST(ReadOnlyDatabase, PagesServeAndCommentsWait) {
  if (store::testing::TestDialect() != store::Dialect::kPostgres) {
    GTEST_SKIP() << "a read-only database is made on PostgreSQL";
  }
  mubiao::testing::TempDir dir("mubiao_read_only_test");
  const std::string db = store::testing::TestDatabase(dir / "ro.db");
  {
    Result<std::unique_ptr<store::Store>> store = store::OpenStore(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->PutSourceFiles({store::testing::AnalysedSourceFile(
                        (dir / "2023.md").string(),
                        store::testing::MarkdownReport("新郑市", 2023, "新增城镇就业6000人。"))})
                    .ok());
    Result<store::Database> admin = store::Database::OpenByName(db);
    ASSERT_TRUE(admin.ok());
    ASSERT_TRUE(admin
                    ->Exec("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET"
                           " default_transaction_read_only = on', current_database()); END $$")
                    .ok());
  }
  testing::TestPortal portal(db);
  PortalOptions options;
  options.insecure_test_captcha = true;
  const Status started = portal.Start(options);
  ASSERT_TRUE(started.ok()) << "starts on a read-only database: " << started.message();
  const auto [id, url] = portal.WorkReport("新郑市", 2023);
  const HttpResponse page = portal.Get(url);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("暂停接受评论"), std::string::npos);
  EXPECT_EQ(page.body.find("class=\"comment-form\""), std::string::npos);
  const HttpResponse captcha = portal.Get("/yanzhengma.png");
  EXPECT_EQ(captcha.status, 503);
  EXPECT_NE(captcha.body.find("暂时只能读取"), std::string::npos);
  EXPECT_EQ(portal.Get("/readyz").body, R"({"status":"read_only"})");
  EXPECT_EQ(portal.Get("/api/v1/documents").status, 200);
}

TEST(StorePoolTest, BorrowersWaitForABoundedNumberOfConnections) {
  mubiao::testing::TempDir dir("mubiao_pool_test");
  const std::string db = store::testing::TestDatabase(dir / "pool.db");
  ASSERT_TRUE(store::OpenStore(db).ok());
  int opened = 0;
  StorePool pool(
      [&] {
        ++opened;
        return store::OpenStore(db);
      },
      1, std::chrono::milliseconds(50));
  {
    Result<StorePool::Lease> first = pool.Acquire();
    ASSERT_TRUE(first.ok());
    Result<StorePool::Lease> second = pool.Acquire();
    ASSERT_FALSE(second.ok()) << "the only connection is lent";
    EXPECT_EQ(second.status().code(), StatusCode::kIoError);
    EXPECT_NE(second.status().message().find("busy"), std::string::npos);
  }
  Result<StorePool::Lease> again = pool.Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(opened, 1) << "given back and lent again";
}

TEST(StorePoolTest, AConnectionThatLostItsServerIsReplaced) {
  if (store::testing::TestDialect() != store::Dialect::kPostgres) {
    GTEST_SKIP() << "SQLite has no server to lose";
  }
  mubiao::testing::TempDir dir("mubiao_pool_test");
  const std::string db = store::testing::TestDatabase(dir / "pool.db");
  int opened = 0;
  StorePool pool([&] {
    ++opened;
    return store::OpenStore(db);
  });
  ASSERT_TRUE(pool.Acquire().ok());
  // The server ends every session of the database, as a restart would.
  Result<store::Database> admin = store::Database::OpenByName(db);
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE(admin
                  ->Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                         " WHERE datname = current_database() AND pid <> pg_backend_pid()")
                  .ok());
  {
    Result<StorePool::Lease> stale = pool.Acquire();
    ASSERT_TRUE(stale.ok());
    EXPECT_FALSE((*stale)->Counts().ok()) << "its session is gone";
  }
  Result<StorePool::Lease> fresh = pool.Acquire();
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE((*fresh)->Counts().ok());
  EXPECT_EQ(opened, 2) << "the lost connection was dropped, a new one opened";
}

// Anonymous visitors share a search's page for the page cache's lifetime:
// a report imported meanwhile shows in it only after that, and at once
// with the cache off.
TEST(SearchPageCache, AnonymousVisitorsShareASearchForTheCachesLifetime) {
  mubiao::testing::TempDir dir("mubiao_search_cache_test");
  const std::string db = store::testing::TestDatabase(dir / "search.db");
  const auto put = [&](const std::string& name, int year, const std::string& text) {
    Result<std::unique_ptr<store::Store>> store = store::OpenStore(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE(
        (*store)
            ->PutSourceFiles({store::testing::AnalysedSourceFile(
                (dir / name).string(), store::testing::MarkdownReport("新郑市", year, text))})
            .ok());
  };
  put("2023.md", 2023, "新增城镇就业6000人。");
  testing::WriteVendorStandIn(dir / "vendor");
  PortalOptions options;
  options.vendor_dir = (dir / "vendor").string();
  options.page_cache_seconds = 600;
  testing::TestPortal cached(db);
  ASSERT_TRUE(cached.Start(options).ok());
  testing::TestPortal fresh(db);
  ASSERT_TRUE(fresh.StartUncached(dir / "vendor").ok());
  const std::string target = "/search?q=" + PercentEncode("城镇就业");
  const HttpResponse first = cached.Get(target);
  ASSERT_EQ(first.status, 200);
  put("2024.md", 2024, "新增城镇就业6500人。");
  EXPECT_EQ(cached.Get(target).body, first.body);
  const HttpResponse now = fresh.Get(target);
  EXPECT_NE(now.body, first.body);
  EXPECT_NE(now.body.find("6500"), std::string::npos);
}

}  // namespace
}  // namespace mubiao::web
