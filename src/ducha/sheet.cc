#include "ducha/sheet.h"

#include <xlsxwriter.h>

#include <cmath>

#include "quantity/format.h"
#include "text/csv.h"

namespace mubiao::ducha {
namespace {

Cell Text(std::string text) { return {std::move(text), std::nullopt}; }

// A number cell, as it is (a target, a value reached).
Cell Number(double value) { return {quantity::FormatNumber(value), value}; }

// A share or a gap in percentage points, to one decimal.
Cell Points(double value) { return Number(std::round(value * 10) / 10); }

Cell MaybeNumber(const std::optional<double>& value) { return value ? Number(*value) : Text(""); }

Cell MaybePoints(const std::optional<double>& value) { return value ? Points(*value) : Text(""); }

}  // namespace

const std::vector<std::string>& LedgerHeader() {
  static const std::vector<std::string> header = {
      "序号",     "任务内容", "指标",     "目标值",      "单位",        "完成时限",
      "截止日期", "领域",     "报告章节", "牵头单位",    "配合单位",    "责任领导",
      "状态",     "进展日期", "完成值",   "完成比例(%)", "序时进度(%)", "落后(百分点)",
      "进度灯",   "完成情况", "存在问题", "下步打算"};
  return header;
}

std::vector<Cell> LedgerCells(const LedgerRow& row, int year, const Date& today) {
  const Task& t = row.task;
  const Pace pace = PaceOf(t, row.latest, year, today);
  const bool judged = pace.light != Light::kNone;
  std::vector<Cell> cells = {Text(t.number),
                             Text(t.text),
                             Text(t.indicator),
                             MaybeNumber(t.target_value),
                             Text(t.unit),
                             Text(t.deadline.empty() ? "年内" : t.deadline),
                             Text(DateText(t.due)),
                             Text(t.topic),
                             Text(t.section),
                             Text(t.lead_unit),
                             Text(t.co_units),
                             Text(t.leader),
                             Text(std::string(TaskStatusLabel(t.status))),
                             Text(row.latest ? DateText(row.latest->date) : ""),
                             MaybeNumber(row.latest ? row.latest->value : std::nullopt),
                             MaybePoints(row.latest ? ShareDone(t, *row.latest) : std::nullopt),
                             judged ? Points(pace.elapsed) : Text(""),
                             judged ? Points(pace.behind) : Text(""),
                             Text(std::string(LightLabel(pace.light))),
                             Text(row.latest ? row.latest->done : ""),
                             Text(row.latest ? row.latest->problems : ""),
                             Text(row.latest ? row.latest->next_steps : "")};
  return cells;
}

std::string LedgerCsv(const std::vector<LedgerRow>& rows, int year, const Date& today) {
  std::string out(text::kUtf8Bom);
  std::vector<std::string> line;
  for (const std::string& title : LedgerHeader()) line.push_back(text::CsvCell(title));
  out += text::CsvLine(line);
  for (const LedgerRow& row : rows) {
    line.clear();
    for (const Cell& cell : LedgerCells(row, year, today)) {
      line.push_back(cell.number ? text::CsvNumber(*cell.number) : text::CsvCell(cell.text));
    }
    out += text::CsvLine(line);
  }
  return out;
}

Status WriteLedgerXlsx(const std::string& path, const std::string& title,
                       const std::vector<LedgerRow>& rows, int year, const Date& today) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return IoError(path + ": cannot create the workbook");
  std::string title_copy = title;  // libxlsxwriter's properties are not const
  lxw_doc_properties properties = {};
  properties.title = title_copy.data();
  workbook_set_properties(book, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "任务台账");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  const std::vector<std::string>& header = LedgerHeader();
  for (size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_set_column(sheet, 1, 1, 48, nullptr);  // 任务内容
  worksheet_set_column(sheet, 2, 2, 20, nullptr);  // 指标
  lxw_row_t r = 1;
  for (const LedgerRow& row : rows) {
    lxw_col_t c = 0;
    for (const Cell& cell : LedgerCells(row, year, today)) {
      // Text is written as a string cell: a spreadsheet shows "=1+1" rather
      // than running it.
      if (cell.number) {
        worksheet_write_number(sheet, r, c, *cell.number, nullptr);
      } else if (!cell.text.empty()) {
        worksheet_write_string(sheet, r, c, cell.text.c_str(), nullptr);
      }
      ++c;
    }
    ++r;
  }
  const lxw_error closed = workbook_close(book);
  if (closed != LXW_NO_ERROR) return IoError(path + ": " + lxw_strerror(closed));
  return Status::Ok();
}

}  // namespace mubiao::ducha
