// Supervision ledgers at office scale: a ledger of 1,000 tasks (a province's
// report broken down) and one of 10,000, each with a progress report on
// every other task, in a fresh SQLite store. Times opening a ledger on a new
// connection (its rows and latest progress: what the ledger page and the
// exports read) and writing the sheet as .csv and .xlsx, against the
// baseline of reading the same number of rows with a bare COUNT over the
// tasks table in the same run. Prints figures and ratios; asserts nothing.
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

void Measure(const fs::path& dir, const fs::path& db, int64_t id, int n) {
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
    }
    Measure(dir, db, id, n);
  }
  if (own) fs::remove_all(dir);
  return 0;
}
