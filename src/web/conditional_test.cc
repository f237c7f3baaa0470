#include "web/conditional.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace mubiao::web {
namespace {

// The bytes `data` (gzip) inflates to, as far as they inflate.
std::string Gunzip(const std::string& data) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);  // 16: the gzip wrapper
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[4096];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return out;
}

HttpResponse Page(std::string body) {
  HttpResponse response = HtmlResponse(std::move(body));
  response.validatable = true;
  return response;
}

TEST(ConditionalTest, GzipRoundTripsAndIsOnlyUsedWhenAccepted) {
  const std::string body(5000, 'x');
  EXPECT_EQ(Gunzip(Gzip(body)), body);

  HttpRequest plain = MakeRequest("GET", "/");
  HttpResponse response = Page(body);
  FinishResponse(plain, &response);
  EXPECT_EQ(response.body, body);
  EXPECT_EQ(response.Header("Content-Encoding"), "");

  HttpRequest gzip = MakeRequest("GET", "/");
  gzip.headers = {{"accept-encoding", "gzip, deflate, br"}};
  response = Page(body);
  FinishResponse(gzip, &response);
  EXPECT_EQ(response.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(Gunzip(response.body), body);
  EXPECT_EQ(response.Header("Vary"), "Accept-Encoding");

  response = Page("short");
  FinishResponse(gzip, &response);
  EXPECT_EQ(response.body, "short");

  gzip.headers = {{"accept-encoding", "gzip;q=0"}};
  response = Page(body);
  FinishResponse(gzip, &response);
  EXPECT_EQ(response.body, body);
}

TEST(ConditionalTest, EtagGivesNotModifiedOnlyForTheSameBody) {
  HttpRequest first = MakeRequest("GET", "/a");
  HttpResponse response = Page("<p>one</p>");
  FinishResponse(first, &response);
  const std::string etag(response.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(response.status, 200);

  HttpRequest again = MakeRequest("GET", "/a");
  again.headers = {{"if-none-match", "\"other\", " + etag}};
  response = Page("<p>one</p>");
  FinishResponse(again, &response);
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.body.empty());

  response = Page("<p>two</p>");
  FinishResponse(again, &response);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<p>two</p>");
}

TEST(ConditionalTest, LastModifiedAndNoStore) {
  HttpRequest request = MakeRequest("GET", "/static/site.css");
  request.headers = {{"if-modified-since", "Sun, 06 Nov 1994 08:49:37 GMT"}};
  HttpResponse response = Page("body");
  response.last_modified = HttpDate(784111777);
  EXPECT_EQ(response.last_modified, "Sun, 06 Nov 1994 08:49:37 GMT");
  FinishResponse(request, &response);
  EXPECT_EQ(response.status, 304);

  HttpResponse captcha = HtmlResponse("png");
  FinishResponse(request, &captcha);
  EXPECT_EQ(captcha.status, 200);
  EXPECT_EQ(captcha.Header("Cache-Control"), "no-store");
  EXPECT_EQ(captcha.Header("ETag"), "");

  HttpRequest post = MakeRequest("POST", "/a");
  post.headers = {{"if-none-match", "*"}};
  response = Page("x");
  FinishResponse(post, &response);
  EXPECT_EQ(response.status, 200);
}

}  // namespace
}  // namespace mubiao::web
