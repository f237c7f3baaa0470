// How the portal names and formats stored values for readers: Chinese labels
// for keys (levels, types, comparators, strengths), numbers with their scale
// words, dates, report titles in the archive sites' style, and URLs.
#ifndef MUBIAO_WEB_LABELS_H_
#define MUBIAO_WEB_LABELS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.h"
#include "targets/target.h"

namespace mubiao::web {

// Slug of the pseudo-region of national documents, and of documents whose
// region is unknown, beside the seven geographic regions in URLs.
inline constexpr std::string_view kNationalSlug = "quanguo";
inline constexpr std::string_view kUnknownGeoSlug = "qita";

// 全国 / 省级 / 地市级 / 县级 for a level key; the key itself when unknown.
std::string LevelLabel(std::string_view level);
// 政府工作报告 / 统计公报 / 五年规划 for a document type key.
std::string DocTypeLabel(std::string_view doc_type);
// 不低于 / 不高于 / 左右 / 等于 / 区间 for a comparator.
std::string CmpLabel(std::string_view cmp);
// 确保 / 力争 for a strength key; "" for none.
std::string StrengthLabel(std::string_view strength);
// The Chinese name of a geo slug, including 全国 and 其他地区.
std::string GeoLabel(std::string_view slug);

// A number for reading: up to two decimals, trailing zeros dropped, with
// 万 or 亿 for large round values (580000 → "58万", 1.3e12 → "1.3万亿").
std::string FormatNumber(double value);
// A finding's value with its unit ("58万亩", "4.5–5%", "6%"); "" when it has none.
std::string FormatValue(const targets::Finding& finding);

// "2023-02-27" → "2023年2月27日"; other text unchanged.
std::string ChineseDate(std::string_view iso_date);

// A stored time (ISO 8601 UTC) for readers: "2026-11-29 08:06 UTC".
std::string CommentTime(std::string_view iso_time);

// The archive sites' title: "(河南省)新郑市人民政府工作报告(2023年2月27日)"; the
// province is left out for provinces and national documents, the date when unknown.
std::string ReportHeading(const store::DocumentSummary& document);
// Where a document is: "河南省 新郑市", "全国"; "" when unknown.
std::string PlaceLabel(const store::DocumentSummary& document);

// The geo slug a document is filed under: its geographic region, else
// kNationalSlug for national documents, else kUnknownGeoSlug.
std::string GeoSlugOf(std::string_view geo, std::string_view level);
// The page of a document: "/baogao/huazhong/12.html".
std::string ReportUrl(const store::DocumentSummary& document);
// The page of a document known by geo, level and id.
std::string ReportUrl(std::string_view geo, std::string_view level, int64_t id);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_LABELS_H_
