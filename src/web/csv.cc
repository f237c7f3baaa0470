#include "web/csv.h"

#include "web/labels.h"

namespace mubiao::web {
namespace {

std::string Number(const std::optional<double>& value) {
  if (!value) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", *value);
  return buffer;
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string cell(text);
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
    cell.insert(0, "'");
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
  return line + "\r\n";
}

std::string FindingsCsv(const std::vector<store::StoredFinding>& findings,
                        const std::string& url_prefix) {
  std::string csv(kUtf8Bom);
  csv += CsvLine({"报告", "地区", "级别", "报告年份", "指标", "数值", "上限", "单位", "比较",
                  "变化", "力度", "期限", "领域", "目标年份", "章节", "原文", "链接"});
  for (const store::StoredFinding& s : findings) {
    const targets::Finding& f = s.finding;
    csv += CsvLine({CsvCell(s.document_title), CsvCell(s.locality), CsvCell(LevelLabel(s.level)),
                    std::to_string(s.document_year), CsvCell(f.indicator), Number(f.value),
                    Number(f.value_max), CsvCell(f.unit), CsvCell(CmpLabel(f.cmp)),
                    CsvCell(f.change == "up"     ? "增加"
                            : f.change == "down" ? "减少"
                                                 : ""),
                    CsvCell(StrengthLabel(f.strength)), CsvCell(f.deadline), CsvCell(f.topic),
                    f.year ? std::to_string(f.year) : "", CsvCell(f.section), CsvCell(f.text),
                    CsvCell(url_prefix + ReportUrl(s.geo, s.level, s.document_id))});
  }
  return csv;
}

}  // namespace mubiao::web
