#include "web/labels.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "quantity/format.h"
#include "regions/gazetteer.h"

namespace mubiao::web {

std::string GeoLabel(std::string_view slug) {
  if (slug == kNationalSlug) return "全国";
  if (slug == kUnknownGeoSlug) return "其他地区";
  return std::string(regions::GeoRegionName(regions::GeoRegionFromKey(slug)));
}

std::string FormatValue(const targets::Finding& finding) {
  if (!finding.value) return "";
  std::string out = quantity::FormatNumber(*finding.value);
  if (finding.value_max) out += "–" + quantity::FormatNumber(*finding.value_max);
  return out + finding.unit;
}

std::string ChineseDate(std::string_view iso_date) {
  int year = 0, month = 0, day = 0;
  if (iso_date.size() == 10 &&
      std::sscanf(std::string(iso_date).c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3) {
    return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
  }
  return std::string(iso_date);
}

std::string CommentTime(std::string_view iso_time) {
  std::tm utc{};
  if (iso_time.size() < 16 || iso_time[10] != 'T' ||
      std::sscanf(std::string(iso_time).c_str(), "%4d-%2d-%2dT%2d:%2d", &utc.tm_year, &utc.tm_mon,
                  &utc.tm_mday, &utc.tm_hour, &utc.tm_min) != 5) {
    return std::string(iso_time);
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t beijing = timegm(&utc) + 8 * 3600;  // UTC+8 all year
  std::tm local{};
  gmtime_r(&beijing, &local);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
  return std::string(buffer) + "（北京时间）";
}

std::string ReportHeading(const store::DocumentSummary& document) {
  // Titles taken from archive pages may already be written this way.
  const std::string& title = document.title;
  std::string heading;
  if (!document.province.empty() && document.province != document.locality &&
      document.level != regions::RegionLevel::kProvince &&
      document.level != regions::RegionLevel::kNational &&
      !title.starts_with("(" + document.province + ")") &&
      !title.starts_with("（" + document.province + "）")) {
    heading += "(" + document.province + ")";
  }
  heading += title;
  const std::string date = ChineseDate(document.date);
  if (!document.date.empty() && title.find(date) == std::string::npos) heading += "(" + date + ")";
  return heading;
}

std::string PlaceLabel(const store::DocumentSummary& document) {
  if (document.level == regions::RegionLevel::kNational) return "全国";
  if (!document.province.empty() && document.province != document.locality) {
    return document.province + " " + document.locality;
  }
  return document.locality;
}

std::string GeoSlugOf(regions::GeoRegion geo, regions::RegionLevel level) {
  if (geo != regions::GeoRegion::kNone) return std::string(regions::GeoRegionSlug(geo));
  if (level == regions::RegionLevel::kNational) return std::string(kNationalSlug);
  return std::string(kUnknownGeoSlug);
}

std::string ReportUrl(int64_t id, regions::GeoRegion geo, regions::RegionLevel level) {
  return "/baogao/" + GeoSlugOf(geo, level) + "/" + std::to_string(id) + ".html";
}

std::string PlacePageUrl(regions::GeoRegion geo, regions::RegionLevel level,
                         const std::string& code) {
  if (level == regions::RegionLevel::kNational)
    return "/baogao/" + std::string(kNationalSlug) + "/";
  return "/baogao/" + std::string(regions::GeoRegionSlug(geo)) + "/?diqu=" + code;
}

std::string ReportUrl(const store::DocumentSummary& document) {
  return ReportUrl(document.id, document.geo, document.level);
}

const store::DocumentUrl& PortalDocumentUrl() {
  static const store::DocumentUrl url = [](int64_t id, regions::GeoRegion geo,
                                           regions::RegionLevel level) {
    return ReportUrl(id, geo, level);
  };
  return url;
}

}  // namespace mubiao::web
