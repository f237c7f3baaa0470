// MetadataJson (report.h).
#include "report/report.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace mubiao::report {

nlohmann::json MetadataJson(const ReportMetadata& m) {
  nlohmann::json j = {{"type", DocTypeKey(m.type)}};
  const auto put = [&](const char* key, std::string_view value) {
    if (!value.empty()) j[key] = value;
  };
  put("title", m.title);
  put("government", m.government);
  put("province", m.province);
  put("locality", m.locality);
  j["level"] = regions::RegionLevelName(m.level);
  put("region_code", m.region_code);
  put("parent_code", m.parent_code);
  put("geo_region", regions::GeoRegionSlug(m.geo));
  if (m.year != 0) j["year"] = m.year;
  put("date", m.date);
  put("speaker", m.speaker);
  put("speaker_title", m.speaker_title);
  put("source_url", m.source_url);
  return j;
}

}  // namespace mubiao::report
