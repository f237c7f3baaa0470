#include "web/router.h"

#include <gtest/gtest.h>

#include "web/url.h"

namespace mubiao::web {
namespace {

Handler Named(std::string name) {
  return [name](const HttpRequest&, const RouteParams&) { return HtmlResponse(name); };
}

std::string Dispatch(const Router& router, const std::string& method, const std::string& path) {
  RouteMatch match = router.Match(method, path);
  if (match.kind != RouteMatch::Kind::kFound) return "";
  return (*match.handler)(MakeRequest(method, path), match.params).body;
}

TEST(RouterTest, MatchesLiteralsParametersAndSuffixes) {
  Router router;
  router.Add("GET", "/", Named("home"));
  router.Add("GET", "/baogao/{geo}/", Named("region"));
  router.Add("GET", "/baogao/{geo}/{id}.html", Named("report"));
  EXPECT_EQ(Dispatch(router, "GET", "/"), "home");
  EXPECT_EQ(Dispatch(router, "GET", "/baogao/huazhong/"), "region");
  EXPECT_EQ(Dispatch(router, "GET", "/baogao/huazhong/12.html"), "report");
  EXPECT_EQ(Dispatch(router, "GET", "/baogao/huazhong"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/baogao/huazhong/12.htm"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/baogao/huazhong/.html"), "");

  RouteMatch match = router.Match("GET", "/baogao/huazhong/12.html");
  EXPECT_EQ(FieldValue(match.params, "geo"), "huazhong");
  EXPECT_EQ(FieldValue(match.params, "id"), "12");
}

TEST(RouterTest, GetAnswersHeadAndWrongMethodsAreNamed) {
  Router router;
  router.Add("GET", "/search", Named("search"));
  router.Add("POST", "/pinglun/{id}", Named("post"));
  EXPECT_EQ(Dispatch(router, "HEAD", "/search"), "search");
  RouteMatch match = router.Match("DELETE", "/search");
  EXPECT_EQ(match.kind, RouteMatch::Kind::kWrongMethod);
  EXPECT_EQ(match.allowed, "GET, HEAD");
  EXPECT_EQ(router.Match("GET", "/pinglun/3").kind, RouteMatch::Kind::kWrongMethod);
  EXPECT_EQ(router.Match("GET", "/nowhere").kind, RouteMatch::Kind::kNoPath);
}

TEST(RouterTest, ParametersAreDecodedAndNeverEscapeTheirSegment) {
  Router router;
  router.Add("GET", "/static/vendor/{*path}", Named("vendor"));
  router.Add("GET", "/d/{name}", Named("name"));
  RouteMatch match = router.Match("GET", "/d/%E6%B2%B3%E5%8D%97");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(FieldValue(match.params, "name"), "河南");
  // Path traversal in every spelling is refused before any handler runs.
  for (const char* path :
       {"/static/vendor/../../etc/passwd", "/static/vendor/%2e%2e/%2e%2e/etc/passwd",
        "/static/vendor/..%2F..%2Fetc%2Fpasswd", "/static/vendor/a/../../b",
        "/static/vendor/%2E%2E", "/static/vendor/..\\..\\x", "/static/vendor/a%00b",
        "/static/vendor/%zz", "/static/vendor/", "/d/a%2Fb", "/d/..", "/d/."}) {
    EXPECT_NE(router.Match("GET", path).kind, RouteMatch::Kind::kFound) << path;
  }
  match = router.Match("GET", "/static/vendor/echarts.min.js");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(FieldValue(match.params, "path"), "echarts.min.js");
}

TEST(UrlTest, DecodesEncodesAndParsesQueries) {
  EXPECT_EQ(PercentDecode("%E4%B8%AD+a", true), "中 a");
  EXPECT_EQ(PercentDecode("%E4%B8%AD+a", false), "中+a");
  EXPECT_FALSE(PercentDecode("%4", true));
  EXPECT_FALSE(PercentDecode("%G0", true));
  EXPECT_FALSE(PercentDecode("a%00", true));
  EXPECT_EQ(PercentEncode("中 a/b"), "%E4%B8%AD%20a%2Fb");
  Fields fields = ParseQueryString("q=%E5%85%BB%E8%80%81&&year=2023&flag&bad=%zz");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(FieldValue(fields, "q"), "养老");
  EXPECT_EQ(FieldValue(fields, "year"), "2023");
  EXPECT_EQ(FieldValue(fields, "flag"), "");
  EXPECT_EQ(BuildQueryString({{"q", "养老 托育"}, {"empty", ""}, {"page", "2"}}),
            "q=%E5%85%BB%E8%80%81%20%E6%89%98%E8%82%B2&page=2");
}

TEST(UrlTest, DecodesOnlyToText) {
  // Escaped or raw bytes that are not UTF-8 (a GBK 粮, a lone continuation
  // byte, a cut sequence, an overlong '/') never reach a handler.
  for (const char* bad : {"%C1%B8", "%80", "%E4%B8", "\xff", "%C0%AF", "%ED%A0%80"}) {
    EXPECT_FALSE(PercentDecode(bad, true)) << bad;
    EXPECT_FALSE(PercentDecode(bad, false)) << bad;
  }
  EXPECT_EQ(PercentDecode("\xE4\xB8\xAD", false), "中") << "raw UTF-8 is text too";
  Fields fields = ParseQueryString("q=%C1%B8&page=2&%FF=1");
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(FieldValue(fields, "page"), "2");
  Router router;
  router.Add("GET", "/d/{id}.html",
             [](const HttpRequest&, const RouteParams&) { return HttpResponse{}; });
  EXPECT_EQ(router.Match("GET", "/d/%FF.html").kind, RouteMatch::Kind::kNoPath);
}

TEST(HttpTest, ReadsCookiesAndForms) {
  HttpRequest request = MakeRequest("POST", "/pinglun/1?x=1");
  EXPECT_EQ(request.path, "/pinglun/1");
  EXPECT_EQ(request.Query("x"), "1");
  request.headers = {{"cookie", "a=1; mb_v=abc;  b=2"},
                     {"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}};
  request.body = "author=%E5%BC%A0&body=hi+there";
  EXPECT_EQ(request.Cookie("mb_v"), "abc");
  EXPECT_EQ(request.Cookie("b"), "2");
  EXPECT_EQ(request.Cookie("c"), "");
  request.headers[0].second = "bad=\xff\xfe; ctl=a\x01b; ok=\xE4\xB8\xAD";
  EXPECT_EQ(request.Cookie("bad"), "") << "not UTF-8";
  EXPECT_EQ(request.Cookie("ctl"), "") << "control character";
  EXPECT_EQ(request.Cookie("ok"), "中");
  // Found by fuzz_cookie: blanks after '=' (or before it) came with the value.
  request.headers[0].second = "a=1; mb_v= abc ;b =2";
  EXPECT_EQ(request.Cookie("mb_v"), "abc");
  EXPECT_EQ(request.Cookie("b"), "2");
  Fields form = request.Form();
  EXPECT_EQ(FieldValue(form, "author"), "张");
  EXPECT_EQ(FieldValue(form, "body"), "hi there");
  request.headers[1].second = "multipart/form-data; boundary=x";
  EXPECT_TRUE(request.Form().empty());
}

}  // namespace
}  // namespace mubiao::web
