// Supervision ledgers at office scale: a ledger of 1,000 tasks (a province's
// report broken down) and one of 10,000, each with a progress report on
// every other task, in a fresh SQLite store. Times opening a ledger on a new
// connection (its rows and latest progress: what the ledger page and the
// exports read) and writing the sheet as .csv and .xlsx, against the
// baseline of reading the same number of rows with a bare COUNT over the
// tasks table in the same run; then the portal's ledger page and .xlsx
// download as an office account gets them, each from a portal just
// started on a new connection pool (cold: nothing cached). Prints figures
// and ratios; asserts nothing.
//
//   ledger_bench [DIR]   (default: a folder under /tmp, removed after)

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ducha/sheet.h"
#include "store/sql.h"
#include "store/sql_store.h"
#include "web/moderators.h"
#include "web/portal.h"
#include "web/random.h"
#include "web/store_pool.h"
#include "web/url.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using mubiao::store::Store;

namespace {

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "ledger_bench: %s\n", what.c_str());
  std::exit(1);
}

std::unique_ptr<Store> Open(const fs::path& db) {
  auto s = mubiao::store::OpenSqlStore(db.string());
  if (!s.ok()) Die(s.status().message());
  return std::move(s).value();
}

// A ledger of `n` tasks written as reports write them, with progress on
// every other task; its id.
int64_t MakeLedger(Store* store, int n) {
  std::vector<mubiao::ducha::Task> tasks;
  for (int i = 0; i < n; ++i) {
    mubiao::ducha::Task t;
    t.text = "新建改造青禾片区第" + std::to_string(i + 1) + "批老旧小区" +
             std::to_string(10 + i % 90) + "个，惠及居民" + std::to_string(1000 + i) + "户";
    t.indicator = "老旧小区";
    t.target_value = 10 + i % 90;
    t.unit = "个";
    t.cmp = mubiao::quantity::Comparator::kAtLeast;
    t.due = {2026, 3 + 3 * (i % 4), i % 4 == 3 ? 31 : 30};
    t.topic = "住房";
    t.section = "三、2026年重点工作 > （五）持续改善民生";
    t.lead_unit = "市住建局";
    t.co_units = "各区人民政府、市财政局";
    t.leader = "副市长";
    tasks.push_back(std::move(t));
  }
  mubiao::store::LedgerRecord ledger;
  ledger.region_code = "410100";
  ledger.year = 2026;
  ledger.title = "台账" + std::to_string(n);
  ledger.created_by = "督查室";
  auto id = store->CreateLedger(ledger, tasks);
  if (!id.ok()) Die(id.status().message());
  auto rows = store->LedgerRows(*id);
  if (!rows.ok()) Die(rows.status().message());
  for (size_t i = 0; i < rows->size(); i += 2) {
    mubiao::ducha::Progress p;
    p.task_id = (*rows)[i].task.id;
    p.date = {2026, 6, 30};
    p.value = static_cast<double>(i % 50);
    p.done = "已完成" + std::to_string(i % 50) + "个";
    p.author = "市住建局";
    if (auto stored = store->AddProgress(p); !stored.ok()) Die(stored.status().message());
  }
  return *id;
}

// Returns the average time of opening the ledger from the store.
double Measure(const fs::path& dir, const fs::path& db, int64_t id, int n) {
  constexpr int kRuns = 5;
  double open_ms = 0, count_ms = 0, csv_ms = 0, xlsx_ms = 0;
  for (int run = 0; run < kRuns; ++run) {
    Clock::time_point start = Clock::now();
    {
      auto bare = mubiao::store::Database::OpenByName(db.string());
      if (!bare.ok()) Die(bare.status().message());
      auto count = mubiao::store::Statement::Prepare(
          &*bare, "SELECT count(*), sum(length(text)) FROM ledger_tasks WHERE ledger_id = ?1");
      if (!count.ok()) Die(count.status().message());
      count->BindInt(1, id);
      if (!count->Step().ok()) Die("count failed");
    }
    count_ms += MsSince(start);
    start = Clock::now();
    std::unique_ptr<Store> store = Open(db);  // a new connection: nothing cached
    auto rows = store->LedgerRows(id);
    if (!rows.ok()) Die(rows.status().message());
    open_ms += MsSince(start);
    start = Clock::now();
    const std::string csv =
        mubiao::ducha::SheetCsv(mubiao::ducha::LedgerSheet(*rows, 2026, {2026, 7, 1}));
    csv_ms += MsSince(start);
    start = Clock::now();
    const auto written =
        mubiao::ducha::WriteSheetXlsx((dir / "bench.xlsx").string(), "台账",
                                      mubiao::ducha::LedgerSheet(*rows, 2026, {2026, 7, 1}));
    if (!written.ok()) Die(written.message());
    xlsx_ms += MsSince(start);
  }
  std::printf(
      "%6d tasks: open (new connection, rows + latest progress) %7.1f ms  [baseline COUNT "
      "%5.1f ms, x%.1f]; csv %6.1f ms; xlsx %7.1f ms\n",
      n, open_ms / kRuns, count_ms / kRuns, open_ms / std::max(count_ms, 1e-3), csv_ms / kRuns,
      xlsx_ms / kRuns);
  return open_ms / kRuns;
}

// A signed-in office's requests to a portal started afresh on `db`.
class OfficeBrowser {
 public:
  explicit OfficeBrowser(const fs::path& db)
      : pool_([db] { return mubiao::store::OpenSqlStore(db.string()); }) {
    mubiao::web::PortalOptions options;
    options.page_cache_seconds = 0;
    options.login_burst = 1000;  // the bench signs in more often than a person
    portal_ = std::make_unique<mubiao::web::Portal>(options, &pool_);
    if (!portal_->Init().ok()) Die("the portal does not start");
    const std::string form = Get("/ducha/denglu").body;
    const std::string marker = "name=\"csrf\" value=\"";
    const std::string csrf = form.substr(form.find(marker) + marker.size(), 64);
    auto signed_in =
        Send("POST", "/ducha/denglu",
             mubiao::web::BuildQueryString(
                 {{"csrf", csrf}, {"name", "督查室"}, {"password", "bench-password"}}));
    if (signed_in.status != 303)
      Die("the office cannot sign in: " + std::to_string(signed_in.status));
  }

  mubiao::web::HttpResponse Get(const std::string& target) { return Send("GET", target, ""); }

 private:
  mubiao::web::HttpResponse Send(const std::string& method, const std::string& target,
                                 const std::string& body) {
    mubiao::web::HttpRequest request = mubiao::web::MakeRequest(method, target);
    request.client_ip = "127.0.0.1";
    if (!cookies_.empty()) request.headers.emplace_back("cookie", cookies_);
    if (method == "POST") {
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
      request.body = body;
    }
    mubiao::web::HttpResponse response = portal_->Handle(request);
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie") cookies_ += value.substr(0, value.find(';')) + "; ";
    }
    return response;
  }

  mubiao::web::StorePool pool_;
  std::unique_ptr<mubiao::web::Portal> portal_;
  std::string cookies_;
};

// The ledger page and its .xlsx download from a portal just started (the
// first request on each), and the page again warm.
void MeasurePortal(const fs::path& db, int64_t id, int n, double store_ms) {
  constexpr int kRuns = 3;
  double page_ms = 0, warm_ms = 0, xlsx_ms = 0;
  size_t page_bytes = 0;
  const std::string url = "/ducha/taizhang/" + std::to_string(id);
  for (int run = 0; run < kRuns; ++run) {
    {
      OfficeBrowser office(db);
      Clock::time_point start = Clock::now();
      const auto page = office.Get(url + "?group=light");
      page_ms += MsSince(start);
      if (page.status != 200) Die("the ledger page answers " + std::to_string(page.status));
      page_bytes = page.body.size();
      start = Clock::now();
      if (office.Get(url + "?group=light").status != 200) Die("the ledger page fails warm");
      warm_ms += MsSince(start);
    }
    OfficeBrowser office(db);
    const Clock::time_point start = Clock::now();
    const auto sheet = office.Get(url + "/xiazai?sheet=ledger&format=xlsx");
    xlsx_ms += MsSince(start);
    if (sheet.status != 200) Die("the download answers " + std::to_string(sheet.status));
  }
  std::printf(
      "%6d tasks: portal ledger page cold %7.1f ms (%zu KB, 200 rows shown), warm %7.1f ms "
      "[x%.1f the store read]; .xlsx download cold %7.1f ms\n",
      n, page_ms / kRuns, page_bytes / 1024, warm_ms / kRuns,
      page_ms / kRuns / std::max(store_ms, 1e-3), xlsx_ms / kRuns);
}

// The office account the portal measurements sign in with.
void AddOffice(Store* store) {
  if (!mubiao::web::InitCrypto()) Die("libsodium cannot be initialised");
  auto hash = mubiao::web::HashPassword("bench-password");
  if (!hash.ok()) Die(hash.status().message());
  mubiao::store::AccountRecord office;
  office.account.name = "督查室";
  office.account.role = mubiao::ducha::Role::kAdmin;
  office.account.region_code = "410100";
  office.password_hash = *hash;
  if (const auto put = store->PutAccount(office); !put.ok()) Die(put.message());
}

}  // namespace

int main(int argc, char** argv) {
  const bool own = argc < 2;
  const fs::path dir = own ? fs::temp_directory_path() / "mubiao_ledger_bench" : fs::path(argv[1]);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path db = dir / "ledger.db";
  for (int n : {1000, 10000}) {
    int64_t id = 0;
    {
      std::unique_ptr<Store> store = Open(db);
      const Clock::time_point start = Clock::now();
      id = MakeLedger(store.get(), n);
      std::printf("%6d tasks: created with progress on half in %.0f ms\n", n, MsSince(start));
      AddOffice(store.get());
    }
    const double store_ms = Measure(dir, db, id, n);
    MeasurePortal(db, id, n, store_ms);
  }
  if (own) fs::remove_all(dir);
  return 0;
}
