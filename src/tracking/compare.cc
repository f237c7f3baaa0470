#include "tracking/compare.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "tracking/export.h"

namespace mubiao::tracking {
namespace {

// An indicator's position in the lexicon, and a measure: the order rows
// are listed in.
using RowKey = std::tuple<size_t, Measure>;

RowKey KeyOf(const IndicatorTarget& t) {
  const std::vector<Indicator>& all = IndicatorLexicon::Builtin().indicators();
  return {static_cast<size_t>(t.indicator - all.data()), t.measure};
}

}  // namespace

std::vector<IndicatorTarget> YearHeadlines(const std::vector<TrackedTarget>& tracked, int year) {
  const IndicatorLexicon& lexicon = IndicatorLexicon::Builtin();
  std::map<RowKey, IndicatorTarget> rows;
  for (const TrackedTarget* t : Headlines(tracked)) {
    if (t->verdict.year != year || !t->verdict.measure) continue;
    const Indicator* indicator = lexicon.Find(t->verdict.indicator_id);
    if (indicator == nullptr) continue;
    const IndicatorTarget row{indicator, *t->verdict.measure, t};
    rows.emplace(KeyOf(row), row);
  }
  std::vector<IndicatorTarget> out;
  out.reserve(rows.size());
  for (const auto& [key, row] : rows) out.push_back(row);
  return out;
}

std::vector<ComparedIndicator> ComparePlaces(const std::vector<std::vector<TrackedTarget>>& places,
                                             int year) {
  std::map<RowKey, ComparedIndicator> rows;
  for (size_t p = 0; p < places.size(); ++p) {
    for (const IndicatorTarget& t : YearHeadlines(places[p], year)) {
      ComparedIndicator& row = rows[KeyOf(t)];
      if (row.cells.empty()) {
        row.indicator = t.indicator;
        row.measure = t.measure;
        row.cells.assign(places.size(), nullptr);
      }
      row.cells[p] = t.target;
    }
  }
  std::vector<ComparedIndicator> out;
  out.reserve(rows.size());
  for (auto& [key, row] : rows) {
    row.shared = std::none_of(row.cells.begin(), row.cells.end(),
                              [](const TrackedTarget* t) { return t == nullptr; });
    out.push_back(std::move(row));
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const ComparedIndicator& row) { return row.shared; });
  return out;
}

IndicatorHistory CompareAcrossYears(const std::vector<std::vector<TrackedTarget>>& places,
                                    const Indicator& indicator, Measure measure) {
  const IndicatorLexicon& lexicon = IndicatorLexicon::Builtin();
  IndicatorHistory history;
  history.indicator = &indicator;
  history.measure = measure;
  // Per place, plan year → the headline's figures in the lexicon's base unit.
  struct Figures {
    double target = 0;
    std::optional<double> outcome;
    std::string unit;    // the target's, as written
    std::string family;  // of its unit: figures of another family share no axis
  };
  std::vector<std::map<int, Figures>> by_place(places.size());
  for (size_t p = 0; p < places.size(); ++p) {
    for (const TrackedTarget* t : Headlines(places[p])) {
      if (t->verdict.indicator_id != indicator.id || t->verdict.measure != measure) continue;
      const std::optional<Reading> target = lexicon.Read(t->target.finding);
      if (!target) continue;
      Figures figures{target->value, std::nullopt, t->target.finding.unit, target->family};
      if (t->verdict.outcome) {
        if (std::optional<Reading> o = lexicon.Read(t->verdict.outcome->finding)) {
          figures.outcome = o->value;
        }
      }
      by_place[p].emplace(t->verdict.year, std::move(figures));
    }
  }
  std::string family;
  for (const std::map<int, Figures>& place : by_place) {
    if (!place.empty()) {
      history.unit = place.begin()->second.unit;
      family = place.begin()->second.family;
      break;
    }
  }
  // Years with figures of the chosen family only.
  std::set<int> years;
  for (std::map<int, Figures>& place : by_place) {
    std::erase_if(place, [&family](const auto& year) { return year.second.family != family; });
    for (const auto& [year, figures] : place) years.insert(year);
  }
  history.years.assign(years.begin(), years.end());
  const double factor = lexicon.UnitFactor(history.unit);
  for (const std::map<int, Figures>& place : by_place) {
    IndicatorHistory::Line& line = history.lines.emplace_back();
    for (int year : history.years) {
      const auto it = place.find(year);
      line.targets.push_back(it == place.end() ? std::nullopt
                                               : std::optional(it->second.target / factor));
      line.outcomes.push_back(it == place.end() || !it->second.outcome
                                  ? std::nullopt
                                  : std::optional(*it->second.outcome / factor));
    }
  }
  return history;
}

nlohmann::json PlaceComparisonJson(const std::vector<ComparedPlace>& places,
                                   const std::vector<ComparedIndicator>& indicators, int year,
                                   const Tolerance& tolerance, const store::DocumentUrl& url) {
  nlohmann::json place_list = nlohmann::json::array();
  for (const ComparedPlace& p : places) {
    place_list.push_back({{"region_code", p.region_code}, {"name", p.name}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const ComparedIndicator& row : indicators) {
    nlohmann::json cells = nlohmann::json::array();
    for (size_t p = 0; p < row.cells.size() && p < places.size(); ++p) {
      nlohmann::json cell = {{"region_code", places[p].region_code}};
      if (row.cells[p] != nullptr)
        cell["target"] = TrackedTargetJson(*row.cells[p], tolerance, url);
      cells.push_back(std::move(cell));
    }
    rows.push_back({{"indicator_id", row.indicator->id},
                    {"indicator_name", row.indicator->name},
                    {"measure", MeasureName(row.measure)},
                    {"shared", row.shared},
                    {"cells", std::move(cells)}});
  }
  return {{"year", year}, {"places", std::move(place_list)}, {"indicators", std::move(rows)}};
}

nlohmann::json IndicatorHistoryJson(const std::vector<ComparedPlace>& places,
                                    const IndicatorHistory& history) {
  nlohmann::json lines = nlohmann::json::array();
  for (size_t p = 0; p < places.size() && p < history.lines.size(); ++p) {
    const IndicatorHistory::Line& line = history.lines[p];
    nlohmann::json points = nlohmann::json::array();
    for (size_t y = 0; y < history.years.size(); ++y) {
      if (!line.targets[y]) continue;
      nlohmann::json point = {{"year", history.years[y]}, {"target", *line.targets[y]}};
      if (line.outcomes[y]) point["outcome"] = *line.outcomes[y];
      points.push_back(std::move(point));
    }
    lines.push_back({{"region_code", places[p].region_code},
                     {"name", places[p].name},
                     {"points", std::move(points)}});
  }
  return {{"indicator_id", history.indicator->id},
          {"indicator_name", history.indicator->name},
          {"measure", MeasureName(history.measure)},
          {"unit", history.unit},
          {"years", history.years},
          {"places", std::move(lines)}};
}

}  // namespace mubiao::tracking
