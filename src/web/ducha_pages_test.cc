// Who may do what on the supervision pages and API: every route asked by a
// guest, another unit, a viewer and another government's office, each
// refused (and nothing recorded), and the same routes answered for the
// accounts they belong to.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "web/moderators.h"
#include "web/testing.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

constexpr char kPassword[] = "ducha-password";

class DuchaPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<store::Store> s = Store();
    ASSERT_TRUE(
        s
            ->PutSourceFiles({store::testing::AnalysedSourceFile(
                (dir_.path() / "xinzheng-2025.md").string(),
                store::testing::MarkdownReport(
                    "新郑市", 2025, "新增城镇就业6000人。确保粮食播种面积稳定在58万亩以上。"))})
            .ok());
    store::DocumentFilter all;
    Result<store::DocumentPage> docs = s->ListDocuments(all);
    ASSERT_TRUE(docs.ok() && docs->documents.size() == 1);
    document_ = docs->documents[0].id;
    region_ = docs->documents[0].region_code;
    Result<store::StoredDocument> doc = s->GetDocument(document_);
    ASSERT_TRUE(doc.ok());
    Result<store::NewLedger> made = store::LedgerOfReport(*doc, "", "office");
    ASSERT_TRUE(made.ok()) << made.status().message();
    ASSERT_GE(made->tasks.size(), 2u);
    made->tasks[0].lead_unit = "市人社局";
    Result<int64_t> ledger = s->CreateLedger(made->ledger, made->tasks);
    ASSERT_TRUE(ledger.ok());
    ledger_ = *ledger;
    task_ = (*s->LedgerRows(ledger_))[0].task.id;
    ducha::Notice notice;
    notice.task_id = task_;
    notice.reason = "序时进度落后";
    notice.reply_by = {2025, 7, 10};
    notice.issued_by = "office";
    notice_ = s->IssueNotice(notice)->id;
    Result<std::string> hash = HashPassword(kPassword);
    ASSERT_TRUE(hash.ok());
    for (const auto& [name, role, region, unit] :
         std::vector<std::tuple<std::string, ducha::Role, std::string, std::string>>{
             {"office", ducha::Role::kAdmin, region_, ""},
             {"rsj", ducha::Role::kUnit, region_, "市人社局"},
             {"jyj", ducha::Role::kUnit, region_, "市教育局"},
             {"kan", ducha::Role::kViewer, region_, ""},
             {"elsewhere", ducha::Role::kAdmin, "320500", ""}}) {
      ASSERT_TRUE(s->PutAccount({{name, role, region, unit}, *hash, ""}).ok()) << name;
    }
    ASSERT_TRUE(s->AddUnit(region_, "市人社局").ok());
    ASSERT_TRUE(s->AddUnit(region_, "市教育局").ok());
    PortalOptions options;
    options.login_burst = 1000;
    ASSERT_TRUE(portal_.Start(options).ok());
  }

  std::unique_ptr<store::Store> Store() {
    return std::move(store::OpenStore(db_.string()).value());
  }

  // One visitor's cookies.
  using Cookies = std::map<std::string, std::string>;

  HttpResponse Call(Cookies* cookies, const std::string& method, const std::string& target,
                    const std::string& body = "", const std::string& type = "") {
    HttpRequest request = MakeRequest(method, target);
    request.client_ip = "127.0.0.1";
    std::string header;
    for (const auto& [name, value] : *cookies) header += name + "=" + value + "; ";
    if (!header.empty()) request.headers.emplace_back("cookie", header);
    if (method == "POST") {
      request.headers.emplace_back("content-type",
                                   type.empty() ? "application/x-www-form-urlencoded" : type);
      request.body = body;
    }
    HttpResponse response = portal_.Handle(request);
    for (const auto& [name, value] : response.headers) {
      if (name != "Set-Cookie") continue;
      const size_t eq = value.find('=');
      (*cookies)[value.substr(0, eq)] = value.substr(eq + 1, value.find(';') - eq - 1);
    }
    return response;
  }

  static std::string Csrf(const std::string& html) {
    const std::string marker = "name=\"csrf\" value=\"";
    const size_t at = html.find(marker);
    return at == std::string::npos ? "" : html.substr(at + marker.size(), 64);
  }

  // The cookies and form token of `name` signed in ("" stays a guest with
  // a visitor id and token).
  std::pair<Cookies, std::string> SignedIn(const std::string& name) {
    Cookies cookies;
    std::string csrf = Csrf(Call(&cookies, "GET", "/ducha/denglu").body);
    if (!name.empty()) {
      EXPECT_EQ(Call(&cookies, "POST", "/ducha/denglu",
                     BuildQueryString({{"csrf", csrf}, {"name", name}, {"password", kPassword}}))
                    .status,
                303)
          << name;
      EXPECT_TRUE(cookies.contains("mb_ducha")) << name;
    }
    return {cookies, csrf};
  }

  // Every form the pages post, with fields that would do something.
  std::vector<std::pair<std::string, Fields>> Posts() const {
    const std::string task = "/ducha/renwu/" + std::to_string(task_);
    const std::string ledger = "/ducha/taizhang/" + std::to_string(ledger_);
    return {
        {"/ducha/taizhang", {{"document", std::to_string(document_)}}},
        {ledger + "/fenpei", {{"lead", "市教育局"}}},
        {ledger + "/renwu", {{"text", "新增一项任务"}}},
        {task + "/jinzhan", {{"date", "2025-06-30"}, {"value", "100"}}},
        {task + "/zhuangtai", {{"to", "withdrawn"}, {"version", "1"}, {"note", "撤销"}}},
        {task + "/fenpei", {{"lead", "市教育局"}, {"version", "1"}}},
        {task + "/duban", {{"reason", "请加快"}, {"reply_by", "2099-01-01"}}},
        {task + "/chaifen", {{"text", "子任务"}}},
        {task + "/jiedian", {{"date", "2025-06-30"}, {"value", "3000"}}},
        {"/ducha/duban/" + std::to_string(notice_) + "/huifu", {{"reply", "已整改"}}},
        {"/ducha/guanli/danwei", {{"names", "市财政局"}}},
        {"/ducha/guanli/zhanghu",
         {{"name", "new"}, {"role", "admin"}, {"password", "forged-password"}}},
        {"/ducha/guanli/gongkai", {{"shown", "1"}}},
        {"/ducha/guanli/tingyong", {{"name", "rsj"}}},
    };
  }

  // Every page and API read of the ledger, its task and the settings.
  std::vector<std::string> Reads() const {
    const std::string task = std::to_string(task_), ledger = std::to_string(ledger_);
    return {"/ducha/taizhang/" + ledger,
            "/ducha/taizhang/" + ledger + "/dayin",
            "/ducha/taizhang/" + ledger + "/xiazai?sheet=ledger&format=csv",
            "/ducha/renwu/" + task,
            "/api/v1/ducha/ledgers/" + ledger,
            "/api/v1/ducha/tasks/" + task};
  }

  // How many entries the audit log and the accounts, units and public
  // views hold: what a refused request must leave as it was.
  std::string Recorded() {
    std::unique_ptr<store::Store> s = Store();
    return std::to_string(s->LedgerAudit(ledger_)->size()) + "/" +
           std::to_string(s->ListLedgers()->size()) + "/" +
           std::to_string(s->ListAccounts(region_)->size()) + "/" +
           std::to_string(s->ListUnits(region_)->size()) + "/" +
           std::to_string(s->PublicViews()->size());
  }

  mubiao::testing::TempDir dir_{"mubiao_ducha_pages_test"};
  const std::filesystem::path db_ = dir_.path() / "ducha.db";
  testing::TestPortal portal_{db_.string()};
  int64_t document_ = 0, ledger_ = 0, task_ = 0, notice_ = 0;
  std::string region_;
};

TEST_F(DuchaPagesTest, AGuestIsSentToSignInAndTheApiAnswers401) {
  auto [cookies, csrf] = SignedIn("");
  for (const std::string& target : Reads()) {
    const HttpResponse r = Call(&cookies, "GET", target);
    if (target.starts_with("/api/")) {
      EXPECT_EQ(r.status, 401) << target;
    } else {
      EXPECT_EQ(r.status, 303) << target;
      EXPECT_EQ(r.Header("Location"), "/ducha/denglu") << target;
    }
  }
  const std::string before = Recorded();
  for (auto [target, fields] : Posts()) {
    fields.emplace_back("csrf", csrf);
    EXPECT_EQ(Call(&cookies, "POST", target, BuildQueryString(fields)).status, 303) << target;
  }
  EXPECT_EQ(Recorded(), before);
  EXPECT_EQ(Call(&cookies, "GET", "/ducha/").status, 200);
  EXPECT_EQ(Call(&cookies, "GET", "/ducha/gongkai/" + std::to_string(ledger_)).status, 404)
      << "no public view until the office turns it on";
}

TEST_F(DuchaPagesTest, AnotherUnitAViewerAndAnotherGovernmentAreRefusedEverythingTheyMayNotDo) {
  const std::string before = Recorded();
  for (const std::string name : {"jyj", "kan", "elsewhere"}) {
    SCOPED_TRACE(name);
    auto [cookies, csrf] = SignedIn(name);
    for (auto [target, fields] : Posts()) {
      // The office of another government may make ledgers and settings of
      // its own: those posts are checked below for what they touch.
      if (name == std::string("elsewhere") && !target.starts_with("/ducha/renwu") &&
          !target.starts_with("/ducha/taizhang/") && !target.starts_with("/ducha/duban")) {
        continue;
      }
      fields.emplace_back("csrf", csrf);
      const HttpResponse r = Call(&cookies, "POST", target, BuildQueryString(fields));
      EXPECT_EQ(r.status, 403) << target << "\n" << r.body.substr(0, 300);
    }
    const HttpResponse progress =
        Call(&cookies, "POST", "/api/v1/ducha/tasks/" + std::to_string(task_) + "/progress",
             R"({"date": "2025-06-30", "value": 1})", "application/json");
    EXPECT_EQ(progress.status, 403);
    for (const std::string& target : Reads()) {
      const HttpResponse r = Call(&cookies, "GET", target);
      const bool may_read =
          name == std::string("kan") ||
          (name == std::string("jyj") && (target.find("taizhang") != std::string::npos ||
                                          target.find("/ledgers/") != std::string::npos));
      EXPECT_EQ(r.status, may_read ? 200 : 403) << target;
      if (name != std::string("kan")) {
        EXPECT_EQ(r.body.find("序时进度落后"), std::string::npos)
            << target << ": another unit's notice";
      }
    }
  }
  {
    auto [other_office, other_csrf] = SignedIn("elsewhere");
    EXPECT_EQ(Call(&other_office, "POST", "/ducha/guanli/tingyong",
                   BuildQueryString({{"csrf", other_csrf}, {"name", "rsj"}}))
                  .status,
              404)
        << "another government's office cannot disable rsj";
    EXPECT_FALSE(Store()->GetAccount("rsj")->disabled());
  }
  // The other government's office made nothing here, and jyj sees none of
  // 市人社局's tasks on the ledger it may open.
  EXPECT_EQ(Recorded(), before);
  auto [cookies, csrf] = SignedIn("jyj");
  const nlohmann::json mine = nlohmann::json::parse(
      Call(&cookies, "GET", "/api/v1/ducha/ledgers/" + std::to_string(ledger_)).body);
  for (const nlohmann::json& row : mine["rows"]) EXPECT_NE(row.value("lead_unit", ""), "市人社局");
  const HttpResponse sheet =
      Call(&cookies, "GET",
           "/ducha/taizhang/" + std::to_string(ledger_) + "/xiazai?sheet=ledger&format=csv");
  EXPECT_EQ(sheet.body.find("市人社局"), std::string::npos);
}

TEST_F(DuchaPagesTest, TheAccountsTheRoutesBelongToAreAnswered) {
  auto [unit, unit_csrf] = SignedIn("rsj");
  // The notice's reply date (2025-07-10) is behind today and it has no reply.
  EXPECT_NE(Call(&unit, "GET", "/ducha/renwu/" + std::to_string(task_)).body.find("已超过反馈时限"),
            std::string::npos);
  EXPECT_NE(
      Call(&unit, "GET", "/ducha/taizhang/" + std::to_string(ledger_)).body.find("逾期未回复 1 份"),
      std::string::npos);
  const std::string task = "/ducha/renwu/" + std::to_string(task_);
  for (const std::string& target : Reads())
    EXPECT_EQ(Call(&unit, "GET", target).status, 200) << target;
  EXPECT_EQ(Call(&unit, "POST", task + "/jinzhan",
                 BuildQueryString({{"csrf", unit_csrf}, {"date", "2025-06-30"}, {"value", "100"}}))
                .status,
            303);
  EXPECT_EQ(Call(&unit, "POST", "/ducha/duban/" + std::to_string(notice_) + "/huifu",
                 BuildQueryString({{"csrf", unit_csrf}, {"reply", "已整改"}}))
                .status,
            303);
  EXPECT_EQ(Call(&unit, "GET", task).body.find("已超过反馈时限"), std::string::npos)
      << "a reply ends the wait";
  const HttpResponse future =
      Call(&unit, "POST", task + "/jinzhan",
           BuildQueryString({{"csrf", unit_csrf}, {"date", "2099-12-31"}, {"share", "100"}}));
  EXPECT_EQ(future.status, 422);
  EXPECT_NE(future.body.find("晚于今天"), std::string::npos) << "no progress from the future";
  // A unit may not move its task but to 申请办结, whatever the form says.
  EXPECT_EQ(Call(&unit, "POST", task + "/zhuangtai",
                 BuildQueryString(
                     {{"csrf", unit_csrf}, {"to", "closed"}, {"version", "1"}, {"note", "x"}}))
                .status,
            403);
  EXPECT_EQ(Store()->GetTask(task_)->status, ducha::TaskStatus::kOpen);

  auto [office, csrf] = SignedIn("office");
  EXPECT_EQ(Call(&office, "POST", task + "/jiedian",
                 BuildQueryString({{"csrf", csrf},
                                   {"date", "2025-06-30"},
                                   {"value", "4000"},
                                   {"step", "完成春季招聘"}}))
                .status,
            303);
  const HttpResponse page = Call(&office, "GET", task);
  EXPECT_NE(page.body.find("完成春季招聘"), std::string::npos);
  EXPECT_NE(page.body.find("按节点目标应完成"), std::string::npos);
  const nlohmann::json row = nlohmann::json::parse(
      Call(&office, "GET", "/api/v1/ducha/tasks/" + std::to_string(task_)).body);
  EXPECT_EQ(row["pace"].value("planned", false), true);
  EXPECT_EQ(row["milestones"][0]["value"], 4000);
  EXPECT_EQ(Call(&office, "POST", task + "/jiedian",
                 BuildQueryString({{"csrf", csrf}, {"date", "2026-06-30"}, {"value", "1"}}))
                .status,
            422)
      << "a milestone outside the ledger's year";
  EXPECT_EQ(Call(&office, "GET", "/ducha/guanli").status, 200);
  // Split the task, then withdraw the sub-task: its page names its parent,
  // and the ledger page shows the light choices once, in the filter only.
  const HttpResponse split = Call(&office, "POST", task + "/chaifen",
                                  BuildQueryString({{"csrf", csrf}, {"text", "高校毕业生就业"}}));
  ASSERT_EQ(split.status, 303);
  const std::string sub = std::string(split.Header("Location"));
  EXPECT_NE(Call(&office, "GET", sub).body.find("第1项</a>"), std::string::npos) << "分解自 第1项";
  EXPECT_EQ(
      Call(&office, "POST", sub + "/zhuangtai",
           BuildQueryString(
               {{"csrf", csrf}, {"to", "withdrawn"}, {"version", "1"}, {"note", "并入第1项"}}))
          .status,
      303);
  const std::string ledger_page =
      Call(&office, "GET", "/ducha/taizhang/" + std::to_string(ledger_)).body;
  size_t options = 0;
  for (size_t at = ledger_page.find("<option value=\"red\""); at != std::string::npos;
       at = ledger_page.find("<option value=\"red\"", at + 1)) {
    ++options;
  }
  EXPECT_EQ(options, 1u);
  EXPECT_EQ(Call(&office, "POST", sub + "/chaifen",
                 BuildQueryString({{"csrf", csrf}, {"text", "撤销后再分解"}}))
                .status,
            422)
      << "no sub-task under a withdrawn task";
  const HttpResponse made = Call(&office, "POST", "/ducha/guanli/zhanghu",
                                 BuildQueryString({{"csrf", csrf},
                                                   {"name", "tjj"},
                                                   {"role", "unit"},
                                                   {"unit", "市教育局"},
                                                   {"password", "new-password"}}));
  EXPECT_EQ(made.status, 200);
  Result<store::AccountRecord> tjj = Store()->GetAccount("tjj");
  ASSERT_TRUE(tjj.ok());
  EXPECT_EQ(tjj->account.region_code, region_) << "an office makes accounts of its own government";
  EXPECT_EQ(Call(&office, "POST", "/ducha/guanli/zhanghu",
                 BuildQueryString({{"csrf", csrf},
                                   {"name", "elsewhere"},
                                   {"role", "viewer"},
                                   {"password", "new-password"}}))
                .status,
            422)
      << "nor takes over another government's account";
  EXPECT_EQ(Store()->GetAccount("elsewhere")->account.region_code, "320500");
  // A new password for rsj ends the session rsj had.
  EXPECT_EQ(Call(&office, "POST", "/ducha/guanli/zhanghu",
                 BuildQueryString({{"csrf", csrf},
                                   {"name", "rsj"},
                                   {"role", "unit"},
                                   {"unit", "市人社局"},
                                   {"password", "another-password"}}))
                .status,
            200);
  const HttpResponse after_reset = Call(&unit, "GET", task);
  EXPECT_EQ(after_reset.status, 303);
  EXPECT_EQ(after_reset.Header("Location"), "/ducha/denglu");
  // Disabled: its session ends and it signs in no more.
  auto [kan, kan_csrf] = SignedIn("kan");
  EXPECT_EQ(Call(&office, "POST", "/ducha/guanli/tingyong",
                 BuildQueryString({{"csrf", csrf}, {"name", "kan"}}))
                .status,
            200);
  EXPECT_EQ(Call(&kan, "GET", task).status, 303);
  Cookies again;
  const std::string form_csrf = Csrf(Call(&again, "GET", "/ducha/denglu").body);
  EXPECT_EQ(Call(&again, "POST", "/ducha/denglu",
                 BuildQueryString({{"csrf", form_csrf}, {"name", "kan"}, {"password", kPassword}}))
                .status,
            401);
  EXPECT_EQ(Call(&office, "POST", "/ducha/guanli/tingyong",
                 BuildQueryString({{"csrf", csrf}, {"name", "office"}}))
                .status,
            422)
      << "an office cannot disable itself";
  EXPECT_EQ(Call(&office, "POST", "/ducha/guanli/gongkai",
                 BuildQueryString({{"csrf", csrf}, {"shown", "1"}}))
                .status,
            200);
  auto [guest, guest_csrf] = SignedIn("");
  const HttpResponse shown = Call(&guest, "GET", "/ducha/gongkai/" + std::to_string(ledger_));
  EXPECT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body.find("序时进度落后"), std::string::npos) << "no notices in public";
  EXPECT_EQ(shown.body.find("已整改"), std::string::npos) << "no replies in public";
  const std::string api =
      Call(&guest, "GET", "/api/v1/ducha/public/" + std::to_string(ledger_)).body;
  EXPECT_EQ(api.find("created_by"), std::string::npos) << "no account name in public";
  EXPECT_EQ(api.find("\"office\""), std::string::npos);
}

}  // namespace
}  // namespace mubiao::web
