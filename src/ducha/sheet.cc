#include "ducha/sheet.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

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

std::vector<Cell> LedgerCells(const LedgerRow& row, int year, const Date& today) {
  const Task& t = row.task;
  const std::optional<Progress>& latest = row.latest;
  const Pace pace = PaceOf(row, year, today);
  const bool judged = pace.light != Light::kNone;
  return {Text(t.number),
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
          Text(latest ? DateText(latest->date) : ""),
          MaybeNumber(latest ? latest->value : std::nullopt),
          MaybePoints(latest ? ShareDone(t, *latest) : std::nullopt),
          judged ? Points(pace.expected) : Text(""),
          judged ? Points(pace.behind) : Text(""),
          Text(std::string(LightLabel(pace.light))),
          Text(latest ? latest->done : ""),
          Text(latest ? latest->problems : ""),
          Text(latest ? latest->next_steps : "")};
}

std::vector<Cell> YearEndCells(const YearEndRow& row) {
  const Task& t = row.ledger.task;
  const std::optional<Progress>& latest = row.ledger.latest;
  return {Text(t.number),
          Text(t.text),
          Text(t.indicator),
          MaybeNumber(t.target_value),
          Text(t.unit),
          Text(t.lead_unit),
          Text(std::string(TaskStatusLabel(t.status))),
          Text(latest ? DateText(latest->date) : ""),
          MaybeNumber(latest ? latest->value : std::nullopt),
          MaybePoints(latest ? ShareDone(t, *latest) : std::nullopt),
          Text(row.verdict),
          Text(row.outcome),
          Text(row.evidence)};
}

}  // namespace

Sheet LedgerSheet(const std::vector<LedgerRow>& rows, int year, const Date& today) {
  Sheet sheet{"任务台账",
              {"序号",     "任务内容", "指标",     "目标值",      "单位",        "完成时限",
               "截止日期", "领域",     "报告章节", "牵头单位",    "配合单位",    "责任领导",
               "状态",     "进展日期", "完成值",   "完成比例(%)", "序时进度(%)", "落后(百分点)",
               "进度灯",   "完成情况", "存在问题", "下步打算"},
              {}};
  for (const LedgerRow& row : rows) sheet.rows.push_back(LedgerCells(row, year, today));
  return sheet;
}

Sheet YearEndSheet(const std::vector<YearEndRow>& rows) {
  Sheet sheet{"目标对照表",
              {"序号", "任务内容", "指标", "目标值", "单位", "牵头单位", "状态", "单位填报日期",
               "单位填报完成值", "单位填报完成比例(%)", "跟踪结论", "实际（来源原文）", "依据"},
              {}};
  for (const YearEndRow& row : rows) sheet.rows.push_back(YearEndCells(row));
  return sheet;
}

std::string SheetCsv(const Sheet& sheet) {
  std::string out(text::kUtf8Bom);
  std::vector<std::string> line;
  for (const std::string& title : sheet.header) line.push_back(text::CsvCell(title));
  out += text::CsvLine(line);
  for (const std::vector<Cell>& row : sheet.rows) {
    line.clear();
    for (const Cell& cell : row) {
      line.push_back(cell.number ? text::CsvNumber(*cell.number) : text::CsvCell(cell.text));
    }
    out += text::CsvLine(line);
  }
  return out;
}

Status WriteSheetXlsx(const std::string& path, const std::string& title, const Sheet& sheet) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return IoError(path + ": cannot create the workbook");
  std::string title_copy = title;  // libxlsxwriter's properties are not const
  lxw_doc_properties properties = {};
  properties.title = title_copy.data();
  workbook_set_properties(book, &properties);
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (size_t c = 0; c < sheet.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_set_column(ws, 1, 1, 48, nullptr);  // 任务内容
  worksheet_set_column(ws, 2, 2, 20, nullptr);  // 指标
  lxw_row_t r = 1;
  for (const std::vector<Cell>& row : sheet.rows) {
    lxw_col_t c = 0;
    for (const Cell& cell : row) {
      // Text is written as a string cell: a spreadsheet shows "=1+1" rather
      // than running it.
      if (cell.number) {
        worksheet_write_number(ws, r, c, *cell.number, nullptr);
      } else if (!cell.text.empty()) {
        worksheet_write_string(ws, r, c, cell.text.c_str(), nullptr);
      }
      ++c;
    }
    ++r;
  }
  const lxw_error closed = workbook_close(book);
  if (closed != LXW_NO_ERROR) return IoError(path + ": " + lxw_strerror(closed));
  return Status::Ok();
}

Result<std::string> SheetXlsxBytes(const std::string& title, const Sheet& sheet) {
  const char* dir = std::getenv("TMPDIR");
  std::string path =
      std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/mubiao-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return IoError(path + ": cannot make a temporary file: " + std::strerror(errno));
  close(fd);
  Status written = WriteSheetXlsx(path, title, sheet);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) written = IoError(path + ": cannot read the workbook back");
  }
  std::remove(path.c_str());
  if (!written.ok()) return written;
  return bytes;
}

}  // namespace mubiao::ducha
