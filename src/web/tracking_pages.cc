// Tracking in the portal (src/tracking): how targets fared against outcomes.
//   /genzong/                  places with a scorecard, and the escalation form
//   /genzong/<code>.html       a place's scorecard: targets settled and met (with
//                              counts and coverage) by year and topic,
//                              each recurring indicator's target vs outcome
//   /genzong/jiama?indicator=&year=
//                              escalation (层层加码): one indicator and year from
//                              the nation down, with the mark-up at each level
//   /export/genzong/<code>.csv, /export/genzong/jiama.csv?...   the same as CSV
//   /api/v1/tracking, /api/v1/scorecard/<code>, /api/v1/escalation   as JSON
// Every page has its numbers in tables; charts (tracking.js over ECharts)
// are drawn from the same numbers when scripts run.

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <variant>

#include "regions/gazetteer.h"
#include "text/json_text.h"
#include "tracking/changes.h"
#include "tracking/export.h"
#include "tracking/store_tracking.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/tracking_view.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;
using nlohmann::json;

constexpr int kDefaultPerPage = 50;
constexpr int kMaxPerPage = 500;
constexpr const char* kDefaultIndicator = "gdp";

HttpResponse Csv(std::string body, const std::string& filename) {
  HttpResponse response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = std::move(body);
  response.validatable = true;
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

std::string DepthLabel(int depth) {
  static constexpr const char* kLabels[] = {"全国", "省级", "地市级", "县级"};
  return depth >= 0 && depth <= 3 ? kLabels[depth] : "";
}

// The indicator, year and optional measure and region of an escalation
// request; the defaults are GDP and the latest year with documents.
struct EscalationQuery {
  std::string indicator;
  int year = 0;
  std::optional<tracking::Measure> measure;
  std::string region_code;
};

Result<EscalationQuery> EscalationQueryOf(const HttpRequest& request, int latest_year) {
  EscalationQuery q;
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return filters.status();
  if (filters->year_min != filters->year_max) return InvalidInput("year 应为单个年份，如 2023");
  q.year = filters->year_min != 0 ? filters->year_min : latest_year;
  q.region_code = filters->region_code;
  q.indicator = std::string(request.Query("indicator"));
  if (q.indicator.empty()) q.indicator = kDefaultIndicator;
  if (PortalTrackOptions().lexicon->Find(q.indicator) == nullptr) {
    return NotFound("没有这个标准指标：" + q.indicator);
  }
  const std::string_view measure = request.Query("measure");
  if (!measure.empty()) {
    q.measure = tracking::ParseMeasure(measure);
    if (!q.measure) return InvalidInput("measure 应为 growth、level、points 或 change");
  }
  return q;
}

// The years of the stored documents, oldest first: [first, last]; {0, 0}
// when there are none.
Result<std::pair<int, int>> StoredYears(store::Store& store) {
  Result<std::vector<store::RegionSummary>> regions = store.ListRegions();
  if (!regions.ok()) return regions.status();
  std::pair<int, int> years{0, 0};
  for (const store::RegionSummary& r : *regions) {
    if (r.year_min > 0 && (years.first == 0 || r.year_min < years.first)) years.first = r.year_min;
    years.second = std::max(years.second, r.year_max);
  }
  return years;
}

// Recent tracking results by query, kept as long as rendered pages are
// (PortalOptions::page_cache_seconds; 0 keeps nothing). Thread-safe.
template <typename T>
class ResultCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ResultCache(int seconds) : seconds_(seconds) {}

  // The value computed for `key` less than the cache's seconds ago; nullptr
  // otherwise.
  std::shared_ptr<const T> Get(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || now - it->second.first >= std::chrono::seconds(seconds_)) {
      return nullptr;
    }
    return it->second.second;
  }

  void Put(const std::string& key, std::shared_ptr<const T> value, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    // Bounded: queries are chosen by visitors, so start afresh when full.
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[key] = {now, std::move(value)};
  }

 private:
  static constexpr size_t kMaxEntries = 256;
  const int seconds_;
  std::mutex mutex_;
  std::map<std::string, std::pair<Clock::time_point, std::shared_ptr<const T>>> entries_;
};

struct TrackingCaches {
  explicit TrackingCaches(int seconds) : escalations(seconds), scorecards(seconds) {}
  ResultCache<tracking::Escalation> escalations;
  ResultCache<tracking::Scorecard> scorecards;
};

Result<std::shared_ptr<const tracking::Escalation>> LoadEscalation(TrackingCaches* caches,
                                                                   store::Store& store,
                                                                   const EscalationQuery& q) {
  const std::string key =
      PortalTrackOptions().lexicon->Find(q.indicator)->id + "/" + std::to_string(q.year) + "/" +
      std::string(q.measure ? tracking::MeasureName(*q.measure) : "") + "/" + q.region_code;
  const auto now = std::chrono::steady_clock::now();
  if (auto cached = caches->escalations.Get(key, now)) return cached;
  Result<tracking::Escalation> e = tracking::StoredEscalation(
      &store, q.indicator, q.year, q.measure, q.region_code, PortalTrackOptions());
  if (!e.ok()) return e.status();
  auto value = std::make_shared<const tracking::Escalation>(std::move(*e));
  caches->escalations.Put(key, value, now);
  return value;
}

Result<std::shared_ptr<const tracking::Scorecard>> LoadScorecard(TrackingCaches* caches,
                                                                 store::Store& store,
                                                                 const std::string& code) {
  const auto now = std::chrono::steady_clock::now();
  if (auto cached = caches->scorecards.Get(code, now)) return cached;
  Result<tracking::Scorecard> card = tracking::StoredScorecard(&store, code, PortalTrackOptions());
  if (!card.ok()) return card.status();
  auto value = std::make_shared<const tracking::Scorecard>(std::move(*card));
  caches->scorecards.Put(code, value, now);
  return value;
}

// What the escalation page and its CSV start from: a store, the years it
// holds and the query.
struct EscalationInputs {
  StorePool::Lease store;
  std::pair<int, int> years;
  EscalationQuery query;
};

// The inputs of an escalation request, or the error page to answer.
std::variant<EscalationInputs, HttpResponse> ReadEscalationInputs(PortalState* state,
                                                                  const HttpRequest& request) {
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::pair<int, int>> years = StoredYears(**store);
  if (!years.ok()) return state->StoreErrorPage(years.status());
  Result<EscalationQuery> q = EscalationQueryOf(request, years->second);
  if (!q.ok()) {
    return state->ErrorPage(HttpStatusOf(q.status()), q.status().message(), "/genzong/jiama");
  }
  return EscalationInputs{std::move(store).value(), *years, *q};
}

HttpResponse EscalationPage(PortalState* state, TrackingCaches* caches,
                            const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  std::variant<EscalationInputs, HttpResponse> inputs = ReadEscalationInputs(state, request);
  if (HttpResponse* error = std::get_if<HttpResponse>(&inputs)) return std::move(*error);
  EscalationInputs& in = std::get<EscalationInputs>(inputs);
  StorePool::Lease* store = &in.store;
  const std::pair<int, int>* years = &in.years;
  const EscalationQuery* q = &in.query;

  Page page = state->NewVisitorPage("层层加码", visitor);
  TemplateDictionary* dict = page.dict.get();
  const tracking::Indicator* indicator = PortalTrackOptions().lexicon->Find(q->indicator);
  for (const tracking::Indicator& i : PortalTrackOptions().lexicon->indicators()) {
    TemplateDictionary* option = dict->AddSectionDictionary("INDICATOR_OPTION");
    option->SetValue("VALUE", i.id);
    option->SetValue("NAME", i.name);
    if (&i == indicator) option->ShowSection("SELECTED");
  }
  for (int y = years->second; y >= years->first && y > 0; --y) {
    TemplateDictionary* option = dict->AddSectionDictionary("YEAR_OPTION");
    option->SetIntValue("VALUE", y);
    if (y == q->year) option->ShowSection("SELECTED");
    if (y > years->second - kYearLinks) {
      TemplateDictionary* link = dict->AddSectionDictionary("YEAR_LINK");
      link->SetIntValue("YEAR", y);
      link->SetValue("URL", "/genzong/jiama?" + BuildQueryString({{"indicator", indicator->id},
                                                                  {"year", std::to_string(y)}}));
      if (y == q->year) link->ShowSection("ACTIVE");
    }
  }
  dict->SetValue("INDICATOR_NAME", indicator->name);
  if (q->year == 0) {
    dict->ShowSection("NO_DOCUMENTS");
    HttpResponse response = state->RenderPage("escalation.tpl", page);
    state->SetVisitorCookie(visitor, &response);
    return response;
  }
  dict->SetIntValue("YEAR", q->year);
  Result<std::shared_ptr<const tracking::Escalation>> e = LoadEscalation(caches, **store, *q);
  if (!e.ok()) return state->StoreErrorPage(e.status());
  const tracking::Escalation& escalation = **e;
  const Fields query = {
      {"indicator", indicator->id},
      {"year", std::to_string(q->year)},
      {"measure", std::string(q->measure ? tracking::MeasureName(*q->measure) : "")},
      {"region", q->region_code}};
  if (escalation.rows.empty()) {
    dict->ShowSection("EMPTY");
  } else {
    TemplateDictionary* table = dict->AddSectionDictionary("TABLE");
    table->SetValue("MEASURE", std::string(tracking::MeasureLabel(escalation.measure)));
    table->SetValue("CSV_URL", "/export/genzong/jiama.csv?" + BuildQueryString(query));
    table->SetValue("JSON_URL", "/api/v1/escalation?" + BuildQueryString(query));
    // The chart shows every value in the unit of the top row.
    const std::string& unit = escalation.rows.front().target.target.finding.unit;
    const double factor = PortalTrackOptions().lexicon->UnitFactor(unit);
    json chart = {{"unit", unit},
                  {"names", json::array()},
                  {"values", json::array()},
                  {"markups", json::array()}};
    for (const tracking::EscalationRow& r : escalation.rows) {
      const targets::Finding& f = r.target.target.finding;
      TemplateDictionary* row = table->AddSectionDictionary("ROW");
      row->SetValue("LEVEL", DepthLabel(r.depth));
      std::string indent;
      for (int d = 0; d < r.depth; ++d) indent += "　";
      row->SetValue("INDENT", indent);
      row->SetValue("PLACE", r.locality);
      row->SetValue("SCORECARD_URL", ScorecardUrl(r.region_code));
      row->SetValue("TARGET", f.text);
      const store::StoredFinding& target = r.target.target;
      row->SetValue("REPORT_URL", ReportUrl(target.document_id, target.geo, target.level));
      row->SetValue("VALUE",
                    tracking::FormatFigure(r.value, f.unit,
                                           PortalTrackOptions().lexicon->UnitFactor(f.unit)));
      if (r.parent) row->SetValue("PARENT", escalation.rows[*r.parent].locality);
      if (r.markup) {
        TemplateDictionary* markup = row->AddSectionDictionary("MARKUP");
        markup->SetValue("LABEL", tracking::MarkupLabel(*r.markup, f.unit));
        markup->SetValue("CLASS", *r.markup > 0 ? "up" : *r.markup < 0 ? "down" : "same");
      }
      row->SetValue("STATUS_KEY", std::string(tracking::StatusName(r.target.status)));
      row->SetValue("STATUS", std::string(targets::StatusLabel(r.target.status)));
      chart["names"].push_back(std::string(indent) + r.locality);
      chart["values"].push_back(r.value / factor);
      chart["markups"].push_back(r.markup ? tracking::MarkupLabel(*r.markup, f.unit) : "");
    }
    table->SetValue("CHART_JSON", text::JsonText(chart));
    page.foot->ShowSection("CHARTS");
  }
  HttpResponse response = state->RenderPage("escalation.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

void AddCountsRow(TemplateDictionary* row, const tracking::StatusCounts& c) {
  row->SetIntValue("TOTAL", c.total());
  row->SetIntValue("MET", c.met);
  row->SetIntValue("MISSED", c.missed);
  row->SetIntValue("PARTLY_MET", c.partly_met);
  row->SetIntValue("NOT_MENTIONED", c.not_mentioned);
  row->SetIntValue("UNVERIFIED", c.unverified);
  row->SetIntValue("NOT_ASSESSABLE", c.not_assessable);
  row->SetValue("RATE", tracking::RateLabel(c));
}

// The regions with documents of their own, by code; kNotFound for none.
Result<const store::RegionSummary*> StoredPlace(const std::vector<store::RegionSummary>& regions,
                                                const std::string& code) {
  for (const store::RegionSummary& r : regions) {
    if (r.region.code == code && r.documents > 0) return &r;
  }
  return NotFound("这个地区还没有报告。");
}

HttpResponse ScorecardPage(PortalState* state, TrackingCaches* caches, const HttpRequest& request,
                           const RouteParams& params) {
  const std::string code(FieldValue(params, "code"));
  const regions::Region* region = TrackedPlaceOf(code);
  if (region == nullptr) return state->ErrorPage(404, "没有这个地区。", "/genzong/");
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  Result<const store::RegionSummary*> place = StoredPlace(*regions, code);
  if (!place.ok()) return state->ErrorPage(404, place.status().message(), "/genzong/");
  Result<std::shared_ptr<const tracking::Scorecard>> card = LoadScorecard(caches, **store, code);
  if (!card.ok()) return state->StoreErrorPage(card.status());

  const std::string name = (*place)->region.name;
  Page page = state->NewVisitorPage(name + " 目标跟踪", visitor);
  TemplateDictionary* dict = page.dict.get();
  dict->SetValue("PLACE", name);
  dict->SetValue("PLACE_URL", PlacePageUrl(*region));
  dict->SetValue("CSV_URL", "/export/genzong/" + code + ".csv");
  dict->SetValue("JSON_URL", "/api/v1/scorecard/" + code);
  dict->SetValue("CHANGES_URL", "/genzong/" + code + "/bianhua.html");
  dict->SetValue("COMPARE_URL", "/genzong/duibi.html?diqu=" + code);
  if ((*card)->by_year.empty()) {
    dict->ShowSection("EMPTY");
  } else {
    TemplateDictionary* years = dict->AddSectionDictionary("YEARS");
    json chart = {{"years", json::array()},      {"met", json::array()},
                  {"missed", json::array()},     {"not_mentioned", json::array()},
                  {"unverified", json::array()}, {"not_assessable", json::array()},
                  {"partly_met", json::array()}};
    tracking::StatusCounts all;
    for (const auto& [year, counts] : (*card)->by_year) {
      TemplateDictionary* row = years->AddSectionDictionary("ROW");
      row->SetIntValue("YEAR", year);
      AddCountsRow(row, counts);
      chart["years"].push_back(year);
      chart["met"].push_back(counts.met);
      chart["missed"].push_back(counts.missed);
      chart["partly_met"].push_back(counts.partly_met);
      chart["not_mentioned"].push_back(counts.not_mentioned);
      chart["unverified"].push_back(counts.unverified);
      chart["not_assessable"].push_back(counts.not_assessable);
      all.Add(counts);
    }
    AddCountsRow(dict->AddSectionDictionary("SUMMARY"), all);
    years->SetValue("CHART_JSON", text::JsonText(chart));
    TemplateDictionary* topics = dict->AddSectionDictionary("TOPICS");
    for (const auto& [topic, counts] : (*card)->by_topic) {
      TemplateDictionary* row = topics->AddSectionDictionary("ROW");
      row->SetValue("TOPIC", topic.empty() ? "未分类" : topic);
      AddCountsRow(row, counts);
    }
    page.foot->ShowSection("CHARTS");
  }
  for (const tracking::Series& s : (*card)->series) {
    TemplateDictionary* series = dict->AddSectionDictionary("SERIES");
    series->SetValue("INDICATOR", s.indicator_name);
    series->SetValue("MEASURE", std::string(tracking::MeasureLabel(s.measure)));
    series->SetValue("UNIT", s.unit.empty() ? "无单位" : s.unit);
    series->SetValue(
        "ESCALATION_URL",
        "/genzong/jiama?" +
            BuildQueryString({{"indicator", s.indicator_id},
                              {"measure", std::string(tracking::MeasureName(s.measure))}}));
    json chart = {{"unit", s.unit},
                  {"years", json::array()},
                  {"target", json::array()},
                  {"outcome", json::array()}};
    for (const tracking::SeriesPoint& p : s.points) {
      TemplateDictionary* row = series->AddSectionDictionary("POINT");
      row->SetIntValue("YEAR", p.year);
      row->SetValue("TARGET_TEXT", p.target_text);
      row->SetValue("TARGET", SeriesFigure(p.target_value, p.target_value_max, s.unit));
      row->SetValue("OUTCOME", p.outcome_value ? SeriesFigure(*p.outcome_value, {}, s.unit) : "—");
      row->SetValue("STATUS_KEY", std::string(tracking::StatusName(p.status)));
      row->SetValue("STATUS", std::string(targets::StatusLabel(p.status)));
      chart["years"].push_back(p.year);
      chart["target"].push_back(p.target_value);
      chart["outcome"].push_back(p.outcome_value ? json(*p.outcome_value) : json());
    }
    series->SetValue("CHART_JSON", text::JsonText(chart));
  }
  HttpResponse response = state->RenderPage("scorecard.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// A place's own tracked targets (not those of places under it) read as a
// canonical indicator, the headlines a year is compared by, and the plan
// years they are of, newest first.
struct OwnTargets {
  std::vector<tracking::TrackedTarget> tracked;
  std::vector<int> years;
};

Result<OwnTargets> LoadOwnTargets(store::Store* store, const std::string& code) {
  tracking::TrackQuery query;
  query.region_code = code;
  query.place_only = true;
  query.commitments = false;
  query.read_as_indicator = true;
  Result<std::vector<tracking::TrackedTarget>> tracked =
      tracking::TrackStored(store, query, PortalTrackOptions());
  if (!tracked.ok()) return tracked.status();
  OwnTargets own{std::move(*tracked), {}};
  for (const tracking::TrackedTarget& t : own.tracked) own.years.push_back(t.target.document_year);
  std::sort(own.years.rbegin(), own.years.rend());
  own.years.erase(std::unique(own.years.begin(), own.years.end()), own.years.end());
  return own;
}

// The year a comparison asks for (?year=), else the newest with targets;
// 0 for a malformed year.
int ChangesYear(const HttpRequest& request, const std::vector<int>& years) {
  const std::string_view asked = request.Query("year");
  if (asked.empty()) return years.empty() ? 0 : years.front();
  return search::ParseFilterYear(asked);
}

// /genzong/{code}/bianhua.html: this year's targets against last year's,
// indicator by indicator.
HttpResponse ChangesPage(PortalState* state, const HttpRequest& request,
                         const RouteParams& params) {
  const std::string code(FieldValue(params, "code"));
  const regions::Region* region = TrackedPlaceOf(code);
  if (region == nullptr) return state->ErrorPage(404, "没有这个地区。", "/genzong/");
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<OwnTargets> own = LoadOwnTargets(&**store, code);
  if (!own.ok()) return state->StoreErrorPage(own.status());
  const int year = ChangesYear(request, own->years);
  if (year == 0 && !request.Query("year").empty()) {
    return state->ErrorPage(400, "年份应为四位数字（1949–2100）", ScorecardUrl(code));
  }
  if (year == 0)
    return state->ErrorPage(404, "这个地区的报告中还没有可逐年比较的指标目标。", "/genzong/");
  Page page = state->NewVisitorPage(region->name + " 目标变化", visitor);
  TemplateDictionary* dict = page.dict.get();
  dict->SetValue("PLACE", region->name);
  dict->SetValue("PLACE_URL", PlacePageUrl(*region));
  dict->SetValue("SCORECARD_URL", ScorecardUrl(code));
  dict->SetIntValue("YEAR", year);
  dict->SetIntValue("YEAR_BEFORE", year - 1);
  dict->SetValue("JSON_URL", "/api/v1/changes/" + code + "?year=" + std::to_string(year));
  for (int y : own->years) {
    TemplateDictionary* link = dict->AddSectionDictionary("YEAR_LINK");
    link->SetIntValue("YEAR", y);
    link->SetValue("URL", "/genzong/" + code + "/bianhua.html?year=" + std::to_string(y));
    if (y == year) link->ShowSection("CURRENT");
  }
  const std::vector<tracking::YearChange> changes =
      tracking::CompareWithYearBefore(own->tracked, year);
  if (changes.empty()) dict->ShowSection("EMPTY");
  const auto put_target = [](TemplateDictionary* row, std::string_view prefix,
                             const tracking::TrackedTarget* t) {
    if (t == nullptr) return;
    TemplateDictionary* cell = row->AddSectionDictionary(std::string(prefix));
    cell->SetValue("TEXT", t->target.finding.text);
    cell->SetValue("URL", ReportUrl(t->target.document_id, t->target.geo, t->target.level) + "#t" +
                              std::to_string(t->target.ordinal + 1));
  };
  for (const tracking::YearChange& c : changes) {
    TemplateDictionary* row = dict->AddSectionDictionary("ROW");
    row->SetValue("INDICATOR", c.indicator_name);
    row->SetValue("MEASURE", std::string(tracking::MeasureLabel(c.measure)));
    row->SetValue("CHANGE_KEY", std::string(tracking::TargetChangeName(c.change)));
    row->SetValue("CHANGE", std::string(tracking::TargetChangeLabel(c.change)));
    put_target(row, "BEFORE", c.before);
    put_target(row, "AFTER", c.after);
  }
  HttpResponse response = state->RenderPage("changes.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// /api/v1/changes/{code}?year=: the same comparison as JSON.
HttpResponse ChangesApi(store::Store& store, const HttpRequest& request,
                        const RouteParams& params) {
  const std::string code(FieldValue(params, "code"));
  if (TrackedPlaceOf(code) == nullptr) return JsonError(404, "没有这个地区");
  Result<OwnTargets> own = LoadOwnTargets(&store, code);
  if (!own.ok()) return JsonStatusError(own.status());
  const int year = ChangesYear(request, own->years);
  if (year == 0 && !request.Query("year").empty()) {
    return JsonError(400, "年份应为四位数字（1949–2100）");
  }
  if (year == 0) return JsonError(404, "这个地区的报告中还没有可逐年比较的指标目标");
  json j = tracking::YearChangesJson(tracking::CompareWithYearBefore(own->tracked, year), year,
                                     PortalDocumentUrl());
  j["region_code"] = code;
  return ApiJson(j);
}

// /genzong/: every place with documents of its own, by level, each linked
// to its scorecard; and the escalation form.
HttpResponse TrackingIndex(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  Page page = state->NewVisitorPage("目标跟踪", visitor);
  TemplateDictionary* dict = page.dict.get();
  for (const tracking::Indicator& i : PortalTrackOptions().lexicon->indicators()) {
    TemplateDictionary* option = dict->AddSectionDictionary("INDICATOR_OPTION");
    option->SetValue("VALUE", i.id);
    option->SetValue("NAME", i.name);
    if (i.id == kDefaultIndicator) option->ShowSection("SELECTED");
  }
  for (regions::RegionLevel level : regions::kAllRegionLevels) {
    TemplateDictionary* group = nullptr;
    for (const store::RegionSummary& r : *regions) {
      if (r.documents == 0 || r.region.level != level) continue;
      if (group == nullptr) {
        group = dict->AddSectionDictionary("LEVEL");
        group->SetValue("NAME", std::string(regions::RegionLevelLabel(level)));
      }
      TemplateDictionary* item = group->AddSectionDictionary("PLACE");
      item->SetValue("URL", ScorecardUrl(r.region.code));
      item->SetValue("NAME", r.region.name);
      item->SetIntValue("COUNT", static_cast<long>(r.documents));
    }
  }
  HttpResponse response = state->RenderPage("tracking.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse ScorecardCsv(PortalState* state, const RouteParams& params) {
  const std::string code(FieldValue(params, "code"));
  if (TrackedPlaceOf(code) == nullptr) return state->ErrorPage(404, "没有这个地区。", "/genzong/");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  tracking::TrackQuery query;
  query.region_code = code;
  Result<std::vector<tracking::TrackedTarget>> tracked =
      tracking::TrackStored(&**store, query, PortalTrackOptions());
  if (!tracked.ok()) return state->StoreErrorPage(tracked.status());
  // The place's own targets, as on its scorecard (not those of places under it).
  std::vector<const tracking::TrackedTarget*> own;
  for (const tracking::TrackedTarget& t : *tracked) {
    if (t.target.region_code == code) own.push_back(&t);
  }
  return Csv(tracking::TrackedCsv(own, PortalTrackOptions().tolerance, PortalDocumentUrl()),
             "mubiao-genzong-" + code + ".csv");
}

HttpResponse EscalationCsvResponse(PortalState* state, TrackingCaches* caches,
                                   const HttpRequest& request) {
  std::variant<EscalationInputs, HttpResponse> inputs = ReadEscalationInputs(state, request);
  if (HttpResponse* error = std::get_if<HttpResponse>(&inputs)) return std::move(*error);
  EscalationInputs& in = std::get<EscalationInputs>(inputs);
  Result<std::shared_ptr<const tracking::Escalation>> e =
      LoadEscalation(caches, *in.store, in.query);
  if (!e.ok()) return state->StoreErrorPage(e.status());
  return Csv(tracking::EscalationCsv(**e, PortalDocumentUrl()),
             "mubiao-jiama-" + (*e)->indicator_id + "-" + std::to_string((*e)->year) + ".csv");
}

// GET /api/v1/tracking: tracked targets by region, year, indicator or
// document; at least one of region, indicator and document_id, so that one
// request does not judge the whole archive.
HttpResponse TrackingApi(store::Store& store, const HttpRequest& request) {
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return JsonStatusError(filters.status());
  if (filters->year_min != filters->year_max) return JsonError(400, "year 应为单个年份，如 2023");
  Result<int> document = PositiveIntParam(request, "document_id", 0);
  if (!document.ok()) return JsonStatusError(document.status());
  tracking::TrackQuery query;
  query.region_code = filters->region_code;
  query.year = filters->year_min;
  query.indicator = std::string(request.Query("indicator"));
  query.document_id = *document;
  if (query.region_code.empty() && query.indicator.empty() && query.document_id == 0) {
    return JsonError(400, "请至少指定 region、indicator 或 document_id 之一");
  }
  Result<int> page = PageFromQuery(request, 100000);
  if (!page.ok()) return JsonStatusError(page.status());
  Result<int> per_page = PositiveIntParam(request, "per_page", kDefaultPerPage);
  if (!per_page.ok()) return JsonStatusError(per_page.status());
  if (*per_page > kMaxPerPage) return JsonError(400, "per_page 不能超过 500");
  const int offset = (*page - 1) * *per_page;
  Result<tracking::TrackedPage> tracked =
      tracking::TrackStoredPage(&store, query, offset, *per_page, PortalTrackOptions());
  if (!tracked.ok()) return JsonStatusError(tracked.status());
  json list = json::array();
  for (const tracking::TrackedTarget& t : tracked->targets) {
    list.push_back(
        tracking::TrackedTargetJson(t, PortalTrackOptions().tolerance, PortalDocumentUrl()));
  }
  return ApiJson({{"total", tracked->total},
                  {"offset", offset},
                  {"counts", tracking::StatusCountsJson(tracked->counts)},
                  {"targets", list}});
}

HttpResponse ScorecardApi(TrackingCaches* caches, store::Store& store, const RouteParams& params) {
  const std::string code(FieldValue(params, "code"));
  const regions::Region* region = TrackedPlaceOf(code);
  if (region == nullptr) return JsonError(404, "没有这个地区代码");
  Result<std::shared_ptr<const tracking::Scorecard>> card = LoadScorecard(caches, store, code);
  if (!card.ok()) return JsonStatusError(card.status());
  json j = tracking::ScorecardJson(**card);
  j["region_code"] = code;
  j["name"] = region->name;
  j["url"] = ScorecardUrl(code);
  return ApiJson(j);
}

HttpResponse EscalationApi(TrackingCaches* caches, store::Store& store,
                           const HttpRequest& request) {
  Result<std::pair<int, int>> years = StoredYears(store);
  if (!years.ok()) return JsonStatusError(years.status());
  Result<EscalationQuery> q = EscalationQueryOf(request, years->second);
  if (!q.ok()) return JsonStatusError(q.status());
  Result<std::shared_ptr<const tracking::Escalation>> e = LoadEscalation(caches, store, *q);
  if (!e.ok()) return JsonStatusError(e.status());
  return ApiJson(
      tracking::EscalationJson(**e, PortalTrackOptions().tolerance, PortalDocumentUrl()));
}

}  // namespace

void AddTrackingRoutes(PortalState* state) {
  Router& r = state->router;
  // Shared by the handlers, which live as long as the portal.
  auto caches = std::make_shared<TrackingCaches>(state->options.page_cache_seconds);
  r.Add("GET", "/genzong/", [state](const HttpRequest& request, const RouteParams&) {
    return TrackingIndex(state, request);
  });
  r.Add("GET", "/genzong/jiama", [state, caches](const HttpRequest& request, const RouteParams&) {
    return EscalationPage(state, caches.get(), request);
  });
  r.Add("GET", "/genzong/{code}.html",
        [state, caches](const HttpRequest& request, const RouteParams& params) {
          return ScorecardPage(state, caches.get(), request, params);
        });
  r.Add("GET", "/genzong/{code}/bianhua.html",
        [state](const HttpRequest& request, const RouteParams& params) {
          return ChangesPage(state, request, params);
        });
  // Before {code}.csv, which would take "jiama" as a code.
  r.Add("GET", "/export/genzong/jiama.csv",
        [state, caches](const HttpRequest& request, const RouteParams&) {
          return EscalationCsvResponse(state, caches.get(), request);
        });
  r.Add("GET", "/export/genzong/{code}.csv",
        [state](const HttpRequest&, const RouteParams& params) {
          return ScorecardCsv(state, params);
        });
  const auto add_api = [&](std::string path, auto answer) {
    r.Add("GET", std::move(path), WithStore(state, std::move(answer), JsonStatusError));
  };
  add_api("/api/v1/tracking", [](store::Store& s, const HttpRequest& q, const RouteParams&) {
    return TrackingApi(s, q);
  });
  add_api("/api/v1/scorecard/{code}",
          [caches](store::Store& s, const HttpRequest&, const RouteParams& p) {
            return ScorecardApi(caches.get(), s, p);
          });
  add_api("/api/v1/changes/{code}", [](store::Store& s, const HttpRequest& q,
                                       const RouteParams& p) { return ChangesApi(s, q, p); });
  add_api("/api/v1/escalation",
          [caches](store::Store& s, const HttpRequest& q, const RouteParams&) {
            return EscalationApi(caches.get(), s, q);
          });
}

}  // namespace mubiao::web
