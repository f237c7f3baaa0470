// The sheets offices keep, as cells: the ledger (任务台账, one row per task)
// and the year-end table of targets against outcomes (对照表); each written
// the same way as .csv and .xlsx.
#ifndef MUBIAO_DUCHA_SHEET_H_
#define MUBIAO_DUCHA_SHEET_H_

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ducha/ledger.h"

namespace mubiao::ducha {

// One cell: a number (written as a number, so a spreadsheet can sum it) or
// text (always written as text, never run as a formula).
struct Cell {
  std::string text;
  std::optional<double> number;
};

// A sheet: its name, the column titles and rows of as many cells.
struct Sheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

// The ledger (任务台账) on `today`, for a ledger of plan year `year`:
// 序号, 任务内容, 指标, 目标值, 单位, 完成时限, 截止日期, 领域, 报告章节, 牵头单位,
// 配合单位, 责任领导, 状态, 进展日期, 完成值, 完成比例(%), 序时进度(%),
// 落后(百分点), 进度灯, 完成情况, 存在问题, 下步打算.
Sheet LedgerSheet(const std::vector<LedgerRow>& rows, int year, const Date& today);

// A task at the year's end: what its unit reported and what tracking found
// in the later sources (src/tracking: the status, the outcome as written,
// the evidence; "" where there is none).
struct YearEndRow {
  LedgerRow ledger;
  std::string verdict;   // 达成, 未达成, 未提及, 待核实…
  std::string outcome;   // the outcome's text as the source writes it
  std::string evidence;  // the rule with its figures, or why it is not settled
};

// The year-end table (对照表): 序号, 任务内容, 指标, 目标值, 单位, 牵头单位, 状态,
// 单位填报日期, 单位填报完成值, 单位填报完成比例(%), 跟踪结论, 实际（来源原文）, 依据.
Sheet YearEndSheet(const std::vector<YearEndRow>& rows);

// The sheet as CSV (text/csv.h: UTF-8 with a byte order mark, formulas kept
// as text), header first.
std::string SheetCsv(const Sheet& sheet);

// Writes the sheet as an .xlsx workbook at `path`: one worksheet of the
// sheet's name, the header bold and frozen, `title` as the workbook's
// title. Errors (kIoError) name the file.
Status WriteSheetXlsx(const std::string& path, const std::string& title, const Sheet& sheet);

// The bytes of the .xlsx workbook WriteSheetXlsx writes (made in a
// temporary file, removed after: libxlsxwriter writes only to files), for
// a download. Errors (kIoError) when no temporary file can be made.
Result<std::string> SheetXlsxBytes(const std::string& title, const Sheet& sheet);

}  // namespace mubiao::ducha

#endif  // MUBIAO_DUCHA_SHEET_H_
