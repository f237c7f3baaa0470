#include "tracking/changes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "base/enum_names.h"
#include "tracking/compare.h"

namespace mubiao::tracking {
namespace {

constexpr EnumName<TargetChange> kChangeNames[] = {
    {TargetChange::kNew, "new"},       {TargetChange::kDropped, "dropped"},
    {TargetChange::kRaised, "raised"}, {TargetChange::kLowered, "lowered"},
    {TargetChange::kSame, "same"},     {TargetChange::kIncomparable, "incomparable"}};
constexpr EnumName<TargetChange> kChangeLabels[] = {
    {TargetChange::kNew, "新增"},    {TargetChange::kDropped, "不再提出"},
    {TargetChange::kRaised, "上调"}, {TargetChange::kLowered, "下调"},
    {TargetChange::kSame, "持平"},   {TargetChange::kIncomparable, "口径不同"}};

// The figure a target states, comparable across years: its reading's value
// in the unit family's base, a decline (下降3%) by its size, so that a
// larger decline reads as a higher figure; the low end of a range.
struct Figure {
  std::string family;
  double value = 0;
};

std::optional<Figure> FigureOf(const TrackedTarget& t) {
  std::optional<Reading> r = IndicatorLexicon::Builtin().Read(t.target.finding);
  if (!r) return std::nullopt;
  return Figure{r->family,
                t.target.finding.change == targets::Change::kDown ? std::fabs(r->value) : r->value};
}

TargetChange Compare(const TrackedTarget& before, const TrackedTarget& after) {
  const std::optional<Figure> a = FigureOf(before);
  const std::optional<Figure> b = FigureOf(after);
  if (!a || !b || a->family != b->family) return TargetChange::kIncomparable;
  const double scale = std::max({1.0, std::fabs(a->value), std::fabs(b->value)});
  if (std::fabs(a->value - b->value) <= 1e-9 * scale) return TargetChange::kSame;
  return b->value > a->value ? TargetChange::kRaised : TargetChange::kLowered;
}

}  // namespace

std::string_view TargetChangeName(TargetChange change) { return NameIn(kChangeNames, change); }

std::string_view TargetChangeLabel(TargetChange change) { return NameIn(kChangeLabels, change); }

std::vector<YearChange> CompareWithYearBefore(const std::vector<TrackedTarget>& tracked, int year) {
  // Indicator (in the lexicon's order), measure → the two years' headlines.
  const std::vector<Indicator>& indicators = IndicatorLexicon::Builtin().indicators();
  using Key = std::tuple<size_t, Measure>;
  std::map<Key, YearChange> rows;
  for (const int y : {year - 1, year}) {
    for (const IndicatorTarget& t : YearHeadlines(tracked, y)) {
      YearChange& row = rows[{static_cast<size_t>(t.indicator - indicators.data()), t.measure}];
      row.indicator_id = t.indicator->id;
      row.indicator_name = t.indicator->name;
      row.measure = t.measure;
      (y == year ? row.after : row.before) = t.target;
    }
  }
  std::vector<YearChange> out;
  for (auto& [key, row] : rows) {
    row.change = row.before == nullptr  ? TargetChange::kNew
                 : row.after == nullptr ? TargetChange::kDropped
                                        : Compare(*row.before, *row.after);
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::json YearChangesJson(const std::vector<YearChange>& changes, int year,
                               const store::DocumentUrl& url) {
  nlohmann::json list = nlohmann::json::array();
  for (const YearChange& c : changes) {
    nlohmann::json j = {{"indicator_id", c.indicator_id},
                        {"indicator_name", c.indicator_name},
                        {"measure", MeasureName(c.measure)},
                        {"change", TargetChangeName(c.change)}};
    if (c.before != nullptr) j["before"] = store::StoredFindingJson(c.before->target, url);
    if (c.after != nullptr) j["after"] = store::StoredFindingJson(c.after->target, url);
    list.push_back(std::move(j));
  }
  return {{"year", year}, {"year_before", year - 1}, {"changes", list}};
}

}  // namespace mubiao::tracking
