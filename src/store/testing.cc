#include "store/test_reports.h"

namespace mubiao::store::testing {

std::string MarkdownReport(const std::string& locality, int year, const std::string& plan_text,
                           int filler_paragraphs) {
  const bool national = locality == "国务院";
  const std::string y = std::to_string(year);
  const std::string previous = std::to_string(year - 1);
  const std::string congress = national ? "第十四届全国人民代表大会" : locality + "人民代表大会";
  std::string md = "---\ntitle: " + y + "年" + (national ? "国务院政府" : locality + "人民政府") +
                   "工作报告\n---\n\n**政府工作报告**\n\n——" + y + "年3月5日在" + congress +
                   "会议上\n\n" + (national ? "国务院总理" : "市长") +
                   " 张某\n\n各位代表：\n\n**一、" + previous +
                   "年工作回顾**\n\n过去一年，地区生产总值增长5%，新增城镇就业5000人。\n\n**二、" +
                   y + "年工作安排**\n\n（一）主要预期目标。" + plan_text + "\n\n";
  for (int i = 1; i <= filler_paragraphs; ++i) {
    md += "（" + std::to_string(i) + "）持续推进第" + std::to_string(i) +
          "项重点工作，完善体制机制，加强统筹协调，确保各项任务落地见效，推动经济社会高质量发展。\n"
          "\n";
  }
  md += "各位代表！让我们团结奋斗。\n";
  return md;
}

}  // namespace mubiao::store::testing
