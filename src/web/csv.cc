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

std::string FindingsCsv(const std::vector<store::StoredFinding>& findings,
                        const std::string& url_prefix) {
  std::string csv(text::kUtf8Bom);
  csv += text::CsvLine({"报告", "地区", "级别", "报告年份", "指标", "数值", "上限", "单位", "比较",
                        "变化", "力度", "期限", "领域", "目标年份", "章节", "原文", "链接"});
  for (const store::StoredFinding& s : findings) {
    const targets::Finding& f = s.finding;
    csv += text::CsvLine({text::CsvCell(s.document_title), text::CsvCell(s.locality),
                          text::CsvCell(LevelLabel(s.level)), std::to_string(s.document_year),
                          text::CsvCell(f.indicator), Number(f.value), Number(f.value_max),
                          text::CsvCell(f.unit), text::CsvCell(CmpLabel(f.cmp)),
                          text::CsvCell(f.change == "up"     ? "增加"
                                        : f.change == "down" ? "减少"
                                                             : ""),
                          text::CsvCell(StrengthLabel(f.strength)), text::CsvCell(f.deadline),
                          text::CsvCell(f.topic), f.year ? std::to_string(f.year) : "",
                          text::CsvCell(f.section), text::CsvCell(f.text),
                          text::CsvCell(url_prefix + ReportUrl(s.geo, s.level, s.document_id))});
  }
  return csv;
}

}  // namespace mubiao::web
