// Places compared (地区对比): two to six places side by side for one year,
// the same canonical indicators' targets, outcomes and statuses; with an
// indicator, its targets and outcomes across the years for those places
// (a line chart) and across the places for the year (a bar chart).
//   /genzong/duibi.html?diqu=&diqu=&year=[&indicator=&measure=]
//                                           the page (diqu: a code, a name,
//                                           or the form's 吉安市（360800）)
//   /api/v1/compare?diqu=&diqu=&year=[&indicator=&measure=]
//                                           the same as JSON
// Each place's target for an indicator is the one its changes from the year
// before take (tracking::YearHeadlines); statuses are the stored verdicts,
// as on the scorecard.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "search/request.h"
#include "text/ascii.h"
#include "text/json_text.h"
#include "tracking/compare.h"
#include "tracking/store_tracking.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/tracking_view.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;

constexpr char kPageUrl[] = "/genzong/duibi.html";
constexpr size_t kMinPlaces = 2;
constexpr size_t kMaxPlaces = 6;
// The longest place a visitor may type (bytes): names are a few characters.
constexpr size_t kMaxPlaceBytes = 64;
// The example the page offers without parameters, when both are stored.
constexpr const char* kExamplePlaces[] = {"360800", "360400"};

// The indicator whose history a comparison charts.
struct HistoryChoice {
  const tracking::Indicator* indicator = nullptr;  // of the builtin lexicon; never null
  // nullopt: the measure of the indicator's row in the year compared, else
  // the level.
  std::optional<tracking::Measure> measure;
};

// The places, year and indicator a comparison asks for.
struct CompareRequest {
  std::vector<const store::RegionSummary*> places;  // distinct, in the order given
  int year = 0;                                     // 0: the default year
  std::optional<HistoryChoice> history;
  // Every place was given once, as a bare code, and none empty: the URL
  // is the one the page links to.
  bool canonical = true;
};

// How the form and the datalist write a place: 吉安市（360800）.
std::string PlaceLabel(const store::RegionSummary& r) {
  return r.region.name + "（" + r.region.code + "）";
}

// The code a place is given by: a bare code, or one in brackets after a
// name (吉安市（360800）); "" otherwise.
std::string_view CodeIn(std::string_view value) {
  if (regions::IsRegionCode(value)) return value;
  for (std::string_view close : {std::string_view("）"), std::string_view(")")}) {
    if (!value.ends_with(close) || value.size() < close.size() + 6) continue;
    std::string_view code = value.substr(value.size() - close.size() - 6, 6);
    if (regions::IsRegionCode(code)) return code;
  }
  return {};
}

// The stored place (with documents of its own) `value` names: by code, or
// by a name or short name only one such place has.
Result<const store::RegionSummary*> ResolvePlace(std::string_view value,
                                                 const std::vector<store::RegionSummary>& regions) {
  if (value.size() > kMaxPlaceBytes) return InvalidInput("地区名称过长");
  const std::string_view code = CodeIn(value);
  std::vector<const store::RegionSummary*> found;
  for (const store::RegionSummary& r : regions) {
    if (r.documents == 0) continue;
    if (code.empty() ? (r.region.name == value || r.region.short_name == value)
                     : r.region.code == code) {
      found.push_back(&r);
    }
  }
  if (found.size() == 1) return found.front();
  const std::string shown(value);
  if (found.size() > 1) {
    return InvalidInput("有多个地区名为“" + shown + "”，请从列表中选择带代码的一项");
  }
  if (code.empty() && text::AllAsciiDigits(value)) return InvalidInput("地区代码应为六位数字");
  if (code.empty()) return NotFound("没有找到有报告的地区“" + shown + "”");
  const regions::Region* region = TrackedPlaceOf(code);
  if (region == nullptr) return NotFound("没有这个地区代码：" + std::string(code));
  return NotFound(region->name + "还没有报告，无法对比");
}

// The indicator (an id or name of the lexicon) and measure whose history a
// request asks for; nullopt without an indicator. kNotFound for an
// indicator the lexicon does not know, kInvalidInput for a measure that is
// not one.
Result<std::optional<HistoryChoice>> ReadHistoryChoice(const HttpRequest& request) {
  const std::string_view name = request.Query("indicator");
  const std::string_view measure = request.Query("measure");
  if (name.empty()) {
    if (!measure.empty()) return InvalidInput("选择口径前请先选择指标");
    return std::optional<HistoryChoice>();
  }
  HistoryChoice choice;
  choice.indicator = PortalTrackOptions().lexicon->Find(name);
  if (choice.indicator == nullptr) return NotFound("没有这个标准指标：" + std::string(name));
  if (!measure.empty()) {
    choice.measure = tracking::ParseMeasure(measure);
    if (!choice.measure) return InvalidInput("口径应为 level、growth、points 或 change");
  }
  return std::optional(choice);
}

// The places (diqu, repeated; empty ones skipped) and year of a request.
// kInvalidInput for more than kMaxPlaces, a malformed place or year;
// kNotFound for a place unknown or without reports.
Result<CompareRequest> ReadCompareRequest(const HttpRequest& request,
                                          const std::vector<store::RegionSummary>& regions) {
  CompareRequest out;
  size_t given = 0;
  for (const auto& [name, value] : request.query) {
    if (name != "diqu") continue;
    if (value.empty()) {
      out.canonical = false;
      continue;
    }
    if (++given > kMaxPlaces) return InvalidInput("最多同时对比6个地区");
    Result<const store::RegionSummary*> place = ResolvePlace(value, regions);
    if (!place.ok()) return place.status();
    if (value != (*place)->region.code) out.canonical = false;
    if (std::find(out.places.begin(), out.places.end(), *place) != out.places.end()) {
      out.canonical = false;
    } else {
      out.places.push_back(*place);
    }
  }
  const std::string_view year = request.Query("year");
  if (!year.empty()) {
    out.year = search::ParseFilterYear(year);
    if (out.year == 0) return InvalidInput("参数 year 应为四位年份（1949–2100）");
  }
  Result<std::optional<HistoryChoice>> history = ReadHistoryChoice(request);
  if (!history.ok()) return history.status();
  out.history = *history;
  if (out.history && request.Query("indicator") != out.history->indicator->id) {
    out.canonical = false;
  }
  return out;
}

// The query of a comparison of `codes` in `year` (0: the default year),
// with the history of `history` when given.
std::string CompareQuery(const std::vector<std::string>& codes, int year,
                         const std::optional<HistoryChoice>& history = std::nullopt) {
  Fields query;
  for (const std::string& code : codes) query.emplace_back("diqu", code);
  if (year != 0) query.emplace_back("year", std::to_string(year));
  if (history) {
    query.emplace_back("indicator", history->indicator->id);
    if (history->measure) {
      query.emplace_back("measure", std::string(tracking::MeasureName(*history->measure)));
    }
  }
  return BuildQueryString(query);
}

// The page comparing `codes` in `year`, with the history of `history`.
std::string CompareUrl(const std::vector<std::string>& codes, int year,
                       const std::optional<HistoryChoice>& history = std::nullopt) {
  const std::string query = CompareQuery(codes, year, history);
  return query.empty() ? std::string(kPageUrl) : std::string(kPageUrl) + "?" + query;
}

// The region codes of `places`, in their order.
std::vector<std::string> CodesOf(const std::vector<const store::RegionSummary*>& places) {
  std::vector<std::string> codes;
  for (const store::RegionSummary* p : places) codes.push_back(p->region.code);
  return codes;
}

// A comparison with what the form needs around it.
struct Comparison {
  std::vector<tracking::ComparedPlace> places;
  std::vector<int> years;  // with targets of any of the places, newest first
  int year = 0;            // compared; 0 when no place has targets
  std::vector<std::vector<tracking::TrackedTarget>> tracked;  // by place
  std::vector<tracking::ComparedIndicator> indicators;        // point into `tracked`
  // The history asked for, its measure settled; absent when none was.
  std::optional<tracking::IndicatorHistory> history;
};

// The plan years of the targets of the place `r` within the years of its
// documents (a deadline such as 到2035年 is not a year to compare).
Result<std::set<int>> TargetYears(store::Store* store, const store::RegionSummary& r) {
  store::FindingFilter filter;
  filter.exact_region_code = r.region.code;
  Result<std::vector<store::GroupCount>> counts =
      store->CountFindings(filter, store::FindingGroup::kYear, 0);
  if (!counts.ok()) return counts.status();
  std::set<int> years;
  for (const store::GroupCount& c : *counts) {
    const int y = search::ParseFilterYear(c.key);
    if (y >= r.year_min && y <= r.year_max) years.insert(y);
  }
  return years;
}

// The year compared: the one asked for; else the newest every place has
// targets for and set targets again the year after (so that the next
// report's review can settle them), else the newest every place has
// targets for, else the newest any has; 0 when none has any.
int ChosenYear(int asked, const std::vector<std::set<int>>& years) {
  if (asked != 0) return asked;
  std::set<int> any;
  for (const std::set<int>& place : years) any.insert(place.begin(), place.end());
  const auto everywhere = [&years](int y) {
    return std::all_of(years.begin(), years.end(),
                       [y](const std::set<int>& place) { return place.count(y) > 0; });
  };
  for (auto y = any.rbegin(); y != any.rend(); ++y) {
    if (everywhere(*y) && everywhere(*y + 1)) return *y;
  }
  for (auto y = any.rbegin(); y != any.rend(); ++y) {
    if (everywhere(*y)) return *y;
  }
  return any.empty() ? 0 : *any.rbegin();
}

// Adds to `c` the history the request asks for: the places' targets of
// its indicator in every year. Its measure, when not asked for, is that of
// the indicator's first row in the year compared, else the level.
Result<Comparison> LoadHistory(store::Store* store, const CompareRequest& request, Comparison c) {
  HistoryChoice choice = *request.history;
  if (!choice.measure) {
    choice.measure = tracking::Measure::kLevel;
    for (const tracking::ComparedIndicator& i : c.indicators) {
      if (i.indicator == choice.indicator) {
        choice.measure = i.measure;
        break;
      }
    }
  }
  std::vector<std::vector<tracking::TrackedTarget>> tracked;
  for (const store::RegionSummary* p : request.places) {
    tracking::TrackQuery query;
    query.region_code = p->region.code;
    query.place_only = true;
    query.indicator = choice.indicator->id;
    query.commitments = false;
    Result<std::vector<tracking::TrackedTarget>> place =
        tracking::TrackStored(store, query, PortalTrackOptions());
    if (!place.ok()) return place.status();
    tracked.push_back(std::move(place).value());
  }
  c.history = tracking::CompareAcrossYears(tracked, *choice.indicator, *choice.measure);
  return c;
}

Result<Comparison> LoadComparison(store::Store* store, const CompareRequest& request) {
  Comparison c;
  std::vector<std::set<int>> years;
  std::set<int> all;
  for (const store::RegionSummary* p : request.places) {
    c.places.push_back({p->region.code, p->region.name});
    Result<std::set<int>> y = TargetYears(store, *p);
    if (!y.ok()) return y.status();
    all.insert(y->begin(), y->end());
    years.push_back(std::move(y).value());
  }
  c.years.assign(all.rbegin(), all.rend());
  c.year = ChosenYear(request.year, years);
  if (c.year == 0 || request.places.size() < kMinPlaces) return c;
  for (const store::RegionSummary* p : request.places) {
    tracking::TrackQuery query;
    query.region_code = p->region.code;
    query.place_only = true;
    query.year = c.year;
    query.commitments = false;
    Result<std::vector<tracking::TrackedTarget>> tracked =
        tracking::TrackStored(store, query, PortalTrackOptions());
    if (!tracked.ok()) return tracked.status();
    c.tracked.push_back(std::move(tracked).value());
  }
  c.indicators = tracking::ComparePlaces(c.tracked, c.year);
  if (request.history) return LoadHistory(store, request, std::move(c));
  return c;
}

// The choice of an indicator to follow across the years: those of the
// year's rows and the one chosen, each once, in the lexicon's order.
void AddIndicatorOptions(const CompareRequest& request, const Comparison& c,
                         TemplateDictionary* dict) {
  if (c.indicators.empty() && !request.history) return;
  std::set<const tracking::Indicator*> offered;
  for (const tracking::ComparedIndicator& i : c.indicators) offered.insert(i.indicator);
  if (request.history) offered.insert(request.history->indicator);
  TemplateDictionary* select = dict->AddSectionDictionary("INDICATOR_SELECT");
  for (const tracking::Indicator& i : PortalTrackOptions().lexicon->indicators()) {
    if (offered.count(&i) == 0) continue;
    TemplateDictionary* option = select->AddSectionDictionary("INDICATOR_OPTION");
    option->SetValue("VALUE", i.id);
    option->SetValue("NAME", i.name);
    if (request.history && request.history->indicator == &i) option->ShowSection("SELECTED");
  }
}

// The form: one input per place with a link that removes it, one more to
// add a place, the years, and the datalist of stored places.
void AddForm(const CompareRequest& request, const Comparison& c,
             const std::vector<store::RegionSummary>& regions, TemplateDictionary* dict) {
  const std::vector<std::string> codes = CodesOf(request.places);
  for (size_t i = 0; i < request.places.size(); ++i) {
    TemplateDictionary* input = dict->AddSectionDictionary("PLACE_INPUT");
    input->SetIntValue("N", static_cast<long>(i + 1));
    input->SetValue("VALUE", PlaceLabel(*request.places[i]));
    std::vector<std::string> others = codes;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
    TemplateDictionary* remove = input->AddSectionDictionary("REMOVE");
    remove->SetValue("URL", CompareUrl(others, request.year, request.history));
    remove->SetValue("NAME", request.places[i]->region.name);
  }
  if (request.places.size() < kMaxPlaces) {
    dict->AddSectionDictionary("ADD_INPUT")
        ->SetIntValue("N", static_cast<long>(request.places.size() + 1));
  }
  if (c.years.empty()) dict->ShowSection("YEAR_INPUT");
  TemplateDictionary* select =
      c.years.empty() ? nullptr : dict->AddSectionDictionary("YEAR_SELECT");
  TemplateDictionary* links = c.years.empty() || request.places.size() < kMinPlaces
                                  ? nullptr
                                  : dict->AddSectionDictionary("YEAR_LINKS");
  for (size_t i = 0; i < c.years.size(); ++i) {
    const int y = c.years[i];
    TemplateDictionary* option = select->AddSectionDictionary("YEAR_OPTION");
    option->SetIntValue("VALUE", y);
    if (y == c.year) option->ShowSection("SELECTED");
    if (links == nullptr || (i >= static_cast<size_t>(kYearLinks) && y != c.year)) continue;
    TemplateDictionary* link = links->AddSectionDictionary("YEAR_LINK");
    link->SetIntValue("YEAR", y);
    link->SetValue("URL", CompareUrl(codes, y, request.history));
    if (y == c.year) link->ShowSection("CURRENT");
  }
  for (const store::RegionSummary& r : regions) {
    if (r.documents > 0) dict->SetValueAndShowSection("VALUE", PlaceLabel(r), "PLACE_OPTION");
  }
  AddIndicatorOptions(request, c, dict);
}

// The link to the example comparison: 吉安 and 九江 when stored, else the
// first two places with documents of one level, from the top; nothing
// when no level has two.
void AddExample(const std::vector<store::RegionSummary>& regions, TemplateDictionary* dict) {
  std::vector<const store::RegionSummary*> example;
  for (const char* code : kExamplePlaces) {
    for (const store::RegionSummary& r : regions) {
      if (r.region.code == code && r.documents > 0) example.push_back(&r);
    }
  }
  for (regions::RegionLevel level : regions::kAllRegionLevels) {
    if (example.size() >= kMinPlaces) break;
    example.clear();
    for (const store::RegionSummary& r : regions) {
      if (r.documents > 0 && r.region.level == level && example.size() < kMinPlaces) {
        example.push_back(&r);
      }
    }
  }
  if (example.size() < kMinPlaces) return;
  TemplateDictionary* link = dict->AddSectionDictionary("EXAMPLE");
  link->SetValue("URL", CompareUrl(CodesOf(example), 0));
  link->SetValue("FIRST", example[0]->region.name);
  link->SetValue("SECOND", example[1]->region.name);
}

// The CELL of `place` in a row: the target with its outcome and status,
// linked to its row and its evidence on its report's page; or 未设目标.
void AddCell(const tracking::TrackedTarget* t, const std::string& place, TemplateDictionary* row) {
  TemplateDictionary* cell = row->AddSectionDictionary("CELL");
  cell->SetValue("PLACE", place);
  if (t == nullptr) {
    cell->ShowSection("NONE");
    return;
  }
  const store::StoredFinding& f = t->target;
  const std::string page = ReportUrl(f.document_id, f.geo, f.level);
  const std::string n = std::to_string(f.ordinal + 1);
  TemplateDictionary* target = cell->AddSectionDictionary("TARGET");
  target->SetValue("TEXT", f.finding.text);
  target->SetValue("URL", page + "#t" + n);
  target->SetValue("EVIDENCE_URL", page + "#g" + n);
  target->SetValue("KEY", std::string(tracking::StatusName(t->status)));
  target->SetValue("LABEL", std::string(targets::StatusLabel(t->status)));
  if (t->verdict.outcome) {
    target->SetValueAndShowSection("OUTCOME", t->verdict.outcome->finding.text, "OUTCOME");
  }
}

// The table: a column per place (linked to its scorecard), a row per
// indicator and measure (linked to its escalation view), those every place
// set first.
void AddTable(const Comparison& c, const std::vector<std::string>& codes,
              TemplateDictionary* dict) {
  TemplateDictionary* table = dict->AddSectionDictionary("TABLE");
  table->SetValue("JSON_URL", "/api/v1/compare?" + CompareQuery(codes, c.year));
  for (const tracking::ComparedPlace& p : c.places) {
    TemplateDictionary* head = table->AddSectionDictionary("PLACE_HEAD");
    head->SetValue("NAME", p.name);
    head->SetValue("URL", ScorecardUrl(p.region_code));
  }
  const auto shared = std::count_if(c.indicators.begin(), c.indicators.end(),
                                    [](const tracking::ComparedIndicator& i) { return i.shared; });
  TemplateDictionary* group = nullptr;
  for (const tracking::ComparedIndicator& i : c.indicators) {
    if (group == nullptr || (&i - c.indicators.data()) == shared) {
      group = table->AddSectionDictionary("GROUP");
      group->SetValue("HEADING",
                      i.shared ? "所选地区都提出了目标的指标" : "部分地区提出了目标的指标");
      group->SetIntValue("COUNT",
                         i.shared ? shared : static_cast<long>(c.indicators.size()) - shared);
      group->SetIntValue("COLUMNS", static_cast<long>(c.places.size() + 1));
    }
    TemplateDictionary* row = group->AddSectionDictionary("ROW");
    row->SetValue("INDICATOR", i.indicator->name);
    row->SetValue("MEASURE", std::string(tracking::MeasureLabel(i.measure)));
    row->SetValue(
        "ESCALATION_URL",
        "/genzong/jiama?" +
            BuildQueryString({{"indicator", i.indicator->id},
                              {"year", std::to_string(c.year)},
                              {"measure", std::string(tracking::MeasureName(i.measure))}}));
    row->SetValue("HISTORY_URL",
                  CompareUrl(codes, c.year, HistoryChoice{i.indicator, i.measure}) + "#lishi");
    for (size_t p = 0; p < c.places.size(); ++p) AddCell(i.cells[p], c.places[p].name, row);
  }
}

// The history asked for: a chart of each place's targets and outcomes
// across the years, one of the places in the year compared, and a table
// with the same numbers (a row per year, a column per place).
void AddHistory(const Comparison& c, const std::vector<std::string>& codes,
                TemplateDictionary* dict) {
  const tracking::IndicatorHistory& h = *c.history;
  TemplateDictionary* section = dict->AddSectionDictionary("HISTORY");
  section->SetValue("INDICATOR", h.indicator->name);
  section->SetValue("MEASURE", std::string(tracking::MeasureLabel(h.measure)));
  section->SetValue("CLOSE_URL", CompareUrl(codes, c.year));
  if (h.years.empty()) {
    section->ShowSection("NO_HISTORY");
    return;
  }
  section->SetValue("UNIT", h.unit.empty() ? "无单位" : h.unit);
  section->SetIntValue("YEAR", c.year);
  nlohmann::json chart = tracking::IndicatorHistoryJson(c.places, h);
  chart["year"] = c.year;
  TemplateDictionary* charts = section->AddSectionDictionary("CHARTS");
  charts->SetValue("CHART_JSON", text::JsonText(chart));
  for (const tracking::ComparedPlace& p : c.places) {
    section->SetValueAndShowSection("NAME", p.name, "PLACE_HEAD");
  }
  for (size_t y = h.years.size(); y-- > 0;) {
    TemplateDictionary* row = section->AddSectionDictionary("YEAR_ROW");
    row->SetIntValue("YEAR", h.years[y]);
    for (size_t p = 0; p < c.places.size(); ++p) {
      TemplateDictionary* cell = row->AddSectionDictionary("CELL");
      cell->SetValue("PLACE", c.places[p].name);
      const std::optional<double>& target = h.lines[p].targets[y];
      cell->SetValue("TARGET", target ? SeriesFigure(*target, {}, h.unit) : "—");
      if (h.lines[p].outcomes[y]) {
        cell->SetValueAndShowSection("OUTCOME", SeriesFigure(*h.lines[p].outcomes[y], {}, h.unit),
                                     "OUTCOME");
      }
    }
  }
}

// The page's heading and title: 吉安市、九江市 2024年目标对比.
std::string Heading(const Comparison& c) {
  if (c.places.size() < kMinPlaces) return "地区目标对比";
  std::string names;
  for (const tracking::ComparedPlace& p : c.places) names += (names.empty() ? "" : "、") + p.name;
  return c.year == 0 ? names + " 目标对比" : names + " " + std::to_string(c.year) + "年目标对比";
}

// What the page says above the table: how to start, what is missing.
void AddState(const CompareRequest& request, const Comparison& c,
              const std::vector<store::RegionSummary>& regions, TemplateDictionary* dict) {
  if (request.places.empty()) {
    dict->ShowSection("NO_PLACES");
    AddExample(regions, dict);
  } else if (request.places.size() < kMinPlaces) {
    dict->ShowSection("ONE_PLACE");
  } else if (c.year == 0) {
    dict->ShowSection("NO_TARGETS");
  } else if (c.indicators.empty()) {
    dict->SetValueAndShowSection("YEAR", std::to_string(c.year), "EMPTY");
  } else {
    AddTable(c, CodesOf(request.places), dict);
  }
  if (c.history) AddHistory(c, CodesOf(request.places), dict);
}

// /genzong/duibi.html: the form, and the comparison once two places are chosen.
HttpResponse ComparePage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  Result<CompareRequest> asked = ReadCompareRequest(request, *regions);
  if (!asked.ok()) {
    return state->ErrorPage(HttpStatusOf(asked.status()), asked.status().message(), kPageUrl);
  }
  // Names and repeats become the page's own URL, which links and caches share.
  if (!asked->canonical) {
    return RedirectResponse(CompareUrl(CodesOf(asked->places), asked->year, asked->history));
  }
  Result<Comparison> c = LoadComparison(&**store, *asked);
  if (!c.ok()) return state->StoreErrorPage(c.status());
  Page page = state->NewVisitorPage(Heading(*c), visitor);
  TemplateDictionary* dict = page.dict.get();
  dict->SetValue("HEADING", Heading(*c));
  AddForm(*asked, *c, *regions, dict);
  AddState(*asked, *c, *regions, dict);
  if (c->history && !c->history->years.empty()) page.foot->ShowSection("CHARTS");
  HttpResponse response = state->RenderPage("compare.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// GET /api/v1/compare: the comparison as JSON (PlaceComparisonJson), with
// the years any of the places has targets for and the page's URL.
HttpResponse CompareApi(store::Store& store, const HttpRequest& request, const RouteParams&) {
  Result<std::vector<store::RegionSummary>> regions = store.ListRegions();
  if (!regions.ok()) return JsonStatusError(regions.status());
  Result<CompareRequest> asked = ReadCompareRequest(request, *regions);
  if (!asked.ok()) return JsonStatusError(asked.status());
  if (asked->places.size() < kMinPlaces) return JsonError(400, "请用 diqu 指定两到六个地区");
  Result<Comparison> c = LoadComparison(&store, *asked);
  if (!c.ok()) return JsonStatusError(c.status());
  if (c->year == 0) return JsonError(404, "所选地区的报告中还没有提取到目标");
  nlohmann::json j = tracking::PlaceComparisonJson(
      c->places, c->indicators, c->year, PortalTrackOptions().tolerance, PortalDocumentUrl());
  j["years"] = c->years;
  std::optional<HistoryChoice> followed;
  if (c->history) followed = HistoryChoice{c->history->indicator, c->history->measure};
  j["url"] = CompareUrl(CodesOf(asked->places), c->year, followed);
  if (c->history) j["history"] = tracking::IndicatorHistoryJson(c->places, *c->history);
  return ApiJson(j);
}

}  // namespace

void AddCompareRoutes(PortalState* state) {
  state->router.Add("GET", kPageUrl, [state](const HttpRequest& request, const RouteParams&) {
    return ComparePage(state, request);
  });
  state->router.Add("GET", "/api/v1/compare", WithStore(state, &CompareApi, JsonStatusError));
}

}  // namespace mubiao::web
