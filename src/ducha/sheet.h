// A ledger as the sheet offices keep (任务台账): one row per task, the
// header first, the same columns in every download (.csv, .xlsx).
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

// The sheet's column titles: 序号, 任务内容, 指标, 目标值, 单位, 完成时限,
// 截止日期, 领域, 报告章节, 牵头单位, 配合单位, 责任领导, 状态, 进展日期, 完成值,
// 完成比例(%), 序时进度(%), 落后(百分点), 进度灯, 完成情况, 存在问题, 下步打算.
const std::vector<std::string>& LedgerHeader();

// The cells of one row on `today`, for a ledger of plan year `year`; as
// many as LedgerHeader.
std::vector<Cell> LedgerCells(const LedgerRow& row, int year, const Date& today);

// The sheet as CSV (text/csv.h: UTF-8 with a byte order mark, formulas kept
// as text), header first.
std::string LedgerCsv(const std::vector<LedgerRow>& rows, int year, const Date& today);

// Writes the sheet as an .xlsx workbook at `path`: one worksheet 任务台账,
// the header bold and frozen, `title` as the workbook's title. Errors
// (kIoError) name the file.
Status WriteLedgerXlsx(const std::string& path, const std::string& title,
                       const std::vector<LedgerRow>& rows, int year, const Date& today);

}  // namespace mubiao::ducha

#endif  // MUBIAO_DUCHA_SHEET_H_
