// The tile-grid map of China (/ditu): one square per provincial-level
// region, laid out by geography, with no boundary data (a boundary map
// published in China needs an approved standard map; equal squares also
// compare better). This header holds what the page and its API share and
// what can be tested without a store: the layout, the measures a map can
// show, the reading of a map request, and the sequential colour classes.
// Internal to src/web.
#ifndef MUBIAO_WEB_TILE_MAP_H_
#define MUBIAO_WEB_TILE_MAP_H_

#include <span>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "web/http.h"

namespace mubiao::web {

// Where a provincial-level region sits on the grid: 1-based row (north at
// the top) and column (west at the left), as CSS grid lines count them.
struct TilePosition {
  std::string_view code;  // GB/T 2260 code of the province (NN0000)
  int row = 0;            // 1 ..= kTileRows
  int column = 0;         // 1 ..= kTileColumns
};

// The grid's size.
inline constexpr int kTileRows = 8;
inline constexpr int kTileColumns = 7;

// Our layout of the 34 provincial-level regions (31 provinces, 香港, 澳门,
// 台湾): each once, each cell at most once, neighbours near each other
// (黑龙江 top right, 新疆 and 西藏 left, 海南 at the bottom, 台湾 east of
// 福建). In code order.
std::span<const TilePosition> ChinaTileGrid();

// What a map shows.
enum class MapMeasure {
  kReports,    // reports archived: the province's and those of every place under it, every year
  kShareMet,   // share of the year's settled targets met, as the province's scorecard counts it
  kGdpTarget,  // the year's 地区生产总值 growth target, as the escalation view reads it
};

// Every measure, in the order the page offers them.
inline constexpr MapMeasure kAllMapMeasures[] = {MapMeasure::kReports, MapMeasure::kShareMet,
                                                 MapMeasure::kGdpTarget};

// The page's name of a measure (?zhibiao=): baogao, dacheng, gdp.
std::string_view MapMeasurePageName(MapMeasure measure);
// The API's name of a measure (?metric=): reports, share_met, gdp_target.
std::string_view MapMeasureApiName(MapMeasure measure);
// For readers: 收录报告数, 目标达成率, GDP增长目标.
std::string_view MapMeasureLabel(MapMeasure measure);
// Whether a measure is of one year (share met, GDP target) or of all years.
bool MapMeasureHasYear(MapMeasure measure);

// What a map request asks for.
struct MapQuery {
  MapMeasure measure = MapMeasure::kReports;
  int year = 0;  // the year asked for; 0 when none was (the page picks the latest with data)
};

// Reads a request to the page (`api` false: ?zhibiao=baogao|dacheng|gdp)
// or to the API (`api` true: ?metric=reports|share_met|gdp_target), and
// ?year= (four digits, 1949–2100); absent parameters take the defaults
// (reports, no year), the first of repeated ones counts. kInvalidInput with
// a Chinese message naming the parameter otherwise. Whether the year is
// among the stored ones is left to the caller.
Result<MapQuery> MapQueryOf(const HttpRequest& request, bool api);

// The number of colour classes of a map.
inline constexpr int kMapClasses = 5;

// The colour class (1 ..= `classes`, low to high) of each of `values`, by
// rank: equal values share a class, and each class holds about as many
// values as the others. With no more distinct values than classes, each
// distinct value has its own class, spread over the scale (two values get
// 1 and `classes`). Linear after sorting.
std::vector<int> SequentialClasses(std::span<const double> values, int classes = kMapClasses);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_TILE_MAP_H_
