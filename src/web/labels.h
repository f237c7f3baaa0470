// How the portal names and formats stored values for readers: numbers with
// their scale words, dates, report titles in the archive sites' style, and
// URLs. (Chinese labels of the closed vocabularies live with their enums:
// regions::RegionLevelLabel, report::DocTypeName, quantity::ComparatorLabel,
// targets::StrengthLabel, targets::StatusLabel.)
#ifndef MUBIAO_WEB_LABELS_H_
#define MUBIAO_WEB_LABELS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "store/export.h"
#include "store/store.h"
#include "targets/target.h"

namespace mubiao::web {

// Slug of the pseudo-region of national documents, and of documents whose
// region is unknown, beside the seven geographic regions in URLs.
inline constexpr std::string_view kNationalSlug = "quanguo";
inline constexpr std::string_view kUnknownGeoSlug = "qita";

// The Chinese name of a geo slug, including 全国 and 其他地区.
std::string GeoLabel(std::string_view slug);

// A finding's value with its unit ("58万亩", "4.5–5%", "6%"); "" when it has none.
std::string FormatValue(const targets::Finding& finding);

// "2023-02-27" → "2023年2月27日"; other text unchanged.
std::string ChineseDate(std::string_view iso_date);

// A stored time (ISO 8601 UTC) for readers, in Beijing time (UTC+8):
// "2026-11-29T08:06:31Z" → "2026-11-29 16:06（北京时间）"; other text unchanged.
std::string CommentTime(std::string_view iso_time);

// The archive sites' title: "(河南省)新郑市人民政府工作报告(2023年2月27日)"; the
// province is left out for provinces and national documents, the date when unknown.
std::string ReportHeading(const store::DocumentSummary& document);
// Where a document is: "河南省 新郑市", "全国"; "" when unknown.
std::string PlaceLabel(const store::DocumentSummary& document);

// The geo slug a document is filed under: its geographic region, else
// kNationalSlug for national documents, else kUnknownGeoSlug.
std::string GeoSlugOf(regions::GeoRegion geo, regions::RegionLevel level);
// The page of a document: "/baogao/huazhong/12.html".
std::string ReportUrl(const store::DocumentSummary& document);
// The page of a document known by geo, level and id.
std::string ReportUrl(int64_t id, regions::GeoRegion geo, regions::RegionLevel level);
// The page of a place and the places under it:
// "/baogao/huadong/?diqu=360800"; the national listing for the nation.
std::string PlacePageUrl(regions::GeoRegion geo, regions::RegionLevel level,
                         const std::string& code);
// The same for a regions::Region or a store::RegionRecord.
template <typename Place>
std::string PlacePageUrl(const Place& place) {
  return PlacePageUrl(place.geo, place.level, place.code);
}
// ReportUrl as the "url" of the JSON and CSV exports (store/export.h).
const store::DocumentUrl& PortalDocumentUrl();

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_LABELS_H_
