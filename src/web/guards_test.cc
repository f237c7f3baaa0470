// The portal's guards on their own: captcha, rate limits, CSRF tokens,
// moderator passwords, sign-in locks and sessions. Times are passed in: no
// clock waits. Then hostile values of the pages' parameters.
#include <gtest/gtest.h>

#include "base/testing.h"
#include "store/sql_store.h"
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
using Clock = store::SharedClock;

// Guards over a store, as the portal keeps them; `other_` is a second
// connection to the same database, as another portal process would hold.
class GuardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    store_ = Open();
    other_ = Open();
  }
  std::unique_ptr<store::Store> Open() {
    Result<std::unique_ptr<store::Store>> opened = store::OpenStore(db_);
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    return opened.ok() ? std::move(*opened) : nullptr;
  }
  // The value of a call that must succeed.
  template <typename T>
  static T Ok(Result<T> result) {
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? std::move(*result) : T{};
  }

  mubiao::testing::TempDir dir_{"mubiao_guards"};
  const std::string db_ = store::testing::TestDatabase(dir_.path() / "guards.db");
  std::unique_ptr<store::Store> store_, other_;
  // Whole milliseconds: the store keeps times to the millisecond.
  const Clock::time_point t0_ = std::chrono::floor<std::chrono::milliseconds>(Clock::now());
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
  store::Store& db = *store_;
  const auto check = [&](const std::string& visitor, std::string_view answer, Clock::time_point t) {
    return Ok(CheckCaptcha(db, visitor, answer, t));
  };
  std::string answer = Ok(OpenCaptcha(db, "v1", t0_));
  EXPECT_EQ(Ok(PeekCaptcha(db, "v1", t0_)), answer);
  EXPECT_FALSE(check("v2", answer, t0_)) << "another visitor's answer";
  EXPECT_TRUE(check("v1", answer, t0_));
  EXPECT_FALSE(check("v1", answer, t0_)) << "replay";

  answer = Ok(OpenCaptcha(db, "v1", t0_));
  EXPECT_FALSE(check("v1", "WRONG", t0_));
  EXPECT_FALSE(check("v1", answer, t0_)) << "one guess per image";

  answer = Ok(OpenCaptcha(db, "v1", t0_));
  std::string lower;
  for (char c : answer) lower += static_cast<char>(std::tolower(c));
  EXPECT_TRUE(check("v1", " " + lower + " ", t0_ + minutes(4)));

  answer = Ok(OpenCaptcha(db, "v1", t0_));
  EXPECT_FALSE(check("v1", answer, t0_ + kCaptchaLifetime)) << "expired";

  const std::string old_answer = Ok(OpenCaptcha(db, "v1", t0_));
  std::string new_answer;
  do new_answer = Ok(OpenCaptcha(db, "v1", t0_));
  while (new_answer == old_answer);
  EXPECT_FALSE(check("v1", old_answer, t0_)) << "a new image replaces the old one";
  EXPECT_FALSE(check("v1", "", t0_));
}

TEST_F(GuardsTest, CaptchaOpenedThroughOneProcessIsAnsweredThroughAnotherOnce) {
  const std::string answer = Ok(OpenCaptcha(*store_, "v1", t0_));
  EXPECT_TRUE(Ok(CheckCaptcha(*other_, "v1", answer, t0_)));
  EXPECT_FALSE(Ok(CheckCaptcha(*store_, "v1", answer, t0_))) << "replayed on the first";
  EXPECT_FALSE(Ok(CheckCaptcha(*other_, "v1", answer, t0_))) << "replayed on the second";
}

TEST_F(GuardsTest, RateLimiterAllowsABurstThenOnePerInterval) {
  const RateLimiter limiter("test", 3, seconds(60));
  const auto allow = [&](const std::string& client, Clock::time_point t) {
    return Ok(limiter.Allow(*store_, client, t));
  };
  EXPECT_TRUE(allow("1.2.3.4", t0_));
  EXPECT_TRUE(allow("1.2.3.4", t0_));
  EXPECT_TRUE(allow("1.2.3.4", t0_));
  EXPECT_FALSE(allow("1.2.3.4", t0_));
  EXPECT_TRUE(allow("5.6.7.8", t0_)) << "clients are independent";
  EXPECT_FALSE(allow("1.2.3.4", t0_ + seconds(59)));
  // Two intervals after the burst: two more.
  EXPECT_TRUE(allow("1.2.3.4", t0_ + seconds(120)));
  EXPECT_TRUE(allow("1.2.3.4", t0_ + seconds(120)));
  EXPECT_FALSE(allow("1.2.3.4", t0_ + seconds(120)));
  // Tokens never exceed the burst, however long a client waits.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(allow("1.2.3.4", t0_ + minutes(1000)));
  EXPECT_FALSE(allow("1.2.3.4", t0_ + minutes(1000)));
}

TEST_F(GuardsTest, RateLimitsAreSharedByProcessesAndSeparateByName) {
  const RateLimiter comments("comment", 2, seconds(60));
  const RateLimiter logins("login", 1, seconds(60));
  EXPECT_TRUE(Ok(comments.Allow(*store_, "1.2.3.4", t0_)));
  EXPECT_TRUE(Ok(comments.Allow(*other_, "1.2.3.4", t0_)));
  EXPECT_FALSE(Ok(comments.Allow(*store_, "1.2.3.4", t0_))) << "the burst is spent on both";
  EXPECT_FALSE(Ok(comments.Allow(*other_, "1.2.3.4", t0_)));
  EXPECT_TRUE(Ok(logins.Allow(*other_, "1.2.3.4", t0_))) << "another limit";
  // An idle client keeps nothing in the store once its bucket is full.
  EXPECT_TRUE(
      Ok(store_->ReadShared(store::SharedKind::kRateBucket, "comment:1.2.3.4", t0_)).has_value());
  EXPECT_FALSE(
      Ok(store_->ReadShared(store::SharedKind::kRateBucket, "comment:1.2.3.4", t0_ + seconds(120)))
          .has_value());
}

TEST_F(GuardsTest, CsrfTokensBelongToOneVisitorAndOneSite) {
  CsrfGuard guard;
  const std::string token = guard.Token("visitor-a");
  EXPECT_TRUE(guard.Valid("visitor-a", token));
  EXPECT_FALSE(guard.Valid("visitor-b", token));
  EXPECT_FALSE(guard.Valid("visitor-a", ""));
  EXPECT_FALSE(guard.Valid("visitor-a", token.substr(1)));
  EXPECT_FALSE(guard.Valid("visitor-a", std::string(token.size(), 'z')));
  CsrfGuard other;
  EXPECT_FALSE(other.Valid("visitor-a", token));
  // Guards taking the store's key accept each other's tokens, and only those.
  CsrfGuard first, second;
  ASSERT_TRUE(first.UseSharedKey(*store_, t0_).ok());
  ASSERT_TRUE(second.UseSharedKey(*other_, t0_).ok());
  EXPECT_TRUE(second.Valid("visitor-a", first.Token("visitor-a")));
  EXPECT_FALSE(second.Valid("visitor-a", token));
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
  EXPECT_TRUE(Ok(guard.Check(*store_, "admin", std::string("$stored"), "right", t0_)));
  EXPECT_FALSE(Ok(guard.Check(*store_, "nobody", std::nullopt, "right", t0_)))
      << "no account: never signed in, even if the stand-in matched";
  ASSERT_EQ(checked.size(), 2u);
  EXPECT_EQ(checked[0], "$stored");
  EXPECT_TRUE(checked[1].starts_with("$argon2id$")) << checked[1];
  // The stand-in is made once.
  EXPECT_FALSE(Ok(guard.Check(*store_, "other", std::nullopt, "x", t0_)));
  EXPECT_EQ(checked[2], checked[1]);
}

TEST_F(GuardsTest, FailedSignInsLockANameForAGrowingPeriod) {
  std::vector<std::string> checked;
  const LockoutPolicy policy{
      .free_failures = 3, .first_lock = seconds(60), .longest_lock = seconds(300)};
  SignInGuard guard(Recording(&checked), policy);
  const std::optional<std::string> hash = "$h";
  const auto check = [&](const std::string& password, Clock::time_point t) {
    return Ok(guard.Check(*store_, "admin", hash, password, t));
  };
  const auto locked = [&](const std::string& name, Clock::time_point t) {
    return Ok(guard.LockedFor(*store_, name, t));
  };
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(check("wrong", t0_));
  EXPECT_EQ(locked("admin", t0_), Clock::duration::zero());
  EXPECT_FALSE(check("wrong", t0_));
  EXPECT_EQ(locked("admin", t0_), seconds(60));
  EXPECT_EQ(locked("admin", t0_ + seconds(59)), seconds(1));
  EXPECT_EQ(locked("Admin", t0_), Clock::duration::zero()) << "names are exact";
  EXPECT_EQ(Ok(guard.LockedFor(*other_, "admin", t0_)), seconds(60)) << "every process sees it";
  // Each failure after a lock doubles it, up to the longest.
  Clock::time_point now = t0_ + seconds(60);
  EXPECT_EQ(locked("admin", now), Clock::duration::zero());
  for (const seconds expected : {seconds(120), seconds(240), seconds(300), seconds(300)}) {
    EXPECT_FALSE(check("wrong", now));
    EXPECT_EQ(locked("admin", now), expected);
    now += expected;
  }
  // Success clears the failures.
  EXPECT_TRUE(check("right", now));
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(check("wrong", now));
  EXPECT_EQ(locked("admin", now), Clock::duration::zero());
  // So does a day without failures.
  now += policy.forget_after;
  EXPECT_FALSE(check("wrong", now));
  EXPECT_EQ(locked("admin", now), Clock::duration::zero());
}

TEST_F(GuardsTest, SessionsExpireEndAndAreSharedByProcesses) {
  const std::string id = Ok(StartSession(*store_, "张三", t0_));
  EXPECT_TRUE(IsHexId(id, 64));
  EXPECT_EQ(Ok(SessionModerator(*store_, id, t0_ + minutes(5))), "张三");
  EXPECT_EQ(Ok(SessionModerator(*other_, id, t0_ + minutes(5))), "张三") << "another process";
  EXPECT_EQ(Ok(SessionModerator(*store_, id, t0_ + kSessionLifetime)), "");
  // Another id of the same length (the first digit changed: "0" + id.substr(1)
  // was id itself whenever id began with 0, one run in sixteen).
  EXPECT_EQ(Ok(SessionModerator(*store_, (id[0] == '0' ? "1" : "0") + id.substr(1), t0_)), "");
  // The store keeps a hash of the id, never the id.
  EXPECT_FALSE(Ok(store_->ReadShared(store::SharedKind::kSession, id, t0_)).has_value());
  ASSERT_TRUE(EndSession(*other_, id, t0_).ok());
  EXPECT_EQ(Ok(SessionModerator(*store_, id, t0_)), "") << "signed out everywhere";
}

TEST_F(GuardsTest, PageCacheKeepsPagesForTheirLifetimeOnly) {
  PageCache cache("pages", seconds(5), 2);
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
  PageCache off("off", seconds(0), 10);
  off.Put("1", {"x", "y"}, t0_);
  EXPECT_FALSE(off.Get("1", t0_).has_value());
}

TEST_F(GuardsTest, PageCachesOfAllProcessesDropPagesWithinASecondOfAnInvalidation) {
  // Each cache looks through a pool of its own, as each process would.
  StorePool here_pool([this] { return store::OpenStore(db_); });
  StorePool there_pool([this] { return store::OpenStore(db_); });
  PageCache here("pages", seconds(60), 10), there("pages", seconds(60), 10);
  PageCache unrelated("other", seconds(60), 10);
  for (PageCache* cache : {&here, &there, &unrelated}) {
    cache->Sync(here_pool, t0_);
    cache->Put("1", {"one", "qita"}, t0_);
  }
  ASSERT_TRUE(here.Invalidate(*store_, t0_ + seconds(2)).ok());
  EXPECT_FALSE(here.Get("1", t0_ + seconds(2)).has_value()) << "at once where it was called";
  there.Sync(there_pool, t0_ + seconds(2));
  unrelated.Sync(there_pool, t0_ + seconds(2));
  EXPECT_FALSE(there.Get("1", t0_ + seconds(2)).has_value()) << "on the next look elsewhere";
  EXPECT_TRUE(unrelated.Get("1", t0_ + seconds(2)).has_value()) << "other caches keep theirs";
  // Looks are at most once per interval.
  there.Put("1", {"one again", "qita"}, t0_ + seconds(2));
  ASSERT_TRUE(here.Invalidate(*store_, t0_ + seconds(2)).ok());
  there.Sync(there_pool, t0_ + seconds(2) + PageCache::kSyncInterval / 2);
  EXPECT_TRUE(there.Get("1", t0_ + seconds(3)).has_value());
  there.Sync(there_pool, t0_ + seconds(2) + PageCache::kSyncInterval);
  EXPECT_FALSE(there.Get("1", t0_ + seconds(3)).has_value());
}

// Hostile values of the comment form's and the place pages' parameters
// (pinglun, huan, diqu, page): too long, not numbers, markup, repeated.
// None may fail the server or come back as markup.
class ParameterGuardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new mubiao::testing::TempDir("mubiao_parameter_guards");
    db_ = new std::string(store::testing::TestDatabase(*dir_ / "guards.db"));
    Result<std::unique_ptr<store::Store>> store = store::OpenStore(DbPath());
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)
                    ->PutSourceFiles({store::testing::AnalysedSourceFile(
                        (*dir_ / "anfu-2024.md").string(),
                        store::testing::MarkdownReport("安福县", 2024, "新增城镇就业3000人。"))})
                    .ok());
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static std::string DbPath() { return *db_; }

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
  static std::string* db_;  // the test database (store::testing::TestDatabase)
  testing::TestPortal portal_{DbPath()};
  std::string cookie_;
};

mubiao::testing::TempDir* ParameterGuardsTest::dir_ = nullptr;
std::string* ParameterGuardsTest::db_ = nullptr;

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
      std::move(store::OpenStore(DbPath()).value())->ListDocuments(filter);
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
      std::move(store::OpenStore(DbPath()).value())
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
