#include "ducha/sheet.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace mubiao::ducha {
namespace {

std::vector<LedgerRow> TwoRows() {
  LedgerRow jobs;
  jobs.task.number = "1";
  jobs.task.text = "新增城镇就业6000人以上";
  jobs.task.indicator = "城镇就业";
  jobs.task.target_value = 6000;
  jobs.task.unit = "人";
  jobs.task.cmp = quantity::Comparator::kAtLeast;
  jobs.task.due = {2026, 12, 31};
  jobs.task.lead_unit = "市人社局";
  Progress p;
  p.date = {2026, 6, 30};
  p.value = 2000;
  p.done = "已完成2000人";
  jobs.latest = p;
  LedgerRow hostile;  // text a spreadsheet would run as a formula
  hostile.task.number = "2";
  hostile.task.text = "=HYPERLINK(\"http://x\",\"点此\")";
  hostile.task.lead_unit = "+市发改委";
  hostile.task.due = {2026, 12, 31};
  return {jobs, hostile};
}

TEST(Sheet, EveryRowHasTheHeadersColumns) {
  const Sheet ledger = LedgerSheet(TwoRows(), 2026, {2026, 7, 1});
  ASSERT_EQ(ledger.rows.size(), 2u);
  for (const auto& row : ledger.rows) EXPECT_EQ(row.size(), ledger.header.size());
  std::vector<YearEndRow> year_end;
  for (const LedgerRow& row : TwoRows()) year_end.push_back({row, "达成", "", ""});
  const Sheet table = YearEndSheet(year_end);
  for (const auto& row : table.rows) EXPECT_EQ(row.size(), table.header.size());
}

TEST(Sheet, TheYearEndTableSetsTheUnitsReportBesideWhatTrackingFound) {
  std::vector<YearEndRow> rows = {
      {TwoRows()[0], "达成", "全年城镇新增就业6450人", "实际 6450人 ≥ 目标 6000人 → 达成"}};
  const std::string csv = SheetCsv(YearEndSheet(rows));
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF序号,任务内容,指标,目标值,单位,牵头单位,状态"));
  EXPECT_NE(csv.find("市人社局,推进中,2026-06-30,2000,33.3,达成,全年城镇新增就业6450人,"),
            std::string::npos)
      << csv;
}

TEST(Sheet, TheCsvHasTheHeaderFirstAndKeepsFormulasAsText) {
  const std::string csv = SheetCsv(LedgerSheet(TwoRows(), 2026, {2026, 7, 1}));
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF序号,任务内容,指标,目标值"));
  EXPECT_NE(csv.find("1,新增城镇就业6000人以上,城镇就业,6000,人,年内,2026-12-31"),
            std::string::npos);
  EXPECT_NE(csv.find("红灯"), std::string::npos);  // 33.3% done at 50% of the year
  EXPECT_NE(csv.find("\"'=HYPERLINK("), std::string::npos);
  EXPECT_NE(csv.find("'+市发改委"), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
}

// Reads the workbook back as a spreadsheet program would (openpyxl, with
// Debian's python3).
TEST(Sheet, TheWorkbookReadsBackWithTheSameCells) {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) {
    GTEST_SKIP() << "python3-openpyxl is not installed (scripts/setup.sh installs it)";
  }
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("mubiao_sheet_" + std::to_string(getpid()) + ".xlsx");
  ASSERT_TRUE(
      WriteSheetXlsx(path.string(), "某市任务台账", LedgerSheet(TwoRows(), 2026, {2026, 7, 1}))
          .ok());
  const std::string script =
      "import openpyxl,sys\n"
      "ws=openpyxl.load_workbook(sys.argv[1]).active\n"
      "print(ws.title)\n"
      "for row in ws.iter_rows(values_only=True): print(repr(row[:4]), row[9], row[18])\n";
  const std::string command = "/usr/bin/python3 -c '" + script + "' " + path.string();
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << out;
  std::filesystem::remove(path);
  EXPECT_NE(out.find("任务台账\n"), std::string::npos) << out;
  EXPECT_NE(out.find("('序号', '任务内容', '指标', '目标值') 牵头单位 进度灯"), std::string::npos)
      << out;
  EXPECT_NE(out.find("('1', '新增城镇就业6000人以上', '城镇就业', 6000) 市人社局 红灯"),
            std::string::npos)
      << out;
  // The formula is a string cell: openpyxl would read a formula cell's
  // text with data_type "f"; a string keeps it as written.
  EXPECT_NE(out.find("('2', '=HYPERLINK(\"http://x\",\"点此\")', None, None) +市发改委"),
            std::string::npos)
      << out;
}

TEST(Sheet, AnUnwritablePathIsAnErrorNamingIt) {
  const Status s =
      WriteSheetXlsx("/nonexistent/dir/台账.xlsx", "t", LedgerSheet(TwoRows(), 2026, {2026, 7, 1}));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/dir/台账.xlsx"), std::string::npos);
}

TEST(Sheet, TheWorkbookForADownloadIsAZipOfItsParts) {
  Result<std::string> bytes =
      SheetXlsxBytes("某市任务台账", LedgerSheet(TwoRows(), 2026, {2026, 7, 1}));
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  ASSERT_GT(bytes->size(), 1000u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  EXPECT_NE(bytes->find("xl/worksheets/sheet1.xml"), std::string::npos);
}

}  // namespace
}  // namespace mubiao::ducha
