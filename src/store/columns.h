// The store's SQL edge for closed vocabularies: enums are written to and
// read from TEXT columns by their names (the names of their modules'
// tables), so the schema and old databases stay as they are. A stored name
// that is unknown (a newer mubiao wrote it) reads as the type's default.
// Internal to src/store.
#ifndef MUBIAO_STORE_COLUMNS_H_
#define MUBIAO_STORE_COLUMNS_H_

#include <optional>
#include <string_view>

#include "regions/gazetteer.h"
#include "report/report.h"
#include "targets/target.h"

namespace mubiao::store {

inline report::DocType DocTypeColumn(std::string_view key) {
  return report::ParseDocTypeKey(key).value_or(report::DocType::kWorkReport);
}
inline regions::RegionLevel LevelColumn(std::string_view name) {
  return regions::ParseRegionLevel(name).value_or(regions::RegionLevel::kNational);
}
inline regions::GeoRegion GeoColumn(std::string_view slug) {
  return regions::GeoRegionFromKey(slug);
}
inline quantity::Comparator CmpColumn(std::string_view symbol) {
  return quantity::ParseComparator(symbol).value_or(quantity::Comparator::kNone);
}
inline targets::Change ChangeColumn(std::string_view name) {
  return targets::ParseChange(name).value_or(targets::Change::kLevel);
}
inline targets::Strength StrengthColumn(std::string_view name) {
  return targets::ParseStrength(name).value_or(targets::Strength::kNone);
}
inline targets::TargetStatus StatusColumn(std::string_view name) {
  return targets::ParseStatus(name).value_or(targets::TargetStatus::kUnverified);
}

// The value a filter column is compared with: the name, or "" (bound as
// NULL: no restriction) for an absent filter.
inline std::string_view FilterName(const std::optional<report::DocType>& type) {
  return type ? report::DocTypeKey(*type) : std::string_view();
}
inline std::string_view FilterName(const std::optional<regions::RegionLevel>& level) {
  return level ? regions::RegionLevelName(*level) : std::string_view();
}
inline std::string_view FilterName(const std::optional<regions::GeoRegion>& geo) {
  return geo ? regions::GeoRegionSlug(*geo) : std::string_view();
}

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_COLUMNS_H_
