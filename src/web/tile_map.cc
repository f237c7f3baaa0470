#include "web/tile_map.h"

#include <algorithm>

#include "search/request.h"

namespace mubiao::web {
namespace {

// Our own layout, by the provinces' rough latitude (rows) and longitude
// (columns), moved where two would share a cell:
//
//        1     2     3     4     5     6     7
//   1                                        黑龙江
//   2                     内蒙古 北京   辽宁  吉林
//   3   新疆   甘肃  宁夏   山西   河北   天津
//   4   西藏   青海  陕西   河南   山东
//   5         四川  重庆   湖北   安徽   江苏  上海
//   6         云南  贵州   湖南   江西   浙江
//   7               广西   广东   福建   台湾
//   8               海南   澳门   香港
constexpr TilePosition kGrid[] = {
    {"110000", 2, 5},  // 北京
    {"120000", 3, 6},  // 天津
    {"130000", 3, 5},  // 河北
    {"140000", 3, 4},  // 山西
    {"150000", 2, 4},  // 内蒙古
    {"210000", 2, 6},  // 辽宁
    {"220000", 2, 7},  // 吉林
    {"230000", 1, 7},  // 黑龙江
    {"310000", 5, 7},  // 上海
    {"320000", 5, 6},  // 江苏
    {"330000", 6, 6},  // 浙江
    {"340000", 5, 5},  // 安徽
    {"350000", 7, 5},  // 福建
    {"360000", 6, 5},  // 江西
    {"370000", 4, 5},  // 山东
    {"410000", 4, 4},  // 河南
    {"420000", 5, 4},  // 湖北
    {"430000", 6, 4},  // 湖南
    {"440000", 7, 4},  // 广东
    {"450000", 7, 3},  // 广西
    {"460000", 8, 3},  // 海南
    {"500000", 5, 3},  // 重庆
    {"510000", 5, 2},  // 四川
    {"520000", 6, 3},  // 贵州
    {"530000", 6, 2},  // 云南
    {"540000", 4, 1},  // 西藏
    {"610000", 4, 3},  // 陕西
    {"620000", 3, 2},  // 甘肃
    {"630000", 4, 2},  // 青海
    {"640000", 3, 3},  // 宁夏
    {"650000", 3, 1},  // 新疆
    {"710000", 7, 6},  // 台湾
    {"810000", 8, 5},  // 香港
    {"820000", 8, 4},  // 澳门
};

struct MeasureNames {
  MapMeasure measure;
  std::string_view page;
  std::string_view api;
  std::string_view label;
};

constexpr MeasureNames kMeasureNames[] = {
    {MapMeasure::kReports, "baogao", "reports", "收录报告数"},
    {MapMeasure::kShareMet, "dacheng", "share_met", "目标达成率"},
    {MapMeasure::kGdpTarget, "gdp", "gdp_target", "GDP增长目标"},
};

const MeasureNames& NamesOf(MapMeasure measure) {
  for (const MeasureNames& n : kMeasureNames) {
    if (n.measure == measure) return n;
  }
  return kMeasureNames[0];
}

}  // namespace

std::span<const TilePosition> ChinaTileGrid() { return kGrid; }

std::string_view MapMeasurePageName(MapMeasure measure) { return NamesOf(measure).page; }
std::string_view MapMeasureApiName(MapMeasure measure) { return NamesOf(measure).api; }
std::string_view MapMeasureLabel(MapMeasure measure) { return NamesOf(measure).label; }
bool MapMeasureHasYear(MapMeasure measure) { return measure != MapMeasure::kReports; }

Result<MapQuery> MapQueryOf(const HttpRequest& request, bool api) {
  MapQuery q;
  const std::string_view parameter = api ? "metric" : "zhibiao";
  const std::string_view asked = request.Query(parameter);
  if (!asked.empty()) {
    const MeasureNames* found = nullptr;
    for (const MeasureNames& n : kMeasureNames) {
      if (asked == (api ? n.api : n.page)) found = &n;
    }
    if (found == nullptr) {
      return InvalidInput(api ? "参数 metric 应为 reports、share_met 或 gdp_target"
                              : "参数 zhibiao 应为 baogao（报告数）、dacheng（达成率）或 gdp");
    }
    q.measure = found->measure;
  }
  const std::string_view year = request.Query("year");
  if (!year.empty()) {
    q.year = search::ParseFilterYear(year);
    if (q.year == 0) return InvalidInput("参数 year 应为四位年份（1949–2100）");
  }
  return q;
}

std::vector<int> SequentialClasses(std::span<const double> values, int classes) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  // Each distinct value's class, from the rank of its first occurrence.
  std::vector<double> distinct;
  std::vector<int> class_of;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i] == sorted[i - 1]) continue;
    distinct.push_back(sorted[i]);
    class_of.push_back(1 + static_cast<int>(i * classes / sorted.size()));
  }
  const size_t k = distinct.size();
  if (k > 0 && k <= static_cast<size_t>(classes)) {
    for (size_t i = 0; i < k; ++i) {
      class_of[i] = k == 1 ? (classes + 1) / 2
                           : 1 + static_cast<int>((i * (classes - 1) + (k - 1) / 2) / (k - 1));
    }
  }
  std::vector<int> out;
  out.reserve(values.size());
  for (double v : values) {
    const size_t at = std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin();
    out.push_back(class_of[at]);
  }
  return out;
}

}  // namespace mubiao::web
