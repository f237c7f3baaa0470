#include "web/filters.h"

#include "regions/gazetteer.h"
#include "text/ascii.h"
#include "tracking/indicators.h"

namespace mubiao::web {
namespace {

// A query parameter as its error messages name it: in the words of the
// forms that set it, so a reader never meets a parameter's own name.
std::string ParamLabel(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"year", "年份"}, {"year_min", "起始年份"}, {"year_max", "截止年份"},
      {"page", "页码"}, {"per_page", "每页条数"}, {"document_id", "文件编号"},
  };
  for (const auto& [param, label] : kLabels) {
    if (param == name) return std::string(label);
  }
  return "参数";
}

Status BadYear(std::string_view name) {
  return InvalidInput(ParamLabel(name) + "应为四位年份（1949–2100）");
}

// A year parameter: "" → 0; four digits in a sane range → the year.
Result<int> YearParam(std::string_view value, std::string_view name) {
  if (value.empty()) return 0;
  const int year = search::ParseFilterYear(value);
  if (year == 0) return BadYear(name);
  return year;
}

}  // namespace

Result<search::SearchFilters> FiltersFromQuery(const HttpRequest& request) {
  search::SearchFilters filters;
  const std::string_view region = request.Query("region");
  if (!region.empty()) {
    filters.region_code = regions::Gazetteer::Builtin().CodeOf(region);
    if (filters.region_code.empty()) {
      if (text::AllAsciiDigits(region)) return InvalidInput("地区代码应为六位数字");
      return InvalidInput("没有找到地区“" + std::string(region) + "”");
    }
  }
  const std::string_view geo = request.Query("geo");
  if (!geo.empty()) {
    const regions::GeoRegion g = regions::GeoRegionFromKey(geo);
    if (g == regions::GeoRegion::kNone)
      return InvalidInput("大区应为华北、东北、华东、华中、华南、西南或西北");
    filters.geo = g;
  }
  const std::string_view level = request.Query("level");
  if (!level.empty()) {
    filters.level = regions::ParseRegionLevel(level);
    if (!filters.level) return InvalidInput("级别应为中央、省级、地级或县级");
  }
  const std::string_view type = request.Query("type");
  if (!type.empty()) {
    filters.doc_type = report::ParseDocTypeKey(type);
    if (!filters.doc_type) {
      return InvalidInput("类型应为政府工作报告、统计公报、五年规划、决议或其他报告");
    }
  }
  const std::string_view year = request.Query("year");
  if (!year.empty()) {
    const std::optional<search::YearRange> range = search::ParseYearRange(year);
    if (!range) return BadYear("year");
    filters.year_min = range->first;
    filters.year_max = range->last;
  }
  Result<int> year_min = YearParam(request.Query("year_min"), "year_min");
  if (!year_min.ok()) return year_min.status();
  Result<int> year_max = YearParam(request.Query("year_max"), "year_max");
  if (!year_max.ok()) return year_max.status();
  if (*year_min) filters.year_min = *year_min;
  if (*year_max) filters.year_max = *year_max;
  if (filters.year_min && filters.year_max && filters.year_min > filters.year_max) {
    return InvalidInput("起始年份不能晚于截止年份");
  }
  return filters;
}

Result<store::FindingFilter> FindingFilterFromQuery(const HttpRequest& request) {
  store::FindingFilter filter;
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return filters.status();
  filter.filters = *filters;
  filter.topic = std::string(request.Query("topic"));
  filter.indicator = std::string(request.Query("indicator"));
  if (filter.topic.size() > 100 || filter.indicator.size() > 100) {
    return InvalidInput("领域或指标的文字太长");
  }
  // A wording the indicator lexicon knows names one measure, however each
  // report words it: 地区生产总值 finds 国内生产总值 and 经济增长 targets,
  // not 人均地区生产总值 or 单位地区生产总值能耗.
  if (const tracking::Indicator* known =
          tracking::IndicatorLexicon::Builtin().Find(filter.indicator)) {
    filter.verdict_indicator = known->id;
    filter.indicator.clear();
  }
  const std::string_view strength = request.Query("strength");
  if (!strength.empty()) {
    filter.strength =
        strength == "none" ? targets::Strength::kNone : targets::ParseStrength(strength);
    if (!filter.strength || (strength != "none" && *filter.strength == targets::Strength::kNone)) {
      return InvalidInput("力度应为确保、力争或无");
    }
  }
  return filter;
}

Result<int> PositiveIntParam(const HttpRequest& request, std::string_view name, int fallback) {
  const std::string_view value = request.Query(name);
  if (value.empty()) return fallback;
  if (!text::AllAsciiDigits(value) || value.size() > 9 || std::stoi(std::string(value)) < 1) {
    return InvalidInput(ParamLabel(name) + "应为正整数");
  }
  return std::stoi(std::string(value));
}

Result<int> PageFromQuery(const HttpRequest& request, int max_page) {
  Result<int> page = PositiveIntParam(request, "page", 1);
  if (page.ok() && *page > max_page) return InvalidInput("页码超出范围");
  return page;
}

}  // namespace mubiao::web
