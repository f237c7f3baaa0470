// The portal's guards on their own: captcha, rate limits, CSRF tokens,
// moderator passwords, sign-in locks and sessions. Times are passed in: no
// clock waits. Then hostile values of the pages' parameters.
#include <gtest/gtest.h>

#include "base/testing.h"
#include "store/sqlite_store.h"
#include "store/testing.h"

#include "web/captcha.h"
#include "web/csrf.h"
#include "web/labels.h"
#include "web/moderators.h"
#include "web/page_cache.h"
#include "web/random.h"
#include "web/rate_limiter.h"
#include "web/sign_in_guard.h"
#include "web/testing.h"
#include "web/tile_map.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

class GuardsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
  const Clock::time_point t0_ = Clock::now();
};

TEST_F(GuardsTest, CaptchaAnswersUseOnlyTheAlphabet) {
  for (int i = 0; i < 200; ++i) {
    const std::string answer = NewCaptchaAnswer();
    ASSERT_EQ(answer.size(), static_cast<size_t>(kCaptchaLength));
    for (char c : answer) EXPECT_NE(kCaptchaAlphabet.find(c), std::string_view::npos) << c;
  }
  // No look-alikes.
  for (char c : std::string("0O1IL2Z5S8B")) {
    EXPECT_EQ(kCaptchaAlphabet.find(c), std::string_view::npos) << c;
  }
}

TEST_F(GuardsTest, CaptchaIsDrawnAsPngAndDiffersEachTime) {
  Result<std::string> first = DrawCaptchaPng("ACEFH", kDefaultCaptchaFont);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_GT(first->size(), 1000u);
  Result<std::string> second = DrawCaptchaPng("ACEFH", kDefaultCaptchaFont);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second) << "distortion must be random";
  EXPECT_FALSE(DrawCaptchaPng("ACEFH", "/no/such/font.ttf").ok());
}

TEST_F(GuardsTest, CaptchaIsAcceptedOnceAndExpires) {
  CaptchaBook book;
  std::string answer = book.Open("v1", t0_);
  EXPECT_EQ(book.Peek("v1", t0_), answer);
  EXPECT_FALSE(book.Check("v2", answer, t0_)) << "another visitor's answer";
  EXPECT_TRUE(book.Check("v1", answer, t0_));
  EXPECT_FALSE(book.Check("v1", answer, t0_)) << "replay";

  answer = book.Open("v1", t0_);
  EXPECT_FALSE(book.Check("v1", "WRONG", t0_));
  EXPECT_FALSE(book.Check("v1", answer, t0_)) << "one guess per image";

  answer = book.Open("v1", t0_);
  std::string lower;
  for (char c : answer) lower += static_cast<char>(std::tolower(c));
  EXPECT_TRUE(book.Check("v1", " " + lower + " ", t0_ + minutes(4)));

  answer = book.Open("v1", t0_);
  EXPECT_FALSE(book.Check("v1", answer, t0_ + kCaptchaLifetime)) << "expired";

  const std::string old_answer = book.Open("v1", t0_);
  std::string new_answer;
  do new_answer = book.Open("v1", t0_);
  while (new_answer == old_answer);
  EXPECT_FALSE(book.Check("v1", old_answer, t0_)) << "a new image replaces the old one";
  EXPECT_FALSE(book.Check("v1", "", t0_));
}

TEST_F(GuardsTest, CaptchaBookStaysBounded) {
  CaptchaBook book(100);
  for (int i = 0; i < 1000; ++i) book.Open("visitor" + std::to_string(i), t0_ + seconds(i));
  EXPECT_LE(book.size(), 100u);
  EXPECT_FALSE(book.Peek("visitor999", t0_ + seconds(999)).empty()) << "newest kept";
}

TEST_F(GuardsTest, RateLimiterAllowsABurstThenOnePerInterval) {
  RateLimiter limiter(3, seconds(60));
  EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_));
  EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_));
  EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_));
  EXPECT_FALSE(limiter.Allow("1.2.3.4", t0_));
  EXPECT_TRUE(limiter.Allow("5.6.7.8", t0_)) << "clients are independent";
  EXPECT_FALSE(limiter.Allow("1.2.3.4", t0_ + seconds(59)));
  // Two intervals after the burst: two more.
  EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_ + seconds(120)));
  EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_ + seconds(120)));
  EXPECT_FALSE(limiter.Allow("1.2.3.4", t0_ + seconds(120)));
  // Tokens never exceed the burst, however long a client waits.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("1.2.3.4", t0_ + minutes(1000)));
  EXPECT_FALSE(limiter.Allow("1.2.3.4", t0_ + minutes(1000)));
}

TEST_F(GuardsTest, RateLimiterStaysBoundedUnderManyClients) {
  RateLimiter limiter(1, seconds(60), 50);
  for (int i = 0; i < 500; ++i) EXPECT_TRUE(limiter.Allow("c" + std::to_string(i), t0_));
  EXPECT_FALSE(limiter.Allow("c499", t0_));
}

TEST_F(GuardsTest, CsrfTokensBelongToOneVisitorAndOneServer) {
  CsrfGuard guard;
  const std::string token = guard.Token("visitor-a");
  EXPECT_TRUE(guard.Valid("visitor-a", token));
  EXPECT_FALSE(guard.Valid("visitor-b", token));
  EXPECT_FALSE(guard.Valid("visitor-a", ""));
  EXPECT_FALSE(guard.Valid("visitor-a", token.substr(1)));
  EXPECT_FALSE(guard.Valid("visitor-a", std::string(token.size(), 'z')));
  CsrfGuard other;
  EXPECT_FALSE(other.Valid("visitor-a", token));
}

TEST_F(GuardsTest, PasswordsAreHashedWithArgon2id) {
  Result<std::string> hash = HashPassword("correct horse");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horsf"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse"));
  EXPECT_NE(*HashPassword("correct horse"), *hash) << "salted";
}

TEST_F(GuardsTest, ModeratorNamesAndPasswordsAreChecked) {
  EXPECT_TRUE(ValidateModerator("审核员_1", "12345678").ok());
  EXPECT_FALSE(ValidateModerator("", "12345678").ok());
  EXPECT_FALSE(ValidateModerator("a b", "12345678").ok());
  EXPECT_FALSE(ValidateModerator("<script>", "12345678").ok());
  EXPECT_FALSE(ValidateModerator(std::string(33, 'a'), "12345678").ok());
  EXPECT_FALSE(ValidateModerator("admin", "short").ok());
}

// A verifier that records the hashes it was asked about and accepts
// "right" for any hash.
PasswordVerifier Recording(std::vector<std::string>* checked) {
  return [checked](const std::string& hash, const std::string& password) {
    checked->push_back(hash);
    return password == "right";
  };
}

TEST_F(GuardsTest, SignInChecksAStandInHashForUnknownNames) {
  std::vector<std::string> checked;
  SignInGuard guard(Recording(&checked));
  EXPECT_TRUE(*guard.Check("admin", std::string("$stored"), "right", t0_));
  Result<bool> unknown = guard.Check("nobody", std::nullopt, "right", t0_);
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(*unknown) << "no account: never signed in, even if the stand-in matched";
  ASSERT_EQ(checked.size(), 2u);
  EXPECT_EQ(checked[0], "$stored");
  EXPECT_TRUE(checked[1].starts_with("$argon2id$")) << checked[1];
  // The stand-in is made once.
  EXPECT_FALSE(*guard.Check("other", std::nullopt, "x", t0_));
  EXPECT_EQ(checked[2], checked[1]);
}

TEST_F(GuardsTest, FailedSignInsLockANameForAGrowingPeriod) {
  std::vector<std::string> checked;
  const LockoutPolicy policy{
      .free_failures = 3, .first_lock = seconds(60), .longest_lock = seconds(300)};
  SignInGuard guard(Recording(&checked), policy);
  const std::optional<std::string> hash = "$h";
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(*guard.Check("admin", hash, "wrong", t0_));
  EXPECT_EQ(guard.LockedFor("admin", t0_), Clock::duration::zero());
  EXPECT_FALSE(*guard.Check("admin", hash, "wrong", t0_));
  EXPECT_EQ(guard.LockedFor("admin", t0_), seconds(60));
  EXPECT_EQ(guard.LockedFor("admin", t0_ + seconds(59)), seconds(1));
  EXPECT_EQ(guard.LockedFor("Admin", t0_), Clock::duration::zero()) << "names are exact";
  // Each failure after a lock doubles it, up to the longest.
  Clock::time_point now = t0_ + seconds(60);
  EXPECT_EQ(guard.LockedFor("admin", now), Clock::duration::zero());
  for (const seconds expected : {seconds(120), seconds(240), seconds(300), seconds(300)}) {
    EXPECT_FALSE(*guard.Check("admin", hash, "wrong", now));
    EXPECT_EQ(guard.LockedFor("admin", now), expected);
    now += expected;
  }
  // Success clears the failures.
  EXPECT_TRUE(*guard.Check("admin", hash, "right", now));
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(*guard.Check("admin", hash, "wrong", now));
  EXPECT_EQ(guard.LockedFor("admin", now), Clock::duration::zero());
  // So does a day without failures.
  now += policy.forget_after;
  EXPECT_FALSE(*guard.Check("admin", hash, "wrong", now));
  EXPECT_EQ(guard.LockedFor("admin", now), Clock::duration::zero());
}

TEST_F(GuardsTest, SignInLocksStayBoundedUnderAFloodOfNames) {
  std::vector<std::string> checked;
  SignInGuard guard(Recording(&checked), {.free_failures = 1,
                                          .first_lock = seconds(3600),
                                          .longest_lock = seconds(3600),
                                          .max_names = 50});
  EXPECT_FALSE(*guard.Check("target", std::nullopt, "x", t0_));
  EXPECT_GT(guard.LockedFor("target", t0_), Clock::duration::zero());
  for (int i = 0; i < 500; ++i) {
    EXPECT_FALSE(*guard.Check("n" + std::to_string(i), std::nullopt, "x", t0_ + seconds(i)));
  }
  EXPECT_GT(guard.LockedFor("n499", t0_ + seconds(499)), Clock::duration::zero())
      << "the newest lock is kept";
  EXPECT_EQ(guard.LockedFor("target", t0_ + seconds(499)), Clock::duration::zero())
      << "the lock ending soonest gave way";
}

TEST_F(GuardsTest, SessionsExpireAndEnd) {
  SessionBook sessions;
  const std::string id = sessions.Start("张三", t0_);
  EXPECT_TRUE(IsHexId(id, 64));
  EXPECT_EQ(sessions.Find(id, t0_ + minutes(5)), "张三");
  EXPECT_EQ(sessions.Find(id, t0_ + SessionBook::kLifetime), "");
  // Another id of the same length (the first digit changed: "0" + id.substr(1)
  // was id itself whenever id began with 0, one run in sixteen).
  EXPECT_EQ(sessions.Find((id[0] == '0' ? "1" : "0") + id.substr(1), t0_), "");
  sessions.End(id);
  EXPECT_EQ(sessions.Find(id, t0_), "");
}

TEST_F(GuardsTest, PageCacheKeepsPagesForTheirLifetimeOnly) {
  PageCache cache(seconds(5), 2);
  cache.Put("1", {"<p>one</p>", "huazhong"}, t0_);
  ASSERT_TRUE(cache.Get("1", t0_ + seconds(4)).has_value());
  EXPECT_EQ(cache.Get("1", t0_ + seconds(4))->html, "<p>one</p>");
  EXPECT_FALSE(cache.Get("1", t0_ + seconds(5)).has_value());
  EXPECT_FALSE(cache.Get("2", t0_).has_value());
  cache.Put("2", {"two", "qita"}, t0_);
  cache.Put("3", {"three", "qita"}, t0_);  // full: starts afresh
  EXPECT_FALSE(cache.Get("1", t0_).has_value());
  EXPECT_TRUE(cache.Get("3", t0_).has_value());
  cache.Clear();
  EXPECT_FALSE(cache.Get("3", t0_).has_value());
  PageCache off(seconds(0), 10);
  off.Put("1", {"x", "y"}, t0_);
  EXPECT_FALSE(off.Get("1", t0_).has_value());
}

// Hostile values of the comment form's and the place pages' parameters
// (pinglun, huan, diqu, page): too long, not numbers, markup, repeated.
// None may fail the server or come back as markup.
class ParameterGuardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new mubiao::testing::TempDir("mubiao_parameter_guards");
    Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(DbPath());
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)
                    ->PutSourceFiles({store::testing::AnalysedSourceFile(
                        (*dir_ / "anfu-2024.md").string(),
                        store::testing::MarkdownReport("安福县", 2024, "新增城镇就业3000人。"))})
                    .ok());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string DbPath() { return (*dir_ / "guards.db").string(); }

  void SetUp() override {
    PortalOptions options;
    options.comment_burst = 1000;
    ASSERT_TRUE(portal_.Start(options).ok());
  }

  // A request with the visitor cookie of the first answer.
  HttpResponse Call(const std::string& method, const std::string& target,
                    const std::string& body = "") {
    HttpRequest request = MakeRequest(method, target);
    if (!cookie_.empty()) request.headers.emplace_back("cookie", cookie_);
    if (method == "POST") {
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
      request.body = body;
    }
    HttpResponse response = portal_.Handle(request);
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie" && value.starts_with("mb_v="))
        cookie_ = value.substr(0, value.find(';'));
    }
    return response;
  }

  // Expects an answer that is not a server error and holds none of the
  // markup sent.
  static void ExpectHarmless(const HttpResponse& response, const std::string& what) {
    EXPECT_LT(response.status, 500) << what;
    EXPECT_EQ(response.body.find("<script>alert"), std::string::npos) << what;
    EXPECT_EQ(response.body.find("<img src=x"), std::string::npos) << what;
  }

  static mubiao::testing::TempDir* dir_;
  testing::TestPortal portal_{DbPath()};
  std::string cookie_;
};

mubiao::testing::TempDir* ParameterGuardsTest::dir_ = nullptr;

const std::vector<std::string> kHostileValues = {
    std::string(10000, '9'),
    "abc",
    "-1",
    "0",
    "1e3",
    "２",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "1' OR '1'='1",
    "%00",
    "360800%0A",
};

TEST_F(ParameterGuardsTest, PlacePagesRefuseHostileCodesAndPages) {
  for (const std::string& value : kHostileValues) {
    const HttpResponse code =
        Call("GET", "/baogao/huadong/?" + BuildQueryString({{"diqu", value}}));
    ExpectHarmless(code, "diqu=" + value);
    EXPECT_EQ(code.status, 400) << value;
    const HttpResponse page =
        Call("GET", "/baogao/huadong/?diqu=360800&" + BuildQueryString({{"page", value}}));
    ExpectHarmless(page, "page=" + value);
    EXPECT_EQ(page.status, 400) << value;
    // Sent as they are, not encoded; and on /baogao/, which takes none.
    for (const std::string& target :
         {"/baogao/huadong/?diqu=" + value, "/baogao/huadong/?diqu=360800&diqu=" + value,
          "/baogao/?diqu=" + value + "&page=" + value}) {
      ExpectHarmless(Call("GET", target), target);
    }
  }
  // Many repeats of a parameter: the first counts.
  std::string repeated = "/baogao/huadong/?";
  for (int i = 0; i < 2000; ++i) repeated += "diqu=360800&";
  EXPECT_EQ(Call("GET", repeated).status, 200);
  EXPECT_EQ(Call("GET", "/baogao/huadong/?diqu=360800").status, 200);
  EXPECT_EQ(Call("GET", "/baogao/huadong/?diqu=360821").status, 404) << "吉安县: 暂未收录";
  EXPECT_EQ(Call("GET", "/baogao/huabei/?diqu=360800").status, 404) << "another region's place";
}

TEST_F(ParameterGuardsTest, CommentPagesAndTheFormRefuseHostileValues) {
  store::DocumentFilter filter;
  Result<store::DocumentPage> documents =
      std::move(store::OpenSqliteStore(DbPath()).value())->ListDocuments(filter);
  ASSERT_TRUE(documents.ok() && !documents->documents.empty());
  const int64_t id = documents->documents[0].id;
  const std::string url = ReportUrl(documents->documents[0]);
  for (const std::string& value : kHostileValues) {
    const HttpResponse page = Call("GET", url + "?" + BuildQueryString({{"pinglun", value}}));
    ExpectHarmless(page, "pinglun=" + value);
    EXPECT_EQ(page.status, 404) << value;
  }
  std::string repeated = url + "?";
  for (int i = 0; i < 2000; ++i) repeated += "pinglun=1&";
  EXPECT_EQ(Call("GET", repeated).status, 200);
  const HttpResponse form = Call("GET", url);
  const std::string marker = "name=\"csrf\" value=\"";
  const size_t at = form.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  const size_t begin = at + marker.size();
  const std::string csrf = form.body.substr(begin, form.body.find('"', begin) - begin);
  for (const std::string& value : kHostileValues) {
    const HttpResponse renewed = Call(
        "POST", "/pinglun/" + std::to_string(id),
        BuildQueryString({{"csrf", csrf}, {"author", value}, {"body", value}, {"huan", value}}));
    ExpectHarmless(renewed, "huan=" + value);
    EXPECT_EQ(renewed.status, 200) << value;
    const HttpResponse refused = Call(
        "POST", "/pinglun/" + std::to_string(id),
        BuildQueryString({{"csrf", csrf}, {"author", value}, {"body", value}, {"captcha", value}}));
    ExpectHarmless(refused, "captcha=" + value);
    EXPECT_EQ(refused.status, 422) << value;
    for (const std::string& target :
         {"/pinglun/" + value, "/pinglun/" + std::to_string(id) + value}) {
      ExpectHarmless(Call("POST", target, BuildQueryString({{"csrf", csrf}, {"huan", "1"}})),
                     target);
    }
  }
  Result<store::CommentPage> stored =
      std::move(store::OpenSqliteStore(DbPath()).value())
          ->ListComments({id, store::CommentStatus::kPending, false, 0, 10});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->total, 0) << "nothing stored";
}

// The map's parameters (/ditu?zhibiao=&year=, /api/v1/map?metric=&year=):
// anything but the names and a four-digit year is refused with a message
// that does not repeat the input.
TEST_F(GuardsTest, MapParametersTakeOnlyKnownNamesAndYears) {
  const std::string markup = "<script>alert(1)</script>";
  for (const Fields& query : std::vector<Fields>{{{"zhibiao", markup}},
                                                 {{"zhibiao", std::string(100000, 'g')}},
                                                 {{"zhibiao", "GDP"}},
                                                 {{"zhibiao", "gdp "}},
                                                 {{"year", "20x4"}},
                                                 {{"year", "-2023"}},
                                                 {{"year", "02023"}},
                                                 {{"year", "2023.0"}},
                                                 {{"year", std::string(100000, '9')}},
                                                 {{"year", markup}},
                                                 {{"year", "1800"}}}) {
    HttpRequest request;
    request.query = query;
    Result<MapQuery> q = MapQueryOf(request, false);
    ASSERT_FALSE(q.ok()) << query[0].second.substr(0, 20);
    EXPECT_EQ(q.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(q.status().message().find('<'), std::string::npos);
    EXPECT_LT(q.status().message().size(), 200u);
  }
  HttpRequest repeated;
  for (int i = 0; i < 10000; ++i) {
    repeated.query.emplace_back("metric", i == 0 ? "gdp_target" : "nonsense");
  }
  ASSERT_TRUE(MapQueryOf(repeated, true).ok()) << "the first of repeated parameters counts";
  EXPECT_EQ(MapQueryOf(repeated, true)->measure, MapMeasure::kGdpTarget);
}

}  // namespace
}  // namespace mubiao::web
