// MetadataJson (report.h).
#include "report/report.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "text/json_text.h"

namespace mubiao::report {

nlohmann::json MetadataJson(const ReportMetadata& m) {
  nlohmann::json j = {{"type", DocTypeKey(m.type)}};
  text::PutText(j, "title", m.title);
  text::PutText(j, "government", m.government);
  text::PutText(j, "province", m.province);
  text::PutText(j, "locality", m.locality);
  j["level"] = regions::RegionLevelName(m.level);
  text::PutText(j, "region_code", m.region_code);
  text::PutText(j, "parent_code", m.parent_code);
  text::PutText(j, "geo_region", regions::GeoRegionSlug(m.geo));
  if (m.year != 0) j["year"] = m.year;
  text::PutText(j, "date", m.date);
  text::PutText(j, "speaker", m.speaker);
  text::PutText(j, "speaker_title", m.speaker_title);
  text::PutText(j, "source_url", m.source_url);
  return j;
}

}  // namespace mubiao::report
