// The tile-grid map of China (tile_map.h):
//   /ditu?zhibiao=baogao|dacheng|gdp&year=YYYY     the map, its legend and the same
//                                                 numbers as a table
//   /api/v1/map?metric=reports|share_met|gdp_target&year=YYYY   the same data as JSON
// Both are built from one MapData, read with a few store queries for every
// province at once (never one per province): the regions with their counts,
// and for a year's measure the provinces' tracked targets of that year.

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "quantity/format.h"
#include "regions/gazetteer.h"
#include "tracking/export.h"
#include "tracking/store_tracking.h"
#include "tracking/verdict.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/tile_map.h"
#include "web/tracking_view.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;
using nlohmann::json;

// Without a year asked for, a year's measure shows the latest year in
// which some province has a value, looking back at most this many years.
constexpr int kDefaultYearLookBack = 3;

// One province on the map.
struct MapPlace {
  const TilePosition* tile = nullptr;
  const regions::Region* region = nullptr;
  std::string url;  // its scorecard, else its region page; "" without reports
  std::optional<double> value;
  std::string label;                             // `value` for readers; "" without one
  int value_class = 0;                           // 1 ..= kMapClasses; 0 without a value
  int64_t documents = 0;                         // reports of its own
  int64_t documents_under = 0;                   // and of the places under it
  std::optional<tracking::StatusCounts> counts;  // kShareMet: the year's counts
  std::string target_text;                       // kGdpTarget: the target as written
  std::string target_url;                        // and its report
};

// One colour class of the legend: the values it holds.
struct MapClass {
  int value_class = 0;
  double min = 0;
  double max = 0;
  std::string label;
};

// What the page and the API show.
struct MapData {
  MapMeasure measure = MapMeasure::kReports;
  int year = 0;                  // of a year's measure; 0 for kReports or an empty store
  std::pair<int, int> years;     // the provinces' years with reports; {0, 0} when none
  std::vector<MapPlace> places;  // ChinaTileGrid order
  std::vector<MapClass> classes;
};

std::string Percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
  return buffer;
}

std::string ValueLabel(MapMeasure measure, double value) {
  return measure == MapMeasure::kShareMet ? Percent(value) : quantity::FormatNumber(value);
}

// The places of the grid with their reports, and the provinces' years.
Status ReadPlaces(store::Store& store, MapData* data) {
  Result<std::vector<store::RegionSummary>> regions = store.ListRegions();
  if (!regions.ok()) return regions.status();
  std::map<std::string_view, const store::RegionSummary*> by_code;
  for (const store::RegionSummary& r : *regions) {
    if (r.region.level != regions::RegionLevel::kProvince || r.documents_under == 0) continue;
    by_code[r.region.code] = &r;
    if (data->years.first == 0 || r.year_min < data->years.first) data->years.first = r.year_min;
    data->years.second = std::max(data->years.second, r.year_max);
  }
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();
  for (const TilePosition& tile : ChinaTileGrid()) {
    MapPlace& place = data->places.emplace_back();
    place.tile = &tile;
    place.region = gazetteer.FindByCode(tile.code);
    auto found = by_code.find(tile.code);
    if (found == by_code.end()) continue;
    place.documents = found->second->documents;
    place.documents_under = found->second->documents_under;
    const regions::Region& region = *place.region;
    // A place with reports of its own has a scorecard (as on /genzong/);
    // one with reports under it only, its region page.
    place.url = place.documents > 0 ? ScorecardUrl(region.code) : PlacePageUrl(region);
  }
  return Status::Ok();
}

// The values of `data->measure` for `data->year`, replacing any read before.
Status ReadValues(store::Store& store, MapData* data) {
  for (MapPlace& p : data->places) {
    p.value.reset();
    p.label.clear();
    p.counts.reset();
    p.target_text.clear();
    p.target_url.clear();
  }
  switch (data->measure) {
    case MapMeasure::kReports:
      for (MapPlace& p : data->places) {
        if (p.documents_under > 0) p.value = static_cast<double>(p.documents_under);
      }
      return Status::Ok();
    case MapMeasure::kShareMet: {
      Result<std::map<std::string, tracking::StatusCounts>> counts = tracking::StoredCountsByPlace(
          &store, regions::RegionLevel::kProvince, data->year, PortalTrackOptions());
      if (!counts.ok()) return counts.status();
      for (MapPlace& p : data->places) {
        auto found = counts->find(std::string(p.tile->code));
        if (found == counts->end()) continue;
        p.counts = found->second;
        p.value = found->second.share_met();
      }
      return Status::Ok();
    }
    case MapMeasure::kGdpTarget: {
      // The provinces' own targets only: an escalation of every place would
      // read the targets of every prefecture and county too.
      tracking::TrackQuery query;
      query.indicator = "gdp";
      query.year = data->year;
      query.level = regions::RegionLevel::kProvince;
      query.commitments = false;
      Result<std::vector<tracking::TrackedTarget>> tracked =
          tracking::TrackStored(&store, query, PortalTrackOptions());
      if (!tracked.ok()) return tracked.status();
      const tracking::Escalation e = tracking::BuildEscalation(
          tracking::Headlines(*tracked), "gdp", tracking::Measure::kGrowth, data->year);
      std::map<std::string, const tracking::EscalationRow*> provinces;
      for (const tracking::EscalationRow& row : e.rows) {
        if (row.depth == 1) provinces[row.region_code] = &row;
      }
      for (MapPlace& p : data->places) {
        auto found = provinces.find(std::string(p.tile->code));
        if (found == provinces.end()) continue;
        const store::StoredFinding& target = found->second->target.target;
        const double factor = PortalTrackOptions().lexicon->UnitFactor(target.finding.unit);
        p.value = found->second->value / factor;
        p.label = tracking::FormatFigure(found->second->value, target.finding.unit, factor);
        p.target_text = target.finding.text;
        p.target_url = ReportUrl(target.document_id, target.geo, target.level) + "#t" +
                       std::to_string(target.ordinal + 1);
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

bool AnyValue(const MapData& data) {
  return std::any_of(data.places.begin(), data.places.end(),
                     [](const MapPlace& p) { return p.value.has_value(); });
}

// Labels, colour classes and the legend of the values read.
void Classify(MapData* data) {
  std::vector<double> values;
  for (const MapPlace& p : data->places) {
    if (p.value) values.push_back(*p.value);
  }
  const std::vector<int> classes = SequentialClasses(values);
  std::map<int, MapClass> legend;
  size_t next = 0;
  for (MapPlace& p : data->places) {
    if (!p.value) continue;
    if (p.label.empty()) p.label = ValueLabel(data->measure, *p.value);
    p.value_class = classes[next++];
    auto [it, fresh] = legend.try_emplace(p.value_class);
    MapClass& c = it->second;
    if (fresh || *p.value < c.min) c.min = *p.value;
    if (fresh || *p.value > c.max) c.max = *p.value;
    c.value_class = p.value_class;
  }
  for (auto& [n, c] : legend) {
    c.label = ValueLabel(data->measure, c.min);
    if (c.max != c.min) c.label += "–" + ValueLabel(data->measure, c.max);
    if (data->measure == MapMeasure::kGdpTarget) c.label += "%";
    if (data->measure == MapMeasure::kReports) c.label += " 篇";
    data->classes.push_back(c);
  }
}

// The newest year a measure can have values of: for the share met, the
// targets of the newest year with reports are settled by the provinces'
// statistical communiqués of that year alone (the next year's reports are
// not in yet), so without one that year is skipped.
Result<int> NewestSettledYear(store::Store& store, const MapData& data) {
  const auto [first, last] = data.years;
  if (data.measure != MapMeasure::kShareMet || last <= first) return last;
  store::DocumentFilter communiques;
  communiques.filters.level = regions::RegionLevel::kProvince;
  communiques.filters.doc_type = report::DocType::kCommunique;
  communiques.filters.year_min = communiques.filters.year_max = last;
  communiques.limit = 1;
  Result<store::DocumentPage> page = store.ListDocuments(communiques);
  if (!page.ok()) return page.status();
  return page->total > 0 ? last : last - 1;
}

// The values of a year's measure: of the year `asked`; else of the newest
// year with a value, looking back kDefaultYearLookBack years from the
// newest that can have one; of the newest year (none) when none has.
Status ReadYearValues(store::Store& store, int asked, MapData* data) {
  if (asked != 0) {
    data->year = asked;
    return ReadValues(store, data);
  }
  Result<int> newest = NewestSettledYear(store, *data);
  if (!newest.ok()) return newest.status();
  const int oldest = std::max(data->years.first, *newest - kDefaultYearLookBack + 1);
  for (data->year = *newest; data->year >= oldest; --data->year) {
    if (Status s = ReadValues(store, data); !s.ok()) return s;
    if (AnyValue(*data)) return Status::Ok();
  }
  data->year = data->years.second;
  return ReadValues(store, data);
}

// The map a query asks for; kInvalidInput for a year outside the
// provinces' years.
Result<MapData> ReadMap(store::Store& store, const MapQuery& q) {
  MapData data;
  data.measure = q.measure;
  if (Status s = ReadPlaces(store, &data); !s.ok()) return s;
  const auto [first, last] = data.years;
  if (q.year != 0 && (q.year < first || q.year > last)) {
    return InvalidInput(last == 0 ? "还没有收录省级地区的报告，没有可选的年份"
                                  : "参数 year 应在 " + std::to_string(first) + "–" +
                                        std::to_string(last) + " 之间（已收录报告的年份）");
  }
  if (!MapMeasureHasYear(q.measure)) {
    if (Status s = ReadValues(store, &data); !s.ok()) return s;
  } else if (last > 0) {
    if (Status s = ReadYearValues(store, q.year, &data); !s.ok()) return s;
  }
  Classify(&data);
  return data;
}

json MapJson(const MapData& data) {
  json j = {{"metric", MapMeasureApiName(data.measure)},
            {"label", MapMeasureLabel(data.measure)},
            {"rows", kTileRows},
            {"columns", kTileColumns}};
  if (data.year != 0) j["year"] = data.year;
  if (data.years.second != 0) {
    j["year_first"] = data.years.first;
    j["year_last"] = data.years.second;
  }
  json classes = json::array();
  for (const MapClass& c : data.classes) {
    classes.push_back(
        {{"class", c.value_class}, {"min", c.min}, {"max", c.max}, {"label", c.label}});
  }
  j["classes"] = std::move(classes);
  json places = json::array();
  for (const MapPlace& p : data.places) {
    json place = {{"code", p.tile->code},
                  {"name", p.region->name},
                  {"short_name", p.region->short_name},
                  {"row", p.tile->row},
                  {"column", p.tile->column},
                  {"documents", p.documents},
                  {"documents_under", p.documents_under}};
    if (!p.url.empty()) place["url"] = p.url;
    if (p.value) {
      place["value"] = *p.value;
      place["label"] = p.label;
      place["class"] = p.value_class;
    }
    if (p.counts) place["counts"] = tracking::StatusCountsJson(*p.counts);
    if (!p.target_text.empty()) {
      place["target"] = {{"text", p.target_text}, {"url", p.target_url}};
    }
    places.push_back(std::move(place));
  }
  j["places"] = std::move(places);
  return j;
}

std::string MapUrl(MapMeasure measure, int year) {
  Fields query = {{"zhibiao", std::string(MapMeasurePageName(measure))}};
  if (year != 0) query.emplace_back("year", std::to_string(year));
  return "/ditu?" + BuildQueryString(query);
}

std::string ApiUrl(const MapData& data) {
  Fields query = {{"metric", std::string(MapMeasureApiName(data.measure))}};
  if (data.year != 0) query.emplace_back("year", std::to_string(data.year));
  return "/api/v1/map?" + BuildQueryString(query);
}

// What a measure means, for readers.
std::string Definition(const MapData& data) {
  const std::string year = std::to_string(data.year) + "年";
  switch (data.measure) {
    case MapMeasure::kReports:
      return "各省（区、市）收录的报告篇数：省级政府和下辖市、县的各类报告（政府工作报告、"
             "统计公报等），所有年份合计。";
    case MapMeasure::kShareMet:
      return "各省（区、市）政府工作报告中" + year +
             "目标的达成率：已核验（达成、部分达成或未达成）的目标中达成的比例，"
             "与该省目标跟踪页同一年的统计相同；已核验不足 5 "
             "条的不计比例。只计省级政府自己的报告。";
    case MapMeasure::kGdpTarget:
      return "各省（区、市）" + year +
             "政府工作报告提出的地区生产总值增长目标（每份报告的第一个，读法与“层层加码”页相同；"
             "区间目标取下限）。";
  }
  return "";
}

void AddCell(TemplateDictionary* row, const std::string& text, const char* kind,
             const std::string& url = "") {
  TemplateDictionary* cell = row->AddSectionDictionary("CELL");
  cell->SetValue("TEXT", text);
  cell->SetValue("KIND", kind);
  if (!url.empty()) cell->SetValueAndShowSection("URL", url, "CELL_LINK");
}

// The table under the map: the same numbers, and what they come from.
void AddTable(const MapData& data, TemplateDictionary* dict) {
  std::vector<const char*> columns;
  switch (data.measure) {
    case MapMeasure::kReports:
      columns = {"收录报告（含下辖）", "本级报告"};
      break;
    case MapMeasure::kShareMet:
      columns = {"达成率", "达成", "已核验", "目标总数"};
      break;
    case MapMeasure::kGdpTarget:
      columns = {"增长目标", "目标原文"};
      break;
  }
  for (const char* c : columns) dict->AddSectionDictionary("COLUMN")->SetValue("NAME", c);
  for (const MapPlace& p : data.places) {
    TemplateDictionary* row = dict->AddSectionDictionary("ROW");
    row->SetValue("NAME", p.region->name);
    if (!p.url.empty()) row->SetValueAndShowSection("URL", p.url, "PLACE_LINK");
    const std::string value = p.value ? p.label : "暂无数据";
    switch (data.measure) {
      case MapMeasure::kReports:
        AddCell(row, value, "num");
        AddCell(row, std::to_string(p.documents), "num");
        break;
      case MapMeasure::kShareMet:
        AddCell(row, p.counts && !p.value ? "核验不足" : value, "num");
        AddCell(row, p.counts ? std::to_string(p.counts->met) : "—", "num");
        AddCell(row, p.counts ? std::to_string(p.counts->settled()) : "—", "num");
        AddCell(row, p.counts ? std::to_string(p.counts->total()) : "—", "num");
        break;
      case MapMeasure::kGdpTarget:
        AddCell(row, value, "num");
        AddCell(row, p.target_text.empty() ? "—" : p.target_text, "quote", p.target_url);
        break;
    }
  }
}

// The measure tabs, and the year form and links of a year's measure.
void AddChoices(const MapData& data, TemplateDictionary* dict) {
  for (MapMeasure m : kAllMapMeasures) {
    TemplateDictionary* tab = dict->AddSectionDictionary("MEASURE_TAB");
    tab->SetValue("URL", MapUrl(m, 0));
    tab->SetValue("LABEL", std::string(MapMeasureLabel(m)));
    if (m == data.measure) tab->ShowSection("CURRENT");
  }
  if (data.year == 0) return;
  TemplateDictionary* form = dict->AddSectionDictionary("YEAR_FORM");
  form->SetValue("MEASURE", std::string(MapMeasurePageName(data.measure)));
  for (int y = data.years.second; y >= data.years.first && y > 0; --y) {
    TemplateDictionary* option = form->AddSectionDictionary("YEAR_OPTION");
    option->SetIntValue("VALUE", y);
    if (y == data.year) option->ShowSection("SELECTED");
    if (y > data.years.second - kYearLinks) {
      TemplateDictionary* link = form->AddSectionDictionary("YEAR_LINK");
      link->SetIntValue("YEAR", y);
      link->SetValue("URL", MapUrl(data.measure, y));
      if (y == data.year) link->ShowSection("ACTIVE");
    }
  }
}

void AddTiles(const MapData& data, TemplateDictionary* dict) {
  for (const MapPlace& p : data.places) {
    TemplateDictionary* tile = dict->AddSectionDictionary("TILE");
    tile->SetIntValue("ROW", p.tile->row);
    tile->SetIntValue("COLUMN", p.tile->column);
    tile->SetIntValue("CLASS", p.value_class);
    tile->SetValue("CODE", std::string(p.tile->code));
    tile->SetValue("NAME", p.region->short_name);
    tile->SetValue("FULL_NAME", p.region->name);
    tile->SetValue("VALUE", p.value ? p.label : "暂无数据");
    if (!p.url.empty()) tile->SetValueAndShowSection("URL", p.url, "TILE_LINK");
  }
  for (const MapClass& c : data.classes) {
    TemplateDictionary* item = dict->AddSectionDictionary("LEGEND");
    item->SetIntValue("CLASS", c.value_class);
    item->SetValue("LABEL", c.label);
  }
}

HttpResponse MapPage(PortalState* state, const HttpRequest& request) {
  Result<MapQuery> q = MapQueryOf(request, false);
  if (!q.ok()) return state->ErrorPage(400, q.status().message(), "/ditu");
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<MapData> data = ReadMap(**store, *q);
  if (!data.ok()) {
    if (data.status().code() == StatusCode::kInvalidInput) {
      return state->ErrorPage(400, data.status().message(), "/ditu");
    }
    return state->StoreErrorPage(data.status());
  }
  const std::string label(MapMeasureLabel(data->measure));
  const std::string year = data->year != 0 ? " " + std::to_string(data->year) + "年" : "";
  Page page = state->NewVisitorPage("地图：" + label + year, visitor);
  TemplateDictionary* dict = page.dict.get();
  dict->SetValue("HEADING", label + year);
  dict->SetValue("MEASURE_LABEL", label);
  dict->SetValue("DEFINITION", Definition(*data));
  dict->SetValue("JSON_URL", ApiUrl(*data));
  if (data->years.second == 0) dict->ShowSection("NO_DOCUMENTS");
  AddChoices(*data, dict);
  AddTiles(*data, dict);
  AddTable(*data, dict);
  HttpResponse response = state->RenderPage("ditu.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse MapApi(store::Store& store, const HttpRequest& request, const RouteParams&) {
  Result<MapQuery> q = MapQueryOf(request, true);
  if (!q.ok()) return JsonStatusError(q.status());
  Result<MapData> data = ReadMap(store, *q);
  if (!data.ok()) return JsonStatusError(data.status());
  return ApiJson(MapJson(*data));
}

}  // namespace

void AddMapRoutes(PortalState* state) {
  state->router.Add("GET", "/ditu", [state](const HttpRequest& request, const RouteParams&) {
    return MapPage(state, request);
  });
  state->router.Add("GET", "/api/v1/map", WithStore(state, &MapApi, JsonStatusError));
}

}  // namespace mubiao::web
